"""Real files of each public layout (../shared/corpus/layouts/README.md names
where each comes from), ingested through the real CLI and checked against
what the file itself shows, read here without the engine: the title, the
distinct 第N条 labels that open lines, the 编/章/节 headings. The audit must
account for every line of the source that is not in the body."""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import public
import pytest
import yaml
from click.testing import CliRunner

from cli.main import main
from fagui.check import check_text
from fagui.ingest import prepare
from fagui.text.normalise import normalise
from public import layout_file

NUMERAL = "一二三四五六七八九十百千零〇"
ARTICLE_RE = re.compile(rf"^[\s\u3000\u00a0]*(第[{NUMERAL}]+条(?:之[{NUMERAL}]+)?)")
HEADING_RE = re.compile(rf"^[\s\u3000\u00a0]*(第[{NUMERAL}]+[编章节])[\s\u3000\u00a0]*([^。，；：\s\u3000]*(?:[\s\u3000]+[^。，；：\s\u3000]+)*)[\s\u3000\u00a0]*$")


def _labels(lines: list[str]) -> set[str]:
    return {m.group(1) for line in lines if (m := ARTICLE_RE.match(line))}


def _headings(lines: list[str]) -> int:
    """编/章/节 heading lines (a table of contents repeating them counted once)."""
    heads = [m.group(1) for line in lines if (m := HEADING_RE.match(line)) and m.group(2)]
    if heads and heads[0] in heads[1:]:
        heads = heads[heads.index(heads[0], 1) :]
    return len(heads)


# -- reading each layout without the engine ------------------------------------


def _flk(path: Path) -> tuple[str, list[str]]:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    title = yaml.safe_load(header)["title"]
    body = re.sub(r"\[([^\[\]\n]+)\]\{[^}\n]*\}", r"\1", body)  # pandoc's [第一条]{.smallcaps}
    return title, [line.lstrip("#").strip() if line.startswith("#") else line for line in body.split("\n")]


def _word(path: Path) -> tuple[str, list[str]]:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    paragraphs = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
        runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:(?:br|cr)/>", p)
        paragraphs.append(html.unescape("".join(runs)))
    lines = [line for p in paragraphs for line in p.split("\n")]
    title = next(line for line in lines if line.strip()).replace(" ", "").replace("\u3000", "")
    return title, lines


def _web_page(path: Path) -> tuple[str, list[str]]:
    """The title a wiki's front-matter comment or the page's <h1> gives, and the page's text lines."""
    source = path.read_text(encoding="utf-8")
    if m := re.search(r"^title:\s*(\S+)\s*$", source, re.M):
        title = re.sub(r"（\d{4}年版）$", "", m.group(1))  # the wiki's name for an edition
    else:
        title = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S).group(1)))
    body = re.sub(r"<!--.*?-->|<head>.*?</head>|<nav[^>]*>.*?</nav>", "", source, flags=re.S)
    body = re.sub(r"<br\s*/?>|</(?:p|h\d|div|li|tr)>", "\n", body)
    body = html.unescape(re.sub(r"<[^>]+>", "", body))
    return title, body.split("\n")


LAYOUTS = {"flk": ("*.md", _flk), "docx": ("*.docx", _word), "html": ("*.html", _web_page)}
CASES = [
    (layout, path)
    for layout, (pattern, read) in LAYOUTS.items()
    for path in sorted((public.LAYOUTS / layout).glob(pattern))
    if _labels(read(path)[1])
]
"""Every real file of a layout with articles (none where the public texts are absent)."""
CASE_PARAMS = [pytest.param(layout, path, id=f"{layout}-{path.stem[:14]}") for layout, path in CASES] or [
    pytest.param(None, None, marks=pytest.mark.skip(reason=public.MISSING), id="missing")
]


def _ingest(tmp_path: Path, path: Path) -> tuple[str, dict, str]:
    out, audit = tmp_path / "out.md", tmp_path / "audit.json"
    result = CliRunner().invoke(main, ["ingest", str(path), "-o", str(out), "--audit-json", str(audit)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8"), json.loads(audit.read_text(encoding="utf-8")), result.stderr


def test_at_least_five_real_files_of_each_layout():
    public.require(public.LAYOUTS)
    for layout in LAYOUTS:
        assert sum(1 for case in CASES if case[0] == layout) >= 5, layout


@pytest.mark.parametrize("layout, path", CASE_PARAMS)
def test_a_real_file_ingests_whole(tmp_path, layout, path):
    title, lines = LAYOUTS[layout][1](path)
    markdown, audit, _ = _ingest(tmp_path, path)
    counts = audit["counts"]
    assert audit["layout"] == layout
    assert re.search(r"^title: (.*)$", markdown, re.M).group(1) == title
    assert counts["articles"] == len(_labels(lines))
    assert counts.get("parts", 0) + counts.get("chapters", 0) + counts.get("sections", 0) == _headings(lines)
    assert check_text(markdown) is None


def _squeeze(text: str) -> str:
    return re.sub(r"[\s#\\]", "", normalise(text)[0])


@pytest.mark.parametrize("layout, path", CASE_PARAMS)
def test_the_audit_accounts_for_every_line_not_in_the_body(tmp_path, layout, path):
    """Each line of the text the layout yields is in the body (up to form:
    width, spaces, labels on lines of their own) or in a dropped span."""
    markdown, audit, _ = _ingest(tmp_path, path)
    body = _squeeze(markdown.split("\n---\n", 1)[1])
    dropped = {n for span in audit["dropped"] for n in range(span["line"], span["end_line"] + 1)}
    text = prepare(path.read_bytes(), str(path)).text
    missing = [
        (n, line)
        for n, line in enumerate(text.split("\n"), 1)
        if _squeeze(line) and n not in dropped and _squeeze(line) not in body
    ]
    assert not missing
    for span in audit["dropped"]:
        assert text[span["start"] : span["end"]] == span["text"] and span["reason"]


def _reasons(audit: dict) -> list[str]:
    return [span["reason"] for span in audit["dropped"]]


def test_an_flk_mirror_moves_its_yaml_record_to_front_matter(tmp_path):
    markdown, audit, _ = _ingest(tmp_path, layout_file("flk", "专利代理条例.md"))
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert (front["kind"], front["status"], front["issuer"], str(front["promulgated"])) == ("行政法规", "现行有效", "国务院", "2018-11-06")
    assert front["source"] == "https://flk.npc.gov.cn/detail2.html?ZmY4MDgwODE2ZjNlOThiZDAxNmY0MjU5M2JiMzA1NDI%3D"
    reasons = _reasons(audit)
    assert reasons[0] == "flk export header: the rule that opens it"
    assert "flk export header: a field front matter has no place for" in reasons  # id, download links
    assert "flk export header: effective_date is empty" in reasons
    assert "title: moved to the # heading and front matter (title)" in reasons
    assert dict(audit["normalisations"])["Markdown heading marks"] == 5
    assert "## 第五章 附则" in markdown


def test_the_paragraph_after_the_effective_date_that_names_the_regulation_stays_in_the_last_article(tmp_path):
    """Rule: after 本条例自…起施行。 a line that speaks of the regulation
    (本条例施行前…) is the article's next paragraph; the first line that
    does not (附件一 …) starts the matter after the last article."""
    markdown, _, _ = _ingest(tmp_path, layout_file("flk", "专利代理条例.md"))
    assert markdown.rstrip().endswith("本条例施行前依法设立的专利代理机构以及依法执业的专利代理人，在本条例施行后可以继续以专利代理机构、专利代理师的名义开展专利代理业务。")
    markdown, audit, _ = _ingest(tmp_path, layout_file("docx", "中华人民共和国刑法.docx"))
    last = markdown[markdown.index("第四百五十二条") :]
    assert "列于本法附件二的" in last and "附件一" not in last.split("列于本法附件二的")[1]
    after = [s for s in audit["dropped"] if s["reason"].startswith("matter after the last article")]
    assert len(after) == 1 and after[0]["text"].startswith("附件一")


def test_a_word_file_with_an_article_out_of_place_is_read_whole_and_warned(tmp_path):
    _, audit, stderr = _ingest(tmp_path, layout_file("docx", "中华人民共和国刑法.docx"))
    assert [w["message"] for w in audit["warnings"]] == [
        "article numbering jumps from 345 to 355之1",
        "article numbering jumps from 355之1 to 346",
    ]
    assert "warning: line" in stderr


def test_a_wiki_page_body_is_a_web_page_and_its_front_matter_comment_gives_the_title(tmp_path):
    """Rule: HTML that opens (after comments) with a block such as <p> or
    <h2> is a page saved without its head; a leading comment's title: line
    names the regulation (an edition note such as （2018年版） removed)."""
    markdown, audit, _ = _ingest(tmp_path, layout_file("html", "土地调查条例（2018年版）.html"))
    assert "title: 土地调查条例\n" in markdown
    spans = [s for s in audit["dropped"] if s["reason"] == "web page comment"]
    assert spans and spans[0]["line"] == 1 and spans[0]["text"].startswith("title: 土地调查条例（2018年版）")


def test_a_heading_that_ends_like_a_title_is_no_title(tmp_path):
    """Rule: the title is looked for before the first article and is no
    编/章/节 heading (第一节 一般规定 ends in 规定): nothing before it is
    taken for page navigation."""
    markdown, audit, _ = _ingest(tmp_path, layout_file("html", "中华人民共和国企业破产法.html"))
    assert not [s for s in audit["dropped"] if "before the regulation's title" in s["reason"]]
    assert audit["counts"]["articles"] == 136 and "### 第一条\n" in markdown


def test_a_first_article_glued_to_its_text_opens_the_body(tmp_path):
    """Rule: 第一条 opens the first article even with no space after it
    (第一条根据《…》); later glued labels open articles where one is due."""
    markdown, audit, _ = _ingest(tmp_path, layout_file("html", "中华人民共和国著作权法实施条例.html"))
    assert "## 第一条\n\n根据《中华人民共和国著作权法》（以下简称著作权法），制定本条例。" in markdown
    assert audit["counts"]["articles"] == 38


def test_an_order_number_with_a_year_in_brackets_moves_to_front_matter(tmp_path):
    markdown, audit, _ = _ingest(tmp_path, layout_file("html", "动产和权利担保统一登记办法.html"))
    assert "document_number: 中国人民银行令〔2021〕第7号\n" in markdown and "issuer: 中国人民银行\n" in markdown
    assert "order and number: moved to front matter (issuer, document_number)" in _reasons(audit)


def test_a_real_page_without_articles_is_refused_with_one_line(tmp_path):
    path = layout_file("html", "人力资源社会保障部关于执行《工伤保险条例》若干问题的意见.html")
    result = CliRunner().invoke(main, ["ingest", str(path), "-o", str(tmp_path / "out.md")])
    assert result.exit_code == 2
    assert result.stderr == f"fagui: error: {path}: no articles found (no line starts with 第…条): not a regulation\n"
    assert not (tmp_path / "out.md").exists()


def test_a_sites_page_chrome_between_articles_is_dropped_and_its_headings_kept(tmp_path):
    """Rules for a whole page (读法.com): a <br> inside <h1> wraps the title,
    which stays one line (中华人民共和国<br>房产税暂行条例); a line of nothing
    but a number is an article's anchor; 目录 over a <nav> list is the table
    of contents; 返回 is a toolbar link."""
    markdown, audit, _ = _ingest(tmp_path, layout_file("html", "房产税暂行条例.html"))
    assert "title: 中华人民共和国房产税暂行条例\n" in markdown
    numbers = [s["text"] for s in audit["dropped"] if s["reason"] == "web page number (an article's anchor or a page number)"]
    assert numbers == [str(n) for n in range(1, 12)]
    assert "返回" in [s["text"] for s in audit["dropped"] if s["reason"] == "web page toolbar"]
    assert not re.search(r"^\d+$", markdown, re.M)
    _, audit, _ = _ingest(tmp_path, layout_file("html", "婚姻登记条例.html"))
    assert "目录" in [s["text"] for s in audit["dropped"] if s["reason"].startswith("web page table of contents")]
    assert not audit["warnings"]


def test_a_heading_naming_a_codes_part_is_no_article_text(tmp_path):
    """Rule: a web page's heading after the title naming a code's part
    (合同法's 总则, 分则 and 附则) is dropped and audited, not glued to the article
    before it; a numbered heading the page marks (<h3>第九章 买卖合同</h3>)
    opens its chapter even after text that does not end a sentence."""
    markdown, audit, _ = _ingest(tmp_path, layout_file("html", "合同法.html"))
    spans = [s["text"] for s in audit["dropped"] if s["reason"].startswith("web page heading naming a code's part")]
    assert spans == ["总 则", "分 则", "附 则"]
    assert audit["counts"]["chapters"] == 23 and "\n## 第九章 买卖合同\n" in markdown
    assert "分则" not in markdown.split("### 第一百二十九条", 1)[1].split("## 第九章", 1)[0]


def test_pandoc_spans_links_and_line_breaks_in_markdown_are_marks(tmp_path):
    """Rule: in Markdown (an flk mirror converted by pandoc) ``[第一条]{.smallcaps}``
    and ``[民事诉讼法](javascript:…)`` keep their text and lose their marks, and a
    ``\\`` ending a line is a line break; every mark removed is in the audit."""
    path = layout_file("flk", "最高人民检察院关于以检察专递方式邮寄送达有关检察法律文书的若干规定.md")
    markdown, audit, _ = _ingest(tmp_path, path)
    assert audit["counts"]["articles"] == 13 and "## 第一条\n\n法律规定可以邮寄送达的检察法律文书" in markdown
    assert "根据《中华人民共和国民事诉讼法》、《中华人民共和国行政诉讼法》" in markdown
    assert "（四）受送达人的诉讼代理人签收的；\n\n（五）受送达人指定的代收人签收的；" in markdown
    assert not re.search(r"smallcaps|javascript|\\\\|\[|\]", markdown.split("\n---\n", 1)[1])
    removed = [(s["reason"], s["text"]) for s in audit["dropped"] if s["reason"].startswith("Markdown")]
    assert removed.count(("Markdown span (brackets and attributes)", "]{.smallcaps}")) == 10
    assert ("Markdown link (brackets and target)", "](javascript:SLC(5110,0))") in removed
    assert removed.count(("Markdown line break", "\\")) == 2


def test_glued_labels_after_group_headings_and_mid_text_effective_clauses_open_articles(tmp_path):
    """Rules for labels glued to their text (第七条人民法院…): a group heading
    (二、票据保全) is whole though it ends without punctuation, so the label
    after it opens an article; a clause such as 抵销自…之日起生效。 inside the
    text ends nothing while later labels follow, glued or not."""
    _, audit, _ = _ingest(tmp_path, layout_file("html", "最高人民法院关于审理票据纠纷案件若干问题的规定.html"))
    assert audit["counts"]["articles"] == 75  # 6 before: the rest were paragraphs of 第六条
    _, audit, _ = _ingest(tmp_path, layout_file("html", "最高人民法院关于适用《中华人民共和国企业破产法》若干问题的规定（二）.html"))
    assert audit["counts"]["articles"] == 48  # 42 before: 43-48 dropped as matter after the last article
    assert not [s for s in audit["dropped"] if s["reason"].startswith("matter after the last article")]


def test_any_space_after_a_label_separates_it(tmp_path):
    """Rule: a label followed by a space of any width (U+2002 here) opens an article."""
    path = layout_file("html", "最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（二）（2022年版）.html")
    assert "第七十九条\u2002 本规定中的" in path.read_text(encoding="utf-8")
    markdown, audit, _ = _ingest(tmp_path, path)
    assert audit["counts"]["articles"] == 85 and "\n## 第七十九条\n\n本规定中的“货币”" in markdown
