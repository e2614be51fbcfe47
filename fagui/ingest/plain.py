"""Plain text: the layout of last resort, read as it stands."""

from __future__ import annotations

from fagui.ingest.layout import Prepared, Source


def recognise(source: Source) -> bool:
    """Any text is plain text (decoding it refuses bytes that are none)."""
    return bool(source.decoded)


def prepare(source: Source) -> Prepared:
    """The decoded text, every line for the parser to read."""
    decoded = source.decoded
    return Prepared(decoded.text, decoded.encoding, decoded.line_ends, "text")
