"""Which layout a source is in, recognised by its content, and what that
layout says before the parser reads it.

Each layout is a :class:`Layout`: a name and two functions of one
signature, ``recognise(source) -> bool`` and ``prepare(source) ->
Prepared``, over a :class:`Source` (the raw bytes, the name, and the text
decoded on first asking). :data:`fagui.ingest.LAYOUTS` lists them in the
order they are tried; the first that recognises a source prepares it.

A layout module turns a source into a :class:`Prepared`: the text the parser
reads (LF lines), the lines it must not read (with the reason, so the audit
lists them), characters to remove at the start of a line (Markdown heading
marks), and the metadata the layout states (a LawRefBook 题注, an flk
header). Plain text needs none of that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from fagui.errors import FaguiError
from fagui.ingest.decode import Decoded, decode


class Source:
    """A source to recognise: its raw bytes, the name it goes by in errors,
    and its text, decoded the first time a layout asks for it (binary
    layouts recognise the bytes; text layouts the text)."""

    def __init__(self, raw: bytes, name: str):
        self.raw = raw
        self.name = name

    @cached_property
    def decoded(self) -> Decoded:
        """The text (:func:`fagui.ingest.decode.decode`). Raises FaguiError for
        bytes that are no text, and for a file named .docx or .pdf that no
        binary layout recognised: no text layout is tried on it."""
        if self.name.lower().endswith(".docx"):
            raise FaguiError("named .docx but not a Word .docx file (not a zip archive)", self.name)
        if self.name.lower().endswith(".pdf"):
            raise FaguiError("named .pdf but not a PDF file (it does not open with %PDF-)", self.name)
        return decode(self.raw, self.name)

    @cached_property
    def lines(self) -> list[str]:
        """The decoded text's lines."""
        return self.decoded.text.split("\n")


@dataclass(frozen=True)
class LineDrop:
    """Lines ``first``..``last`` (1-based) are not part of the regulation."""

    first: int
    last: int
    reason: str


@dataclass(frozen=True)
class LineMark:
    """``width`` characters at the start of ``line`` are layout, not text
    (``## `` before 第一章 总则; none where a web page marks a heading);
    ``kind`` names them in the audit.
    ``heading``: the source marks the line as a heading, so a division label
    there opens a division whatever punctuation its title has."""

    line: int
    width: int
    kind: str
    heading: bool = False


@dataclass(frozen=True)
class InlineMark:
    """Columns ``start``..``end`` of ``line`` (1-based) are markup inside the
    text, not text (the ``[`` and ``]{.smallcaps}`` of a Markdown span, a
    link's ``](url)``); ``reason`` names them in the audit."""

    line: int
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Prepared:
    """A source made ready for the parser.

    ``encoding`` names what the bytes were (``utf-8``, ``gb18030``, ``docx``,
    ``html (utf-8)``, ...); ``found`` holds front-matter fields the layout
    states, by name (``title``, ``kind``, ``status``, ``issuer``,
    ``promulgated``, ``effective``, ``source``, ``history``); ``joined``
    holds the lines (1-based) that continue the line before them, each with
    the kind of break (a PDF's ``line wrap`` or ``page break``).
    """

    text: str
    encoding: str
    line_ends: str
    layout: str  # "text", "lawrefbook", "flk", "docx", "html" or "pdf"
    drops: tuple[LineDrop, ...] = ()
    marks: tuple[LineMark, ...] = ()
    found: tuple[tuple[str, object], ...] = ()
    inline: tuple[InlineMark, ...] = ()
    joined: tuple[tuple[int, str], ...] = ()


def from_lines(
    lines: list[tuple[str, str | None]], encoding: str, layout: str, found: tuple = (), headings: set[int] = frozenset()
) -> Prepared:
    """A Prepared made of extracted lines: (text, None) for a line to read,
    (text, reason) for one that is not part of the regulation. Runs of lines
    dropped for the same reason are one span in the audit; ``found`` holds
    front-matter fields the source states outside those lines; ``headings``
    the (0-based) lines the source marks as headings."""
    drops: list[LineDrop] = []
    for number, (_, reason) in enumerate(lines, 1):
        if reason is None:
            continue
        if drops and drops[-1].last == number - 1 and drops[-1].reason == reason:
            drops[-1] = LineDrop(drops[-1].first, number, reason)
        else:
            drops.append(LineDrop(number, number, reason))
    text = "\n".join(line.replace("\n", " ") for line, _ in lines)
    marks = tuple(LineMark(i + 1, 0, "heading", heading=True) for i in sorted(headings) if lines[i][1] is None)
    return Prepared(text, encoding, "LF", layout, tuple(drops), marks, found)


@dataclass(frozen=True)
class Layout:
    """A layout a source may be in: ``recognise`` says whether ``source``
    is in it, ``prepare`` reads it (raising FaguiError naming the source
    when it is damaged, encrypted or not what it claims)."""

    name: str
    recognise: Callable[[Source], bool]
    prepare: Callable[[Source], Prepared]
