"""Each ingestion pass and line rule earns its place, and each can be called
alone.

For every pass of ``SOURCE_PASSES`` and every rule of ``HEADER_RULES`` and
``BODY_RULES``, a small source and what ingesting it must give: with the
whole chain it does, and with that one pass or rule taken out it does not
(a test that fails when the rule is removed). The layouts of the registry
are checked the same way on real files. Then rules are called alone on
hand-made lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import pdfs
import pytest
from conftest import source_path
from public import layout_file

import fagui.ingest
from fagui.errors import FaguiError
from fagui.ingest import LAYOUTS, prepare
from fagui.ingest.body import (
    BODY_RULES,
    BodyContext,
    after_last_article,
    article_opener,
    division_heading,
    group_heading,
    heading_tail,
    item_or_paragraph,
)
from fagui.ingest.header import HEADER_RULES, HeaderContext, order_field, title_line
from fagui.ingest.layout import Prepared
from fagui.ingest.lines import LineReader
from fagui.ingest.parse import SOURCE_PASSES, parse_with_decisions
from fagui.ingest.rules import UNREAD_REASON, LineDecision, LineRole
from fagui.ingest.structure import GROUP_HEADING_REASON
from fagui.markdown import write_regulation

TITLE = "某市河道管理办法"
FIRST = "第一条　为了加强河道管理，制定本办法。"
LAST = "第二条　本办法自2021年1月1日起施行。"


@dataclass
class Read:
    """What ingesting a source gave: the Markdown, regulation, audit and
    decisions, or the error."""

    markdown: str = ""
    regulation: object = None
    audit: object = None
    decisions: tuple = ()
    error: str = ""


def read(raw: bytes | str, name: str = "t.txt", without: str = "") -> Read:
    """``raw`` ingested with every pass and rule but the one named ``without``."""
    raw = raw.encode("utf-8") if isinstance(raw, str) else raw
    chains = {
        "source_passes": SOURCE_PASSES,
        "header_rules": HEADER_RULES,
        "body_rules": BODY_RULES,
    }
    chains = {key: tuple(run for run in chain if run.__name__ != without) for key, chain in chains.items()}
    try:
        regulation, audit, decisions = parse_with_decisions(prepare(raw, name), name, **chains)
        return Read(write_regulation(regulation), regulation, audit, decisions)
    except FaguiError as exc:
        return Read(error=str(exc))


def lines(*texts: str) -> str:
    return "\n".join(texts) + "\n"


def paragraphs(r: Read, label: str) -> list[str]:
    return [p.text for a in r.regulation.articles if a.label == label for p in a.paragraphs]


def dropped(r: Read, reason: str) -> list[str]:
    return [span.text for span in r.audit.dropped if span.reason.startswith(reason)]


# name -> (source, what ingesting it gives only with that pass or rule)
CASES = {
    # -- passes over the whole source
    "remove_marks": (
        lines(TITLE, "第一条　为了加强[bookmark: _Toc1]河道管理，制定本办法。", LAST),
        lambda r: paragraphs(r, "第一条") == ["为了加强河道管理，制定本办法。"] and dropped(r, "Word bookmark") == ["[bookmark: _Toc1]"],
    ),
    "apply_layout": (
        lines(f"# {TITLE}", "", FIRST, LAST),
        lambda r: r.regulation.preamble == () and dropped(r, "title: moved") == [f"# {TITLE}"],
    ),
    "join_wrapped": (
        pdfs.typeset(lines(TITLE, "第一条　为了加强本市河道的管理，保障防洪安全，发挥江河湖泊的综合效益，根据有关法律，结合本市实际，制定本办法。", LAST), indent=False),
        lambda r: any(j.why == "line wrap" for j in r.audit.joins)
        and paragraphs(r, "第一条") == ["为了加强本市河道的管理，保障防洪安全，发挥江河湖泊的综合效益，根据有关法律，结合本市实际，制定本办法。"],
    ),
    "classify_structure": (lines(TITLE, FIRST, LAST), lambda r: len(r.regulation.articles) == 2),
    # -- the header's line rules
    "web_chrome": (
        lines("来源：某市人民政府网", TITLE, FIRST, LAST),
        lambda r: "来源" not in r.markdown and dropped(r, "web page header") == ["来源：某市人民政府网"],
    ),
    "source_link": (
        lines("原文链接：https://example.org/hedao", TITLE, FIRST, LAST),
        lambda r: r.regulation.metadata.source == "https://example.org/hedao" and "原文链接" not in r.markdown,
    ),
    "preamble_continuation": (
        lines(TITLE, "现将本办法印发给你们，请认真", "贯彻执行。", FIRST, LAST),
        lambda r: r.regulation.preamble == ("现将本办法印发给你们，请认真贯彻执行。",),
    ),
    "title_line": (lines(TITLE, FIRST, LAST), lambda r: r.regulation.metadata.title == TITLE),
    "order_field": (
        lines(TITLE, "2021年4月26日", FIRST, LAST),
        lambda r: r.regulation.metadata.promulgated == "2021-04-26" and r.regulation.preamble == (),
    ),
    "preamble_paragraph": (
        lines(TITLE, "为了加强河道管理，现发布本办法。", FIRST, LAST),
        lambda r: r.regulation.preamble == ("为了加强河道管理，现发布本办法。",),
    ),
    # -- the body's line rules
    "article_opener": (lines(TITLE, FIRST, LAST), lambda r: [a.label for a in r.regulation.articles] == ["第一条", "第二条"]),
    "division_heading": (
        lines(TITLE, "第一章　总则", FIRST, "第二章　附则", LAST),
        lambda r: [d.title for d in r.regulation.body] == ["总则", "附则"],
    ),
    "heading_tail": (
        lines(TITLE, "第一章　河道的整治", "与保护", FIRST, LAST),
        lambda r: r.regulation.body[0].title == "河道的整治与保护"
        and [(j.why, j.rule) for j in r.audit.joins] == [("heading wrapped onto a second line", "heading_tail")],
    ),
    "group_heading": (
        lines(TITLE, FIRST, "一、河道整治", LAST),
        lambda r: "河道整治" not in r.markdown and dropped(r, GROUP_HEADING_REASON) == ["一、河道整治"],
    ),
    "outside_article": (
        lines(TITLE, "第一章　总则", "本章规定河道管理的一般事项。", FIRST, LAST),
        lambda r: [(w.message, w.rule) for w in r.audit.warnings] == [("text outside any article dropped", "outside_article")],
    ),
    "after_last_article": (
        lines(TITLE, FIRST, LAST, "附件：河道名录"),
        lambda r: "附件" not in r.markdown and dropped(r, "matter after the last article") == ["附件：河道名录"],
    ),
    "item_or_paragraph": (
        lines(TITLE, FIRST, "本办法适用于本市行政区域内的河道。", LAST),
        lambda r: paragraphs(r, "第一条") == ["为了加强河道管理，制定本办法。", "本办法适用于本市行政区域内的河道。"],
    ),
}


def test_every_pass_and_rule_is_checked():
    assert list(CASES) == [run.__name__ for run in SOURCE_PASSES + HEADER_RULES + BODY_RULES]


@pytest.mark.parametrize("name", list(CASES))
def test_without_a_pass_or_rule_its_result_is_lost(name):
    source, holds = CASES[name]
    file_name = "t.pdf" if isinstance(source, bytes) else "t.txt"
    whole = read(source, file_name)
    assert not whole.error and holds(whole), whole
    without = read(source, file_name, without=name)
    assert without.error or not _holds(holds, without)


def _holds(holds, r: Read) -> bool:
    """Whether ``holds`` holds for ``r``; not where what it looks at is not there (a Division that is an Article)."""
    try:
        return holds(r)
    except (AttributeError, IndexError):
        return False


@pytest.mark.parametrize("name", [run.__name__ for run in HEADER_RULES + BODY_RULES])
def test_a_rule_decides_lines_of_its_case_and_names_itself_in_their_audit(name):
    source, _ = CASES[name]
    r = read(source)
    mine = {d.line for d in r.decisions if d.rule == name}
    assert mine
    entries = [(e.line, e.rule) for e in r.audit.dropped + r.audit.warnings] + [(j.next_line, j.rule) for j in r.audit.joins]
    assert {line for line, rule in entries if rule == name} <= mine


def test_every_audit_entry_of_a_seed_names_a_rule():
    for path in sorted(source_path("x").parent.rglob("*.source.txt")):
        audit = read(path.read_bytes(), path.name).audit
        entries = audit.dropped + audit.joins + audit.warnings
        assert entries and all(e.rule for e in entries), path
        assert audit.as_dict()["dropped"][0]["rule"] == audit.dropped[0].rule


def test_a_chain_without_its_last_rule_drops_what_it_cannot_read_and_says_so():
    r = read(lines(TITLE, FIRST, "本办法适用于本市行政区域内的河道。", LAST), without="item_or_paragraph")
    assert dropped(r, UNREAD_REASON) == ["本办法适用于本市行政区域内的河道。"]
    assert [d.role for d in r.decisions if d.line == 3] == [LineRole.UNREAD]


# -- the layout registry --------------------------------------------------------

LAYOUT_FILES = {
    "docx": lambda: layout_file("docx", "劳动合同法实施条例.docx"),
    "pdf": lambda: pdfs.typeset(source_path("national/counterespionage-security-provisions").read_text(encoding="utf-8")),
    "html": lambda: layout_file("html", "婚姻登记条例.html"),
    "lawrefbook": lambda: layout_file("lawrefbook", "仲裁法(2017-09-01).md"),
    "flk": lambda: layout_file("flk", "专利代理条例.md"),
    "text": lambda: source_path("national/counterespionage-security-provisions"),
}


def test_every_layout_is_checked_in_the_order_tried():
    assert list(LAYOUT_FILES) == [layout.name for layout in LAYOUTS]


@pytest.mark.parametrize("name", list(LAYOUT_FILES)[:-1])
def test_without_a_layout_its_file_is_read_otherwise(name, monkeypatch):
    found = LAYOUT_FILES[name]()
    raw, file_name = (found, "x.pdf") if isinstance(found, bytes) else (found.read_bytes(), found.name)
    assert prepare(raw, file_name).layout == name
    monkeypatch.setattr(fagui.ingest, "LAYOUTS", tuple(layout for layout in LAYOUTS if layout.name != name))
    try:
        assert prepare(raw, file_name).layout != name
    except FaguiError as exc:  # a .docx or .pdf that no layout takes is refused by name
        assert f"named .{name}" in str(exc)


def test_plain_text_is_the_layout_of_last_resort():
    path = LAYOUT_FILES["text"]()
    assert [layout.name for layout in LAYOUTS if layout.recognise(fagui.ingest.Source(path.read_bytes(), path.name))] == ["text"]


# -- rules called alone on hand-made lines -----------------------------------------


def body(*texts: str) -> BodyContext:
    """A body context over hand-made lines (the passes over the source run, so
    each line has its label and kind)."""
    reader = LineReader(Prepared("\n".join(texts), "utf-8", "LF", "text"), "hand.txt")
    for run in SOURCE_PASSES:
        run(reader)
    return BodyContext(reader, reader.content())


def test_article_opener_alone_opens_a_due_glued_label_but_not_one_mid_sentence():
    ctx = body("第一条　单位应当依照本办法", "第二条规定的程序报告。", "第二条单位应当报告。")
    first, reference, glued = ctx.lines
    assert article_opener(ctx, first) == LineDecision("article_opener", 1, LineRole.ARTICLE)
    assert ctx.current.label == "第一条"
    assert article_opener(ctx, reference) is None  # the paragraph before ends mid-sentence
    assert item_or_paragraph(ctx, reference).role == LineRole.CONTINUATION
    assert article_opener(ctx, glued).rule == "article_opener"
    assert [a.label for a in ctx.articles] == ["第一条", "第二条"]


def test_division_heading_alone_nests_by_kind_and_closes_the_article():
    ctx = body("第一章　总则", "第一节　一般规定", "第一条　为了加强管理，制定本办法。", "第二章　附则")
    chapter, section, article, appendix = ctx.lines
    assert division_heading(ctx, chapter).role == LineRole.DIVISION
    assert division_heading(ctx, section).role == LineRole.DIVISION
    assert division_heading(ctx, article) is None
    article_opener(ctx, article)
    assert division_heading(ctx, appendix).rule == "division_heading"
    assert ctx.current is None
    assert [(d.label, [c.label for c in d.children]) for d in ctx.root] == [("第一章", ["第一节"]), ("第二章", [])]
    assert [a.label for a in ctx.root[0].children[0].children] == ["第一条"]


def test_heading_tail_alone_joins_only_right_after_a_heading():
    ctx = body("第四章　违法所得的没收", "程序", "第一条　为了加强管理，制定本办法。", "程序")
    heading, tail, article, again = ctx.lines
    ctx.begin(heading)
    division_heading(ctx, heading)
    ctx.begin(tail)
    assert heading_tail(ctx, tail).role == LineRole.HEADING_TAIL
    assert ctx.root[0].title == "违法所得的没收程序"
    ctx.begin(article)
    article_opener(ctx, article)
    ctx.begin(again)
    assert heading_tail(ctx, again) is None


def test_group_heading_alone_needs_an_article_next():
    ctx = body("第一条　为了加强管理，制定本办法。", "一、受理和管辖", "第二条　本办法自公布之日起施行。", "一、组织编制")
    first, group, _, item = ctx.lines
    article_opener(ctx, first)
    assert group_heading(ctx, group).role == LineRole.GROUP_HEADING
    assert [(s.reason, s.rule) for s in ctx.reader.dropped] == [(GROUP_HEADING_REASON, "group_heading")]
    assert group_heading(ctx, item) is None


def test_after_last_article_alone_keeps_the_last_words():
    ctx = body("第一条　本办法自2021年1月1日起施行。", "《某市河道管理规定》同时废止。", "附件：河道名录", "第一条　其他")
    article, repeal, annex, again = ctx.lines
    article_opener(ctx, article)
    assert after_last_article(ctx, repeal) is None  # still the article's: it speaks of what it repeals
    item_or_paragraph(ctx, repeal)
    decision = after_last_article(ctx, annex)
    assert (decision.rule, decision.role, decision.last) == ("after_last_article", LineRole.AFTER_LAST, True)
    assert [w.rule for w in ctx.reader.warnings] == ["after_last_article"]  # 第一条 starts again, with other words


def test_header_rules_alone_move_the_title_and_a_date_to_front_matter():
    reader = LineReader(Prepared(lines(TITLE, "2021年4月26日", TITLE), "utf-8", "LF", "text"), "hand.txt")
    for run in SOURCE_PASSES:
        run(reader)
    ctx = HeaderContext(reader)
    title, date, again = reader.content()
    assert order_field(ctx, title) is None
    assert title_line(ctx, title).role == LineRole.TITLE
    assert title_line(ctx, date) is None
    assert order_field(ctx, date).rule == "order_field"
    assert title_line(ctx, again).role == LineRole.TITLE
    assert (ctx.found.title, ctx.found.promulgated, ctx.found.issuer) == (TITLE, "2021-04-26", None)
    assert [(s.reason, s.rule) for s in reader.dropped][-1] == ("repeated title", "title_line")
