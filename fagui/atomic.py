"""Atomic file writes: a reader sees the old file or the new one, never half,
and nothing is written through a symbolic link or over something that is not
a regular file.

A new file gets the mode the umask gives (``0666 & ~umask``, as ``open``
does); a replaced file keeps its mode. Folders are opened one at a time
relative to the one before (``openat``), so a symbolic link swapped in
between the check and the write is not followed either.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from fagui.errors import FaguiError

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)


def write_atomic(
    path: str | os.PathLike,
    data: str | bytes | Iterable[str],
    *,
    root: str | os.PathLike | None = None,
    temp: str | None = None,
    unchanged: Callable[[bytes | None], bool] | None = None,
    durable: bool = True,
) -> None:
    """Write ``data`` (text as UTF-8, line ends as given) to ``path`` through a
    temporary file in the same folder and an atomic rename. Text may come in
    pieces (an iterable of str), written as they come, so a large document
    is never whole in memory; if making a piece fails, nothing is written.

    Refuses with FaguiError, writing nothing, when ``path`` is a symbolic link
    or exists and is not a regular file (a folder, a device, a pipe).
    Without ``root``, ``path`` is where the user asked for it: its folders are
    made if missing and followed as they are. With ``root``, ``path`` is
    relative to ``root`` and every folder below ``root`` must be a real
    folder, not a symbolic link (missing ones are made), so nothing is written
    outside ``root``. ``temp`` names the temporary file (for a caller that
    holds a lock and must find it again after a crash); default: a random name.
    ``unchanged(old)`` is asked, with the bytes the write replaced (None: no
    file), after the new file is in place; if it says no (an editor saved the
    file since the caller read it), the replaced file is put back and
    FaguiError raised. The two files are exchanged in one step
    (:func:`exchange`), so a save made at any moment is either seen and kept
    or made after the write. An OSError becomes FaguiError naming ``path``.
    The file and its folder are flushed to disk before this returns, unless
    ``durable`` is false: then the caller flushes them (a folder built whole,
    hidden until it is swapped in, flushes all its files at once before the
    swap: :class:`fagui.outfolder.OutputFolder`).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data  # bytes, or text in pieces
    shown = str(path) if root is None else str(Path(root) / path)
    try:
        folder = _open_folder(Path(path), root, shown)
        try:
            _write_in(folder, Path(path).name, payload, temp, shown, unchanged, durable)
        finally:
            os.close(folder)
    except OSError as exc:
        if exc.errno in (errno.EEXIST, errno.ENOTDIR):
            raise FaguiError("cannot write: a folder on the way is a file", shown) from None
        raise FaguiError(f"cannot write: {exc.strerror or exc}", shown) from None


def remove_within(root: str | os.PathLike, path: str | os.PathLike) -> None:
    """Remove the regular file ``path`` (relative to ``root``) if it is there,
    through real folders only; a symbolic link or other non-file is refused."""
    with _existing_folder(root, path, "remove") as (folder, shown):
        if folder is not None and _kind(folder, Path(path).name, shown) is not None:
            os.unlink(Path(path).name, dir_fd=folder)


def check_writable(root: str | os.PathLike, path: str | os.PathLike) -> None:
    """Refuse (FaguiError) what :func:`write_atomic` with ``root`` would
    refuse: a folder on the way that is a symbolic link or not a folder, or a
    target that is a symbolic link or not a regular file. Writes nothing."""
    with _existing_folder(root, path, "write") as (folder, shown):
        if folder is not None:
            _kind(folder, Path(path).name, shown)


@contextmanager
def _existing_folder(root: str | os.PathLike, path: str | os.PathLike, verb: str) -> Iterator[tuple[int | None, str]]:
    """The folder ``path`` is in, below ``root``, if it exists (else None),
    opened through real folders only; and ``path`` as errors show it."""
    shown = str(Path(root) / path)
    try:
        folder = _open_folder(Path(path), root, shown, create=False)
    except FileNotFoundError:
        yield None, shown
        return
    except OSError as exc:
        raise FaguiError(f"cannot {verb}: {exc.strerror or exc}", shown) from None
    try:
        yield folder, shown
    finally:
        os.close(folder)


def _open_folder(path: Path, root: str | os.PathLike | None, shown: str, create: bool = True) -> int:
    """A descriptor of the folder ``path`` goes into (see :func:`write_atomic`)."""
    if root is None:
        parent = path.parent
        if create:
            parent.mkdir(parents=True, exist_ok=True)
        return os.open(parent, _DIR_FLAGS)
    if path.is_absolute() or ".." in path.parts:
        raise FaguiError("is not inside the folder it must be written in", shown)
    fd = os.open(root, _DIR_FLAGS)
    try:
        for depth, part in enumerate(path.parts[:-1]):
            try:
                next_fd = os.open(part, _DIR_FLAGS | os.O_NOFOLLOW, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                os.mkdir(part, 0o777, dir_fd=fd)
                next_fd = os.open(part, _DIR_FLAGS | os.O_NOFOLLOW, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    on_the_way = Path(*path.parts[: depth + 1])
                    raise FaguiError(f"{on_the_way} is a symbolic link or not a folder: refusing to write through it", shown) from None
                raise
            os.close(fd)
            fd = next_fd
    except BaseException:
        os.close(fd)
        raise
    return fd


def _kind(folder: int, name: str, shown: str) -> int | None:
    """The mode of the regular file ``name`` in ``folder``, None when absent;
    FaguiError when it is anything but a regular file."""
    try:
        st = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        raise FaguiError("is a symbolic link: refusing to write through or replace it", shown)
    if not stat.S_ISREG(st.st_mode):
        raise FaguiError("exists and is not a regular file: refusing to replace it", shown)
    return stat.S_IMODE(st.st_mode)


def _write_in(folder: int, name: str, payload: bytes | Iterable[str], temp: str | None, shown: str, unchanged: Callable[[bytes | None], bool] | None, durable: bool = True) -> None:
    mode = _kind(folder, name, shown)
    tmp = temp or f".{name}.{secrets.token_hex(4)}.tmp"
    if temp is not None:
        try:
            os.unlink(tmp, dir_fd=folder)
        except FileNotFoundError:
            pass
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o666, dir_fd=folder)
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            for chunk in _chunks(payload):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        _kind(folder, name, shown)  # again: something may have been put there meanwhile
        if unchanged is None:
            os.rename(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
        else:
            _replace_unchanged(folder, tmp, name, shown, unchanged)
    except BaseException:
        try:
            os.unlink(tmp, dir_fd=folder)
        except FileNotFoundError:
            pass
        raise
    if durable:
        os.fsync(folder)


_BATCH = 1 << 20
"""Characters of text in pieces encoded and written at once."""


def _chunks(payload: bytes | Iterable[str]) -> Iterator[bytes]:
    """``payload`` as bytes to write: itself, or its pieces of text encoded
    a batch of about :data:`_BATCH` characters at a time."""
    if isinstance(payload, (bytes, bytearray, memoryview)):
        yield payload
        return
    batch: list[str] = []
    size = 0
    for piece in payload:
        batch.append(piece)
        size += len(piece)
        if size >= _BATCH:
            yield "".join(batch).encode("utf-8")
            batch, size = [], 0
    yield "".join(batch).encode("utf-8")


CHANGED = "was changed while fagui was writing it (an editor saved it?): your version is kept"


def _replace_unchanged(folder: int, tmp: str, name: str, shown: str, unchanged: Callable[[bytes | None], bool]) -> None:
    """Put ``tmp`` in place of ``name`` if ``unchanged`` accepts what it replaces (see :func:`write_atomic`)."""
    try:
        exchange(tmp, name, folder)
    except FileNotFoundError:  # no file to replace: made only if there still is none
        if not _no_replace(tmp, name, folder):
            raise FaguiError(CHANGED, shown) from None
        if not unchanged(None):
            os.rename(name, tmp, src_dir_fd=folder, dst_dir_fd=folder)
            raise FaguiError(CHANGED, shown) from None
        return
    except NoExchange:
        with open(os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder), "rb") as fh:
            if not unchanged(fh.read()):
                raise FaguiError(CHANGED, shown) from None
        os.rename(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
        return
    with open(os.open(tmp, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder), "rb") as fh:
        old = fh.read()
    if not unchanged(old):
        exchange(tmp, name, folder)  # the user's file back; ours is removed with the temporary
        raise FaguiError(CHANGED, shown)
    os.unlink(tmp, dir_fd=folder)


class NoExchange(Exception):
    """The file system cannot exchange two names in one step."""


_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2(a: str | os.PathLike, b: str | os.PathLike, folder: int | None, flags: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise NoExchange
    fd = _AT_FDCWD if folder is None else folder
    if renameat2(fd, os.fsencode(a), fd, os.fsencode(b), flags) == 0:
        return
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        raise NoExchange
    raise OSError(code, os.strerror(code), os.fsdecode(b))


def sync_file_system(fd: int) -> bool:
    """Flush to disk everything written to the file system that holds the
    open file or folder ``fd`` (``syncfs``, Linux); whether the system could
    (False: flush each file yourself). An error writing back raises OSError."""
    syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
    if syncfs is None:
        return False
    if syncfs(fd) != 0:
        code = ctypes.get_errno()
        if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            return False
        raise OSError(code, os.strerror(code))
    return True


def exchange(a: str | os.PathLike, b: str | os.PathLike, folder: int | None = None) -> None:
    """Swap two existing names (files or folders, relative to ``folder``) in
    one step (``renameat2(RENAME_EXCHANGE)``). Raises FileNotFoundError if
    either is missing, and :class:`NoExchange` where the system cannot."""
    _renameat2(a, b, folder, _RENAME_EXCHANGE)


def _no_replace(tmp: str, name: str, folder: int) -> bool:
    """Rename ``tmp`` to ``name`` unless ``name`` exists; whether it did."""
    try:
        _renameat2(tmp, name, folder, _RENAME_NOREPLACE)
    except FileExistsError:
        return False
    except NoExchange:
        if os.path.lexists(os.path.join(f"/proc/self/fd/{folder}", name)):
            return False
        os.rename(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
    return True
