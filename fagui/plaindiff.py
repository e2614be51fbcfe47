"""A plain line diff, for files the article-level diff cannot read (binary,
not UTF-8, not a regulation): what the git diff driver prints instead of
failing, so that git never stops at such a file."""

from __future__ import annotations

import difflib


def plain_diff(old: bytes | None, new: bytes | None, old_label: str, new_label: str) -> str:
    """A unified diff of two files' lines (None: absent), labelled
    ``old_label`` / ``new_label``; one line for a binary file (a NUL byte),
    as git says it. Text that is not UTF-8 is read as GB18030, then with
    replacement characters, so the diff shows what it can."""
    if b"\0" in (old or b"") or b"\0" in (new or b""):
        return f"Binary files {old_label} and {new_label} differ\n" if old != new else ""
    lines = [_text(data).splitlines(keepends=True) for data in (old, new)]
    out = []
    for line in difflib.unified_diff(*lines, fromfile=old_label, tofile=new_label):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _text(data: bytes | None) -> str:
    if not data:
        return ""
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")
