"""Adding a regulation's whole history at once: several raw texts, each
committed as one version, oldest first, skipping any already recorded."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from fagui.errors import FaguiError, argument
from fagui.messages import DEFAULT_LANG, Lang
from fagui.files import read_bytes
from fagui.ingest import ingest_bytes
from fagui.store.adding import AddResult
from fagui.store.corpus import Corpus
from fagui.store.gitcmd import blob_history, blob_id
from fagui.store.paths import check_id, check_new_id, source_path

_NAME_DATE_RE = re.compile(r"[(（](\d{4}-\d{2}-\d{2})[)）]")
"""The date in a LawRefBook file name: 仲裁法(2017-09-01).md."""


@dataclass(frozen=True)
class Source:
    """One raw text to add: its name (as the user gave it) and bytes."""

    name: str
    raw: bytes


@dataclass(frozen=True)
class BatchEntry:
    """What happened to one source: ``result`` when it was added, else
    ``recorded`` is the commit that already holds these exact bytes."""

    name: str
    date: str
    result: AddResult | None = None
    recorded: str | None = None


def read_sources(paths: list[str]) -> list[Source]:
    """The files named, a folder standing for the regular files directly in it
    (hidden ones left out). Raises FaguiError naming a file that cannot be
    read or a folder with no file."""
    sources: list[Source] = []
    for path in paths:
        if os.path.isdir(path):
            names = sorted(e.path for e in os.scandir(path) if e.is_file(follow_symlinks=False) and not e.name.startswith("."))
            if not names:
                raise FaguiError("a folder with no file to add", path)
            sources += [Source(name, read_bytes(name)) for name in names]
        else:
            sources.append(Source(path, read_bytes(path)))
    return sources


def in_order(sources: list[Source]) -> list[tuple[str, bool, Source]]:
    """(date, stated, source), oldest first: by the effective date each text
    states (``stated``), else the date in its file name (LawRefBook's
    名称(YYYY-MM-DD).md); a tie goes by the file-name date, then the name.
    Raises FaguiError naming a source that is no regulation or has no date
    either way."""
    keyed = []
    for source in sources:
        try:
            effective = ingest_bytes(source.raw, os.path.basename(source.name)).regulation.metadata.effective
        except FaguiError as exc:
            raise FaguiError(exc.message, source.name, exc.line) from None
        m = _NAME_DATE_RE.search(Path(source.name).name)
        named = m.group(1) if m else ""
        date = effective or named
        if not date:
            raise FaguiError(f"no effective date in the text (自…起施行) or the file name (名称(YYYY-MM-DD)): add it alone with {argument('effective')}", source.name)
        keyed.append(((date, named, source.name), effective is not None, source))
    return [(key[0], stated, source) for key, stated, source in sorted(keyed, key=lambda k: k[0])]


def recorded_sources(corpus: Corpus, regulation_id: str) -> dict[str, str]:
    """Git blob id of every source text ever committed for the regulation ->
    the (newest) commit that has it."""
    found: dict[str, str] = {}
    for commit, blob in blob_history(corpus.repo, source_path(check_id(regulation_id))):
        found.setdefault(blob, commit)
    return found


def add_versions(
    corpus: Corpus,
    paths: list[str],
    regulation_id: str,
    *,
    message: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    lang: Lang = DEFAULT_LANG,
) -> list[BatchEntry]:
    """Commit each file (a folder: each file in it, see :func:`read_sources`)
    as a version of ``regulation_id``, oldest first (see :func:`in_order`),
    one commit each; a text that states no effective date takes the date in
    its file name; a file whose exact bytes are already recorded for the
    regulation is skipped, so adding the same files twice adds nothing. Every
    file is read and ingested before anything is committed: bad input commits
    nothing. ``progress(name, done, total)`` is called as each file is done.
    Raises FaguiError naming the file at fault."""
    check_new_id(regulation_id)
    ordered = in_order(read_sources(paths))
    recorded = recorded_sources(corpus, regulation_id)
    entries: list[BatchEntry] = []
    for date, stated, source in ordered:
        blob = blob_id(source.raw)
        if blob in recorded:
            entries.append(BatchEntry(source.name, date, recorded=recorded[blob]))
        else:
            effective = None if stated else date
            result = corpus.add(source.raw, regulation_id, effective=effective, name=source.name, message=message, lang=lang)
            recorded[blob] = result.commit
            entries.append(BatchEntry(source.name, date, result=result))
        if progress is not None:
            progress(source.name, len(entries), len(ordered))
    return entries
