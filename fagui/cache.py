"""Results fagui worked out before, kept in the git repository's own folder
(``.git/fagui-cache/``) so that ``git diff`` through the driver and ``fagui
review`` do not compare the same two texts again.

Never stale: a result is found only under a key made from everything it
depends on: the texts themselves by their git blob ids (:func:`blob_id`,
worked out from the bytes, not taken on trust), what else the caller names,
and :func:`code_stamp` (the code that made it and the installed packages).
Safe to delete, whole or file by file: a missing, unreadable or damaged entry
is a miss, and the caller works the result out again. Each entry is written
atomically, through real folders only (:func:`fagui.atomic.write_atomic`
with the git folder as root), and read without following a symbolic link.
Nothing here fails a command: a cache that cannot be read or written is
simply not used. Bounded: an entry neither written nor read for
:data:`KEEP_DAYS` days (those of older fagui code, of texts since changed)
is removed by the next command that keeps an answer, at most once a day
(:func:`prune`).
"""

from __future__ import annotations

import os
import stat
import sys
import time

try:  # what hashlib gives, without hashlib's import of OpenSSL (~2.5 ms a process: a tenth of a cached driver answer)
    from _blake2 import blake2b
    from _sha1 import sha1
except ImportError:  # a Python without CPython's own hash modules
    from hashlib import blake2b, sha1

TYPE_CHECKING = False  # typing's own costs an import the driver's cached answers must not pay
if TYPE_CHECKING:
    from collections.abc import Callable

CACHE_DIR = "fagui-cache"
"""The folder inside the git folder (``git rev-parse --git-common-dir``)."""

_MAGIC = b"fagui-cache 2 "
"""Each entry: this, the BLAKE2b-256 of the payload in hex, a newline, the payload."""

_CODE = ("fagui", "renderers", "cli")
"""The packages whose code makes what is cached (beside this one's)."""

_stamp: str | None = None


def blob_id(data: bytes) -> str:
    """The git blob id of ``data`` (what ``git hash-object`` prints)."""
    return sha1(b"blob %d\0" % len(data) + data).hexdigest()


def code_stamp() -> str:
    """A digest of what makes a cached result: every file of fagui's
    packages, the Python version, and the names of the installed
    distributions on ``sys.path`` (their folder names carry their versions:
    a new markdown-it-py is a new stamp). Worked out once per process, by
    :func:`stamp_of` (which says how a file stands for its bytes)."""
    global _stamp
    if _stamp is None:
        top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        digest = blake2b(stamp_of(top, _CODE, time.time()).encode(), digest_size=32)
        digest.update(sys.version.encode())
        for entry in sys.path:
            try:
                names = sorted(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
            except OSError:
                continue
            digest.update("\0".join(names).encode())
        _stamp = digest.hexdigest()
    return _stamp


QUIET_SECONDS = 2.0
"""How long ago a code file must have last changed for its status to stand
for its bytes in :func:`stamp_of`."""


def stamp_of(top: str, packages: tuple[str, ...], now: float) -> str:
    """A digest of the files of ``packages`` (folders under ``top``;
    ``__pycache__`` left out): each file's path and, standing for its bytes,
    its status (inode, size, modification and change times, in ns), which a
    write changes (the change time is the kernel's: no tool sets it back).
    Reading every byte instead costs a few ms a process, a tenth of a git
    driver's answer from the cache. As git does with its "racy" files, the
    status is trusted only when no file changed in the last
    :data:`QUIET_SECONDS` (``now``): a file written twice within one tick of
    the file system's clock may keep its status; then every file's bytes
    are read. Either way a changed file gives a new digest, and the two kinds
    of digest never meet (a code change is always a new stamp; the same code
    may have two, which only costs a miss)."""
    files = []
    for package in packages:
        for folder, subfolders, names in os.walk(os.path.join(top, package)):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            files += [os.path.join(folder, name) for name in sorted(names)]
    stats = [os.stat(path) for path in files]
    quiet = all(now - max(s.st_mtime, s.st_ctime) >= QUIET_SECONDS for s in stats)
    digest = blake2b(b"status" if quiet else b"bytes", digest_size=32)
    start = len(os.path.join(top, ""))  # each path is top's, joined: its own part after that (os.path.relpath: most of the time)
    for path, status in zip(files, stats):
        digest.update(f"\0{path[start:]}\0".encode())
        if quiet:
            digest.update(b"%d %d %d %d" % (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns))
        else:
            with open(path, "rb") as fh:
                digest.update(fh.read())
    return digest.hexdigest()


def cache_key(kind: str, *parts: str) -> str:
    """The key of a ``kind`` of result made from ``parts`` (blob ids, paths,
    options), under this code's :func:`code_stamp`."""
    return blake2b("\0".join((code_stamp(), kind, *parts)).encode(), digest_size=32).hexdigest()


def git_dir(worktree: str = ".") -> str | None:
    """The git folder shared by the work trees of the repository at
    ``worktree`` (``$GIT_DIR`` when set), or None when there is none. git runs
    an external diff at the top of the work tree, so no search upwards.
    (os.path, not pathlib: the driver's cached answers must start fast.)"""
    found = os.environ.get("GIT_DIR") or os.path.join(worktree, ".git")
    if not os.path.isdir(found):  # a linked work tree or submodule: a file "gitdir: PATH"
        try:
            with open(found, encoding="utf-8") as fh:
                line = fh.read().strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not line.startswith("gitdir: "):
            return None
        found = os.path.join(worktree, line.removeprefix("gitdir: "))
    try:
        with open(os.path.join(found, "commondir"), encoding="utf-8") as fh:
            found = os.path.join(found, fh.read().strip())
    except (OSError, UnicodeDecodeError):
        pass
    return os.path.realpath(found) if os.path.isdir(found) else None


KEEP_DAYS = 30
"""How long an entry neither written nor read is kept (:func:`prune`)."""

_DAY = 86400.0
PRUNED = ".pruned"
"""The file in the cache folder whose time says when :func:`prune` last ran."""


def read_cached(root: str | None, key: str) -> bytes | None:
    """The payload stored under ``key`` in ``root``'s cache, or None: no
    such entry, a symbolic link anywhere below ``root``, not a regular file,
    or damaged (its digest does not match). An entry read marks itself used
    (its modification time, set at most once a day: :func:`prune` keeps it)."""
    if root is None:
        return None
    folder = entry = -1
    try:
        folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
        cache = os.open(CACHE_DIR, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=folder)
        os.close(folder)
        folder = cache
        entry = os.open(key, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder)
        with os.fdopen(entry, "rb") as fh:
            entry = -1
            status = os.fstat(fh.fileno())
            if not stat.S_ISREG(status.st_mode):
                return None
            data = fh.read()
            if time.time() - status.st_mtime > _DAY:
                try:
                    os.utime(fh.fileno())
                except OSError:  # a cache this user may read but not change: still an answer
                    pass
    except OSError:
        return None
    finally:
        for fd in (entry, folder):
            if fd >= 0:
                os.close(fd)
    head, _, payload = data.partition(b"\n")
    if head != _MAGIC + blake2b(payload, digest_size=32).hexdigest().encode():
        return None
    return payload


def write_cached(root: str | None, key: str, payload: bytes) -> None:
    """Store ``payload`` under ``key`` in ``root``'s cache, atomically and
    through real folders only; does nothing when that cannot be done."""
    if root is None:
        return
    from fagui.atomic import write_atomic  # only when writing: reading must stay light
    from fagui.errors import FaguiError

    data = _MAGIC + blake2b(payload, digest_size=32).hexdigest().encode() + b"\n" + payload
    try:
        write_atomic(f"{CACHE_DIR}/{key}", data, root=root)
    except (FaguiError, OSError):
        return
    prune(root, time.time())


def prune(root: str, now: float) -> None:
    """Remove from ``root``'s cache each entry (and each temporary file a
    killed write left) whose modification time is :data:`KEEP_DAYS` days
    before ``now`` or more: not written or read since. Runs when the cache
    was last pruned a day or more before ``now`` (or never), so a command
    that keeps an answer pays for the walk once a day at most. Only regular
    files directly in the cache folder, never through a symbolic link;
    anything that cannot be removed is left."""
    folder = -1
    try:
        top = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
        try:
            folder = os.open(CACHE_DIR, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=top)
        finally:
            os.close(top)
        try:
            if now - os.stat(PRUNED, dir_fd=folder, follow_symlinks=False).st_mtime < _DAY:
                return
        except FileNotFoundError:
            pass
        os.close(os.open(PRUNED, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o666, dir_fd=folder))
        os.utime(PRUNED, (now, now), dir_fd=folder, follow_symlinks=False)
        for entry in os.scandir(folder):
            if entry.name != PRUNED and entry.is_file(follow_symlinks=False):
                if now - entry.stat(follow_symlinks=False).st_mtime >= KEEP_DAYS * _DAY:
                    os.unlink(entry.name, dir_fd=folder)
    except OSError:
        pass
    finally:
        if folder >= 0:
            os.close(folder)


def remembered(root: str | None, key: str, make: Callable[[], object]) -> object:
    """What ``make()`` returns, worked out once: the value it returned
    before under ``key`` in ``root``'s cache, else ``make()``, kept there for
    next time (no cache when ``root`` is None). Values are kept pickled: the
    cache is inside the git folder, written only by fagui and each entry's
    digest checked (whoever can write there can change the repository's
    hooks too), compressed; an entry that cannot be unpickled is a miss. An exception
    from ``make`` is raised, and nothing is kept."""
    import pickle  # here: the git driver's cached answers start without them
    import zlib

    payload = read_cached(root, key)
    if payload is not None:
        try:
            return pickle.loads(zlib.decompress(payload))
        except Exception:  # damaged in a way the digest cannot see: work it out again
            pass
    value = make()
    if root is not None:  # compressed: a comparison's pickle is mostly repeated names, a fifth of it kept
        write_cached(root, key, zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1))
    return value
