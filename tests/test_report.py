"""fagui report: the static site, its index and coverage matrix, the CLI."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import run_on_terminal
from click.testing import CliRunner
from pages import assert_links_resolve
from samples import sample, synthetic, versions_sample

from cli.main import main
from fagui.model import Comparison, DocumentRef
from fagui.report import corpus_root, plan_report, read_texts
from renderers.report import build_site, page_name

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A copy of the seed corpus's canonical texts (not a git repository)."""
    dest = tmp_path / "corpus"
    for md in (ROOT / "texts").rglob("*.md"):
        target = dest / "texts" / md.relative_to(ROOT / "texts")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(md, target)
    return dest


def test_page_names_are_safe():
    assert page_name("jilin-counterespionage-work-provisions") == "jilin-counterespionage-work-provisions.html"
    assert page_name("../../etc/passwd") == "etc-passwd.html"
    assert page_name("<x>") == "x.html" and page_name("") == "comparison.html"


def test_build_site_writes_pages_then_an_index_whose_links_resolve(tmp_path):
    c = sample()
    other = Comparison(c.mode, c.left, DocumentRef("zhejiang/x", "浙江省反间谍安全防范办法", "浙江省"), c.pairs[:5], c.summary)
    index = build_site(tmp_path / "site", [("jilin", c), ("zhejiang", other)], [("history-national", versions_sample())])
    assert index == tmp_path / "site" / "index.html"
    # Per comparison a page and its 对照表; per national article a page across the provinces; the matrix as CSV.
    articles = [f"art.national-test.{n:03d}.html" for n in range(1, len(c.coverage) + 1)]
    assert sorted(p.name for p in index.parent.iterdir()) == sorted(
        [".fagui-manifest.json", "history-national.docx", "history-national.html", "index.html", "index.json", "repetition.csv", "jilin.docx", "jilin.html",
         "zhejiang.docx", "zhejiang.html", "coverage.national-test.csv"] + articles
    )
    page = index.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "吉林省" in page and "浙江省" in page and "版本历史" in page
    for name in ("jilin.docx", "zhejiang.docx", "history-national.docx", "coverage.national-test.csv"):
        assert f'href="{name}" download' in page
    assert_links_resolve(index.parent)
    assert 'href="index.html"' in (index.parent / "jilin.html").read_text(encoding="utf-8")


def test_a_site_built_again_links_its_unchanged_files_and_writes_the_rest(tmp_path):
    """Built again into the same folder, a file with the same bytes is the
    old set's file linked into the new (nothing written, flushed or freed
    for it); a changed page, and a file whose mode the user changed, are
    written anew; the folder is byte for byte what a fresh build gives, and
    the old set is gone."""
    c = sample()
    other = Comparison(c.mode, c.left, DocumentRef("zhejiang/x", "浙江省反间谍安全防范办法", "浙江省"), c.pairs[:5], c.summary)
    site = tmp_path / "site"
    build_site(site, [("jilin", c), ("zhejiang", other)])
    before = {p.name: p.stat().st_ino for p in site.iterdir()}
    os.chmod(site / "jilin.docx", 0o600)
    changed = Comparison(c.mode, c.left, DocumentRef("zhejiang/x", "浙江省反间谍安全防范规定", "浙江省"), c.pairs[:5], c.summary)
    build_site(site, [("jilin", c), ("zhejiang", changed)])
    after = {p.name: p.stat() for p in site.iterdir()}
    assert set(after) == set(before)
    kept = {name for name in after if after[name].st_ino == before[name]}
    assert "jilin.html" in kept and "zhejiang.html" not in kept and "index.html" not in kept
    assert "jilin.docx" not in kept and stat.S_IMODE(after["jilin.docx"].st_mode) == 0o666 & ~umask()
    assert all(after[name].st_nlink == 1 for name in after)  # the old set is gone: no second link
    fresh = tmp_path / "fresh"
    build_site(fresh, [("jilin", c), ("zhejiang", changed)])
    assert all((site / name).read_bytes() == (fresh / name).read_bytes() for name in after)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_coverage_matrix_classes_and_links(tmp_path):
    index = build_site(tmp_path, [("jilin", sample())])
    page = index.read_text(encoding="utf-8")
    rows = dict(re.findall(r'<th class="art" scope="row"><a href="[^"]*" title="[^"]*">(第.条)</a></th>(.*?)</tr>', page))
    assert list(rows) == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条"]
    # Classes come from the share of each article's paragraphs and items
    # carried; each cell links to the article and names the carriers.
    assert 'class="c as_is"><a href="jilin.html#L-第一条"' in rows["第一条"]
    assert 'href="jilin.html#R-第一条">第一条</a>' in rows["第一条"]
    assert 'class="c reworded"><a href="jilin.html#L-第二条"' in rows["第二条"]
    assert 'class="c reworded"><a href="jilin.html#L-第四条"' in rows["第四条"]
    assert 'href="jilin.html#R-第四条">第四条</a>' in rows["第四条"]
    assert 'class="c not_adopted"><a href="jilin.html#L-第五条"' in rows["第五条"]
    assert "✕" in rows["第五条"] and "未采纳" in rows["第五条"] and "0/1" in rows["第五条"]
    assert 'class="where"' not in rows["第五条"] and "<div class=where>" not in rows["第五条"]
    assert 'class="c as_is"><a href="jilin.html#L-第六条"' in rows["第六条"]
    # A provision carried only through a shares link is covered, and says where.
    carried = re.search(r'<th class="art" scope="row"><a [^>]*>第十八条</a></th>(.*?)</tr>', page).group(1)
    assert 'class="c reworded"' in carried and 'href="jilin.html#R-第十九条">第十九条</a>' in carried


def test_index_escapes_text(tmp_path):
    index = build_site(tmp_path, [("x", sample(xss=True))])
    page = index.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img" not in page and page.count("<script") == 0


def test_large_matrix_uses_symbols(tmp_path):
    c = synthetic(12)
    index = build_site(tmp_path, [(f"p{i}", c) for i in range(10)])
    page = index.read_text(encoding="utf-8")
    assert page.count('class="c ') == 10 * 10  # 10 national articles x 10 provinces
    assert '<span class="sr">改写</span>' in page


def test_corpus_root_and_texts(corpus):
    assert corpus_root(corpus / "texts" / "jilin") == corpus
    texts = read_texts(corpus)
    assert texts[0].id == "heilongjiang/counterespionage-security-regulations"
    assert sorted(t.metadata.level for t in texts) == ["national"] + ["provincial"] * 4
    assert len(texts[0].read().articles) == 44


def run_report(*args):
    return CliRunner().invoke(main, ["report", *args], catch_exceptions=False)


def test_cli_report(corpus, tmp_path):
    out = tmp_path / "out"
    result = run_report("--repo", str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out / "index.html")
    assert result.stderr == ""  # not a terminal: no progress bar
    names = sorted(p.name for p in out.iterdir())
    provinces = ("heilongjiang-counterespionage-security-regulations", "jiangxi-counterespionage-work-regulations",
                 "jilin-counterespionage-work-provisions", "zhejiang-counterespionage-security-measures")
    assert names == sorted(
        ["index.html", "index.json", "repetition.csv", ".fagui-manifest.json", "coverage.national-counterespionage-security-provisions.csv"]
        + [f"national-counterespionage-security-provisions--{j}.{ext}" for j in provinces for ext in ("html", "docx")]
        + [f"art.national-counterespionage-security-provisions.{n:03d}.html" for n in range(1, 32)]
    )
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('<th class="art" scope="row">') == 31
    assert [p.name for p in out.glob(".*")] == [".fagui-manifest.json"]  # no temporary file left behind
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []


def test_a_progress_bar_on_a_terminal_and_none_when_piped(corpus, tmp_path):
    """Each comparison counts once its page and 对照表 are written."""
    import os
    import sys

    command = [sys.executable, "-m", "cli", "report", "--repo", str(corpus), "-o", str(tmp_path / "out")]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done, terminal = run_on_terminal(command, env=env, cwd=ROOT)
    assert done.returncode == 0
    assert b"comparing" in terminal and b"4/4" in terminal
    assert done.stdout.decode().strip() == str(tmp_path / "out" / "index.html")
    piped = subprocess.run(command, capture_output=True, env=env, cwd=ROOT)
    assert piped.returncode == 0 and piped.stderr == b""


@pytest.mark.parametrize("width", [60, 100])
def test_the_progress_bar_fits_a_narrow_terminal(corpus, tmp_path, width):
    """Every redraw of the bar fits the terminal's width (a Chinese character
    two columns), so it redraws in place instead of scrolling a line a step:
    long comparison names are cut with …."""
    import os
    import re
    import sys

    from cli.progress import columns

    command = [sys.executable, "-m", "cli", "report", "--repo", str(corpus), "-o", str(tmp_path / "out")]
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS=str(width))
    done, terminal = run_on_terminal(command, env=env, cwd=ROOT)
    assert done.returncode == 0
    drawn = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line) for line in re.split(r"[\r\n]", terminal.decode())]
    assert any("4/4" in line for line in drawn) and any("…" in line for line in drawn)
    assert max(columns(line) for line in drawn) < width


def test_cli_report_no_corpus(tmp_path):
    result = CliRunner().invoke(main, ["report", "--repo", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no texts/ folder" in result.stderr
    assert not (tmp_path / "o").exists()


def test_version_history_from_git(corpus, tmp_path):
    """Two committed versions of one regulation give a history page."""
    git = lambda *a: subprocess.run(["git", "-C", str(corpus), *a], check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", "texts")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first")
    path = corpus / "texts" / "zhejiang" / "counterespionage-security-measures.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("## 第二条\n\n", "## 第二条\n\n本省", 1), encoding="utf-8")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "second")
    out = tmp_path / "out"
    result = run_report("--repo", str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in out.glob("history-*.html"))
    assert len(pages) == 1 and pages[0].startswith("history-zhejiang-counterespionage-security-measures-")
    page = (out / pages[0]).read_text(encoding="utf-8")
    assert "<ins>本省</ins>" in page
    assert "版本历史" in (out / "index.html").read_text(encoding="utf-8")


def test_a_text_not_yet_committed_is_compared_without_a_history(corpus, tmp_path):
    """A text put into texts/ of a git corpus but not committed has no
    versions yet: the report compares it and makes no history page for it
    (it stopped with a NameError traceback)."""
    git = lambda *a: subprocess.run(["git", "-C", str(corpus), *a], check=True, capture_output=True)  # noqa: E731
    new = corpus / "texts" / "zhejiang" / "counterespionage-security-measures.md"
    held = new.read_bytes()
    new.unlink()
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", "texts")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first")
    new.write_bytes(held)
    out = tmp_path / "out"
    result = run_report("--repo", str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and not list(out.glob("history-*.html"))
    assert any("zhejiang" in p.name for p in out.glob("*.html"))


def test_cli_report_on_the_seed_corpus(corpus, tmp_path):
    out = tmp_path / "out"
    result = run_report("--repo", str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.output
    index = out / "index.html"
    assert result.stdout.strip() == str(index)
    assert_links_resolve(out)


def test_page_names_stay_when_a_second_national_text_appears(corpus, tmp_path):
    """A saved link to a province's page keeps working when the corpus gains
    another national text."""
    before = {p.name for p in (plan_report(corpus).jurisdictions)}
    second = corpus / "texts" / "national" / "second.md"
    text = (corpus / "texts" / "national" / "counterespionage-security-provisions.md").read_text(encoding="utf-8")
    second.write_text(text.replace("title: 反间谍安全防范工作规定", "title: 第二部规定").replace("# 反间谍安全防范工作规定", "# 第二部规定"), encoding="utf-8")
    after = {p.name for p in plan_report(corpus).jurisdictions}
    assert len(before) == 4 and len(after) == 8
    assert before <= after
