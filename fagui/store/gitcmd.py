"""Git as the store runs it: commands in a corpus's work tree, failing with
git's own message as FaguiError, and files read out of commits."""

from __future__ import annotations

import os
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
        lines = [l.strip() for l in stderr.strip().strip("'").splitlines() if l.strip()]
        detail = lines[-1] if lines else f"exit status {exc.status}"
        if detail.startswith("stderr: "):
            detail = detail[len("stderr: "):].strip("'")
        raise FaguiError(f"git {args[0]} failed: {detail}", str(work_tree(repo))) from None


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
