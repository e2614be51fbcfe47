"""Word .docx files, read with python-docx.

The body's paragraphs and table rows become lines, in document order, with
line breaks inside a paragraph kept; a table of contents (a TOC content
control or paragraphs in a TOC style) and every page header and footer are
read too, and dropped with their reason, so the audit lists them.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from fagui.errors import FaguiError
from fagui.ingest.layout import Prepared, Source, from_lines

MAX_UNPACKED = 32 * 1024 * 1024
"""Largest total size of the XML parts of a .docx, unpacked, counted as
they unpack (a zip bomb is refused, whatever the zip says of its sizes).
The document of the longest code is a few megabytes."""

MAX_TAGS = 1_000_000
"""Most tags (``<``) in the XML parts: each element the XML parser holds
costs some hundred bytes, so a few megabytes of ``<w:p/>`` would cost more
memory than the bytes say. A long code has a few hundred thousand."""

_CHUNK = 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def recognise(source: Source) -> bool:
    """Whether the bytes are a zip archive or an OLE file (Word's two containers)."""
    return source.raw.startswith(b"PK\x03\x04") or source.raw.startswith(_OLE)


def prepare(source: Source) -> Prepared:
    """The text of a .docx. Raises FaguiError naming the source for a
    password-protected or old binary Word file, a zip that is not a Word
    document, and one that would unpack too large."""
    raw, source = source.raw, source.name
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
    package = _bounded_package(archive, source)
    import docx  # python-docx: loaded only for Word files

    try:
        document = docx.Document(package)
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


def _bounded_package(archive: zipfile.ZipFile, source: str) -> io.BytesIO:
    """The package python-docx reads: each XML part unpacked in steps and
    counted as it comes (never trusting the sizes the zip declares), the
    whole refused past :data:`MAX_UNPACKED` bytes or :data:`MAX_TAGS` tags;
    every other part (images, fonts, embedded files: no text of the
    regulation) left empty, never unpacked."""
    types = _content_types(archive, source)
    total, tags, parts = 0, 0, []
    for info in archive.infolist():
        if info.is_dir():
            continue
        if info.filename != "[Content_Types].xml" and not _is_xml(info.filename, types):
            parts.append((info.filename, b""))
            continue
        data = _unpack(archive, info, MAX_UNPACKED - total, source)
        total += len(data)
        tags += data.count(b"<")
        if tags > MAX_TAGS:
            raise FaguiError(f"Word document holds more than {MAX_TAGS:,} XML tags: not one regulation", source)
        parts.append((info.filename, data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for name, data in parts:
            package.writestr(name, data)
    out.seek(0)
    return out


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int, source: str) -> bytes:
    """A member's bytes, read in steps; refused once they pass ``room``."""
    chunks, size = [], 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > room:
                    raise FaguiError(f"Word document unpacks to more than {MAX_UNPACKED:,} bytes of XML", source)
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error):
        raise FaguiError(f"not a Word .docx file: a damaged zip archive (part {info.filename})", source) from None
    return b"".join(chunks)


def _content_types(archive: zipfile.ZipFile, source: str) -> tuple[dict[str, str], dict[str, str]]:
    """The package's content types: (by extension, by part name)."""
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return {}, {}
    from lxml import etree  # python-docx's own XML library

    try:
        root = etree.fromstring(_unpack(archive, info, MAX_UNPACKED, source), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        raise FaguiError("not a readable Word document ([Content_Types].xml is damaged)", source) from None
    defaults, overrides = {}, {}
    for node in root:
        tag = node.tag.rpartition("}")[2] if isinstance(node.tag, str) else ""
        if tag == "Default":
            defaults[(node.get("Extension") or "").lower()] = node.get("ContentType") or ""
        elif tag == "Override":
            overrides[(node.get("PartName") or "").lstrip("/").lower()] = node.get("ContentType") or ""
    return defaults, overrides


def _is_xml(name: str, types: tuple[dict[str, str], dict[str, str]]) -> bool:
    """Whether a part is XML by its content type (whatever its name), or
    has no content type and could be read as anything."""
    defaults, overrides = types
    kind = overrides.get(name.lower())
    if kind is None:
        kind = defaults.get(name.rpartition(".")[2].lower() if "." in name.rpartition("/")[2] else "")
    return kind is None or kind.lower().endswith("xml")


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
