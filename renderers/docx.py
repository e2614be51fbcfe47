"""A comparison as a Word 对照表 (.docx), the table drafting offices and
备案审查 reviewers circulate: the reference (or old) text on the left, the
derived (or new) text on the right, one row per pair of corresponding
articles, chapter rows between, and a notes column.

The 修改前后对照表 convention: words only the right side has are **bold** (in
the right column), words only the left side has are struck through (in the
left column), both from the pair's diff ops. An article on one side only
stands against a cell that names it (新增 / 删除 between versions, 地方新增 /
未采纳 between jurisdictions, 部分条款共享 when a paragraph of it is carried
elsewhere). The notes column gives the relation, the strength of the
correspondence and its score, and every *shares* link of the row's articles
(which article, which paragraphs, the wording they share).

A4 portrait; the header row repeats on every page; text is set in SimSun
(宋体) for Chinese (``w:eastAsia``, with the font table naming 宋体 and the
GB2312 character set so Word and LibreOffice substitute a Chinese serif
where SimSun is missing) and Times New Roman for Latin letters and digits.
Every string from the comparison is made XML-safe (control characters shown
as ``\\xNN``); python-docx escapes the rest.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import _Cell
from lxml import etree

from fagui.model import ArticleLink, ArticlePair, ArticleRef, Comparison, ParagraphPair

from renderers import GRADE_LABELS, decision_label, STRENGTH_LABELS, article_blocks, block_name, block_ops, counts, relation_label, shares_of, side_name

CJK_FONT = "SimSun"
CJK_FONT_ALT = "宋体"
LATIN_FONT = "Times New Roman"
SIZE = Pt(10.5)  # 五号
COLUMNS = (Mm(72), Mm(72), Mm(30))
"""Widths of the left, right and notes columns (A4 less 18 mm margins)."""
SHADE = "E7E6E6"

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: object) -> str:
    """``text`` with every character XML 1.0 cannot hold (and C1 controls)
    written as ``\\xNN`` / ``\\uNNNN``, so no text can break the document."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", str(text))


def render_docx(comparison: Comparison) -> bytes:
    """The 对照表 of ``comparison`` as the bytes of a .docx file."""
    document = docx.Document()
    _setup(document, _title(comparison))
    _title_block(document, comparison)
    _table(document, comparison)
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # python-docx's picture of its blank template
            del package.rels[rid]
    out = io.BytesIO()
    document.save(out)
    return _reproducible(out.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01, so the same
    comparison gives the same bytes (a report re-run changes no file that
    did not change)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info))
    return out.getvalue()


def _title(comparison: Comparison) -> str:
    left, right = comparison.left, comparison.right
    if comparison.mode == "versions" and left.title == right.title:
        return f"{left.title}修改前后对照表"
    return f"{left.title}与{right.title}对照表"


# -- page, fonts ------------------------------------------------------------------


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


# -- title block -------------------------------------------------------------------


def _roles(comparison: Comparison) -> tuple[str, str]:
    return ("修改前", "修改后") if comparison.mode == "versions" else ("参照文本", "地方文本")


def _title_block(document, comparison: Comparison) -> None:
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_after = Pt(8)
    run = heading.add_run(xml_safe(_title(comparison)))
    run.font.size = Pt(16)
    run.bold = True
    facts = document.add_table(rows=0, cols=3)
    facts.style = "Table Grid"
    facts.alignment = WD_TABLE_ALIGNMENT.CENTER
    roles = _roles(comparison)
    rows = [("", roles[0], roles[1])]
    for name, key in (("标题", "title"), ("地区", "jurisdiction"), ("施行日期", "effective"), ("版本", "revision"), ("编号", "id")):
        values = (getattr(comparison.left, key), getattr(comparison.right, key))
        if any(values):
            rows.append((name, values[0] or "—", values[1] or "—"))
    for row_values in rows:
        cells = facts.add_row().cells
        for cell, value, width in zip(cells, row_values, (Mm(24), Mm(75), Mm(75))):
            cell.width = width
            cell.paragraphs[0].add_run(xml_safe(value))
    summary = "；".join(f"{relation_label(name)} {n}" for name, n in counts(comparison) if n)
    s = comparison.summary
    _note(document, f"条文：{s.left_articles} ↔ {s.right_articles}。{summary}。")
    _note(
        document,
        "说明：右栏加粗的文字为新增（左栏没有），左栏加删除线的文字为删除（右栏没有）；"
        "仅一侧有的条文，另一栏注明“新增”“删除”（版本之间）或“地方新增”“未采纳”（参照文本与地方文本之间）；"
        "“部分条款共享”指该条的款、项见于另一侧的其他条文，见说明栏。",
    )


def _note(document, text: str) -> None:
    p = document.add_paragraph()
    p.paragraph_format.space_before = Pt(4)
    run = p.add_run(xml_safe(text))
    run.font.size = Pt(9)


# -- the table ---------------------------------------------------------------------


def _table(document, comparison: Comparison) -> None:
    names = {"L": side_name(comparison, "L"), "R": side_name(comparison, "R")}
    roles = _roles(comparison)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.autofit = False  # fixed layout: the grid's widths hold for every row
    for column, width in zip(table.columns, COLUMNS):
        column.width = width
    header = table.rows[0]
    _repeat_header(header)
    for cell, text, width in zip(header.cells, (f"{roles[0]}（{names['L']}）", f"{roles[1]}（{names['R']}）", "说明"), COLUMNS):
        cell.width = width
        _shade(cell)
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(xml_safe(text)).bold = True
    shares = shares_of(comparison)
    blocks = article_blocks(comparison)
    previous: dict[str, tuple[str, ...]] = {"L": (), "R": ()}
    for pair in comparison.pairs:
        chapter = _chapter_change(pair, previous)
        if chapter:
            _chapter_row(table, chapter)
        left_index, right_index = block_ops(pair) if pair.left and pair.right else ({}, {})
        cells = _add_row(table)
        _side(cells[0], "L", pair, left_index, previous)
        _side(cells[1], "R", pair, right_index, previous)
        _notes(cells[2], pair, shares, names, blocks)


def _add_row(table) -> list:
    """A new row's cells. python-docx's ``row.cells`` lays out the whole
    table each time (quadratic in its rows); a new row of plain cells needs
    only its own."""
    row = table.add_row()
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


_FORMATS = {"bold": "w:b", "strike": "w:strike", "italic": "w:i"}


def _run(p, text: str, *, size: int | None = None, color: str | None = None, **marks: bool) -> None:
    """Append a run of ``text`` (made XML-safe) to paragraph ``p``: what
    python-docx's ``add_run`` writes, without its search for where each
    child goes (a table of thousands of runs is built in linear time).
    ``marks``: bold, strike, italic; ``size`` in half-points; ``color`` hex."""
    r = etree.SubElement(p._p, qn("w:r"))
    props = [(_FORMATS[k], None) for k, on in marks.items() if on]
    if color:
        props.append(("w:color", color))
    if size:
        props.append(("w:sz", str(size)))
    if props:
        rpr = etree.SubElement(r, qn("w:rPr"))
        for tag, value in props:  # in the schema's order: b, i, strike, color, sz
            el = etree.SubElement(rpr, qn(tag))
            if value is not None:
                el.set(qn("w:val"), value)
    t = etree.SubElement(r, qn("w:t"))
    t.text = xml_safe(text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _repeat_header(row) -> None:
    pr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    pr.append(mark)


def _shade(cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), SHADE)
    cell._tc.get_or_add_tcPr().append(shading)


def _chapter_change(pair: ArticlePair, previous: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """The chapter (or section) headings that begin with this pair, by side."""
    out = {}
    for side, refs in (("L", pair.left), ("R", pair.right)):
        if refs and refs[0].divisions and refs[0].divisions != previous[side]:
            out[side] = " · ".join(refs[0].divisions)
    return out


def _chapter_row(table, chapter: dict[str, str]) -> None:
    cells = _add_row(table)
    for cell, side in zip(cells, ("L", "R", None)):
        _shade(cell)
        if side in chapter:
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(p, chapter[side])


def _side(cell, side: str, pair: ArticlePair, index: dict[tuple[int, int], ParagraphPair], previous: dict) -> None:
    refs = pair.left if side == "L" else pair.right
    if not refs:
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, f"（{relation_label(pair.relation)}）", color="595959")
        return
    first = True
    for ai, ref in enumerate(refs):
        if ai and ref.divisions and ref.divisions != previous[side]:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            _run(p, " · ".join(ref.divisions), italic=True)
            first = False
        previous[side] = ref.divisions or previous[side]
        _article(cell, side, ref, ai, index, first)
        first = False


def _article(cell, side: str, ref: ArticleRef, ai: int, index: dict[tuple[int, int], ParagraphPair], first: bool) -> None:
    for bi, block in enumerate(ref.blocks or ("",)):
        p = cell.paragraphs[0] if first and bi == 0 else cell.add_paragraph()
        if bi == 0:
            _run(p, ref.label + "\u3000")
        pp = index.get((ai, bi))
        if pp is None or not pp.ops:
            _run(p, block)
            continue
        for op in pp.ops:
            if op.kind == "equal":
                _run(p, op.left if side == "L" else op.right)
            elif op.kind == "delete" and side == "L" and op.left:
                _run(p, op.left, strike=True)
            elif op.kind == "insert" and side == "R" and op.right:
                _run(p, op.right, bold=True)


def _notes(cell, pair: ArticlePair, shares: dict[tuple[str, str], list[ArticleLink]], names: dict[str, str], blocks: dict) -> None:
    head = [relation_label(pair.relation)]
    if pair.left and pair.right:
        head.append(STRENGTH_LABELS["counterpart"])
        head.append(f"相似度 {pair.score:.2f}")
        if pair.grade != "sure":
            head.append(GRADE_LABELS.get(pair.grade, pair.grade))
        if pair.decision is not None:
            head.append(decision_label(pair.decision))
    lines = ["，".join(head)]
    lines += [xml_safe(note) for note in pair.notes]
    for side, refs in (("L", pair.left), ("R", pair.right)):
        other = "R" if side == "L" else "L"
        for ref in refs:
            for link in shares.get((side, ref.label), ()):
                lines.append(_shares_line(side, ref.label, link, names[other], blocks))
    p = cell.paragraphs[0]
    for k, line in enumerate(lines):
        if k:
            p = cell.add_paragraph()
        _run(p, line, size=18)


def _shares_line(side: str, label: str, link: ArticleLink, other_name: str, blocks: dict) -> str:
    """``第十八条部分条款见于 吉林省 第十九条（共享，相似度 0.62）：第1款↔第1款「……」``."""
    there = link.right if side == "L" else link.left
    verb = "部分条款见于" if side == "L" else "部分条款来自"
    grade = f"，{GRADE_LABELS.get(link.grade, link.grade)}" if link.grade != "sure" else ""
    grade += f"，{decision_label(link.decision)}" if link.decision is not None else ""
    other = "R" if side == "L" else "L"
    places = []
    for ev in link.evidence:
        mine, theirs = (ev.left, ev.right) if side == "L" else (ev.right, ev.left)
        wording = "".join(f"「{w}」" for w in ev.shared[:6])
        places.append(f"{block_name(blocks[side, mine[0]], mine[1])}↔{block_name(blocks[other, theirs[0]], theirs[1])}{wording}")
    return f"{label}{verb} {other_name} {there}（{STRENGTH_LABELS['shares']}，相似度 {link.score:.2f}{grade}）：{'；'.join(places)}"

