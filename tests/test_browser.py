"""The report pages in a real browser: headless Chromium driven by Playwright.

One browser for the whole module. Pages are opened from file:// and every
request is routed: anything that is not file: or data: fails the test.
Without Chromium (or Playwright) the tests skip on a developer machine and
fail when the environment variable CI is set.

Screenshots go to a temporary folder; with FAGUI_UPDATE_DOCS=1 the desktop
screenshot of a report page (the real engine on the seed corpus when it is
there) is also copied to docs/images/report.png.
"""

from __future__ import annotations

from urllib.parse import unquote

import os
import shutil
from pathlib import Path

import pytest
from browsers import DESKTOP, PHONE
from samples import XSS, meaning_sample, sample, synthetic

from fagui.report import plan_report
from renderers.html import render_side_by_side
from renderers.report import build_site
from renderers.site import entry, render_index

ROOT = Path(__file__).resolve().parent.parent
CJK_FONTS = ("Noto Sans CJK", "Noto Serif CJK", "Noto Sans SC", "Source Han", "WenQuanYi", "PingFang", "Hiragino", "Microsoft YaHei", "SimSun", "AR PL", "Droid Sans Fallback")


def real_report(out: Path) -> None:
    """The report of the seed corpus through the real engine (national against
    each province) in ``out``."""
    plan = plan_report(ROOT)
    build_site(out, ((p.name, p.make()) for p in plan.jurisdictions))


REAL_PAGE = "national-counterespionage-security-provisions--jilin-counterespionage-work-provisions.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    small, big = sample(xss=True), synthetic(5000)
    (out / "sample.html").write_text(render_side_by_side(small, index_href="index.html"), encoding="utf-8")
    (out / "big.html").write_text(render_side_by_side(big), encoding="utf-8")
    (out / "meaning.html").write_text(render_side_by_side(meaning_sample(xss=True)), encoding="utf-8")
    (out / "index.html").write_text(render_index([entry("sample", "sample.html", small)]), encoding="utf-8")
    real_report(out / "real")
    return out


VISIBLE_ROWS = "Array.from(document.querySelectorAll('section.row')).filter(r => r.checkVisibility()).map(r => r.id)"
CURRENT = "(() => { const r = document.querySelector('.row.current'); return r && r.id; })()"
IN_VIEW = """id => { const r = document.getElementById(id).getBoundingClientRect();
  const bar = document.getElementById('bar').getBoundingClientRect().bottom;
  return r.top >= bar - 1 && r.top < window.innerHeight; }"""


def test_no_errors_no_requests_and_the_xss_text_runs_nothing(site, watched):
    w = watched()
    page = w.open(site / "sample.html")
    page.wait_for_timeout(200)
    w.check_clean()
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert XSS in page.inner_text("#row-8")
    assert XSS in page.title()


def test_filters_hide_and_show_rows(site, watched):
    w = watched()
    page = w.open(site / "sample.html")
    everything = page.evaluate(VISIBLE_ROWS)
    assert everything == [f"row-{n}" for n in range(1, 11)]
    page.click('button.only[data-only="reworded"]')
    assert page.evaluate(VISIBLE_ROWS) == ["row-2", "row-3", "row-8"]
    page.click('button.only[data-only="provincial_only"]')
    assert page.evaluate(VISIBLE_ROWS) == ["row-6"]
    page.click('button.only[data-only="shared"]')
    assert page.evaluate(VISIBLE_ROWS) == ["row-9", "row-10"]
    page.click("#show-all")
    assert page.evaluate(VISIBLE_ROWS) == everything
    page.uncheck('input[data-rel="identical"]')
    assert page.evaluate(VISIBLE_ROWS) == ["row-2", "row-3", "row-4", "row-5", "row-6", "row-8", "row-9", "row-10"]
    page.check('input[data-rel="identical"]')
    page.click("#only-changes")
    assert page.evaluate(VISIBLE_ROWS) == ["row-2", "row-3", "row-4", "row-5", "row-6", "row-8", "row-9", "row-10"]
    w.check_clean()


def test_only_pairs_whose_meaning_changed(site, watched):
    w = watched()
    page = w.open(site / "meaning.html")
    assert page.evaluate(VISIBLE_ROWS) == ["row-1", "row-2", "row-3", "row-4"]
    assert "罚款下限由一万元提高至二万元，上限由五万元提高至十万元" in page.inner_text("#row-1 .meanings")
    assert "审查提示" in page.inner_text("#row-1 .meanings") and "行政处罚法第十四条第二款" in page.inner_text("#row-1 .meanings")
    page.check("#only-meaning")
    assert page.evaluate(VISIBLE_ROWS) == ["row-1", "row-2", "row-4"]
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate(CURRENT) == "row-4", "j/k visit only the rows the filter shows"
    page.click("#show-all")
    assert page.evaluate(VISIBLE_ROWS) == ["row-1", "row-2", "row-3", "row-4"]
    assert not page.is_checked("#only-meaning")
    w.check_clean()


def test_j_and_k_move_between_changes(site, watched):
    w = watched()
    page = w.open(site / "sample.html")
    page.keyboard.press("j")
    assert page.evaluate(CURRENT) == "row-2" and page.evaluate(IN_VIEW, "row-2")
    page.keyboard.press("j")
    assert page.evaluate(CURRENT) == "row-3" and page.evaluate(IN_VIEW, "row-3")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.evaluate(CURRENT) == "row-3"
    page.click("#next")
    assert page.evaluate(CURRENT) == "row-4"
    page.click("#prev")
    assert page.evaluate(CURRENT) == "row-3"
    assert page.evaluate("location.hash") == "#row-3"
    assert "第 2 / 8 处变化" in page.inner_text("#pos")
    # Only the filtered relation is visited.
    page.click('button.only[data-only="provincial_only"]')
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("j")
    assert page.evaluate(CURRENT) == "row-6"
    page.keyboard.press("j")
    assert page.evaluate(CURRENT) == "row-6"
    w.check_clean()


def test_article_anchor_scrolls_into_view(site, watched):
    w = watched()
    page = w.open(site / "sample.html", "#R-第六条")
    page.wait_for_function(IN_VIEW, arg="R-第六条", timeout=10_000)  # the scroll has happened, however slow the machine
    assert page.evaluate(IN_VIEW, "R-第六条")
    assert page.evaluate("window.scrollY") > 0
    # An anchor into a row the filters hide shows everything again.
    page.click('button.only[data-only="identical"]')
    page.evaluate("location.hash = '#L-第五条'")
    page.wait_for_function(IN_VIEW, arg="L-第五条", timeout=10_000)  # the scroll has happened, however slow the machine
    assert page.evaluate("document.getElementById('L-第五条').checkVisibility()")
    assert page.evaluate(IN_VIEW, "L-第五条")
    w.check_clean()


def test_index_links_into_comparison_rows(site, watched):
    w = watched()
    page = w.open(site / "index.html")
    page.click('td.c.not_adopted a')
    page.wait_for_load_state()
    assert unquote(page.url).endswith("sample.html#L-第五条")
    page.wait_for_function(IN_VIEW, arg="L-第五条", timeout=10_000)  # the scroll has happened, however slow the machine
    assert page.evaluate(IN_VIEW, "L-第五条")
    w.check_clean()


def test_shares_links_go_both_ways(site, watched):
    w = watched()
    page = w.open(site / "sample.html")
    page.click('#L-第十八条 .shares a')
    page.wait_for_function(IN_VIEW, arg="R-第十九条", timeout=10_000)  # the scroll has happened, however slow the machine
    assert unquote(page.url).endswith("#R-第十九条") and page.evaluate(IN_VIEW, "R-第十九条")
    assert "12339举报受理电话" in page.inner_text("#R-第十九条 .shares mark")
    page.click('#R-第十九条 .shares a')
    page.wait_for_function(IN_VIEW, arg="L-第十八条", timeout=10_000)  # the scroll has happened, however slow the machine
    assert unquote(page.url).endswith("#L-第十八条") and page.evaluate(IN_VIEW, "L-第十八条")
    w.check_clean()


def _cjk_fonts(page, selector: str) -> list[dict]:
    """The platform fonts Chromium drew a node's text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


def test_text_is_drawn_in_a_cjk_font(site, watched):
    w = watched()
    page = w.open(site / "sample.html")
    fonts = _cjk_fonts(page, "#row-2 .cell.R p")
    assert fonts, "no font used"
    cjk = [f for f in fonts if any(name in f["familyName"] for name in CJK_FONTS)]
    assert cjk, f"the Chinese text is not drawn in a CJK font: {fonts}"
    # Nearly every glyph comes from it (the rest: ASCII digits at most).
    assert sum(f["glyphCount"] for f in cjk) >= 0.9 * sum(f["glyphCount"] for f in fonts)
    # And the glyphs are real: distinct ideographs have the ink of real glyphs,
    # not identical tofu boxes.
    shapes = page.evaluate(
        """() => { const c = document.createElement('canvas'); c.width = 40; c.height = 40;
        const x = c.getContext('2d'); const font = getComputedStyle(document.body).fontFamily;
        return ['国', '规', '\\uFFFF'].map(ch => { x.clearRect(0, 0, 40, 40); x.font = '32px ' + font;
          x.fillText(ch, 4, 32); return Array.from(x.getImageData(0, 0, 40, 40).data).filter((v, i) => i % 4 === 3 && v > 128).length; }); }"""
    )
    assert shapes[0] > 0 and shapes[1] > 0 and shapes[0] != shapes[1], shapes
    assert shapes[0] != shapes[2] and shapes[1] != shapes[2], shapes


def test_screenshots_desktop_and_phone(site, watched, tmp_path):
    for width in (PHONE, DESKTOP):
        w = watched(width)
        page = w.open(site / "real" / REAL_PAGE)
        page.wait_for_timeout(150)
        shot = tmp_path / f"report-{width}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing overflows sideways
        left = page.evaluate("document.querySelector('#row-2 .cell.L').getBoundingClientRect().left")
        right = page.evaluate("document.querySelector('#row-2 .cell.R').getBoundingClientRect().left")
        if width == PHONE:
            assert left == right  # columns stacked
        else:
            assert right > left + 400  # side by side
        w.check_clean()
        if width == DESKTOP and os.environ.get("FAGUI_UPDATE_DOCS") == "1":
            (ROOT / "docs" / "images").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, ROOT / "docs" / "images" / "report.png")
            shutil.copyfile(tmp_path / f"report-{PHONE}.png", ROOT / "docs" / "images" / "report-phone.png")
            index = watched(DESKTOP).open(site / "real" / "index.html")
            index.screenshot(path=str(ROOT / "docs" / "images" / "index.png"), full_page=True)


def test_print_has_no_sticky_ui(site, watched):
    w = watched()
    page = w.open(site / "sample.html")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.getElementById('bar')).position") == "static"
    assert page.evaluate("getComputedStyle(document.querySelector('.nav')).display") == "none"
    assert page.evaluate("getComputedStyle(document.querySelector('.row')).breakInside") == "avoid"
    w.check_clean()


def test_five_thousand_rows_open_filter_and_step(site, watched):
    """What a 5,000-row page does (its speed: benchmarks/bench_browser.py)."""
    w = watched()
    page = w.open(site / "big.html")
    assert page.evaluate("document.querySelectorAll('section.row').length") == 5000
    visible = page.evaluate(
        """() => { document.querySelector('button.only[data-only="provincial_only"]').click();
        const n = Array.from(document.querySelectorAll('section.row')).filter(r => r.checkVisibility()).length;
        document.getElementById('show-all').click();
        return [n, Array.from(document.querySelectorAll('section.row')).filter(r => r.checkVisibility()).length]; }"""
    )
    assert visible == [833, 5000]
    for _ in range(20):
        page.keyboard.press("j")
    assert page.evaluate(CURRENT) == "row-23"  # the 20th change: rows 6, 12, ... are identical
    w.check_clean()


def test_the_request_watch_catches_a_leaking_page(watched, tmp_path):
    """The harness itself: a page without our CSP that loads a remote image is caught."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"></body></html>', encoding="utf-8")
    w = watched()
    w.open(leaky)
    w.page.wait_for_timeout(200)
    assert w.outside == ["http://example.invalid/x.png"]


OPAQUE = "(el) => { const c = getComputedStyle(el).backgroundColor; const m = c.match(/rgba?\\(([^)]*)\\)/); const parts = m[1].split(','); return parts.length < 4 || parseFloat(parts[3]) === 1; }"


def test_the_report_is_usable_on_a_phone(site, watched):
    """At 390 px: the index does not scroll sideways (its tables scroll in
    their own box) and names a province on one line; a comparison page keeps
    its navigation line sticky, opaque and short, with the histogram, the
    legend and the change counter visible, and nothing of its summary bar
    scrolls sideways (the new-user run found it did at 375 px)."""
    w = watched(PHONE)
    index = w.open(site / "real" / "index.html")
    assert index.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert index.evaluate("document.querySelector('table.list').parentElement.classList.contains('scroll')")
    name = index.evaluate("(() => { const r = document.querySelector('table.list tbody td b').getBoundingClientRect(); return [r.width, r.height]; })()")
    line = index.evaluate("parseFloat(getComputedStyle(document.querySelector('table.list tbody td')).lineHeight)")
    assert name[0] > name[1] and name[1] <= line * 1.2, name  # 黑龙江省 on one line, not one character per line
    # Each comparison's shares stand beside the province, on screen without a sideways scroll.
    edges = index.evaluate(
        "(() => { const t = document.querySelector('table.cmp-list'); const box = t.parentElement.getBoundingClientRect();"
        " return [...t.querySelectorAll('thead th.share')].map(th => [th.textContent, th.getBoundingClientRect().right, box.right]); })()"
    )
    assert [e[0] for e in edges] == ["采纳", "条款覆盖", "源自参照"]
    assert all(right <= box for _, right, box in edges), edges
    page = w.open(site / "real" / REAL_PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    for selector in (".hist", ".legend", "#pos", "#next"):
        box = page.evaluate(f"(() => {{ const r = document.querySelector('{selector}').getBoundingClientRect(); return [r.width, r.height, r.top]; }})()")
        assert box[0] > 0 and box[1] > 0, (selector, box)
    assert page.evaluate("document.getElementById('pos').textContent").endswith("处变化")
    nav = page.locator("#bar .nav")
    assert page.evaluate("getComputedStyle(document.querySelector('#bar .nav')).position") == "sticky"
    assert page.evaluate(OPAQUE, nav.element_handle())
    height = page.evaluate("document.querySelector('#bar .nav').getBoundingClientRect().height")
    assert height <= 70, height  # the steps and the legend: two short lines stay on screen
    # Scrolled to a change: the navigation is at the top, the change just below it, not under it.
    page.click("#next")
    page.click("#next")
    page.wait_for_function(  # the scroll has happened, however slow the machine
        "() => { const b = document.querySelector('#bar .nav').getBoundingClientRect(); const r = document.querySelector('.row.current');"
        " return b.top === 0 && r !== null && r.getBoundingClientRect().top >= b.bottom - 1; }", timeout=10_000)
    top, bottom, row = page.evaluate("(() => { const b = document.querySelector('#bar .nav').getBoundingClientRect(); return [b.top, b.bottom, document.querySelector('.row.current').getBoundingClientRect().top]; })()")
    assert top == 0 and row >= bottom - 1, (top, bottom, row)
    w.check_clean()


@pytest.mark.parametrize("width", [375, PHONE])
def test_nothing_in_the_summary_bar_scrolls_sideways_on_a_phone(site, watched, width):
    """The figures, the relation chips and the navigation wrap at a phone's
    width: no part of the bar is wider inside than it shows (each line
    scrolled sideways on its own, hiding chips off screen)."""
    w = watched(width)
    page = w.open(site / "real" / REAL_PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for selector in (".figs", ".chips", ".nav"):
        inner, shown, right = page.evaluate(
            f"(() => {{ const e = document.querySelector('#bar {selector}'); return [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right]; }})()"
        )
        assert inner <= shown and right <= width, (selector, inner, shown, right)
    chips = page.evaluate("[...document.querySelectorAll('#bar .chip')].map(c => c.getBoundingClientRect().right)")
    assert chips and max(chips) <= width  # every relation chip on screen
    w.check_clean()


def test_the_desktop_bar_is_opaque(site, watched):
    page = watched(DESKTOP).open(site / "real" / REAL_PAGE)
    assert page.evaluate(OPAQUE, page.locator("#bar").element_handle())
