"""Kill-safe adding: the work tree, the index, the branch and a tag are
changed so that a kill at any moment leaves the old state or the new one, and
the index never stages a revert.

git cannot change a branch and the index in one step, so the steps are
ordered and journaled, as SQLite's rollback journal does:

1. ``fagui-add.lock`` in the git dir is locked (``flock``; the kernel drops it
   when the process dies, and the git commands run meanwhile inherit it, so
   it is held until the last of them is gone). A journal left by a killed
   add is recovered now (below).
2. The journal ``fagui-add.journal`` is written with a random token, then
   git's ``index.lock`` is made holding that token: every other git command
   that writes the index now waits or fails, and the token tells a later
   recovery that the lock is ours.
3. The journal is rewritten with the plan: the branch and its old and new
   commit, the tag, and for each file its old and new content (as blobs)
   and its old index entry.
4. The files are written in the work tree (each atomically), then the index
   (a copy updated and renamed into place): from here the index stages the
   new version (a forward change, never a revert).
5. The branch and the tag are moved in one ``git update-ref --stdin``
   transaction: the commit point.
6. The journal is marked done, ``index.lock`` removed, the journal removed.

Recovery, under the flock: if the branch (or, with no commit, the tag) has
its new value, the rest is finished (roll forward); else each file and index
entry that still holds what this add wrote gets back what it held (roll back).
Anything changed by someone else since is left alone. Then the leftovers (the
temporary files, the lock holding our token, the journal) are removed.

``FAGUI_TEST_PAUSE=STEP`` (a test hook, read nowhere else) makes the process
print ``fagui: paused at STEP`` on stderr and wait, so a test can look at
the state, change it (an editor saving a file), and kill the process there or
let it go on (SIGUSR1); the steps are :data:`STEPS`.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import signal
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from fagui.atomic import remove_within, write_atomic
from fagui.errors import FaguiError
from fagui.store.gitcmd import blob_id, git_failure, git_path, run, work_tree
from fagui.store.plumbing import store_blob

if TYPE_CHECKING:  # GitPython's repository is handed in by the caller: nothing here needs it loaded
    import git

LOCKED = (
    "the index is locked by another git process (another fagui add?); "
    "try again when it has finished, or remove the lock file if no git process is running"
)
STEPS = ("locked", "checked", "planned", "work-tree", "index", "refs", "done")
"""Where ``FAGUI_TEST_PAUSE`` can stop a run, in order."""
PAUSE = "FAGUI_TEST_PAUSE"
TEMP = ".fagui-add.tmp"
"""Suffix of the temporary files this module writes beside each target."""


@dataclass(frozen=True)
class PlannedWrite:
    """One file an add writes: its content before (a blob sha, None: absent),
    after, and its index entry before (``"<mode> <sha>"``, None: absent).
    Not :class:`fagui.model.review.FileChange` (a regulation file a git range
    changed, with its comparison): this is a write the journal can undo."""

    old: str | None
    new: str
    old_entry: str | None


@dataclass(frozen=True)
class Plan:
    """What one add changes. ``new`` is None when nothing is committed (the
    text is already the current version); ``target`` is the commit ``tag``
    is made at."""

    branch: str
    old: str | None
    new: str | None
    tag: str | None
    target: str | None
    files: dict[str, PlannedWrite] = field(default_factory=dict)


def plan_files(
    repo: git.Repo, branch: str, head: git.Commit | None, new: str | None, tag: str | None, target: str,
    contents: dict[str, bytes], seen: dict[str, bytes | None],
) -> Plan:
    """The plan of an update that writes ``contents`` (path -> bytes) and
    moves ``branch`` from ``head`` to ``new``: each file's content (as
    ``seen`` after the checks) and index entry before, and after."""
    files = {}
    for rel, data in contents.items():
        old = store_blob(repo, seen[rel]) if seen[rel] is not None else None
        entry = run(repo, "ls-files", "-s", "--", f":(literal){rel}").partition("\t")[0].split()
        files[rel] = PlannedWrite(old, store_blob(repo, data), f"{entry[0]} {entry[1]}" if entry else None)
    return Plan(branch, head.hexsha if head is not None else None, new, tag, target, files)


def read_seen(path) -> bytes | None:
    """A file's bytes as the checks saw them (check_paths made sure it is a
    regular file, if anything), None when absent."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


class Journal:
    """The add in progress: holds the locks; :meth:`apply` makes a plan real."""

    def __init__(self, repo: git.Repo, lock_fd: int, token: str):
        self.repo = repo
        self.root = work_tree(repo)
        self._fd = lock_fd
        self._token = token
        self.settled = True
        """False while a plan is half applied: then the journal must stay."""

    def commit_tree(self, head: git.Commit | None, blobs: dict[str, str], message: str) -> str:
        """A commit of HEAD's tree with ``blobs`` (path -> sha) replacing
        those paths, built in a temporary index so the user's index is not
        read or written. Commit hooks are not run, as with ``git commit-tree``."""
        index = git_path(self.repo, "fagui-add.tree-index")
        _remove(index)  # left by a killed add; git makes a new index where none exists
        env = {"GIT_INDEX_FILE": index}
        try:
            if head is not None:
                _git(self.repo, self._fd, "read-tree", head.hexsha, env=env)
            info = "".join(f"100644 {sha}\t{path}\n" for path, sha in blobs.items())
            _git(self.repo, self._fd, "update-index", "--add", "--index-info", input=info.encode("utf-8"), env=env)
            tree = _git(self.repo, self._fd, "write-tree", env=env)
        finally:
            _remove(index)
        parents = ["-p", head.hexsha] if head is not None else []
        return _git(self.repo, self._fd, "commit-tree", tree, *parents, "-m", message)

    def apply(self, plan: Plan, contents: dict[str, bytes]) -> None:
        """Write ``contents`` (path -> bytes, as planned), the index entries,
        then move the branch and make the tag. On failure before the commit
        point everything is put back and FaguiError says so."""
        _write_journal(self.repo, {"token": self._token, "plan": asdict(plan)})
        self.settled = False  # only now: a journal that could not be written changed nothing
        pause("planned")
        try:
            for rel, data in contents.items():
                planned = plan.files[rel].old
                write_atomic(
                    rel, data, root=self.root, temp=Path(_temp(rel)).name,
                    unchanged=lambda old, planned=planned: blob_id(old) == planned,
                )
            pause("work-tree")
            if plan.files:
                _set_index(self.repo, plan, {rel: f"100644 {change.new}" for rel, change in plan.files.items()}, self._fd)
            pause("index")
            _move_refs(self.repo, plan, self._fd)
        except BaseException as exc:
            try:
                _roll_back(self.repo, plan, self._fd)
            except (FaguiError, OSError) as undo:
                # The journal and the lock stay: the next fagui add finishes the undo.
                where = undo.path if isinstance(undo, FaguiError) else undo.filename
                raise FaguiError(
                    f"{exc.message if isinstance(exc, FaguiError) else exc}; putting the files back failed too "
                    f"({undo.message if isinstance(undo, FaguiError) else undo.strerror}): nothing was committed, "
                    "and the next fagui add puts them back first",
                    str(where) if where else None,
                ) from None
            self._settle()
            if isinstance(exc, FaguiError):
                raise FaguiError(f"{exc.message} (nothing was committed; the files were put back as they were)", exc.path) from None
            raise
        pause("refs")
        self._settle()
        pause("done")

    def _settle(self) -> None:
        """Mark the plan done (the old state, or the new one, is whole now):
        the journal keeps only the token, so a kill from here on leaves
        nothing to recover. Where even that cannot be written (a full disk),
        the lock and the journal are removed at once (removing needs no space)."""
        try:
            _write_journal(self.repo, {"token": self._token})
        except FaguiError:
            _release(self.repo, self._token)
        self.settled = True


@contextmanager
def journaled(repo: git.Repo) -> Iterator[Journal]:
    """Hold fagui's lock and git's index lock for one add, after recovering
    a killed one; FaguiError at once if another process holds either."""
    lock = git_path(repo, "fagui-add.lock")
    fd = _flock(lock)
    try:
        recover(repo, fd)
        token = secrets.token_hex(16)
        _write_journal(repo, {"token": token})
        try:
            if not _take_index_lock(repo, token):
                raise FaguiError(LOCKED, git_path(repo, "index") + ".lock")
        except FaguiError:
            _remove(_journal_path(repo))
            raise
        pause("locked")
        journal = Journal(repo, fd, token)
        try:
            yield journal
        finally:
            if journal.settled:
                _release(repo, token)
    finally:
        _remove(lock)
        os.close(fd)


def _flock(lock: str) -> int:
    """A descriptor of ``lock`` (made if missing) holding its flock; retried
    when the file was removed by the holder between our open and our lock."""
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise FaguiError(LOCKED, lock) from None
        try:
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


def recover(repo: git.Repo, lock_fd: int) -> None:
    """Finish or undo an add that was killed (the caller holds the flock)."""
    path = _journal_path(repo)
    try:
        state = json.loads(Path(path).read_text(encoding="utf-8"))
        token = state["token"]
    except FileNotFoundError:
        return
    except (ValueError, KeyError, TypeError, OSError):
        _remove(path)  # killed while writing it: nothing had been changed yet
        return
    index_lock = git_path(repo, "index") + ".lock"
    if not _take_index_lock(repo, token) and _read(index_lock) != token:
        raise FaguiError(LOCKED, index_lock)
    plan = state.get("plan")
    if plan is not None:
        plan = Plan(**{**plan, "files": {rel: PlannedWrite(**c) for rel, c in plan["files"].items()}})
        if _committed(repo, plan):
            _roll_forward(repo, plan, lock_fd)
        else:
            _roll_back(repo, plan, lock_fd)
        for rel in plan.files:
            remove_within(work_tree(repo), _temp(rel))
    _release(repo, token)


def pause(step: str) -> None:
    """The test hook: stop at ``step`` when FAGUI_TEST_PAUSE names it, until
    SIGUSR1 (go on) or SIGKILL, or for at most ten minutes."""
    if os.environ.get(PAUSE) == step:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
        print(f"fagui: paused at {step}", file=sys.stderr, flush=True)
        signal.sigtimedwait({signal.SIGUSR1}, 600)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})


# -- the steps -------------------------------------------------------------------------


def _git(repo: git.Repo, lock_fd: int, *args: str, input: bytes | None = None, env: dict | None = None) -> str:
    """Run git holding the flock too (``pass_fds``), so that a recovery never
    runs beside a git command a killed add left running."""
    done = subprocess.run(
        ["git", *args], cwd=work_tree(repo), input=input, capture_output=True, pass_fds=(lock_fd,),
        env={**os.environ, **(env or {})},
    )
    if done.returncode != 0:
        raise git_failure(args, done.stderr.decode("utf-8", "replace"), done.returncode, str(work_tree(repo)))
    return done.stdout.decode("utf-8").strip()


def _set_index(repo: git.Repo, plan: Plan, entries: dict[str, str | None], lock_fd: int) -> None:
    """Point the index entries of these paths at ``"<mode> <sha>"`` (None:
    remove the entry), every other entry kept: a copy is updated and renamed
    over the index (the caller holds index.lock)."""
    real = git_path(repo, "index")
    temp = git_path(repo, "fagui-add.index")
    _remove(temp)
    if os.path.exists(real):
        with open(real, "rb") as src, open(temp, "wb") as dst:
            dst.write(src.read())
    zero = "0" * len(next(iter(plan.files.values())).new)
    info = "".join(f"{entry or '0 ' + zero}\t{rel}\n" for rel, entry in entries.items())
    _git(repo, lock_fd, "update-index", "--add", "--remove", "--index-info", input=info.encode("utf-8"), env={"GIT_INDEX_FILE": temp})
    os.replace(temp, real)


def _move_refs(repo: git.Repo, plan: Plan, lock_fd: int) -> None:
    """The commit point: the branch (compare-and-swap) and the tag, in one transaction."""
    lines = []
    if plan.new is not None:
        lines.append(f"update {plan.branch} {plan.new} {plan.old}" if plan.old else f"create {plan.branch} {plan.new}")
    if plan.tag is not None:
        lines.append(f"create refs/tags/{plan.tag} {plan.target}")
    if lines:
        _git(repo, lock_fd, "update-ref", "-m", "fagui add", "--stdin", input=("\n".join(lines) + "\n").encode("utf-8"))


def _committed(repo: git.Repo, plan: Plan) -> bool:
    if plan.new is not None:
        return _ref(repo, plan.branch) == plan.new
    return plan.tag is not None and _ref(repo, f"refs/tags/{plan.tag}") == plan.target


def _roll_forward(repo: git.Repo, plan: Plan, lock_fd: int) -> None:
    if plan.tag is not None and _ref(repo, f"refs/tags/{plan.tag}") is None:
        _git(repo, lock_fd, "update-ref", f"refs/tags/{plan.tag}", plan.target, "")
    for rel, change in plan.files.items():
        if _content(repo, rel) in (change.old, None):
            write_atomic(rel, _blob(repo, change.new), root=work_tree(repo))
    stale = {rel: f"100644 {c.new}" for rel, c in plan.files.items() if _entry(repo, rel, lock_fd) == c.old_entry}
    if stale:
        _set_index(repo, plan, stale, lock_fd)


def _roll_back(repo: git.Repo, plan: Plan, lock_fd: int) -> None:
    ours = {rel: c.old_entry for rel, c in plan.files.items() if _entry(repo, rel, lock_fd) == f"100644 {c.new}"}
    if ours:
        _set_index(repo, plan, ours, lock_fd)
    for rel, change in plan.files.items():
        if _content(repo, rel) == change.new and change.old != change.new:
            if change.old is None:
                remove_within(work_tree(repo), rel)
            else:
                write_atomic(rel, _blob(repo, change.old), root=work_tree(repo))


def _take_index_lock(repo: git.Repo, token: str) -> bool:
    """Make git's index.lock holding ``token``; False if it exists."""
    try:
        fd = os.open(git_path(repo, "index") + ".lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_CLOEXEC, 0o666)
    except FileExistsError:
        return False
    except OSError as exc:
        raise FaguiError(f"cannot lock the index: {exc.strerror or exc}", git_path(repo, "index") + ".lock") from None
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(token)
    except OSError as exc:
        # An empty lock would stop every git command until removed by hand (a full disk).
        os.unlink(git_path(repo, "index") + ".lock")
        raise FaguiError(f"cannot lock the index: {exc.strerror or exc}", git_path(repo, "index") + ".lock") from None
    return True


def _release(repo: git.Repo, token: str) -> None:
    """Remove index.lock if it holds ``token``, then the journal."""
    index_lock = git_path(repo, "index") + ".lock"
    if _read(index_lock) == token:
        os.unlink(index_lock)
    for name in ("fagui-add.index", "fagui-add.tree-index"):
        _remove(git_path(repo, name))
    _remove(_journal_path(repo))


# -- small helpers ---------------------------------------------------------------------

def _journal_path(repo: git.Repo) -> str:
    return git_path(repo, "fagui-add.journal")


def _write_journal(repo: git.Repo, state: dict) -> None:
    path = Path(_journal_path(repo))
    write_atomic(path.name, json.dumps(state), root=path.parent, temp=path.name + ".tmp")


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as fh:
            return fh.read()
    except FileNotFoundError:
        return None


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _temp(rel: str) -> str:
    head, _, name = rel.rpartition("/")
    return f"{head}/.{name}{TEMP}" if head else f".{name}{TEMP}"


def _ref(repo: git.Repo, ref: str) -> str | None:
    done = subprocess.run(["git", "rev-parse", "--verify", "-q", ref], cwd=work_tree(repo), capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def _entry(repo: git.Repo, rel: str, lock_fd: int) -> str | None:
    """The index entry of ``rel`` as ``"<mode> <sha>"``, None when absent."""
    out = _git(repo, lock_fd, "ls-files", "-s", "--", f":(literal){rel}")
    for line in out.splitlines():
        meta, _, path = line.partition("\t")
        if path == rel:
            mode, sha, _ = meta.split()
            return f"{mode} {sha}"
    return None


def _content(repo: git.Repo, rel: str) -> str | None:
    """The blob sha of the work tree file ``rel`` (not stored), None when absent."""
    target = work_tree(repo) / rel
    if not target.is_file() or target.is_symlink():
        return None
    return blob_id(target.read_bytes())


def _blob(repo: git.Repo, sha: str) -> bytes:
    return repo.odb.stream(bytes.fromhex(sha)).read()
