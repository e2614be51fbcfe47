"""A split article reads as separate texts, and both sides are named old →
new, wherever a version's changes are shown: the commit message, ``log``,
``history``, ``diff --format markdown`` and the git driver (which prints only
what changed, names a new file's missing side, and says when the committed
file is not canonical). Through the real CLI on a real git repository."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import source_path

from fagui.messages import Lang
from fagui.model import ArticlePair, ArticleRef, Metadata, Regulation
from fagui.store.changes import Changes, _pair_label
from fagui.store.message import commit_message
from fagui.text.numerals import to_chinese

ROOT = Path(__file__).resolve().parent.parent
ID = "jilin/split-test"
_ARTICLE = re.compile(r"^(　　)第([零一二三四五六七八九十百]+)条　(.*)$")
SECOND_PARAGRAPH = "　　各级人民政府有关部门按照各自职责分工"


def split_version() -> str:
    """Jilin's seed with the second paragraph of 第六条 made an article of its
    own (and amended), every later article renumbered, in force 2026."""
    out, n = [], 0
    for line in source_path("jilin/counterespionage-work-provisions").read_text(encoding="utf-8").split("\n"):
        m = _ARTICLE.match(line)
        if m or line.startswith(SECOND_PARAGRAPH):
            n += 1
            body = m.group(3) if m else line.strip().replace("密切配合", "密切配合、加强协作")
            out.append(f"　　第{to_chinese(n)}条　{body}")
        else:
            out.append(line)
    return "\n".join(out).replace("2025年1月1日起施行", "2026年1月1日起施行")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    env = {
        **os.environ, "GIT_CONFIG_GLOBAL": str(home / "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1", "PYTHONPATH": str(ROOT),
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "t@example.org", "NO_COLOR": "1", "GIT_PAGER": "cat",
    }
    repo = tmp_path_factory.mktemp("corpus") / "c"
    v2 = repo.parent / "v2.txt"
    v2.write_text(split_version(), encoding="utf-8")

    def fagui(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "cli", *args], cwd=repo if repo.exists() else None, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True, timeout=120).stdout

    fagui("init", str(repo))
    fagui("add", str(source_path("jilin/counterespionage-work-provisions")), "--id", ID)
    fagui("add", str(v2), "--id", ID)
    return fagui, git


def test_commit_message_and_log_name_both_sides(corpus):
    fagui, git = corpus
    body = git("log", "-1", "--format=%b")
    assert "拆分（1）：第六条 → 第六条、第七条\n" in body
    assert "调整顺序（35）：第七条→第八条、" in body and "Articles-Split: 1" in body
    log = fagui("log", ID).splitlines()
    assert log[1] == "  拆分：第六条 → 第六条、第七条"
    assert fagui("log", ID, "--lang", "en").splitlines()[1] == "  split: 第六条 → 第六条、第七条"


def test_english_commit_message_on_request():
    old = Regulation(Metadata(title="某规定", effective="2025-01-01"))
    split = ArticlePair("split", (ArticleRef(10, "第十条", (), ("甲", "乙")),), (ArticleRef(26, "第二十六条", (), ("甲",)), ArticleRef(43, "第四十三条", (), ("乙",))), 0.9)
    found = Changes((("split", (_pair_label(split),)),))
    assert "Split (1): 第十条 → 第二十六条、第四十三条" in commit_message("national/x", old, found, lang=Lang.EN)
    assert "拆分（1）：第十条 → 第二十六条、第四十三条" in commit_message("national/x", old, found)


def test_history_and_markdown_show_each_article_under_its_heading(corpus):
    fagui, _ = corpus
    out = fagui("history", ID, "--article", "7").splitlines()
    assert out[0].endswith("第六条 → 第六条、第七条  拆分")
    assert out[1:5] == [
        "  第六条",
        "  各级人民政府管理本行政区域内的反间谍安全防范工作，研究解决反间谍安全防范工作中的重大问题，支持国家安全机关依法履行反间谍工作职责。",
        "  第七条",
        "  各级人民政府有关部门按照各自职责分工，密切配合{+、加强协作+}，依法开展有关工作。",
    ]
    md = fagui("diff", f"{ID}@HEAD~1", ID, "--format", "markdown")
    quote = md[md.index("**第六条 → 第六条、第七条**"):]
    assert quote.index("> **第六条**") < quote.index("> 各级人民政府管理") < quote.index("> **第七条**") < quote.index("> 各级人民政府有关部门")


def test_git_driver_prints_what_changed_names_a_new_file_and_flags_non_canonical(corpus):
    fagui, git = corpus
    fagui("install-git-driver")
    out = git("diff", "HEAD~1", "HEAD", "--", f"texts/{ID}.md")
    assert re.search(r"序号 6 拆分 [0-9.]+  第六条 → 第六条、第七条\n  第六条\n", out)
    assert "未修改 5" in out and "另有 5 条未变，未列出" in out
    assert "调整顺序（35）：第七条→第八条，" in out and "序号 7 调整顺序" not in out
    assert len(out.splitlines()) < 25
    new = git("diff", "HEAD~2", "HEAD~1", "--", f"texts/{ID}.md")
    assert "（无此文件） ↔" in new and "(旧版 .)" not in new
    md = Path(git("rev-parse", "--show-toplevel").strip()) / "texts" / f"{ID}.md"
    original = md.read_text(encoding="utf-8")
    try:
        md.write_text(original.replace("依法履行反间谍工作职责", "依法全面履行反间谍工作职责") + "\n", encoding="utf-8")
        out = git("diff", "--", "texts/")
        assert re.search(r"注意：b/texts/jilin/split-test\.md:\d+ 不是规范格式（the file must end with exactly one newline）", out)
        assert "{+全面+}" in out
    finally:
        md.write_text(original, encoding="utf-8")
