"""Reading the user's files: one place for the errors a read can raise.

Every read of a file the user named goes through here, so that an unreadable
file or one that is not UTF-8 gives the same one-line FaguiError naming the
file (and, for bad UTF-8, the line).
"""

from __future__ import annotations

import os
import sys

from fagui.errors import FaguiError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the idiom)
if TYPE_CHECKING:
    from pathlib import Path

TEXTS = "texts"
"""The folder at the top of a corpus that holds its texts."""

MAX_BYTES = 32 * 1024 * 1024
"""The most a file read as a regulation may hold, in any format (a Word or PDF
file is larger than its text; a plain text is held to the smaller
:data:`fagui.ingest.decode.MAX_TEXT_BYTES`). The longest codes are a few MB;
anything larger (``/dev/zero``, a disk image) is refused, not read to the end."""


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of ``path`` (``-``: standard input); FaguiError naming it
    when it cannot be read or holds more than :data:`MAX_BYTES`."""
    try:
        if str(path) == "-":
            return _bounded(sys.stdin.buffer, "<stdin>")
        with open(path, "rb") as fh:
            return _bounded(fh, str(path))
    except OSError as exc:
        raise FaguiError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    except MemoryError:
        raise FaguiError("cannot read: out of memory", str(path)) from None


def _bounded(fh, name: str) -> bytes:
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FaguiError(f"larger than {MAX_BYTES // (1024 * 1024)} MB: not a regulation text", name)
    return data


def decode_utf8(raw: bytes, path: str | os.PathLike) -> str:
    """``raw`` as UTF-8 text; FaguiError naming ``path`` and the line of the
    first byte that is not UTF-8, or of the first NUL (a binary file)."""
    if b"\0" in raw:
        raise FaguiError("a binary file (it holds a NUL byte), not a text", str(path), raw[: raw.index(b"\0")].count(b"\n") + 1)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FaguiError("not UTF-8", str(path), raw[: exc.start].count(b"\n") + 1) from None


def read_text(path: str | os.PathLike) -> str:
    """The UTF-8 text of ``path`` (see :func:`read_bytes`, :func:`decode_utf8`)."""
    return decode_utf8(read_bytes(path), path)


def corpus_root(start: str | os.PathLike = ".") -> Path:
    """The top of the corpus containing ``start``: the nearest folder, from
    ``start`` up, that has a ``texts/`` folder."""
    from pathlib import Path  # here: the git driver's cached answers read files without pathlib's import

    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / TEXTS).is_dir():
            return folder
    raise FaguiError(f"no {TEXTS}/ folder here or above: not a fagui corpus", str(start))
