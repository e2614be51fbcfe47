"""A comparison as a Word 对照表 (.docx), the table drafting offices and
备案审查 reviewers circulate: the reference (or old) text on the left, the
derived (or new) text on the right, one row per pair of corresponding
articles, chapter rows between, and a notes column.

The 修改前后对照表 convention: words only the right side has are **bold** (in
the right column), words only the left side has are struck through (in the
left column), both from the pair's diff ops. An article on one side only
stands against a cell that names it (新增 / 删除 between versions, 地方新增 /
未采纳 between jurisdictions, 部分条款共享 when a paragraph of it is carried
elsewhere). The notes column says in a reader's words what happened to the
row's articles (修改, 拆分为第二十六条、第四十三条, 调整位置：由第五章移至第一章)
and where each *shares* link carries a paragraph; the engine's figures
(strength, similarity, 待核, the wording shared) only on request
(``details``). The title block cites each text as an office does: title,
文号, jurisdiction, 公布 and 施行 dates (never the corpus id or a git hash).

A4 portrait, the header row repeated on every page; the page, the fonts
and the file's bytes are :mod:`renderers.wordfile`'s. Every string from the
comparison is made XML-safe there (control characters shown as ``\\xNN``);
python-docx escapes the rest.
"""

from __future__ import annotations

import copy

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from lxml import etree

from fagui.model import ArticleLink, ArticlePair, ArticleRef, Comparison, Grade, Mode, ParagraphPair, Side

from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import note_words
from renderers import (
    article_blocks,
    block_name,
    block_ops,
    counts,
    decision_label,
    flag_text,
    flags_by_article,
    group_note,
    meaning_text,
    pair_flags,
    pair_meanings,
    relation_label,
    shares_of,
    side_name,
    unsure_total,
)
from renderers.wordfile import blank_document, document_bytes, table_style, xml_safe

COLUMNS = (Mm(72), Mm(72), Mm(30))
"""Widths of the left, right and notes columns (A4 less 18 mm margins)."""
SHADE = "E7E6E6"


def render_docx(comparison: Comparison, *, lang: Lang = DEFAULT_LANG, details: bool = False) -> bytes:
    """The 对照表 of ``comparison`` as the bytes of a .docx file, in ``lang``.
    ``details`` adds the engine's figures to the notes column (the
    strength of a correspondence, its similarity, 待核 for a weak one, the
    wording a shared paragraph shares); without it the column says only
    what a drafting office writes there."""
    document = blank_document(_title(comparison, lang))
    _title_block(document, comparison, lang)
    _table(document, comparison, lang, details)
    return document_bytes(document)


def _title(comparison: Comparison, lang: Lang) -> str:
    left, right = comparison.left, comparison.right
    if comparison.mode == Mode.VERSIONS and left.title == right.title:
        return say("docx.title_versions", lang, title=left.title)
    return say("docx.title_pair", lang, left=left.title, right=right.title)


# -- title block -------------------------------------------------------------------


def _roles(comparison: Comparison, lang: Lang) -> tuple[str, str]:
    keys = ("docx.role_old", "docx.role_new") if comparison.mode == Mode.VERSIONS else ("docx.role_reference", "docx.role_derived")
    return say(keys[0], lang), say(keys[1], lang)


FACTS = ("title", "document_number", "jurisdiction", "promulgated", "effective")
"""The rows of the title block: how an office cites each text (the corpus
id and the git revision are the engine's names, not a reader's)."""


def _title_block(document, comparison: Comparison, lang: Lang) -> None:
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_after = Pt(8)
    run = heading.add_run(xml_safe(_title(comparison, lang)))
    run.font.size = Pt(16)
    run.bold = True
    facts = document.add_table(rows=0, cols=3)
    facts._tbl.tblStyle_val = table_style()  # what Table.style = "Table Grid" sets, looked up once
    facts.alignment = WD_TABLE_ALIGNMENT.CENTER
    roles = _roles(comparison, lang)
    rows = [("", roles[0], roles[1])]
    for key in FACTS:
        values = (getattr(comparison.left, key), getattr(comparison.right, key))
        if any(values):
            rows.append((say(f"field.{key}", lang), values[0] or "—", values[1] or "—"))
    for row_values in rows:
        cells = facts.add_row().cells
        for cell, value, width in zip(cells, row_values, (Mm(24), Mm(75), Mm(75))):
            cell.width = width
            cell.paragraphs[0].add_run(xml_safe(value))
    summary = say("list.sep", lang).join(f"{relation_label(name, lang)} {n}" for name, n in counts(comparison) if n)
    s = comparison.summary
    _note(document, say("docx.counts", lang, left=s.left_articles, right=s.right_articles, summary=summary))
    if unsure_total(comparison):
        unsure = say("list.sep", lang).join(f"{relation_label(name, lang)} {n}" for name, n in s.unsure_counts if n)
        _note(document, say("docx.unsure", lang, summary=unsure))
    _note(document, say("docx.legend", lang))


def _note(document, text: str) -> None:
    p = document.add_paragraph()
    p.paragraph_format.space_before = Pt(4)
    run = p.add_run(xml_safe(text))
    run.font.size = Pt(9)


# -- the table ---------------------------------------------------------------------


def _table(document, comparison: Comparison, lang: Lang, details: bool) -> None:
    names = {Side.LEFT: side_name(comparison, Side.LEFT, lang), Side.RIGHT: side_name(comparison, Side.RIGHT, lang)}
    roles = _roles(comparison, lang)
    table = document.add_table(rows=1, cols=3)
    table._tbl.tblStyle_val = table_style()
    table.autofit = False  # fixed layout: the grid's widths hold for every row
    for column, width in zip(table.columns, COLUMNS):
        column.width = width
    header = table.rows[0]
    _repeat_header(header)
    for cell, text, width in zip(header.cells, (f"{roles[0]}（{names[Side.LEFT]}）", f"{roles[1]}（{names[Side.RIGHT]}）", say("docx.notes_column", lang)), COLUMNS):
        cell.width = width
        _shade(cell)
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(xml_safe(text)).bold = True
    shares = shares_of(comparison)
    blocks = article_blocks(comparison)
    flags = flags_by_article(comparison)
    previous: dict[str, tuple[str, ...]] = {Side.LEFT: (), Side.RIGHT: ()}
    rows = _Rows(table)
    for pair in comparison.pairs:
        chapter = _chapter_change(pair, previous)
        if chapter:
            _chapter_row(rows, chapter)
        left_index, right_index = block_ops(pair) if pair.left and pair.right else ({}, {})
        cells = rows.add()
        _side(cells[0], Side.LEFT, pair, left_index, previous, lang)
        _side(cells[1], Side.RIGHT, pair, right_index, previous, lang)
        _notes(cells[2], pair, shares, names, blocks, lang, details, flags)


class _Rows:
    """Adds rows of plain cells to ``table``. python-docx's ``row.cells``
    lays out the whole table each time (quadratic in its rows); a new row
    needs only its own cells. python-docx's ``add_row`` finds where each of
    its elements goes, schema in hand (most of the time of a 对照表): it
    makes the first row; every later one is a copy of that row as it was
    made (the same elements), appended."""

    def __init__(self, table):
        self.table = table
        self.blank = None

    def add(self) -> list:
        """The new row's cells."""
        if self.blank is None:
            tr = self.table.add_row()._tr
            self.blank = copy.deepcopy(tr)
        else:
            tr = copy.deepcopy(self.blank)
            self.table._tbl.append(tr)
        return [_Cell(tc, self.table) for tc in tr.tc_lst]


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
    for side, refs in ((Side.LEFT, pair.left), (Side.RIGHT, pair.right)):
        if refs and refs[0].divisions and refs[0].divisions != previous[side]:
            out[side] = " · ".join(refs[0].divisions)
    return out


def _chapter_row(rows: _Rows, chapter: dict[str, str]) -> None:
    cells = rows.add()
    for cell, side in zip(cells, (Side.LEFT, Side.RIGHT, None)):
        _shade(cell)
        if side in chapter:
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(p, chapter[side])


def _side(cell, side: Side, pair: ArticlePair, index: dict[tuple[int, int], ParagraphPair], previous: dict, lang: Lang) -> None:
    refs = pair.left if side == Side.LEFT else pair.right
    if not refs:
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, f"（{relation_label(pair.relation, lang)}）", color="595959")
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


def _article(cell, side: Side, ref: ArticleRef, ai: int, index: dict[tuple[int, int], ParagraphPair], first: bool) -> None:
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
                _run(p, op.left if side == Side.LEFT else op.right)
            elif op.kind == "delete" and side == Side.LEFT and op.left:
                _run(p, op.left, strike=True)
            elif op.kind == "insert" and side == Side.RIGHT and op.right:
                _run(p, op.right, bold=True)


def _notes(
    cell,
    pair: ArticlePair,
    shares: dict[tuple[str, str], list[ArticleLink]],
    names: dict[str, str],
    blocks: dict,
    lang: Lang,
    details: bool,
    flags: dict,
) -> None:
    """The notes column in a drafting office's words: the relation (修改,
    拆分为第二十六条、第四十三条, 调整位置：由第五章移至第一章, 同时修改), where
    a shared paragraph went, what the change means in law (罚款上限由五万元
    提高至十万元) and the flags on it, and for an article alone the closest
    article of the other side; the engine's figures (similarity, 待核) only with
    ``details``. Without them a correspondence the engine is unsure of says
    so (由第十四条、第四十六条合并（待核）), as the counts keep it apart: the
    cell does not state it as fact."""
    head = [group_note(pair, lang) or relation_label(pair.relation, lang)]
    if not details and pair.grade != Grade.SURE:
        head[0] = say("docx.to_check", lang, note=head[0])
    if details and pair.left and pair.right:
        head.append(say("strength.counterpart", lang))
        head.append(say("docx.similarity", lang, score=f"{pair.score:.2f}"))
    if details and pair.grade != Grade.SURE:
        head.append(say(f"grade.{pair.grade}", lang))
    if pair.decision is not None:
        head.append(decision_label(pair.decision, lang))
    lines = [say("list.comma", lang).join(head) if len(head) > 1 else head[0]]
    lines += [note_words(note, lang) for note in pair.notes]
    for side, refs in ((Side.LEFT, pair.left), (Side.RIGHT, pair.right)):
        other = side.other
        for ref in refs:
            for link in shares.get((side, ref.label), ()):
                lines.append(_shares_line(side, ref.label, link, names[other], blocks, lang, details))
    lines += [meaning_text(m, blocks, lang) for m in pair_meanings(pair, shares)]
    lines += [flag_text(f, blocks, lang) for f in pair_flags(pair, flags)]
    if pair.candidates:
        closest = pair.candidates[0]
        wording = "".join(f"「{w}」" for w in closest.shared[:3])
        other_name = names[Side.RIGHT if pair.left else Side.LEFT]
        if details:
            line = say("docx.closest_details", lang, other=other_name, label=closest.label, score=f"{closest.score:.2f}", wording=wording)
        else:
            line = say("docx.closest", lang, other=other_name, label=closest.label)
        lines.append(xml_safe(line))
    p = cell.paragraphs[0]
    for k, line in enumerate(lines):
        if k:
            p = cell.add_paragraph()
        _run(p, line, size=18)


def _shares_line(side: Side, label: str, link: ArticleLink, other_name: str, blocks: dict, lang: Lang, details: bool) -> str:
    """``第十八条第2款见于吉林省第十九条第1款``; with ``details`` the
    similarity, 待核 and the wording shared: ``（共享，相似度 0.62）「……」``."""
    there = link.right if side == Side.LEFT else link.left
    other = side.other
    key = "docx.shares_to" if side == Side.LEFT else "docx.shares_from"
    places = []
    for ev in link.evidence:
        mine, theirs = (ev.left, ev.right) if side == Side.LEFT else (ev.right, ev.left)
        place = say(
            key, lang, label=label, mine=block_name(blocks[side, mine[0]], mine[1]), other=other_name, there=there,
            theirs=block_name(blocks[other, theirs[0]], theirs[1]),
        )
        if details:
            place += "".join(f"「{w}」" for w in ev.shared[:6])
        places.append(place)
    line = "；".join(places) or say(key, lang, label=label, mine="", other=other_name, there=there, theirs="")
    if link.decision is not None:
        line += f"（{decision_label(link.decision, lang)}）"
    if not details and link.grade != Grade.SURE:
        line = say("docx.to_check", lang, note=line)
    if details:
        figures = [say("strength.shares", lang), say("docx.similarity", lang, score=f"{link.score:.2f}")]
        if link.grade != Grade.SURE:
            figures.append(say(f"grade.{link.grade}", lang))
        line += f"（{say('list.comma', lang).join(figures)}）"
    return line
