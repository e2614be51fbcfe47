"""The report's pages per national article, its 对照表 downloads and the
coverage matrix as CSV."""

from __future__ import annotations

import csv
import io
import json
import re

import docx
from pages import assert_links_resolve
from samples import XSS, sample, with_links

from fagui.model import Comparison, DocumentRef
from fagui.outfolder import MANIFEST
from renderers.articles import mark_shared
from renderers.coverage_csv import inert
from renderers.report import build_site


def two_provinces(tmp_path):
    c = sample()
    zhejiang = DocumentRef("zhejiang/x", "浙江省反间谍安全防范办法", "浙江省")
    other = with_links(Comparison(c.mode, c.left, zhejiang, c.pairs[:5], c.summary))
    return build_site(tmp_path / "site", [("jilin", c), ("zhejiang", other)])


def test_a_page_per_national_article_shows_what_each_province_made_of_it(tmp_path):
    index = two_provinces(tmp_path)
    out = index.parent
    # 第十八条 (the 7th national article) is carried into Jilin's 第十九条 by a shares link only.
    page = (out / "art.national-test.007.html").read_text(encoding="utf-8")
    assert "<h1>反间谍安全防范工作规定 第十八条</h1>" in page
    assert "国家安全机关应当公布12339举报受理电话和网络举报受理平台。" in page  # the national text
    jilin = re.search(r'<section class="prov" id="p-0">(.*?)</section>', page).group(1)
    assert '<a href="jilin.html#R-第十九条">第十九条</a>' in jilin and "共享" in jilin and "0.62" in jilin
    assert "<mark>12339举报受理电话和网络举报受理平台</mark>" in jilin
    assert "改写" in jilin and 'href="jilin.html#L-第十八条"' in jilin
    zhejiang = re.search(r'<section class="prov" id="p-1">(.*?)</section>', page).group(1)
    assert "该对照中没有此条" in zhejiang  # Zhejiang's comparison stops at 第五条
    # 第四条 is carried by two Jilin articles of one counterpart group.
    page = (out / "art.national-test.004.html").read_text(encoding="utf-8")
    jilin = re.search(r'<section class="prov" id="p-0">(.*?)</section>', page).group(1)
    assert jilin.index(">第四条</a>") < jilin.index(">第五条</a>") and jilin.count(">对应<") == 2
    assert "<mark>" in jilin
    # 第五条 is not adopted.
    page = (out / "art.national-test.005.html").read_text(encoding="utf-8")
    assert "未采纳" in re.search(r'id="p-0">(.*?)</section>', page).group(1)
    assert "没有条文承载此条的款、项" in page


def test_matrix_cells_and_comparison_pages_link_to_the_article_pages_and_back(tmp_path):
    index = two_provinces(tmp_path)
    out = index.parent
    page = index.read_text(encoding="utf-8")
    row = re.search(r'<th class="art" scope="row"><a href="art.national-test.002.html" [^>]*>第二条</a></th>(.*?)</tr>', page).group(1)
    assert 'href="jilin.html#L-第二条"' in row  # the comparison page, as before
    assert 'href="art.national-test.002.html#p-0"' in row and 'href="art.national-test.002.html#p-1"' in row
    jilin = (out / "jilin.html").read_text(encoding="utf-8")
    assert '<a class="across" href="art.national-test.002.html"' in jilin
    assert 'href="index.html#coverage"' in (out / "art.national-test.002.html").read_text(encoding="utf-8")
    assert_links_resolve(out)


def test_the_docx_downloads_are_the_comparisons_and_owned_by_the_report(tmp_path):
    index = two_provinces(tmp_path)
    out = index.parent
    document = docx.Document(str(out / "jilin.docx"))
    assert document.paragraphs[0].text == "反间谍安全防范工作规定与吉林省反间谍工作规定对照表"
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert sorted(manifest) == sorted(p.name for p in out.iterdir() if p.name != MANIFEST)
    # A second run replaces the whole set, downloads and CSV included, and leaves nothing of the first.
    c = sample()
    build_site(out, [("jilin", c)])
    assert not (out / "zhejiang.docx").exists() and (out / "jilin.docx").is_file()


def test_coverage_matrix_as_csv(tmp_path):
    index = two_provinces(tmp_path)
    raw = (index.parent / "coverage.national-test.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["条文", "吉林省", "吉林省 款项覆盖", "吉林省 承载条文", "浙江省", "浙江省 款项覆盖", "浙江省 承载条文", "采纳地方数"]
    by_label = {r[0]: r for r in rows[1:]}
    assert [r[0] for r in rows[1:]] == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第十八条"]
    assert by_label["第一条"][1:4] == ["照搬", "100%", "第一条"]
    assert by_label["第四条"][1:4] == ["改写", "100%", "第四条"]
    assert by_label["第五条"][1:4] == ["未采纳", "0%", ""] and by_label["第五条"][-1] == "0/2"
    assert by_label["第十八条"][1:4] == ["改写", "100%", "第十九条"] and by_label["第十八条"][4:7] == ["", "", ""]
    assert raw.count(b"\r\n") == len(rows)


def test_text_is_escaped_in_article_pages_and_csv(tmp_path):
    c = sample(xss=True)
    evil = Comparison(c.mode, c.left, DocumentRef("x/y", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"), c.pairs, c.summary, c.links, c.coverage)
    index = build_site(tmp_path / "site", [("x", evil)])
    out = index.parent
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img" not in text, page.name
    table = (out / "coverage.national-test.csv").read_text(encoding="utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in table and "\n=" not in table and ",=" not in table
    assert inert("=1+1") == "'=1+1" and inert("@SUM(A1)") == "'@SUM(A1)" and inert("-2") == "'-2" and inert("第一条") == "第一条"
    assert any(XSS in cell.text for cell in docx.Document(str(out / "x.docx")).tables[-1]._cells)


def test_mark_shared():
    assert mark_shared("公民可以通过12339举报", ["12339举报"]) == (("公民可以通过", False), ("12339举报", True))
    assert mark_shared("甲乙丙丁", ["乙", "甲", "丁"]) == (("甲", False), ("乙", True), ("丙", False), ("丁", True))
    assert mark_shared("ａｂ", ["ab"]) == (("ａｂ", False),)
