"""A regulation named on a command line: a canonical Markdown file, or
``ID[@REV]`` in the corpus."""

from __future__ import annotations

import os

from fagui.errors import FaguiError
from fagui.files import read_text
from fagui.markdown import read_regulation
from fagui.model import DocumentRef, Regulation
from fagui.store.paths import ID_RE


def load(spec: str, repo: str | os.PathLike = ".") -> tuple[Regulation, DocumentRef]:
    """A regulation from a canonical Markdown FILE, or ``ID[@REV]`` in the
    corpus containing ``repo`` (see :meth:`fagui.store.corpus.Corpus.resolve`).

    An existing file wins; anything else must be an id with an optional
    revision. Raises FaguiError naming ``spec`` when it is neither. Reading a
    file does not touch git (nor load GitPython).
    """
    if os.path.isfile(spec):
        regulation = read_regulation(read_text(spec), spec)
        meta = regulation.metadata
        # Not fagui.compare.document_ref: showing a file should not load the comparison engine.
        return regulation, DocumentRef(id=None, title=meta.title, jurisdiction=meta.jurisdiction, effective=meta.effective)
    regulation_id = spec.partition("@")[0]
    if not ID_RE.fullmatch(regulation_id):
        raise FaguiError("no such file, and not a regulation id (ID or ID@REV)", spec)
    # Imported here so that comparing two files never loads GitPython.
    from fagui.store.corpus import Corpus

    return Corpus(repo).resolve(spec)
