"""The side-by-side HTML page, read as markup (the browser tests drive it)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from samples import XSS, sample, synthetic, versions_sample

from fagui.text.control import visible
from renderers.html import esc, render_side_by_side


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Tags:
    t = Tags()
    t.feed(page)
    return t


def test_page_is_self_contained_zh_cn():
    page = render_side_by_side(sample())
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")
    tags = parse(page).tags
    assert [t for t, _ in tags].count("script") == 1
    assert not [a for t, a in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "url(" not in page and "@import" not in page
    assert "default-src 'none'" in page  # the CSP forbids any request the page might try


def test_every_text_is_escaped():
    page = render_side_by_side(sample(xss=True))
    t = parse(page)
    assert [tag for tag, _ in t.tags].count("script") == 1
    assert not [a for tag, a in t.tags if tag == "img"]
    assert not any(k.startswith("on") for _, a in t.tags for k in a)
    assert "<script>alert" not in page and "<img" not in page
    # The text is there, shown as text.
    assert XSS in "".join(t.text)
    assert "{{ 7*7 }}" in page


def test_articles_rows_and_anchors():
    c = sample()
    page = render_side_by_side(c)
    tags = parse(page).tags
    ids = [a["id"] for _, a in tags if "id" in a]
    assert len(ids) == len(set(ids))
    for n in range(1, len(c.pairs) + 1):
        assert f"row-{n}" in ids
    for label in ("L-第一条", "R-第一条", "L-第五条", "R-第六条", "R-第七条"):
        assert label in ids
    rows = [a for t, a in tags if t == "section"]
    assert [r["data-rel"] for r in rows] == [p.relation for p in c.pairs]
    assert [("chg" in r["class"].split()) for r in rows] == [p.changed for p in c.pairs]


def row_html(page: str, n: int) -> str:
    start = page.index(f'id="row-{n}"')
    return page[start : page.index("</section>", start)]


def test_one_to_many_in_one_row_and_one_sided_against_empty_cell():
    page = render_side_by_side(sample())
    adapted = row_html(page, 4)
    assert adapted.count("<article") == 3 and 'id="R-第四条"' in adapted and 'id="R-第五条"' in adapted
    assert 'class="cell R empty"' in row_html(page, 5)  # not adopted: nothing on the right
    assert 'class="cell L empty"' in row_html(page, 6)  # provincial only: nothing on the left


def test_changes_marked_not_by_colour_alone():
    page = render_side_by_side(sample())
    row = row_html(page, 2)
    assert "<del>在国家安全机关的协调和指导下</del>" in row
    assert "<ins>本省行政区域内的</ins>" in row
    css = page[page.index("<style>") : page.index("</style>")]
    assert re.search(r"ins \{[^}]*text-decoration: underline", css)
    assert re.search(r"del \{[^}]*text-decoration: line-through", css)
    assert 'class="legend"><ins>' in page


def test_width_only_difference_is_not_highlighted():
    row = row_html(render_side_by_side(sample()), 7)
    assert "<ins>" not in row and "<del>" not in row
    assert "自2021年4月26日起施行。" in row and "自２０２１年４月２６日起施行。" in row


def test_summary_counts_shares_histogram():
    c = sample()
    page = render_side_by_side(c)
    for name, n in c.summary.counts:
        assert re.search(rf'data-rel="{name}".*?<b class="n">{n}</b>', page)
    assert f"{c.summary.adopted_share * 100:.0f}%" in page
    assert page.count('class="hb"') == 10


def test_responsive_print_and_cjk_fonts():
    page = render_side_by_side(sample())
    assert "@media (max-width: 760px)" in page
    assert "@media print" in page and "break-inside: avoid" in page
    for font in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC"):
        assert f'"{font}"' in page


def test_versions_mode_names_old_and_new():
    page = render_side_by_side(versions_sample())
    assert "旧版本" in page and "新版本" in page and "d4e5f6a" in page
    assert "<title>反间谍安全防范工作规定：2021-04-26 → 2025-01-01</title>" in page
    assert 'data-rel="reference_update"' in page and "第三条 → 第四条" in page


def test_back_link_to_index():
    page = render_side_by_side(sample(), index_href="index.html")
    assert '<a class="back" href="index.html">' in page


def test_page_size_grows_linearly():
    small, large = (len(render_side_by_side(synthetic(n))) for n in (1000, 4000))
    assert 3.6 < large / small < 4.2


def test_one_sided_article_is_not_marked_character_by_character():
    from dataclasses import replace

    from samples import pair, ref

    c = sample()
    only = pair("provincial_only", (), (ref(9, "全新的一条。"),))
    # An engine may give a one-sided pair insert ops: the page still shows it plain.
    from fagui.model import DiffOp, ParagraphPair

    only = replace(only, paragraphs=(ParagraphPair(None, (0, 0), (DiffOp("insert", "", "全新的一条。"),)),))
    page = render_side_by_side(replace(c, pairs=(only,)))
    assert "<p>全新的一条。</p>" in page and "<ins>全新" not in page


def test_controls_and_bidi_overrides_in_a_hand_edited_text_are_shown_not_obeyed(tmp_path):
    """A canonical text edited by hand can hold what ingestion drops: a
    right-to-left override would reorder the words a reader sees, ESC could
    reach a terminal through a saved page."""
    import subprocess
    import sys

    from conftest import ROOT, markdown_path

    national = markdown_path("national/counterespionage-security-provisions").read_text("utf-8")
    edited = tmp_path / "edited.md"
    edited.write_text(national.replace("制定本规定。", "制定本\u202e定规\x1b[31m。", 1), encoding="utf-8")
    out = tmp_path / "page.html"
    done = subprocess.run(
        [sys.executable, "-m", "cli", "diff", str(markdown_path("national/counterespionage-security-provisions")), str(edited), "--format", "html", "-o", str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    page = out.read_text("utf-8")
    assert "\u202e" not in page and "\x1b" not in page
    assert "\\u202e" in page and "\\x1b" in page


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("&<>\"'\x00\x1b\t\n\x85\x9f\u061c\u200e\u202e\u2066\u2069\u2028a中 ") | st.characters()))
def test_esc_is_escape_of_visible_and_returns_plain_text_as_is(text):
    """esc skips the work for text with nothing to escape or show (most of a
    page's strings) and is otherwise html.escape of visible: the same either way."""
    assert esc(text) == html.escape(visible(text), quote=True)
