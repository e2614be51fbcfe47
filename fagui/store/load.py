"""A regulation named on a command line: a canonical Markdown file, a raw
source (any layout ``fagui ingest`` reads), or ``ID[@REV]`` in the corpus."""

from __future__ import annotations

import os

from fagui.errors import FaguiError
from fagui.files import decode_utf8, read_bytes
from fagui.markdown import is_canonical, read_regulation
from fagui.model import DocumentRef, Regulation
from fagui.store.paths import ID_RE


def load(spec: str, repo: str | os.PathLike = ".") -> tuple[Regulation, DocumentRef]:
    """A regulation from a FILE -- canonical Markdown, or a raw source that
    is ingested on the way (plain text, LawRefBook Markdown, a Word file, a
    saved web page, a PDF: whatever ``fagui ingest`` reads) -- or ``ID[@REV]`` in the
    corpus containing ``repo`` (see :meth:`fagui.store.corpus.Corpus.resolve`).

    An existing file wins; anything else must be an id with an optional
    revision. Raises FaguiError naming ``spec`` when it is neither. Reading a
    file does not touch git (nor load GitPython); the ingest pipeline is
    loaded only for a file that is not canonical Markdown (which starts with
    front matter opening with its title; an flk mirror's YAML, which opens
    with its record id, is a raw source).
    """
    if os.path.isfile(spec):
        raw = read_bytes(spec)
        if is_canonical(raw):
            regulation = read_regulation(decode_utf8(raw, spec).removeprefix("\ufeff"), spec)
        else:
            from fagui.ingest import ingest_bytes  # a raw source: comparing it means reading it first

            regulation = ingest_bytes(raw, spec).regulation
        meta = regulation.metadata
        # Not fagui.compare.document_ref: showing a file should not load the comparison engine.
        return regulation, DocumentRef.from_metadata(meta)
    if os.path.isdir(spec):
        raise FaguiError("is a folder: name a file, or a regulation by its id (ID or ID@REV)", spec)
    regulation_id = spec.partition("@")[0]
    if not ID_RE.fullmatch(regulation_id):
        raise FaguiError("no such file, and not a regulation id (ID or ID@REV)", spec)
    # Imported here so that comparing two files never loads GitPython.
    from fagui.store.corpus import Corpus

    return Corpus(repo).resolve(spec)
