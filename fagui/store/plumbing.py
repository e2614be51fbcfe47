"""The git plumbing under adding a version: the checks made before anything
is touched, and the commit made without reading or writing the user's index.

The commit itself, built in a temporary index from ``HEAD`` plus the files
so that whatever else the user has staged or changed is never committed and
never disturbed, and how the work tree, index, branch and tag then change,
safely against a kill, are :mod:`fagui.store.journal`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from fagui.atomic import check_writable
from fagui.errors import FaguiError, argument
from fagui.store.gitcmd import STALE_LOCK, git_path, run, succeeds, work_tree

if TYPE_CHECKING:  # GitPython's repository is handed in by the caller: nothing here needs it loaded
    import git

_UNSAFE_STATES = {
    "MERGE_HEAD": "in the middle of a merge",
    "rebase-merge": "in the middle of a rebase",
    "rebase-apply": "in the middle of a rebase or git am",
    "CHERRY_PICK_HEAD": "in the middle of a cherry-pick",
    "REVERT_HEAD": "in the middle of a revert",
}
"""Files in the git dir whose presence means an operation is under way."""


def check_state(repo: git.Repo) -> str:
    """The current branch's ref (refs/heads/...), after refusing a detached HEAD or an
    operation under way."""
    for name, state in _UNSAFE_STATES.items():
        if os.path.exists(git_path(repo, name)):
            raise FaguiError(f"the repository is {state}: finish or abort it first", str(work_tree(repo)))
    if repo.head.is_detached:
        raise FaguiError("HEAD is detached: check out a branch to commit to first", str(work_tree(repo)))
    branch = repo.head.reference.path
    lock = git_path(repo, branch + ".lock")
    if os.path.exists(lock):
        raise FaguiError(STALE_LOCK, lock)
    return branch


def check_clean(repo: git.Repo, *paths: str) -> None:
    """Refuse ``paths`` if any differs from HEAD, staged or not, or is untracked or ignored."""
    status = run(
        repo, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--", *paths,
        env={"GIT_OPTIONAL_LOCKS": "0"},
    )
    dirty = [entry[3:] for entry in status.split("\0") if entry]
    if dirty:
        raise FaguiError(f"has uncommitted changes: commit them, or pass {argument('force', 'True')} to discard them", dirty[0])


def check_unchanged(repo: git.Repo, head: git.Commit | None, seen: dict[str, bytes | None]) -> None:
    """Refuse a file whose content, read after :func:`check_clean`, is not
    HEAD's (as git would store it, filters applied): an editor saved it in
    between, and that edit must not be written over."""
    for rel, data in seen.items():
        try:
            committed = (head.tree / rel).hexsha if head is not None else None
        except KeyError:
            committed = None
        now = None if data is None else run(repo, "hash-object", f"--path={rel}", "--stdin", input=data)
        if now != committed:
            raise FaguiError("was changed while fagui add ran (an editor saved it?): your version is kept, nothing was committed", rel)


def check_paths(repo: git.Repo, head: git.Commit | None, *paths: str) -> None:
    """Refuse a path that would be written through a symbolic link or over
    something that is not a regular file, in the work tree or in HEAD's tree
    (a committed symbolic link or a submodule on the way)."""
    root = work_tree(repo)
    for rel in paths:
        check_writable(root, rel)
        tree = head.tree if head is not None else None
        parts = rel.split("/")
        for depth, part in enumerate(parts):
            if tree is None:
                break
            try:
                entry = tree / part
            except KeyError:
                break
            last = depth == len(parts) - 1
            if entry.type in ("commit", "submodule"):
                what = "a submodule"
            elif entry.mode == 0o120000:
                what = "a symbolic link"
            elif last and entry.type != "blob":
                what = "a folder"
            elif not last and entry.type != "tree":
                what = "a file, not a folder"
            else:
                tree = None if last else entry
                continue
            raise FaguiError(f"{'/'.join(parts[: depth + 1])} is {what} in HEAD: refusing to write there", rel)


def check_tag_name(repo: git.Repo, tag: str) -> None:
    if not succeeds(repo, "check-ref-format", f"refs/tags/{tag}"):
        raise FaguiError(f"{tag!r} is not a valid tag name")


def store_blob(repo: git.Repo, data: bytes) -> str:
    """Write ``data`` as a blob, byte for byte (no filters); its sha. A full
    disk or a read-only object store is FaguiError naming the file."""
    return run(repo, "hash-object", "-w", "--no-filters", "--stdin", input=data)
