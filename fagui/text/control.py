"""Control characters made visible: what the CLI and the text renderer
print goes through :func:`visible`, so that nothing a regulation, a file name
or a commit holds can drive a terminal (an OSC sequence retitling it, a
cursor move hiding a line)."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_AND_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` with each control character (C0, DEL, C1) as ``\\xNN``;
    tabs and newlines kept, unless ``newlines`` is false (one-line messages)."""
    pattern = _CONTROL if newlines else _CONTROL_AND_BREAKS
    return pattern.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)
