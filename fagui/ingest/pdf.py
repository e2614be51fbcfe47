"""PDF files, read with pdfplumber (pdfminer.six underneath).

Each page's lines are read top to bottom, the characters of a line left to
right by where they are drawn (so a quotation mark set in another font comes
in its place, not at the end of the line). What pages repeat is read and
dropped with its page and reason: page numbers (``- 3 -``, ``第 3 页 共 10
页``, a bare number) at the top or foot of a page, and running headers and
footers (the same line at the same height on many pages).

A line the PDF wrapped continues the line before it; the parser joins the two
and lists the join in the audit. A line opens a new paragraph when it opens
an article, a division, an item or the 目录; when it starts indented or is
set apart by more space than the line pitch; when the line before it is
visibly short (the first word of this one would have fitted after it); or
when the line before it ends a sentence, except in a PDF whose paragraphs
open indented or set apart, where a line at the left margin after a full
line continues it whatever that line ended with. A title wrapped over two
lines in a larger size is joined too.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import io
import itertools
import logging
import re
import zlib
from collections import Counter
from dataclasses import dataclass

from fagui.errors import FaguiError
from fagui.ingest import metadata as meta
from fagui.ingest.decode import MAX_TEXT_BYTES as MAX_CHARS
from fagui.ingest.layout import Prepared, Source, from_lines
from fagui.ingest.structure import division_title, opens_article
from fagui.text.items import parse_marker
from fagui.text.labels import MalformedLabel, read_label

MAX_PAGES = 1000
"""Most pages read: the longest codes run to a few hundred."""

MAX_STREAM = 64 * 1024 * 1024
"""Largest size a single compressed stream of the file may unpack to (a
zip-bomb stream is refused before the PDF is parsed)."""

MAX_UNPACKED = 512 * 1024 * 1024
"""Largest total size the file's compressed streams may unpack to."""

MAX_PAGE_CHARS = 20_000
"""Most characters one page may draw (a dense A4 page of text has some
3,000): each drawn character costs pdfplumber about a kilobyte."""

MAX_TOKENS = 1_000_000
"""Most tokens (operators and operands) of page content the file may have
read, a form counted each time a page draws it: pdfminer reads some tens of
thousands a second, and a page of text has some ten thousand."""

_DELIMITERS = b" \t\r\n\f\x00()<>[]{}/%"

SENTENCE_END = re.compile(r"[。！？…][”’」』）)》]*$")
"""How a line that ends a sentence ends: a line ending in ；：） may still be
mid-paragraph (items and lists open with markers of their own)."""

_PAGE_NUMBER = re.compile(
    r"^(?:[-－—–~～·•\s]*\d{1,4}[-－—–~～·•\s]*"
    r"|第\s*[\d一二三四五六七八九十百零〇]+\s*页(?:\s*[，,/／]?\s*共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*[，,]?\s*第\s*\d+\s*页"
    r"|\d+\s*[/／]\s*\d+"
    r"|page\s*\d+(?:\s*of\s*\d+)?)$",
    re.I,
)
_NO_LINE_START = "，。、；：！？）》」』”’…"
"""Characters a line does not start with: the character before them wraps with them."""

logging.getLogger("pdfminer").addHandler(logging.NullHandler())  # its warnings are no output of fagui's


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    size: float  # the font size of its characters (median)
    first: float  # the width of its first unbreakable unit (a word, or a character and the marks after it)
    reason: str | None = None  # why it is dropped, if it is


def recognise(source: Source) -> bool:
    """Whether the bytes are a PDF file: they open with ``%PDF-``."""
    return source.raw.lstrip(b"\x00\t\n\r\f ")[:5] == b"%PDF-"


def prepare(source: Source) -> Prepared:
    """The lines of a PDF's text layer, page chrome marked as dropped and
    wrapped lines marked as continuing the line before. Raises FaguiError
    naming the source for an encrypted, damaged, oversized or scanned PDF."""
    raw, source = source.raw, source.name
    _check_unpacked(raw, source)
    import pdfplumber  # loaded only for PDF files
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    pages: list[list[_Line]] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise FaguiError(f"a PDF of {len(pdf.pages):,} pages: more than {MAX_PAGES:,} is not one regulation", source)
            chars = unmapped = 0
            budget = _Budget(source)
            for number, page in enumerate(pdf.pages, 1):
                _lay_out(pdf, page, budget)
                lines, page_unmapped = _page_lines(page, number)
                chars += sum(len(line.text) for line in lines)
                unmapped += page_unmapped
                if chars > MAX_CHARS:
                    raise FaguiError(f"the PDF holds more than {MAX_CHARS:,} characters of text: not one regulation", source)
                pages.append(lines)
                page.close()
    except FaguiError:
        raise
    except Exception as exc:  # pdfplumber wraps what pdfminer raises for a damaged file
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise FaguiError("password-protected PDF: open it, save a copy without the password, then ingest that", source) from None
        raise FaguiError(f"not a readable PDF ({type(cause).__name__})", source) from None
    if not any(pages):
        raise FaguiError("the PDF has no text layer (a scan?); OCR it first", source)
    if unmapped * 10 > chars:
        raise FaguiError("the PDF's fonts map no characters to text; OCR it first, or save it as Word from the original", source)
    _mark_chrome(pages)
    lines = [line for page in pages for line in page]
    joined = _wrapped(lines)
    return dataclasses.replace(from_lines([(line.text, line.reason) for line in lines], "pdf", "pdf"), joined=joined)


class _Budget:
    """What reading the file may cost: :data:`MAX_TOKENS` tokens of content
    in all, :data:`MAX_PAGE_CHARS` drawn characters a page."""

    def __init__(self, source: str):
        self.source, self.tokens, self.chars = source, 0, 0

    def content(self, data: bytes) -> None:
        self.tokens += len(data) - len(data.translate(None, _DELIMITERS))
        if self.tokens > MAX_TOKENS:
            raise FaguiError(f"the PDF's pages hold more than {MAX_TOKENS:,} drawing operations: not one regulation", self.source)

    def characters(self, count: int) -> None:
        self.chars += count
        if self.chars > MAX_PAGE_CHARS:
            raise FaguiError(f"a page of the PDF draws more than {MAX_PAGE_CHARS:,} characters: not one regulation", self.source)


@functools.cache
def _bounded_reader():
    """pdfplumber's layout device and pdfminer's interpreter, each paying
    into a :class:`_Budget` before the work: the interpreter for the content
    it is about to read (a page's, or a form's each time it is drawn), the
    device for the characters of a string before it makes them objects."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import list_value, stream_value
    from pdfminer.utils import MATRIX_IDENTITY
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class Device(PDFPageAggregatorWithMarkedContent):
        budget: _Budget

        def render_string(self, textstate, seq, ncs, graphicstate):
            if textstate.font is not None:
                for s in seq:
                    if isinstance(s, bytes):  # counted up to one past what is left: a long string stops early
                        room = MAX_PAGE_CHARS - self.budget.chars + 1
                        self.budget.characters(sum(1 for _ in itertools.islice(textstate.font.decode(s), room)))
            super().render_string(textstate, seq, ncs, graphicstate)

    class Interpreter(PDFPageInterpreter):
        def render_contents(self, resources, streams, ctm=MATRIX_IDENTITY):
            for stream in list_value(streams):
                self.device.budget.content(stream_value(stream).get_data() or b"")
            super().render_contents(resources, streams, ctm)

    return Device, Interpreter


def _lay_out(pdf, page, budget: _Budget) -> None:
    """Lay ``page`` out as pdfplumber's ``page.layout`` does, within
    ``budget``; the result is kept where pdfplumber looks for it (were that
    to change, pdfplumber would lay the page out again: slower, the same)."""
    device_class, interpreter_class = _bounded_reader()
    device = device_class(pdf.rsrcmgr, pageno=page.page_number, laparams=pdf.laparams)
    device.budget = budget
    budget.chars = 0
    interpreter_class(pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()


_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+|\d+\s+\d+\s+R)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_DECODERS = {
    b"ASCIIHexDecode": "hex", b"AHx": "hex",
    b"ASCII85Decode": "a85", b"A85": "a85",
    b"FlateDecode": "flate", b"Fl": "flate",
    b"LZWDecode": "lzw", b"LZW": "lzw",
    b"RunLengthDecode": "rl", b"RL": "rl",
}  # fmt: skip
"""The filters that unpack a stream (the rest, image codecs and Crypt, are
not undone to read text)."""


def _check_unpacked(raw: bytes, source: str) -> None:
    """Refuse a file whose streams unpack too large: each stream's filter
    chain (as its dictionary names it, or an object it refers to) is undone
    in steps, counting, so that nothing large is held; one stream may unpack
    to :data:`MAX_STREAM` bytes, all together to :data:`MAX_UNPACKED`.
    Images count too: a dictionary saying /Image does not make a stream one
    (a page's content stream can say it)."""
    total = 0
    for m in _STREAM.finditer(raw):
        end = raw.find(b"endstream", m.end())
        if end < 0:
            break
        head = raw[max(0, m.start() - 4096) : m.start()]
        head = head[head.rfind(b"obj") + 1 :]
        filters = _filters(raw, head, source)
        size = _unpacked_size(raw[m.end() : end], filters, min(MAX_STREAM, MAX_UNPACKED - total))
        if size is None:
            limit = min(MAX_STREAM, MAX_UNPACKED - total) // (1024 * 1024)
            raise FaguiError(f"a compressed stream in the PDF unpacks to more than {limit} MB: not one regulation", source)
        total += size


def _filters(raw: bytes, head: bytes, source: str) -> list[str]:
    """The decoders of a stream whose dictionary is ``head``, in order, up to
    the first that text reading does not undo."""
    found = _FILTER.search(head)
    if not found:
        return []
    value = found.group(1)
    if value.endswith(b"R"):  # /Filter 9 0 R: the array is another object
        number, generation = value.split()[:2]
        target = re.search(rb"(?<![0-9])%s\s+%s\s+obj\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)" % (number, generation), raw)
        if target is None:
            raise FaguiError("a PDF stream whose filters cannot be read (given in a compressed object)", source)
        value = target.group(1)
    out = []
    for name in _NAME.findall(value):
        if name not in _DECODERS:
            break
        out.append(_DECODERS[name])
    return out


def _unpacked_size(data: bytes, filters: list[str], room: int) -> int | None:
    """How large ``data`` unpacks through ``filters``, or None past ``room``
    bytes (a damaged stream counts as far as it unpacks: pdfminer gets no
    further either)."""
    size = len(data)
    for i, kind in enumerate(filters):
        last = i == len(filters) - 1
        try:
            if kind == "hex":
                data = bytes.fromhex(re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">", 1)[0]).decode()[: len(data) // 2 * 2])
            elif kind == "a85":
                data = re.sub(rb"\s", b"", data.split(b"~>", 1)[0])
                if 4 * data.count(b"z") + len(data) > room:
                    return None
                data = base64.a85decode(data)
            elif kind == "rl":
                size = _run_length_size(data, room // 16)  # pdfminer holds it as a list of ints
                if size is None:
                    return None
                if not last:
                    return size  # no text stream is run-length coded twice
                continue
            else:
                data = _inflate(data, room, keep=not last) if kind == "flate" else _lzw(data, room, keep=not last)
                if isinstance(data, int):
                    return data if data <= room else None
        except (ValueError, zlib.error):
            return size
        size = len(data)
        if size > room:
            return None
    return size


def _inflate(data: bytes, room: int, keep: bool) -> bytes | int:
    """Flate ``data`` unpacked in steps: the bytes if ``keep`` (for the
    next filter), else how many; counting stops past ``room``."""
    inflater, out, size = zlib.decompressobj(), [], 0
    while data:
        chunk = inflater.decompress(data, 1 << 20)
        data = inflater.unconsumed_tail
        size += len(chunk)
        if size > room:
            return size
        if keep:
            out.append(chunk)
        if inflater.eof or not chunk and not data:
            break
    return b"".join(out) if keep else size


def _lzw(data: bytes, room: int, keep: bool) -> bytes | int:
    """As :func:`_inflate`, for LZW."""
    from pdfminer.lzw import LZWDecoder

    out, size = [], 0
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        size += len(chunk)
        if size > room:
            return size
        if keep:
            out.append(chunk)
    return b"".join(out) if keep else size


def _run_length_size(data: bytes, room: int) -> int | None:
    """How large run-length ``data`` unpacks, or None past ``room``."""
    size = i = 0
    while i < len(data) and data[i] != 128:
        length = data[i]
        size += length + 1 if length < 128 else 257 - length
        i += length + 2 if length < 128 else 2
        if size > room:
            return None
    return size


def _page_lines(page, number: int) -> tuple[list[_Line], int]:
    """A page's lines, top to bottom, and how many of its characters map to no text."""
    lines, unmapped = [], 0
    for found in page.extract_text_lines(return_chars=True):
        chars = [c for c in found["chars"] if c["text"].strip()]
        if not chars:
            continue
        unmapped += sum(1 for c in chars if c["text"].startswith("(cid:"))
        sizes = sorted(c["size"] for c in chars)
        # Where its first and last visible characters are: spaces drawn as glyphs do not count.
        x0, x1 = chars[0]["x0"], max(c["x1"] for c in chars)
        lines.append(_Line(number, found["text"], x0, x1, found["top"], sizes[len(sizes) // 2], _first_unit(chars)))
    return lines, unmapped


def _first_unit(chars: list[dict]) -> float:
    """The width of what the line starts with that a wrap cannot split: a run
    of Latin letters and digits, or one character and the marks that may not
    start a line after it."""
    end = 0
    if chars[0]["text"].isascii():
        while end + 1 < len(chars) and chars[end + 1]["text"].isascii():
            end += 1
    while end + 1 < len(chars) and chars[end + 1]["text"] in _NO_LINE_START:
        end += 1
    return chars[end]["x1"] - chars[0]["x0"]


def _mark_chrome(pages: list[list[_Line]]) -> None:
    """Mark page numbers and running headers and footers: among the first
    and last two lines of each page, a page number, or a line that recurs
    (digits aside) at the same height on at least half the pages (two at
    least)."""
    bands = [[(line, "header") for line in page[:2]] + [(line, "footer") for line in page[2:][-2:]] for page in pages]

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", "".join(line.text.split()))

    for band in bands:
        for line, _ in band:
            if _PAGE_NUMBER.match(line.text.strip()):
                line.reason = f"PDF page number (page {line.page})"
    seen: dict[str, list[_Line]] = {}
    for band in bands:
        for line, _ in band:
            seen.setdefault(key(line), []).append(line)
    for band in bands:
        for line, where in band:
            if line.reason:
                continue
            pages_with_it = {other.page for other in seen[key(line)] if abs(other.top - line.top) <= 3}
            if len(pages_with_it) >= 2 and len(pages_with_it) * 2 >= len(pages):
                line.reason = f"PDF running {where}, on {len(pages_with_it)} pages (page {line.page})"


def _opens_unit(text: str) -> bool:
    """Whether a line opens an article, a division, an item or the 目录."""
    squeezed = text.strip()
    try:
        label = read_label(squeezed)
    except MalformedLabel:
        return True  # the parser names the line
    if opens_article(squeezed, label) or division_title(squeezed, label) is not None:
        return True
    return parse_marker(squeezed) is not None or "".join(squeezed.split()) == "目录"


def _wrapped(lines: list[_Line]) -> tuple[tuple[int, str], ...]:
    """The lines (1-based numbers) that continue the line before them, each
    with the kind of break: ``line wrap`` or ``page break``."""
    body = [(number, line) for number, line in enumerate(lines, 1) if line.reason is None]
    if not body:
        return ()
    pairs = [(prev, line, number) for (_, prev), (number, line) in zip(body, body[1:])]
    left = min(line.x0 for _, line in body)
    rights = sorted(line.x1 for _, line in body)
    right = rights[int(len(rights) * 0.9)]

    def full(prev: _Line, line: _Line) -> bool:
        """Whether the first word of ``line`` would not have fitted after ``prev``."""
        return right - prev.x1 < line.first + 1.5 * line.size

    # The line pitch: the usual distance between a full line and the next.
    gaps = Counter(round(line.top - prev.top) for prev, line, _ in pairs if line.page == prev.page and full(prev, line))
    pitch = gaps.most_common(1)[0][0] if gaps else 0

    def marked(prev: _Line, line: _Line) -> bool:
        """Whether ``line`` looks like a paragraph's start: indented, or set
        off by more space than the line pitch."""
        spaced = pitch and line.page == prev.page and line.top - prev.top > 1.3 * pitch
        return line.x0 - left > 0.8 * line.size or bool(spaced)

    # Does this PDF mark where paragraphs start? Look at the lines after a sentence ends.
    after_stop = Counter(
        marked(prev, line) for prev, line, _ in pairs if SENTENCE_END.search(prev.text.rstrip()) and not _opens_unit(line.text)
    )
    marks_paragraphs = after_stop[True] > after_stop[False]
    sizes = Counter(line.size for _, line in body)
    text_size = min(sizes, key=lambda size: (-sizes[size], size))  # the commonest; of two as common, the smaller
    joined = []
    in_header = True  # before the first article
    for prev, line, number in pairs:
        in_header = in_header and not _opens_unit(prev.text)
        if in_header and prev.size > 1.1 * text_size and _title_wrapped(prev, line):
            joined.append((number, "line wrap"))
            continue
        if marked(prev, line) or _opens_unit(line.text) or not full(prev, line):
            continue
        if SENTENCE_END.search(prev.text.rstrip()) and not marks_paragraphs:
            continue
        joined.append((number, "page break" if line.page != prev.page else "line wrap"))
    return tuple(joined)


def _title_wrapped(prev: _Line, line: _Line) -> bool:
    """Whether a title was wrapped over ``prev`` and ``line`` (in a size
    larger than the text's, often centred): in one size, the first no title
    alone, the two together one."""
    first, both = "".join(prev.text.split()), "".join((prev.text + line.text).split())
    return prev.page == line.page and prev.size == line.size and meta.header_kind(first) is None and meta.header_kind(both) == "title"
