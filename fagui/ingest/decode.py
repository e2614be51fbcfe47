"""Raw bytes to text: the encodings Chinese regulation texts arrive in."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from fagui.errors import FaguiError

MAX_TEXT_BYTES = 5 * 1024 * 1024
"""Largest raw text accepted. The longest Chinese codes run to a few hundred
kilobytes; anything far larger is not one regulation (and would make the
audit unreadable)."""


@dataclass(frozen=True)
class Decoded:
    """``text`` has LF line ends only; ``encoding`` is what the bytes were."""

    text: str
    encoding: str
    line_ends: str  # "LF", "CRLF", "CR" or "mixed"; "none" for a single line


def decode(raw: bytes, path: str = "<input>") -> Decoded:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

    Line ends CRLF and CR become LF. Raises FaguiError for empty input, input
    over MAX_TEXT_BYTES, binary data (NUL bytes without a UTF-16 BOM, or control
    characters) and bytes that are valid in none of these encodings.
    """
    if not raw.strip():
        raise FaguiError("empty file: no text to ingest", path)
    if len(raw) > MAX_TEXT_BYTES:
        raise FaguiError(
            f"file is {len(raw):,} bytes, over the {MAX_TEXT_BYTES:,}-byte limit for one regulation", path
        )
    text, encoding = _decode_text(raw, path)
    _reject_binary(text, path)
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    line_ends = kinds[0] if len(kinds) == 1 else ("mixed" if kinds else "none")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, line_ends)


def _decode_text(raw: bytes, path: str) -> tuple[str, str]:
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8", path), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return _strict(raw[2:], name, path), "utf-16"
    if b"\x00" in raw:
        raise FaguiError("binary file (NUL bytes, and no UTF-16 byte-order mark)", path)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(raw, exc, path)
    try:
        return raw.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FaguiError(
            "unknown encoding: not UTF-8, UTF-16 with BOM, or GB18030/GBK", path, line
        ) from None


def _refuse_damaged_utf8(raw: bytes, exc: UnicodeDecodeError, path: str) -> None:
    """Refuse UTF-8 with a few bad bytes, naming the line of the first: when
    the characters beyond ASCII that decode as UTF-8 outnumber the bad bytes
    eight to one, the text is UTF-8 (GBK bytes rarely form UTF-8 sequences),
    and reading it as GB18030 would give one wrong line or garbage throughout."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f") - bad
    if good >= 8 * bad:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        more = f" (and {bad - 1} more)" if bad > 1 else ""
        raise FaguiError(f"not UTF-8: byte 0x{byte:02x} in a UTF-8 text{more}; fix or remove it", path, line)


def _strict(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FaguiError(f"invalid {encoding} bytes at offset {exc.start}", path, line) from None


def _reject_binary(text: str, path: str) -> None:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls and controls * 100 > len(text):
        raise FaguiError("binary file (control characters throughout)", path)
    for lineno, line in enumerate(text.splitlines(), 1):
        if "\x00" in line:
            raise FaguiError("binary data (NUL character)", path, lineno)
