"""Is a file in canonical form? The first departure, with its line and why."""

from __future__ import annotations

import os
from dataclasses import dataclass

from fagui.errors import FaguiError
from fagui.files import TEXTS, corpus_root, read_text
from fagui.markdown import read_regulation, write_regulation
from fagui.text.normalise import normalise


@dataclass(frozen=True)
class Departure:
    line: int
    reason: str


def check_text(text: str, path: str = "<markdown>") -> Departure | None:
    """The first way ``text`` departs from canonical Markdown, or None.

    Checks byte-level rules first (BOM, CRLF, trailing spaces, blank lines,
    final newline), then that every paragraph is normalised in form, then
    that reading and re-writing the regulation gives the same text. Raises
    FaguiError when the text cannot be read as a regulation at all.
    """
    if text.startswith("\ufeff"):
        return Departure(1, "byte-order mark at the start of the file")
    lines = text.split("\n")
    for n, line in enumerate(lines, 1):
        if line.endswith("\r"):
            return Departure(n, "CRLF line end (canonical form uses LF)")
        if line != line.rstrip():
            return Departure(n, "trailing whitespace")
        if n > 1 and line == "" and lines[n - 2] == "" and n < len(lines):
            return Departure(n, "more than one blank line between blocks")
    if not text.endswith("\n") or text.endswith("\n\n"):
        return Departure(len(lines), "the file must end with exactly one newline")
    regulation = read_regulation(text, path)
    expected = write_regulation(regulation)
    if expected == text:
        return _form(lines)
    wanted = expected.split("\n")
    for n, (have, want) in enumerate(zip(lines, wanted), 1):
        if have != want:
            return Departure(n, f"not in canonical form: expected {want[:60]!r}")
    return Departure(min(len(lines), len(wanted)), "not in canonical form: file length differs")


def _form(lines: list[str]) -> Departure | None:
    in_front_matter = False
    for n, line in enumerate(lines, 1):
        if line == "---":
            in_front_matter = not in_front_matter
            continue
        if in_front_matter or not line or line.startswith("#"):
            continue
        normalised, counts = normalise(line)
        if normalised != line:
            kinds = ", ".join(sorted(counts))
            return Departure(n, f"not normalised ({kinds}): expected {normalised[:60]!r}")
    return None


def check_file(path: str) -> Departure | None:
    """check_text for a file; FaguiError if it is unreadable or not UTF-8."""
    return check_text(read_text(path), path)


def corpus_markdown(start: str | os.PathLike = ".") -> list[str]:
    """Every ``.md`` file under ``texts/`` of the corpus around ``start``
    (found from there up, so it works from inside ``texts/`` too), as paths
    relative to the current folder; FaguiError when there is no corpus."""
    return markdown_under(corpus_root(start) / TEXTS)


def markdown_under(folder: str | os.PathLike) -> list[str]:
    """Every ``.md`` file under ``folder``, in order, as paths relative to
    the current folder."""
    return [
        os.path.relpath(os.path.join(where, name))
        for where, _, names in sorted(os.walk(folder))
        for name in sorted(names)
        if name.endswith(".md")
    ]


def files_to_check(paths: list[str]) -> list[str]:
    """The files ``fagui check PATH...`` checks: each file as given, each
    folder's ``.md`` files (see :func:`markdown_under`); with no path, the
    corpus's (:func:`corpus_markdown`)."""
    if not paths:
        return corpus_markdown()
    files = []
    for path in paths:
        if os.path.isdir(path):
            found = markdown_under(path)
            if not found:
                raise FaguiError("a folder with no .md file under it", path)
            files += found
        else:
            files.append(path)
    return files
