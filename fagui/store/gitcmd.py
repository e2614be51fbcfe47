"""Git as the store runs it: commands in a corpus's work tree, failing with
git's own message as FaguiError, and files read out of commits."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
from pathlib import Path

import git

from fagui.errors import FaguiError


def work_tree(repo: git.Repo) -> Path:
    """The top of ``repo``'s work tree, the folder its git commands run in."""
    return Path(repo.working_tree_dir)


def run(repo: git.Repo, *args: str, input: bytes | None = None, env: dict | None = None) -> str:
    """Run git in the work tree; its output without the final newline.
    A failure becomes FaguiError with git's own message."""
    command = ["git", *args]
    try:
        if input is None:
            return repo.git.execute(command, env=env)
        with tempfile.TemporaryFile() as stdin:
            stdin.write(input)
            stdin.seek(0)
            return repo.git.execute(command, env=env, istream=stdin)
    except git.GitCommandError as exc:
        stderr = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else str(exc.stderr)
        stderr = stderr.strip().strip("'").removeprefix("stderr: ").strip("'")
        raise git_failure(args, stderr, exc.status, str(work_tree(repo))) from None


STALE_LOCK = (
    "exists: a git command was killed while it held this lock, or one is still running; "
    "if no git process is running, remove this file and run the command again"
)
_LOCK_RE = re.compile(r"Unable to create '([^']+\.lock)': File exists")
_DISK_FULL = ("No space left on device", "Out of diskspace", "Disk quota exceeded")
_QUOTED_PATH_RE = re.compile(r"'(/[^']+)'")
_OBJECTS_RE = re.compile(
    r"(?:unable to create temporary file|unable to write loose object file"
    r"|insufficient permission for adding an object to repository database \S+)(?:: (.*))?"
)


def git_failure(args: tuple[str, ...] | list[str], stderr: str, status: int | str | None, where: str) -> FaguiError:
    """git's failure as one line naming the file at fault where git's message
    names one: a lock file left by a killed git command, a full disk, a
    read-only object store; else git's last line, naming ``where``."""
    lock = _LOCK_RE.search(stderr)
    if lock:
        return FaguiError(STALE_LOCK, lock.group(1))
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if any(words in stderr for words in _DISK_FULL):
        path = _QUOTED_PATH_RE.search(stderr)
        shown = path.group(1) if path else os.path.join(where, ".git", "objects") if "object" in stderr else where
        return FaguiError(f"git {args[0]} failed: the disk is full (No space left on device): free some space and run it again", shown)
    objects = _OBJECTS_RE.search(stderr)
    if objects:
        reason = objects.group(1).strip() or "permission denied"
        return FaguiError(f"git {args[0]} failed: cannot write to git's object store: {reason}", os.path.join(where, ".git", "objects"))
    return FaguiError(f"git {args[0]} failed: {lines[-1] if lines else f'exit status {status}'}", where)


def git_in(folder: str | os.PathLike, *args: str) -> str:
    """Run git in ``folder``, which need not be a repository yet (``git
    init``); failing as :func:`run` does."""
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True)
    if done.returncode != 0:
        raise git_failure(args, done.stderr.decode("utf-8", "replace"), done.returncode, str(folder))
    return done.stdout.decode("utf-8", "replace").rstrip("\n")


def succeeds(repo: git.Repo, *args: str) -> bool:
    """Whether git exits 0: for questions a failure answers."""
    try:
        repo.git.execute(["git", *args])
        return True
    except git.GitCommandError:
        return False


def git_path(repo: git.Repo, name: str) -> str:
    """The file ``name`` in the git dir, by ``--git-path`` because it honours
    GIT_INDEX_FILE and linked work trees; asked of git once per name."""
    key = (str(work_tree(repo)), name, os.environ.get("GIT_INDEX_FILE"), os.environ.get("GIT_DIR"))
    if key not in _GIT_PATHS:
        _GIT_PATHS[key] = os.path.join(work_tree(repo), run(repo, "rev-parse", "--git-path", name))
    return _GIT_PATHS[key]


_GIT_PATHS: dict[tuple, str] = {}


def blob_id(raw: bytes | None) -> str | None:
    """The id git gives a blob of these bytes (no filters); None for None."""
    return None if raw is None else hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


def head(repo: git.Repo) -> git.Commit | None:
    """The commit HEAD points to, or None on a branch with no commits yet."""
    if not succeeds(repo, "rev-parse", "--verify", "-q", "HEAD^{commit}"):
        return None
    return repo.head.commit


def blob_bytes(commit: git.Commit | None, path: str) -> bytes | None:
    """The file at ``path`` in ``commit``, byte for byte; None when either is absent."""
    if commit is None:
        return None
    try:
        return (commit.tree / path).data_stream.read()
    except KeyError:
        return None
