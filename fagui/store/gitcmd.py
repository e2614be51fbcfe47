"""Git as fagui runs it: the repository around a folder, commands in its work
tree failing with git's own message as FaguiError, revisions, what changed
between two commits (``git diff --raw``), the blobs a file had in each commit
that changed it (``git log --raw``), and files read out of commits. The
one git layer: the store (:mod:`fagui.store`) and the review of a commit
range (:mod:`fagui.review`) both go through it."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from fagui.cache import blob_id as _blob_id
from fagui.errors import FaguiError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import git


def open_repo(path: str | os.PathLike, not_found: str = "not a git repository") -> git.Repo:
    """The git repository containing ``path`` (the folder itself or one
    above it), as GitPython opens it, for the store, which reads commits and
    trees through it; FaguiError ``not_found``, naming ``path``, when there
    is none. What only runs git takes a :class:`Checkout` instead."""
    if not _may_be_in_repository(path):
        raise FaguiError(not_found, str(path))
    import git  # here: open_checkout's users run git without GitPython (~40 ms to import)

    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise FaguiError(not_found, str(path)) from None


def _may_be_in_repository(path: str | os.PathLike) -> bool:
    """False only where GitPython's search from ``path`` upwards cannot find
    a repository: no ``$GIT_DIR`` (or other git folder variable), no ``~`` or
    ``$`` for it to expand, and neither ``path`` nor a folder above it (as
    written or with links resolved) holds a ``.git`` or a ``HEAD``, one of
    which every repository it finds has. A report or a check outside git then
    never loads GitPython (~40 ms); anywhere else GitPython decides."""
    written = os.fspath(path)
    if "~" in written or "$" in written or any(os.environ.get(v) for v in ("GIT_DIR", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY")):
        return True
    for folder in {os.path.abspath(written), os.path.realpath(written)}:
        while True:
            if os.path.lexists(os.path.join(folder, ".git")) or os.path.lexists(os.path.join(folder, "HEAD")):
                return True
            above = os.path.dirname(folder)
            if above == folder:
                break
            folder = above
    return False


@dataclass(frozen=True)
class Checkout:
    """A git repository found by git itself, for what only runs git commands
    (:func:`run` and the functions built on it: ``fagui review``, the driver's
    installation): its work tree (the repository's folder when bare) and the
    git folder its work trees share. GitPython, whose import costs more than
    a review answered from ``.git/fagui-cache/``, is loaded only when a file
    is read out of a commit (:attr:`repo`)."""

    working_dir: str
    common_dir: str

    @cached_property
    def repo(self) -> git.Repo:
        """The same repository opened by GitPython, to read files out of commits."""
        return open_repo(self.working_dir)


if TYPE_CHECKING:
    Repository = git.Repo | Checkout
    """What git commands run in: GitPython's repository or a :class:`Checkout`."""


def open_checkout(path: str | os.PathLike, not_found: str = "not a git repository") -> Checkout:
    """The git repository containing ``path`` (as :func:`open_repo` finds
    it, without GitPython); FaguiError ``not_found``, naming ``path``, when
    there is none."""
    try:
        out = _git(path, ("rev-parse", "--is-bare-repository", "--absolute-git-dir", "--git-common-dir", "--show-cdup"))
    except (FaguiError, OSError):
        raise FaguiError(not_found, str(path)) from None
    bare, git_dir, common, *cdup = out.decode("utf-8", "surrogateescape").split("\n")[:4]
    top = git_dir if bare == "true" else os.path.normpath(os.path.join(os.path.abspath(path), cdup[0] if cdup else ""))
    return Checkout(top, os.path.normpath(os.path.join(os.path.abspath(path), common)))


def work_tree(repo: Repository) -> Path:
    """The top of ``repo``'s work tree, the folder its git commands run in."""
    return Path(repo.working_dir)


GIT_LOCALE = {"LANGUAGE": "C", "LC_ALL": "C"}
"""git's messages in English whatever the user's locale: :func:`git_failure`
reads them (GitPython ran git so too)."""


def _git(folder: str | os.PathLike, args: tuple[str, ...], input: bytes | None = None, env: dict | None = None) -> bytes:
    """What git ``args`` run in ``folder`` prints, byte for byte; FaguiError
    (:func:`git_failure`) when it fails."""
    done = subprocess.run(
        ["git", *args], cwd=folder, input=input, stdin=subprocess.DEVNULL if input is None else None,
        capture_output=True, env={**os.environ, **GIT_LOCALE, **(env or {})},
    )
    if done.returncode != 0:
        raise git_failure(args, done.stderr.decode("utf-8", "replace"), done.returncode, str(folder))
    return done.stdout


def run(repo: Repository, *args: str, input: bytes | None = None, env: dict | None = None) -> str:
    """Run git in the work tree; its output without the final newline.
    A failure becomes FaguiError with git's own message."""
    return _git(work_tree(repo), args, input, env).decode("utf-8", "surrogateescape").removesuffix("\n")


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
    return _git(folder, args).decode("utf-8", "replace").rstrip("\n")


def succeeds(repo: Repository, *args: str) -> bool:
    """Whether git exits 0: for questions a failure answers."""
    try:
        run(repo, *args)
        return True
    except FaguiError:
        return False


def git_path(repo: Repository, name: str) -> str:
    """The file ``name`` in the git dir, by ``--git-path`` because it honours
    GIT_INDEX_FILE and linked work trees; asked of git once per name."""
    key = (str(work_tree(repo)), name, os.environ.get("GIT_INDEX_FILE"), os.environ.get("GIT_DIR"))
    if key not in _GIT_PATHS:
        _GIT_PATHS[key] = os.path.join(work_tree(repo), run(repo, "rev-parse", "--git-path", name))
    return _GIT_PATHS[key]


_GIT_PATHS: dict[tuple, str] = {}


def blob_id(raw: bytes | None) -> str | None:
    """The id git gives a blob of these bytes (no filters); None for None."""
    return None if raw is None else _blob_id(raw)


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


def commit_id(repo: Repository, rev: str) -> str:
    """The full id of the commit ``rev`` names; FaguiError when it names none."""
    try:
        return run(repo, "rev-parse", "--verify", "-q", "--end-of-options", f"{rev}^{{commit}}")
    except FaguiError:
        raise FaguiError(f"no such revision: {rev}", repo.working_dir) from None


@dataclass(frozen=True)
class RawChange:
    """One file changed between two commits, as ``git diff --raw`` reports
    it: its status letter (A, M, D, R, C, T), both paths (the same but for a
    rename or copy), and both modes and blob ids (zeros for a side that is absent)."""

    status: str
    old_path: str
    new_path: str
    old_mode: str
    new_mode: str
    old_blob: str
    new_blob: str


def raw_changes(repo: Repository, base: str, head: str, folder: str) -> list[RawChange]:
    """Every file under ``folder`` that differs from ``base`` to ``head``,
    renames found (``-M``), by path."""
    out = run(repo, "diff", "--raw", "--no-abbrev", "-M", "-z", base, head, "--", f"{folder}/")
    fields = [f for f in out.split("\0") if f]
    changes = []
    i = 0
    while i < len(fields):
        old_mode, new_mode, old_blob, new_blob, status = fields[i].lstrip(":").split()
        if status[0] in "RC":  # a similarity score follows the letter, and both paths are given
            old, new = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old = new = fields[i + 1]
            i += 2
        changes.append(RawChange(status[0], old, new, old_mode, new_mode, old_blob, new_blob))
    return changes


def changed_paths(repo: Repository, base: str, head: str, folder: str) -> list[str]:
    """The paths under ``folder`` that differ from ``base`` to ``head``
    (a rename counted as a deletion and an addition)."""
    out = run(repo, "diff", "--name-only", "--no-renames", "-z", base, head, "--", f"{folder}/")
    return [p for p in out.split("\0") if p]


def blob_history(repo: Repository, path: str) -> list[tuple[str, str]]:
    """(commit id, blob id) for every commit that changed the file at
    ``path`` (a literal path, no pattern), newest first, as ``git log --raw``
    reports it: the blob is the file as that commit left it (zeros where it
    deleted the file)."""
    out = run(repo, "log", "--format=%H", "--raw", "--no-abbrev", "--", f":(literal){path}")
    history = []
    commit = ""
    for line in out.splitlines():
        if re.fullmatch(r"[0-9a-f]{40}", line):
            commit = line
        elif line.startswith(":"):
            history.append((commit, line.split()[3]))
    return history


def tree_blobs(repo: Repository, commit: str, folder: str) -> dict[str, str]:
    """Path -> blob id of every file under ``folder`` at ``commit``."""
    out = run(repo, "ls-tree", "-r", "-z", "--full-tree", commit, "--", f"{folder}/")
    blobs = {}
    for entry in out.split("\0"):
        meta, _, path = entry.partition("\t")
        if path:
            blobs[path] = meta.split()[2]
    return blobs


def default_base(repo: Repository) -> str | None:
    """The merge base of HEAD with the default branch (origin's HEAD, else
    origin/main, origin/master, main or master, the first that exists), or
    None when there is none."""
    candidates = []
    try:
        candidates.append(run(repo, "symbolic-ref", "--short", "refs/remotes/origin/HEAD"))
    except FaguiError:
        pass
    candidates += ["origin/main", "origin/master", "main", "master"]
    for ref in candidates:
        try:
            return run(repo, "merge-base", ref, "HEAD")
        except FaguiError:
            continue
    return None


def regular_file(repo: git.Repo, commit: str, path: str) -> bytes:
    """The bytes of the file at ``path`` in ``commit``: KeyError when there is
    none, FaguiError naming ``path`` when it is a submodule or a symbolic link."""
    entry = repo.commit(commit).tree / path
    if entry.type != "blob" or entry.mode == 0o120000:
        raise FaguiError("a submodule or a symbolic link, not a regulation file", path)
    return entry.data_stream.read()
