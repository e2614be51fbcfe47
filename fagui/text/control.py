"""Control characters made visible: what the CLI and the renderers print
goes through :func:`visible`, so that nothing a regulation, a file name or a
commit holds can drive a terminal (an OSC sequence retitling it, a cursor
move hiding a line) or reorder what a reader sees (a right-to-left override
making ``txt.exe`` read ``exe.txt``).

Ingestion drops the same characters from a source (:data:`CONTROL`, each a
dropped span of the audit): no regulation's words are made of them."""

from __future__ import annotations

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Bidirectional formatting: marks, embeddings, overrides and isolates."""

CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
"""C0 (but tab and newline), DEL, C1 and bidirectional formatting characters."""

_CONTROL_AND_BREAKS = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029{_BIDI}]")


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` with each control character (C0, DEL, C1) as ``\\xNN`` and
    each bidirectional formatting character as ``\\uNNNN``; tabs and
    newlines kept, unless ``newlines`` is false (one-line messages)."""
    pattern = CONTROL if newlines else _CONTROL_AND_BREAKS
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def control_name(ch: str) -> str:
    """What a character of :data:`CONTROL` is, for the audit."""
    kind = "bidirectional formatting character" if ord(ch) > 0x9F else "control character"
    return f"{kind} U+{ord(ch):04X}"
