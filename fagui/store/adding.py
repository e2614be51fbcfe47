"""Adding a version: ingest raw text and commit its canonical Markdown and the
raw bytes as the regulation's next version, or refuse before touching anything.
How the commit is made is :mod:`fagui.store.plumbing`."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass

from fagui.errors import FaguiError
from fagui.ingest import ingest_bytes
from fagui.markdown import write_regulation
from fagui.model import Regulation
from fagui.store.changes import Changes, changes
from fagui.store.gitcmd import blob_bytes, head as head_commit, run, succeeds, work_tree
from fagui.store.message import commit_message
from fagui.store.paths import check_date, markdown_path, source_path
from fagui.store.plumbing import (
    check_clean,
    check_state,
    check_tag_name,
    commit_tree,
    index_lock,
    restore_work_tree,
    store_blob,
    update_index,
    write_work_tree,
)
from fagui.store.versions import Reader


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Corpus.add` did.

    ``created`` is false when the text was already the current version: then
    ``commit`` is the commit that made that version and nothing was committed.
    ``path`` is the Markdown file, relative to the top of the work tree.
    """

    id: str
    path: str
    commit: str
    created: bool
    effective: str
    changes: Changes
    tag: str | None = None


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
) -> AddResult:
    """:meth:`fagui.store.Corpus.add` (which says what it does and refuses) in
    the repository ``reader`` reads, the previous version read through it."""
    repo = reader.repo
    root = work_tree(repo)
    md_path, src_path = markdown_path(regulation_id), source_path(regulation_id)
    if effective is not None:
        check_date(effective, "effective date")
    regulation = _ingest(raw, name or "<input>", effective, source)
    new_md = write_regulation(regulation).encode("utf-8")
    if tag is not None:
        check_tag_name(repo, tag)
    with index_lock(repo):
        branch = check_state(repo)
        if not force:
            check_clean(repo, md_path, src_path)
        if tag is not None and succeeds(repo, "rev-parse", "--verify", "-q", f"refs/tags/{tag}"):
            raise FaguiError(f"tag {tag!r} exists already")
        head = head_commit(repo)
        old_md = blob_bytes(head, md_path)
        old_src = blob_bytes(head, src_path)
        if old_md == new_md and old_src == raw:
            commit = reader.chain(regulation_id, head.hexsha)[0][0].hexsha
            if force:
                write_work_tree(root, {md_path: new_md, src_path: raw})
                update_index(repo, {md_path: store_blob(repo, new_md), src_path: store_blob(repo, raw)})
            if tag is not None:
                run(repo, "update-ref", f"refs/tags/{tag}", commit, "")
            return AddResult(regulation_id, md_path, commit, False, regulation.metadata.effective, Changes(()), tag)
        before = reader.read_at(regulation_id, head, f"{regulation_id}@HEAD") if old_md else None
        found = changes(before, regulation)
        blobs = {md_path: store_blob(repo, new_md), src_path: store_blob(repo, raw)}
        text = commit_message(regulation_id, regulation, found, message)
        commit = commit_tree(repo, head, blobs, text)
        saved = write_work_tree(root, {md_path: new_md, src_path: raw})
        try:
            # Compare-and-swap: fails if the branch moved since we read HEAD.
            run(repo, "update-ref", "-m", "fagui add: " + text.split("\n", 1)[0], branch, commit, head.hexsha if head else "")
        except FaguiError as exc:
            restore_work_tree(root, saved)
            raise FaguiError(f"{exc.message} (nothing was committed; the files were put back as they were)", exc.path) from None
        except BaseException:
            restore_work_tree(root, saved)
            raise
        if tag is not None:
            run(repo, "update-ref", f"refs/tags/{tag}", commit, "")
        update_index(repo, blobs)
    return AddResult(regulation_id, md_path, commit, True, regulation.metadata.effective, found, tag)


def _ingest(raw: bytes, name: str, effective: str | None, source: str | None) -> Regulation:
    """``raw`` as a regulation, ``effective`` and ``source`` overriding what it
    states; refused when it states no effective date and none is given."""
    try:
        regulation = ingest_bytes(raw, os.path.basename(name)).regulation
    except FaguiError as exc:
        raise FaguiError(exc.message, name, exc.line) from None
    meta = regulation.metadata
    if effective is None and meta.effective is None:
        raise FaguiError("the text states no effective date (自…起施行): give one with --effective YYYY-MM-DD", name)
    meta = dataclasses.replace(meta, effective=effective or meta.effective, source=source or meta.source)
    return dataclasses.replace(regulation, metadata=meta)
