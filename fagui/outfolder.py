"""An output folder fagui owns only in part: the files it wrote, listed in a
manifest, and nothing else.

:func:`output_folder` builds a new set of files in a temporary folder beside
the target and swaps it in at the end with one atomic exchange of the two
folders (``renameat2(RENAME_EXCHANGE)``; where the system has none, two
renames), so a reader, or a run killed half way, sees the old set or the new
one, never the old index linking to new pages, and pages of an earlier run
that this one did not write are gone. The manifest (:data:`MANIFEST`) lists
the files; a folder holding anything else (the user's own ``index.html``) is
refused unless ``force``, and then written into in place: its other files are
kept, the files of the last run's manifest replaced or removed, the index last.
A mount point cannot be renamed: there the set is built in a hidden folder
inside it and its files renamed into place one by one, the index last.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from fagui.atomic import NoExchange, check_writable, exchange, remove_within, sync_file_system, write_atomic
from fagui.errors import FaguiError, argument

MANIFEST = ".fagui-manifest.json"
"""In each output folder: the files fagui wrote there, and which command."""


class OutputFolder:
    """Where a command writes its files: :meth:`write` each, by name.
    Unless ``durable``, a file is not flushed to disk as it is written
    (a folder built whole and hidden until swapped in): :meth:`sync`
    flushes them all, and the folder, at once (several times faster than
    one by one on a busy disk). ``previous``: the set this folder will
    replace whole (its files all fagui's, listed in its manifest); a file
    written with the same bytes as its file there is that file, linked,
    not a copy (see :meth:`write`)."""

    def __init__(self, folder: Path, shown: Path, *, durable: bool = True, previous: Path | None = None):
        self.folder = folder
        self.shown = shown
        self.durable = durable
        self.written: list[str] = []
        self.previous = previous
        self.reusable = frozenset(_manifest(previous)) if previous is not None else frozenset()
        self.linked: set[str] = set()
        self.new_mode = 0o666 & ~_umask()  # what write_atomic gives a new file

    def write(self, name: str, data: str | bytes | Iterable[str]) -> Path:
        """Write the file ``name`` (no folders) atomically, from text, bytes
        or text in pieces (written as they come: never whole in memory); the
        path it will have once the folder is in place. When the set this one replaces has
        the same bytes under the same name, in a file of this user's with
        the mode a new file gets and no other link, that file is linked in
        instead: nothing to write or flush, and removing the old set frees
        nothing on disk (on a disk that discards freed blocks, removing a
        flushed file costs milliseconds: a report run again writes, flushes
        and removes only the files that changed)."""
        if "/" in name or name in ("", ".", "..", MANIFEST):
            raise FaguiError(f"not a file name for the output folder: {name!r}", str(self.shown))
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if isinstance(payload, bytes) and name in self.reusable and _link_same(self.previous, self.folder, name, payload, self.new_mode):
            self.linked.add(name)
        else:
            write_atomic(name, payload, root=self.folder, durable=self.durable)
            self.linked.discard(name)
        if name not in self.written:
            self.written.append(name)
        return self.shown / name

    def sync(self) -> None:
        """Flush every file written, then the folder, to disk: with one
        flush of the file system where the system has it (a flush per file
        costs milliseconds apiece: seconds for a report of hundreds of
        pages), else file by file (a linked file was flushed before the
        set it comes from was shown)."""
        folder = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            if not sync_file_system(folder):
                for name in self.written:
                    if name not in self.linked:
                        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder)
                        try:
                            os.fsync(fd)
                        finally:
                            os.close(fd)
            os.fsync(folder)
        finally:
            os.close(folder)


def _link_same(previous: Path, folder: Path, name: str, payload: bytes, mode: int) -> bool:
    """Link ``previous/name`` as ``folder/name`` if it is a regular file of
    this user's holding ``payload``, with the mode a new file gets (``mode``) and
    no other link (so the new set is what writing it would give, and no
    file elsewhere is tied to it); whether it was. Never follows a symbolic
    link; the link is checked to be the very file read, else removed."""
    flags = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)
    try:
        old_dir = os.open(previous, flags | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), dir_fd=old_dir)
        try:
            st = os.fstat(fd)
            if not (
                stat.S_ISREG(st.st_mode) and st.st_nlink == 1 and st.st_uid == os.geteuid()
                and stat.S_IMODE(st.st_mode) == mode and st.st_size == len(payload)
            ):
                return False
            with os.fdopen(os.dup(fd), "rb") as fh:
                if fh.read() != payload:
                    return False
        finally:
            os.close(fd)
        new_dir = os.open(folder, flags | os.O_NOFOLLOW)
        try:
            os.link(name, name, src_dir_fd=old_dir, dst_dir_fd=new_dir, follow_symlinks=False)
            now = os.stat(name, dir_fd=new_dir, follow_symlinks=False)
            if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):  # swapped for another since it was read
                os.unlink(name, dir_fd=new_dir)
                return False
        finally:
            os.close(new_dir)
        return True
    except OSError:  # not there, no links on this file system, already written: write it
        return False
    finally:
        os.close(old_dir)


@contextmanager
def output_folder(target: str | os.PathLike, command: str, *, force: bool = False) -> Iterator[OutputFolder]:
    """The folder ``target`` for ``command``'s files (see the module).

    Refuses, with FaguiError and before writing anything: an empty name, a
    symbolic link or a non-folder at ``target``, and a folder holding files
    not in its manifest, unless ``force``. Writes in place (with ``force``,
    or when ``target`` is the current folder or above it, which cannot be
    swapped); else builds beside and swaps. If the body fails, the target is
    left as it was.
    """
    if str(target) == "":
        raise FaguiError("the output folder is named by an empty string: give a folder, e.g. -o report")
    shown = Path(target)
    path = shown.absolute()
    if path.is_dir() and not path.is_symlink():
        _remove_leftovers(path, inside=True)
    foreign = _foreign(path, shown)
    if foreign and not force:
        raise FaguiError(
            f"holds {foreign!r}, which fagui did not write: choose another folder, or pass {argument('force', 'True')} "
            "to write into it (its own files are kept)",
            str(shown),
        )
    here, real = Path.cwd(), path.resolve()
    if force and foreign or real == here or real in here.parents:
        yield from _in_place(path, shown, command)
    elif path.is_dir() and _mount_point(real):
        yield from _staged_inside(path, shown, command)
    else:
        yield from _swapped(path, shown, command)


def _foreign(path: Path, shown: Path) -> str | None:
    """The first entry of the folder ``path`` that its manifest does not list."""
    if os.path.islink(path):
        raise FaguiError("is a symbolic link: give the folder itself", str(shown))
    if not path.exists():
        return None
    if not path.is_dir():
        raise FaguiError("exists and is not a folder", str(shown))
    listed = set(_manifest(path))
    for entry in sorted(os.listdir(path)):
        if entry != MANIFEST and (entry not in listed or not (path / entry).is_file() or (path / entry).is_symlink()):
            return entry
    return None


def _manifest(path: Path) -> list[str]:
    try:
        data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        return [name for name in data["files"] if isinstance(name, str) and "/" not in name]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _building(folder: Path) -> bool:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("building") is True
    except (OSError, ValueError, AttributeError):
        return False


def _write_manifest(folder: Path, command: str, names: list[str], *, building: bool = False) -> None:
    data = {"written_by": f"fagui {command}", "note": "fagui replaces or removes only these files", "files": names}
    if building:
        data["building"] = True  # a temporary folder fagui made: all of it is ours
    write_atomic(MANIFEST, json.dumps(data, ensure_ascii=False, indent=2) + "\n", root=folder, temp=_MANIFEST_TEMP)


_MANIFEST_TEMP = MANIFEST + ".tmp"


def _discard(folder: Path) -> None:
    """Remove a folder of ours, its manifest last: a kill part way leaves
    it recognisable by :func:`_remove_leftovers`."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for entry in folder.iterdir():
        if entry.name == MANIFEST:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    (folder / MANIFEST).unlink(missing_ok=True)
    folder.rmdir()


def _swapped(path: Path, shown: Path, command: str) -> Iterator[OutputFolder]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(path)
        mode = os.stat(path).st_mode & 0o7777 if path.exists() else 0o777 & ~_umask()
        build = Path(tempfile.mkdtemp(prefix=f".{path.name}.fagui-", dir=path.parent))
        os.chmod(build, mode)
    except OSError as exc:
        raise FaguiError(f"cannot write: {exc.strerror or exc}", str(shown)) from None
    try:
        _write_manifest(build, command, [], building=True)  # all ours, should this run be killed
        previous = path if path.is_dir() else None  # all ours (else refused, or written in place)
        out = OutputFolder(build, shown, durable=False, previous=previous)  # hidden until swapped in: flushed at once, below
        yield out
        out.sync()  # every file on disk before the manifest says the build is done and the swap shows it
        _write_manifest(build, command, out.written)
        if path.exists():
            _exchange(build, path)  # build now holds the old set
            added = _foreign(build, shown)
            if added:
                _untie(build, path, out.linked)
                kept, build = build, None
                raise FaguiError(f"the site is in place, but {added!r} appeared in the folder while fagui ran: it is kept in {kept}", str(shown))
        else:
            os.rename(build, path)
    except OSError as exc:
        raise FaguiError(f"cannot write: {exc.strerror or exc}", str(shown)) from None
    finally:
        try:
            if build is not None:
                _discard(build)  # the old set, after the swap; the unfinished build, after a failure
        except OSError:
            pass


def _untie(kept: Path, site: Path, linked: set[str]) -> None:
    """Give the old set, kept because a file of the user's appeared in it,
    its own copy of each file the new site linked from it (a file is linked
    only from a set about to be removed: kept, an edit of either in place
    would change the other). A file there that is no longer the site's is
    left as it is."""
    for name in sorted(linked):
        try:
            old, new = os.stat(kept / name, follow_symlinks=False), os.stat(site / name, follow_symlinks=False)
        except OSError:
            continue
        if (old.st_dev, old.st_ino) == (new.st_dev, new.st_ino):
            write_atomic(name, (kept / name).read_bytes(), root=kept)


def _remove_leftovers(path: Path, *, inside: bool = False) -> None:
    """Folders that a killed run left beside ``path`` (or, ``inside``, in it):
    a build (its manifest, written first and removed last, says so; or it
    holds nothing but the manifest's temporary file), or an old set swapped
    out that holds only the files its manifest lists. Anything else is left
    alone."""
    pattern = (path, _INSIDE + "*") if inside else (path.parent, f".{path.name}.fagui-*")
    for entry in pattern[0].glob(pattern[1]):
        if entry.is_dir() and not entry.is_symlink():
            names = set(os.listdir(entry))
            if names <= {_MANIFEST_TEMP} or _building(entry) or MANIFEST in names and not _foreign(entry, entry):
                _discard(entry)


_INSIDE = ".fagui-build-"
"""Prefix of the folder a run builds in inside a mount point."""


def _mount_point(real: Path) -> bool:
    """Whether the folder is a mount point (a bind mount of a folder of the
    same file system included), which cannot be renamed."""
    if os.path.ismount(real):
        return True
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as fh:
            points = [line.split()[4] for line in fh if len(line.split()) > 4]
    except OSError:
        return False
    return str(real) in {_OCTAL_RE.sub(lambda m: chr(int(m.group(1), 8)), point) for point in points}


_OCTAL_RE = re.compile(r"\\([0-7]{3})")
"""How /proc/self/mountinfo escapes a space or a newline in a path (``\\040``)."""


def _staged_inside(path: Path, shown: Path, command: str) -> Iterator[OutputFolder]:
    """A mount point cannot be swapped: the new set is built in a hidden
    folder inside it (so a failed run leaves the old set whole), then each
    file renamed into place, the index last, the old set's other files
    removed. The manifest lists both sets while files move, so a kill part
    way leaves whole files that the next run owns and replaces."""
    old = _manifest(path)
    try:
        build = Path(tempfile.mkdtemp(prefix=_INSIDE, dir=path))
    except OSError as exc:
        raise FaguiError(f"cannot write: {exc.strerror or exc}", str(shown)) from None
    try:
        _write_manifest(build, command, [], building=True)
        out = OutputFolder(build, shown)
        yield out
        _write_manifest(path, command, sorted(set(old) | set(out.written)))
        for name in sorted(out.written, key=lambda name: name == "index.html"):
            check_writable(path, name)
            os.rename(build / name, path / name)
        for name in old:
            if name not in out.written:
                remove_within(path, name)
        _write_manifest(path, command, out.written)
    except OSError as exc:
        raise FaguiError(f"cannot write: {exc.strerror or exc}", str(shown)) from None
    finally:
        try:
            _discard(build)
        except OSError:
            pass


def _in_place(path: Path, shown: Path, command: str) -> Iterator[OutputFolder]:
    old = _manifest(path) if path.exists() else []
    out = OutputFolder(path, shown)
    yield out
    for name in old:
        if name not in out.written:
            remove_within(path, name)
    _write_manifest(path, command, out.written)


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders in one step where the system can; else by two renames."""
    try:
        exchange(a, b)
        return
    except NoExchange:
        pass
    aside = a.with_name(a.name + ".old")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
