"""The HTML deliverables in one language per --lang (issue #21, the new-user
run: `--lang en` pages were partly Chinese, and the coverage matrix's legend
and tooltips mixed both), and a version comparison page that shows what
changed, not every article; through the real CLI."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, markdown_path

from fagui.messages import CATALOGUE

NATIONAL, JILIN = "national/counterespionage-security-provisions", "jilin/counterespionage-work-provisions"
PAGE_KEYS = ("page.", "index.", "coverage.", "article_page.", "impact.", "repetition.", "pairing.")


def fagui(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done


def chrome(page: str) -> str:
    """What the page itself says, shown or in a tooltip: the text of the
    regulations (article bodies, titles, headings, labels, ids, the engine's
    Chinese sentences on meaning) taken out, with styles, scripts and tags."""
    page = re.sub(r"<style>.*?</style>|<script>.*?</script>|<article.*?</article>|<ul class=\"meanings\".*?</ul>|<span class=\"mono\">.*?</span>", "", page, flags=re.S)
    page = re.sub(r"<(h1|title|div class=\"(?:dtitle|div|ch [LR])\"|span class=\"what\"|td)>.*?</\1>", "", page, flags=re.S)
    said = re.findall(r'(?:title|aria-label|data-pos-at|data-pos-all|data-count|data-none)="([^"]*)"', page)
    return " ".join(said) + re.sub(r"<[^>]*>", " ", page)  # what shows and what tooltips say, not class names


def worded(lang: int) -> list[str]:
    """The page messages in one language (0 Chinese, 1 English), the longer
    ones (short words such as 条 or "only" occur anywhere), placeholders cut."""
    out = []
    for key, forms in CATALOGUE.items():
        if key.startswith(PAGE_KEYS):
            out += [part for part in re.split(r"\{[^}]*\}", forms[lang]) if len(part.strip(" ：:，,（）()·")) >= (4 if lang else 3)]
    return out


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = {}
    for lang in ("zh", "en"):
        folder = tmp_path_factory.mktemp(f"report-{lang}")
        fagui("report", "-o", str(folder), "--lang", lang)
        out[lang] = folder
    return out


def test_every_page_of_an_english_report_is_english(report):
    chinese = [w.strip(" ：:，,（）()·") for w in worded(0)]
    pages = sorted(report["en"].glob("*.html"))
    assert len(pages) > 30  # the index, four comparison pages, an article page per national article
    for path in pages:
        page = path.read_text("utf-8")
        assert '<html lang="en">' in page
        said = chrome(page)
        assert not [w for w in chinese if w in said], path.name
    index = (report["en"] / "index.html").read_text("utf-8")
    # The matrix legend and its cells' tooltips: one language, no "adopted as is" beside 照搬.
    assert "adopted as is" in index and "照搬" not in index and "未采纳（not adopted）" not in index
    assert "Coverage matrix" in index and "compared because:" in index


def test_a_chinese_report_has_no_english_words_of_its_own(report):
    english = worded(1)
    for path in sorted(report["zh"].glob("*.html")):
        page = path.read_text("utf-8")
        assert '<html lang="zh-CN">' in page
        said = chrome(page)
        assert not [w for w in english if w in said], path.name
    index = (report["zh"] / "index.html").read_text("utf-8")
    assert "照搬" in index and "adopted as is" not in index and "unsure: to be checked" not in index


def test_a_version_page_shows_the_changed_articles_and_counts_the_rest(tmp_path):
    old = markdown_path(JILIN).read_text("utf-8")
    new = old.replace("落实粮食安全责任", "全面落实粮食安全责任")
    assert new != old
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    for lang, said in (("zh", "另有 41 条未修改，未列出"), ("en", "41 unchanged articles are not shown")):
        out = tmp_path / f"{lang}.html"
        fagui("diff", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "--format", "html", "-o", str(out), "--lang", lang)
        page = out.read_text("utf-8")
        rows = re.findall(r'<section class="row[^"]*" id="row-(\d+)" data-rel="([a-z_]+)"', page)
        assert [rel for _, rel in rows] == ["amended"], rows
        assert said in page
        assert re.search(r'data-rel="unchanged"[^>]*>.*?<b class="n">41</b>', page)  # still counted in its chip

