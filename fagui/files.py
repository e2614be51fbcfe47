"""Reading the user's files: one place for the errors a read can raise.

Every read of a file the user named goes through here, so that an unreadable
file or one that is not UTF-8 gives the same one-line FaguiError naming the
file (and, for bad UTF-8, the line).
"""

from __future__ import annotations

import os

from fagui.errors import FaguiError


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of ``path``; FaguiError naming it when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise FaguiError(f"cannot read: {exc.strerror or exc}", str(path)) from None


def decode_utf8(raw: bytes, path: str | os.PathLike) -> str:
    """``raw`` as UTF-8 text; FaguiError naming ``path`` and the line of the
    first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FaguiError("not UTF-8", str(path), raw[: exc.start].count(b"\n") + 1) from None


def read_text(path: str | os.PathLike) -> str:
    """The UTF-8 text of ``path`` (see :func:`read_bytes`, :func:`decode_utf8`)."""
    return decode_utf8(read_bytes(path), path)
