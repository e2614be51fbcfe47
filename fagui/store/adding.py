"""Adding a version: ingest raw text and commit its canonical Markdown and the
raw bytes as the regulation's next version, or refuse before touching anything.
How the commit is made is :mod:`fagui.store.plumbing`; how the work tree,
index, branch and tag change, safely against a kill, :mod:`fagui.store.journal`."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass

import git

from fagui.errors import FaguiError, argument
from fagui.ingest import ingest_bytes
from fagui.ingest.audit import Warning as IngestWarning
from fagui.ingest.metadata import EFFECTIVE_ON_PROMULGATION_RE
from fagui.markdown import write_regulation
from fagui.model import Regulation
from fagui.store.changes import Changes, changes
from fagui.store.gitcmd import blob_bytes, head as head_commit, succeeds, work_tree
from fagui.store.journal import journaled, pause, plan_files, read_seen
from fagui.messages import DEFAULT_LANG, Lang
from fagui.store.message import commit_message
from fagui.store.paths import TEXTS, check_date, markdown_path, source_path
from fagui.store.plumbing import check_clean, check_paths, check_state, check_tag_name, check_unchanged, store_blob
from fagui.store.versions import Reader, enacted_after_effective


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Corpus.add` did.

    ``created`` is false when the text was already the current version: then
    ``commit`` is the commit that made that version and nothing was committed.
    ``path`` is the Markdown file, relative to the top of the work tree.
    ``same_title`` is the id of another regulation of the same title when
    this added the first version of a new id (a misspelt ``--id``?).
    """

    id: str
    path: str
    commit: str
    created: bool
    effective: str
    changes: Changes
    tag: str | None = None
    same_title: str | None = None
    enacted_later: tuple[str, str] | None = None
    """(``"adopted"``/``"revised"``/``"amended"``/``"promulgated"``, date) when the version's effective
    date is older than that (:func:`~fagui.store.versions.enacted_after_effective`)."""
    warnings: tuple[IngestWarning, ...] = ()
    """What ingesting the text found looks wrong and did not fix (article
    numbering that jumps, …), as ``fagui ingest`` warns: the version is
    committed all the same."""


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
TITLE_LINE_RE = re.compile(r"---\ntitle: (.*)\n")
"""A canonical text's first front-matter line (a value YAML would misread is JSON-quoted)."""


def add_version(
    reader: Reader,
    raw: bytes,
    regulation_id: str,
    *,
    effective: str | None,
    source: str | None,
    name: str | None,
    message: str | None,
    tag: str | None,
    force: bool,
    lang: Lang = DEFAULT_LANG,
) -> AddResult:
    """:meth:`fagui.store.Corpus.add` (which says what it does and refuses) in
    the repository ``reader`` reads, the previous version read through it."""
    repo = reader.repo
    root = work_tree(repo)
    md_path, src_path = markdown_path(regulation_id), source_path(regulation_id)
    if effective is not None:
        check_date(effective, "effective date")
    regulation, warnings = _ingest(raw, name or "<input>", effective, source)
    new_md = write_regulation(regulation).encode("utf-8")
    if tag is not None:
        check_tag_name(repo, tag)
    with journaled(repo) as journal:
        branch = check_state(repo)
        if not force:
            check_clean(repo, md_path, src_path)
        pause("checked")
        if tag is not None and succeeds(repo, "rev-parse", "--verify", "-q", f"refs/tags/{tag}"):
            raise FaguiError(f"tag {tag!r} exists already")
        head = head_commit(repo)
        check_paths(repo, head, md_path, src_path)
        seen = {rel: read_seen(root / rel) for rel in (md_path, src_path)}
        if not force:
            check_unchanged(repo, head, seen)
        old_md = blob_bytes(head, md_path)
        old_src = blob_bytes(head, src_path)
        contents = {md_path: new_md, src_path: raw}
        if old_md == new_md and old_src == raw or _same_text(old_md, new_md, source):
            # The current version already (a re-encoded or CRLF copy of its
            # source reads the same): nothing to commit; --force restores
            # the committed files.
            current = {md_path: old_md, src_path: old_src} if force else {}
            commit = reader.chain(regulation_id, head.hexsha)[0][0].hexsha
            plan = plan_files(repo, branch, head, None, tag, commit, current, seen)
            journal.apply(plan, current)
            return AddResult(regulation_id, md_path, commit, False, regulation.metadata.effective, Changes(()), tag)
        before = reader.read_at(regulation_id, head, f"{regulation_id}@HEAD") if old_md else None
        namesake = None if old_md else _same_title(head, regulation.metadata.title, regulation_id)
        found = changes(before, regulation)
        blobs = {rel: store_blob(repo, data) for rel, data in contents.items()}
        text = commit_message(regulation_id, regulation, found, message, lang)
        commit = journal.commit_tree(head, blobs, text)
        journal.apply(plan_files(repo, branch, head, commit, tag, commit, contents, seen), contents)
    meta = regulation.metadata
    enacted = enacted_after_effective(meta.effective, meta.adopted, meta.promulgated)
    if enacted and enacted[0] == "adopted":  # named for what happened that day: 通过, 修订 or 修正
        enacted = (meta.adoption.key, enacted[1])
    return AddResult(regulation_id, md_path, commit, True, meta.effective, found, tag, namesake, enacted, warnings)


def _same_title(head: git.Commit | None, title: str, regulation_id: str) -> str | None:
    """The id of another regulation in the corpus at ``head`` with this title, if any."""
    if head is None:
        return None
    try:
        texts = head.tree / TEXTS
    except KeyError:
        return None
    for blob in texts.traverse():
        if blob.type != "blob" or not blob.path.endswith(".md") or blob.path.endswith(".source.md"):
            continue
        m = TITLE_LINE_RE.match(blob.data_stream.read(4096).decode("utf-8", "replace"))
        other = blob.path[len(TEXTS) + 1 : -len(".md")]
        if m and other != regulation_id and (json.loads(m.group(1)) if m.group(1).startswith('"') else m.group(1)) == title:
            return other
    return None


def _ingest(raw: bytes, name: str, effective: str | None, source: str | None) -> tuple[Regulation, tuple[IngestWarning, ...]]:
    """``raw`` as a regulation, ``effective`` and ``source`` overriding what it
    states, and the ingestion's warnings; refused when it states no
    effective date and none is given."""
    try:
        ingested = ingest_bytes(raw, os.path.basename(name))
        regulation = ingested.regulation
    except FaguiError as exc:
        raise FaguiError(exc.message, name, exc.line) from None
    meta = regulation.metadata
    if source is not None and _CONTROL_RE.search(source):
        raise FaguiError(f"{argument('source')} holds a line break or control character: give the address on one line: {source!r}")
    if effective is None and meta.effective is None:
        raise FaguiError(_no_effective_date(regulation), name)
    meta = dataclasses.replace(meta, effective=effective or meta.effective, source=source or meta.source)
    return dataclasses.replace(regulation, metadata=meta), tuple(ingested.audit.warnings)


_DIGEST_LINE_RE = re.compile(rb"^source_sha256: .*\n", re.M)
_SOURCE_LINE_RE = re.compile(rb"^source: .*\n", re.M)


def _same_text(old_md: bytes | None, new_md: bytes, source: str | None) -> bool:
    """Whether a new canonical text is the current one read from other bytes:
    the same but for the source's digest (another encoding, CRLF line ends),
    and for the source's name unless one is given (``source``)."""
    if old_md is None:
        return False
    strip = [_DIGEST_LINE_RE] + ([] if source else [_SOURCE_LINE_RE])
    for pattern in strip:
        old_md, new_md = pattern.sub(b"", old_md, count=1), pattern.sub(b"", new_md, count=1)
    return old_md == new_md


def _no_effective_date(regulation: Regulation) -> str:
    """Why a text gives no effective date, in its own terms: one that takes
    effect on promulgation (自公布之日起施行) but states no promulgation date
    is told so, not that it states nothing."""
    closing = [block for article in regulation.articles[-3:] for block in article.blocks()]
    if any(EFFECTIVE_ON_PROMULGATION_RE.search(block) for block in closing):
        return (
            "the text takes effect on its promulgation (自公布之日起施行) but states no promulgation date "
            f"(公布): give the date it was promulgated with {argument('effective', 'YYYY-MM-DD')}"
        )
    return f"the text states no effective date (自…起施行): give one with {argument('effective', 'YYYY-MM-DD')}"
