"""Word .docx files, read with python-docx.

The body's paragraphs and table rows become lines, in document order, with
line breaks inside a paragraph kept; a table of contents (a TOC content
control or paragraphs in a TOC style) and every page header and footer are
read too, and dropped with their reason, so the audit lists them.
"""

from __future__ import annotations

import io
import zipfile

from fagui.errors import FaguiError
from fagui.ingest.layout import Prepared, from_lines

MAX_UNPACKED = 64 * 1024 * 1024
"""Largest total size of the XML parts of a .docx, unpacked (a zip bomb is refused)."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def is_word(raw: bytes) -> bool:
    """Whether ``raw`` is a zip archive or an OLE file (Word's two containers)."""
    return raw.startswith(b"PK\x03\x04") or raw.startswith(_OLE)


def prepare(raw: bytes, source: str) -> Prepared:
    """The text of a .docx. Raises FaguiError naming ``source`` for a
    password-protected or old binary Word file, a zip that is not a Word
    document, and one that would unpack too large."""
    if raw.startswith(_OLE):
        if _ENCRYPTED in raw:
            raise FaguiError("password-protected Word file: save it without a password, then ingest it", source)
        raise FaguiError("an old binary Word (.doc) or other OLE file: save it as .docx or plain text", source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        names = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FaguiError("not a Word .docx file: a damaged zip archive", source) from None
    if "word/document.xml" not in names:
        raise FaguiError("a zip archive, not a Word document (no word/document.xml)", source)
    if sum(info.file_size for name, info in names.items() if name.endswith(".xml")) > MAX_UNPACKED:
        raise FaguiError(f"Word document unpacks to more than {MAX_UNPACKED:,} bytes of XML", source)
    import docx  # python-docx: loaded only for Word files

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises many kinds for a damaged file
        raise FaguiError(f"not a readable Word document ({type(exc).__name__})", source) from None
    if _made_by_fagui(document):
        raise FaguiError("a 对照表 that fagui made (a comparison of two texts, not a regulation): ingest the regulation's own text", source)
    lines: list[tuple[str, str | None]] = []
    seen_parts: set = set()
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            lines += _part_lines(part, seen_parts, "Word page header")
    for element in document.element.body.iterchildren():
        lines += _body_lines(element)
    for section in document.sections:
        for part in (section.footer, section.first_page_footer, section.even_page_footer):
            lines += _part_lines(part, seen_parts, "Word page footer")
    return from_lines(lines, "docx", "docx")


def _made_by_fagui(document) -> bool:
    """Whether the file is a 对照表 fagui wrote (renderers/docx.py marks its
    document properties so): its table would read as one long article."""
    props = document.core_properties
    return props.author == "fagui" and props.keywords == "对照表"


def _paragraph_text(p) -> str:
    """A w:p element's text: its runs' text, tabs and line breaks."""
    out = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        tag = node.tag[len(_W) :]
        out.append((node.text or "") if tag == "t" else ("\t" if tag == "tab" else "\n"))
    return "".join(out)


def _style(p) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return (style.get(_W + "val") or "").lower() if style is not None else ""


def _body_lines(element) -> list[tuple[str, str | None]]:
    tag = element.tag[len(_W) :] if element.tag.startswith(_W) else ""
    if tag == "p":
        reason = "Word table of contents" if _style(element).startswith("toc") else None
        return [(line, reason) for line in _paragraph_text(element).split("\n")]
    if tag == "tbl":
        rows = []
        for row in element.iter(_W + "tr"):
            cells = [" ".join(_paragraph_text(p) for p in cell.iter(_W + "p")) for cell in row.iter(_W + "tc")]
            rows.append((" ".join(c.strip() for c in cells if c.strip()), None))
        return rows
    if tag == "sdt":
        gallery = element.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
        toc = gallery is not None and "contents" in (gallery.get(_W + "val") or "").lower()
        return [
            (line, "Word table of contents" if toc else None)
            for p in element.iter(_W + "p")
            for line in _paragraph_text(p).split("\n")
        ]
    return []


def _part_lines(part, seen: set, reason: str) -> list[tuple[str, str]]:
    """The lines of a header or footer not read before (sections share them)."""
    if part.is_linked_to_previous:
        return []
    key = id(part.part)
    if key in seen:
        return []
    seen.add(key)
    return [(line, reason) for p in part._element.iter(_W + "p") for line in _paragraph_text(p).split("\n") if line.strip()]
