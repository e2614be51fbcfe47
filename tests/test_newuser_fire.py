"""What a new user met comparing 消防法 with 广东省实施《中华人民共和国消防法》办法
(LawRefBook texts, added to a fresh corpus with ``fagui init`` / ``fagui
add``), through the real CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from public import LAWREFBOOK, require

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = "national/fire-protection-law"
GUANGDONG = "guangdong/fire-protection-measures"

pytestmark = pytest.mark.usefixtures("isolated_git")


@pytest.fixture(scope="module")
def fagui(tmp_path_factory, isolated_git):
    """``fagui(*args)`` in a corpus holding both texts: the completed process."""
    national = require(LAWREFBOOK / "行政法" / "消防法(2021-04-29).md")
    guangdong = require(LAWREFBOOK / "DLC" / "广东地方法规" / "地方性法规" / "广东" / "广东省实施《消防法》办法(2022-03-29).md")
    repo = tmp_path_factory.mktemp("fire") / "corpus"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}

    def run(*args: str, cwd: Path = repo) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "cli", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)

    assert run("init", str(repo), cwd=repo.parent).returncode == 0
    for raw, regulation_id in ((national, NATIONAL), (guangdong, GUANGDONG)):
        done = run("add", str(raw), "--id", regulation_id)
        assert done.returncode == 0, done.stderr
    return run


ROW = re.compile(r"序号 \d+ ")
"""The start of a row's heading line in the text diff."""


def _group(out: str, heading: str) -> list[str]:
    """The lines of the group whose heading line ends with ``heading``."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if ROW.match(line) and line.endswith(heading))
    end = next((i for i in range(start + 1, len(lines)) if ROW.match(lines[i])), len(lines))
    return lines[start + 1:end]


def test_a_merged_article_opens_with_its_own_first_line(fagui):
    """广东 第六条 takes its items （二） and （五） from 消防法 第三条 and 第三十条:
    its opening line and item （一） come first, under its heading, and each
    part stands under the article it belongs to, in the article's order."""
    done = fagui("diff", NATIONAL, GUANGDONG)
    assert done.returncode == 0, done.stderr
    group = _group(done.stdout, "第三条、第三十条 ↔ 第六条")
    text = "\n".join(group)
    opening = text.index("县级以上人民政府履行下列消防工作职责")
    items = [text.index(f"（{n}）") for n in "一二三四五六七八九"]
    assert opening < items[0] and items == sorted(items), text
    headings = [line.strip() for line in group if line.strip() in ("第三条", "第三十条", "第六条")]
    assert headings == ["第六条", "第三条", "第六条", "第三十条", "第六条"]
    md = fagui("diff", NATIONAL, GUANGDONG, "--format", "markdown").stdout
    quote = md[md.index("**第三条、第三十条 ↔ 第六条**"):]
    assert quote.index("> **第六条**") < quote.index("县级以上人民政府履行下列消防工作职责") < quote.index("> **第三条**") < quote.index("（二）")


def test_the_docx_says_which_rows_are_to_be_checked_and_counts_them(fagui, tmp_path):
    """Without --details a row the engine is unsure of says 待核 in its 说明
    (not 由第十四条、第四十六条、第五十三条合并 as fact), and the header counts
    those rows apart, as the text diff does, so the header and table agree."""
    import docx

    out = tmp_path / "对照表.docx"
    done = fagui("diff", NATIONAL, GUANGDONG, "--format", "docx", "-o", str(out))
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(out))
    header = "\n".join(p.text for p in document.paragraphs)
    text = fagui("diff", NATIONAL, GUANGDONG).stdout
    stated = next(line for line in text.splitlines() if line.startswith("待核（未计入上列数字）："))
    figures = [part.strip() for part in stated.split("：", 1)[1].split("·")]
    line = next(line for line in header.splitlines() if line.startswith("待核（未计入上列数字）："))
    assert line == "待核（未计入上列数字）：" + "、".join(figures) + "。"
    notes = [row.cells[2].text.split("\n")[0] for row in document.tables[-1].rows[1:] if row.cells[0].text != row.cells[2].text]
    assert "由第十四条、第四十六条、第五十三条合并（待核）" in notes
    assert sum(note.endswith("（待核）") for note in notes) == sum(int(f.rsplit(" ", 1)[1]) for f in figures)


def test_show_names_the_commit_of_the_version_log_names(fagui):
    """The corpus's last commit added 广东's text: ``show`` of 消防法 names the
    commit of 消防法's version, the one ``log`` shows, in Chinese by default."""
    version = fagui("log", NATIONAL).stdout.split()[0]
    assert fagui("show", NATIONAL, "--article", "3").stdout.splitlines()[0] == f"{NATIONAL}：版本 {version}，施行日期 2021-04-29"
    assert fagui("show", f"{NATIONAL}@HEAD", "--article", "3", "--lang", "en").stdout.splitlines()[0] == (
        f"{NATIONAL}@HEAD: version {version}, effective 2021-04-29"
    )


def test_log_names_the_latest_amendment_as_such(fagui):
    """消防法 was passed in 1998 and last amended (修正) on 2021-04-29, the date
    its front matter's ``adopted`` states: ``log`` calls it 修正日期, not 通过日期."""
    line = fagui("log", NATIONAL).stdout.splitlines()[0]
    assert "修正日期 2021-04-29" in line and "通过日期" not in line
    assert "amended 2021-04-29" in fagui("log", NATIONAL, "--lang", "en").stdout


def test_report_page_counts_what_each_chip_filters_and_names_its_mode(fagui, tmp_path):
    """Each relation chip counts the rows it shows and hides, unsure ones
    too (地方新增 0 stood over 18 地方新增 rows), and the footer names the mode
    in words, not ``模式 jurisdictions``."""
    import re

    done = fagui("report", "-o", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "site" / "national-fire-protection-law--guangdong-fire-protection-measures.html").read_text(encoding="utf-8")
    chips = re.findall(r'data-rel="(\w+)"><span class="rl">[^<]*</span> <b class="n">(\d+)(?:（待核 (\d+)）)?</b>', page)
    assert chips and any(unsure for _, _, unsure in chips)
    for rel, n, _ in chips:
        assert int(n) == len(re.findall(rf'<section class="row[^"]*" id="row-\d+" data-rel="{rel}"', page)), rel
    footer = re.search(r'<footer class="foot">(.*?)</footer>', page).group(1)
    assert footer.endswith(" · 参照文本与地方文本对照") and "jurisdictions" not in footer


def test_the_diff_header_uses_full_width_parentheses_in_chinese(fagui):
    head = "中华人民共和国消防法{0}国家{1} ↔ 广东省实施《中华人民共和国消防法》办法{0}广东省{1}"
    assert fagui("diff", NATIONAL, GUANGDONG).stdout.splitlines()[0] == head.format("（", "）")
    assert fagui("diff", NATIONAL, GUANGDONG, "--format", "markdown").stdout.count("### " + head.format("（", "）")) == 1
    assert fagui("diff", NATIONAL, GUANGDONG, "--lang", "en").stdout.splitlines()[0] == head.format(" (", ")")
