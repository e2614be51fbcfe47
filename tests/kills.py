"""What the kill tests check after killing ``fagui add``: a repository's
whole state (``state``), a recovery that leaves exactly the old state or the
new one (``recover_and_check``), and waiting until the killed add's git
commands have ended (``settle``). Not a test module: test modules import from
here, never from each other."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import git as gitpython
from gitrepos import git

from fagui.store.journal import journaled


def state(repo: Path) -> tuple:
    """What must be exactly old or new: the refs, the index entries, git's
    view of the work tree, every file outside .git, and git's own leftovers."""
    files = {
        str(p.relative_to(repo)): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(repo).parts
    }
    leftovers = sorted(p.name for p in (repo / ".git").iterdir() if p.name.startswith("fagui-") or p.name.endswith(".lock"))
    return (
        git(repo, "for-each-ref", "--format=%(refname) %(objectname)"),
        git(repo, "ls-files", "-s"),
        git(repo, "--no-optional-locks", "status", "--porcelain=v1", "--untracked-files=all"),
        files,
        leftovers,
    )


def recover_and_check(repo: Path, old: tuple, new: tuple) -> str:
    """Recover (as the next add does, before anything else) and compare."""
    with journaled(gitpython.Repo(repo)):
        pass
    after = state(repo)
    assert after in (old, new), "\n".join(f"{a!r}\n  vs old {o!r}\n  vs new {n!r}" for a, o, n in zip(after, old, new) if a != o)
    return "new" if after == new else "old"


def settle(repo: Path) -> None:
    """Wait until no git command the killed add started is still running:
    each holds the add's flock (it is passed to them), as a recovery would."""
    lock = repo / ".git" / "fagui-add.lock"
    if not lock.exists():
        return
    fd = os.open(lock, os.O_RDWR)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                assert time.monotonic() < deadline, "a git command of the killed add never ended"
                time.sleep(0.02)
    finally:
        os.close(fd)
