"""A Word file as fagui writes one, whatever it shows: a blank A4 document
set in SimSun (宋体) for Chinese and Times New Roman for Latin letters and
digits, made once per process (:func:`blank_document`), and the bytes of a
finished one, the same for the same content (:func:`document_bytes`).

SimSun is named for ``w:eastAsia``, and the font table describes it by its
other name 宋体 and the GB2312 character set, so Word and LibreOffice
substitute a Chinese serif where SimSun is missing. Text put in a document
goes through :func:`xml_safe` (control characters shown as ``\\xNN``);
python-docx escapes the rest. What a 对照表 holds is :mod:`renderers.docx`.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from functools import cache

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from lxml import etree

CJK_FONT = "SimSun"
CJK_FONT_ALT = "宋体"
LATIN_FONT = "Times New Roman"
SIZE = Pt(10.5)  # 五号

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: object) -> str:
    """``text`` with every character XML 1.0 cannot hold (and C1 controls)
    written as ``\\xNN`` / ``\\uNNNN``, so no text can break the document."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", str(text))


def blank_document(title: str):
    """A new document as :func:`_setup` leaves one titled ``title``: a copy
    of the template's body and core properties, its other parts shared
    (reading python-docx's template and parsing its styles took a fifth of
    the time of a 对照表)."""
    template = _template()
    document = copy.deepcopy(template.document, {id(part): part for part in template.shared})
    document.core_properties.title = xml_safe(title)
    return document


def table_style() -> str:
    """The style id of "Table Grid": what ``Table.style = "Table Grid"``
    sets, looked up once per process."""
    return _template().table_style


def document_bytes(document) -> bytes:
    """A document made by :func:`blank_document` as the bytes of a .docx
    file, without python-docx's thumbnail of its blank template (:func:`_reproducible`)."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # python-docx's picture of its blank template
            del package.rels[rid]
    return _reproducible(package)


class _Members:
    """Collects the members python-docx's package writer hands its zip
    writer: (name in the archive, bytes), in its order."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:
        self.members.append((pack_uri.membername, blob))


class _Part:
    """A part of the template as the package writer reads it, its blob
    serialised once (:attr:`_Template.blobs`)."""

    def __init__(self, part, blob: bytes) -> None:
        self.partname, self.content_type, self.rels, self.blob = part.partname, part.content_type, part.rels, blob


def _reproducible(package) -> bytes:
    """``package`` as the bytes of a .docx archive, the members in the
    order python-docx writes them and each dated 1980-01-01, so the same
    comparison gives the same bytes (a report re-run changes no file that
    did not change). Each member is compressed once: ``Document.save``
    writes an archive dated now, and redating it meant inflating and
    compressing every member a second time."""
    parts = package.parts
    for part in parts:
        part.before_marshal()  # as OpcPackage.save does
    blobs = _template().blobs
    parts = [_Part(part, blobs[id(part)]) if id(part) in blobs else part for part in parts]
    collected = _Members()
    PackageWriter._write_content_types_stream(collected, parts)
    PackageWriter._write_pkg_rels(collected, package.rels)
    PackageWriter._write_parts(collected, parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in collected.members:
            member = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, blob)
    return out.getvalue()


class _Template:
    """python-docx's blank document set up as every 对照表 is (:func:`_setup`),
    made once per process, and what a 对照表 takes from it as it is."""

    def __init__(self) -> None:
        self.document = docx.Document()
        _setup(self.document, "")
        own = (self.document.part, self.document.part.package.part_related_by(RT.CORE_PROPERTIES))
        self.shared = [part for part in self.document.part.package.parts if part not in own]
        """Every part but the body and the core properties (which hold the
        title): the styles, the font table, the theme... No 对照表 changes
        them, so each shares them rather than copying them (the styles
        alone are 350 KB of XML); :func:`_reproducible` serialises them once."""
        self.blobs = {id(part): part.blob for part in self.shared}
        self.table_style = self.document.part.get_style_id("Table Grid", WD_STYLE_TYPE.TABLE)


@cache
def _template() -> _Template:
    return _Template()


def _setup(document, title: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(11906), Twips(16838)  # A4, as Word writes it
    section.left_margin = section.right_margin = Mm(18)
    section.top_margin = section.bottom_margin = Mm(20)
    normal = document.styles["Normal"]
    normal.font.size = SIZE
    _fonts(normal.element.get_or_add_rPr())
    defaults = document.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if defaults is not None:
        _fonts(defaults)
    normal.paragraph_format.space_after = Pt(0)
    _add_font_table_entry(document)
    props = document.core_properties
    props.title, props.author, props.last_modified_by, props.comments = xml_safe(title), "fagui", "fagui", ""
    props.keywords = "对照表"


def _fonts(rpr) -> None:
    """Set SimSun for Chinese, Times New Roman for the rest, and zh-CN as the
    East Asian language (which LibreOffice uses to choose a fallback)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr, value in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:cs", LATIN_FONT), ("w:eastAsia", CJK_FONT), ("w:hint", "eastAsia")):
        fonts.set(qn(attr), value)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):  # a theme font would win over the named one
            del fonts.attrib[attr]
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _add_font_table_entry(document) -> None:
    """Describe SimSun in the font table: its other name 宋体, the GB2312
    character set and a serif family, which is what Word and LibreOffice
    substitute by when SimSun itself is not installed."""
    part = next(p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    font = etree.SubElement(root, w + "font", {w + "name": CJK_FONT})
    etree.SubElement(font, w + "altName", {w + "val": CJK_FONT_ALT})
    etree.SubElement(font, w + "panose1", {w + "val": "02010600030101010101"})
    etree.SubElement(font, w + "charset", {w + "val": "86"})
    etree.SubElement(font, w + "family", {w + "val": "roman"})
    etree.SubElement(font, w + "pitch", {w + "val": "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
