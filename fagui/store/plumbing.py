"""The git plumbing under adding a version: commit two files without reading
or writing the user's index, under git's index lock, and put back what was
written if the commit cannot be made.

The commit is built in a temporary index from ``HEAD`` plus the files, so
whatever else the user has staged or changed is never committed and never
disturbed; afterwards only the index entries of those files are updated.
Holding ``index.lock`` excludes (and is excluded by) any other git command
that writes the index, a second ``fagui add`` included. Commit hooks are not
run, as with ``git commit-tree``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Iterator

import git
from gitdb.base import IStream

from fagui.atomic import write_atomic
from fagui.errors import FaguiError
from fagui.store.gitcmd import git_path, run, succeeds, work_tree

_UNSAFE_STATES = {
    "MERGE_HEAD": "in the middle of a merge",
    "rebase-merge": "in the middle of a rebase",
    "rebase-apply": "in the middle of a rebase or git am",
    "CHERRY_PICK_HEAD": "in the middle of a cherry-pick",
    "REVERT_HEAD": "in the middle of a revert",
}
"""Files in the git dir whose presence means an operation is under way."""


@contextmanager
def index_lock(repo: git.Repo) -> Iterator[None]:
    """Hold git's index lock (``index.lock``), as every git command that
    writes the index does; fail at once if another process holds it."""
    lock = git_path(repo, "index") + ".lock"
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except FileExistsError:
        raise FaguiError(
            "the index is locked by another git process (another fagui add?); "
            "try again when it has finished, or remove the lock file if no git process is running",
            lock,
        ) from None
    try:
        yield
    finally:
        os.unlink(lock)


def check_state(repo: git.Repo) -> str:
    """The current branch's ref (refs/heads/...), after refusing a detached HEAD or an
    operation under way."""
    for name, state in _UNSAFE_STATES.items():
        if os.path.exists(git_path(repo, name)):
            raise FaguiError(f"the repository is {state}: finish or abort it first", str(work_tree(repo)))
    if repo.head.is_detached:
        raise FaguiError("HEAD is detached: check out a branch to commit to first", str(work_tree(repo)))
    return repo.head.reference.path


def check_clean(repo: git.Repo, *paths: str) -> None:
    """Refuse ``paths`` if any differs from HEAD, staged or not, or is untracked or ignored."""
    status = run(
        repo, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--", *paths,
        env={"GIT_OPTIONAL_LOCKS": "0"},
    )
    dirty = [entry[3:] for entry in status.split("\0") if entry]
    if dirty:
        raise FaguiError("has uncommitted changes: commit them, or pass --force to discard them", dirty[0])


def check_tag_name(repo: git.Repo, tag: str) -> None:
    if not succeeds(repo, "check-ref-format", f"refs/tags/{tag}"):
        raise FaguiError(f"{tag!r} is not a valid tag name")


def store_blob(repo: git.Repo, data: bytes) -> str:
    """Write ``data`` as a blob, byte for byte (no filters); its sha."""
    return repo.odb.store(IStream("blob", len(data), BytesIO(data))).hexsha.decode("ascii")


def commit_tree(repo: git.Repo, head: git.Commit | None, blobs: dict[str, str], message: str) -> str:
    """A commit of HEAD's tree with ``blobs`` replacing those paths, built
    in a temporary index so the user's index is not read or written."""
    fd, index = tempfile.mkstemp(prefix="fagui-index-", dir=repo.git_dir)
    os.close(fd)
    os.unlink(index)  # git makes a new index where none exists
    env = {"GIT_INDEX_FILE": index}
    try:
        if head is not None:
            run(repo, "read-tree", head.hexsha, env=env)
        run(repo, "update-index", "--add", "--index-info", input=_index_info(blobs), env=env)
        tree = run(repo, "write-tree", env=env)
    finally:
        if os.path.exists(index):
            os.unlink(index)
    parents = ["-p", head.hexsha] if head is not None else []
    return run(repo, "commit-tree", tree, *parents, "-m", message)


def update_index(repo: git.Repo, blobs: dict[str, str]) -> None:
    """Point the user's index entries for ``blobs``' paths at the new blobs
    (the caller holds the index lock); every other entry is kept as is."""
    real = git_path(repo, "index")
    fd, index = tempfile.mkstemp(prefix="fagui-index-", dir=os.path.dirname(real))
    os.close(fd)
    try:
        if os.path.exists(real):
            shutil.copyfile(real, index)
        else:
            os.unlink(index)
        run(repo, "update-index", "--add", "--index-info", input=_index_info(blobs), env={"GIT_INDEX_FILE": index})
        os.replace(index, real)
    finally:
        if os.path.exists(index):
            os.unlink(index)


def _index_info(blobs: dict[str, str]) -> bytes:
    return "".join(f"100644 {sha}\t{path}\n" for path, sha in blobs.items()).encode("utf-8")


def write_work_tree(root: Path, files: dict[str, bytes]) -> dict[str, bytes | None]:
    """Write each file (path relative to ``root``) atomically; return what each
    held before (None: absent). If one write fails, the ones done are undone."""
    saved: dict[str, bytes | None] = {}
    try:
        for rel, data in files.items():
            target = root / rel
            saved[rel] = target.read_bytes() if target.exists() else None
            write_atomic(target, data)
    except BaseException:
        restore_work_tree(root, saved)
        raise
    return saved


def restore_work_tree(root: Path, saved: dict[str, bytes | None]) -> None:
    """Put back what :func:`write_work_tree` returned."""
    for rel, data in saved.items():
        target = root / rel
        if data is None:
            target.unlink(missing_ok=True)
        else:
            write_atomic(target, data)
