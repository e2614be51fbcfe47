"""fagui review on a range a reviewer must not misread: a change of the
effective date only, a hand edit of a text that no longer matches its
source, and an amendment in the same range as a new regulation."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import TEXTS

from cli.main import main

NATIONAL = "national/counterespionage-security-provisions"
ZHEJIANG = "zhejiang/counterespionage-security-measures"
JIANGXI = "jiangxi/counterespionage-work-regulations"
ORIGINAL = "反间谍安全防范工作应当坚持党的领导，坚持公开工作与秘密工作相结合"
EDITED = "反间谍安全防范工作必须坚持党的领导，坚持公开工作与秘密工作相结合"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def copy(repo: Path, regulation_id: str, *suffixes: str) -> None:
    for suffix in suffixes:
        target = repo / "texts" / f"{regulation_id}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TEXTS / f"{regulation_id}{suffix}", target)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """main: the national text and Zhejiang's (with its source). Branch
    change: the national effective date moved (nothing else); Zhejiang's
    第三条 edited by hand in the .md only; Jiangxi's 56-article regulation
    added with its source. Jiangxi sorts first by path."""
    repo = tmp_path_factory.mktemp("corpus")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "Test")
    copy(repo, NATIONAL, ".md")
    copy(repo, ZHEJIANG, ".md", ".source.txt")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "two texts")
    git(repo, "checkout", "-qb", "change")
    national = repo / "texts" / f"{NATIONAL}.md"
    national.write_text(national.read_text(encoding="utf-8").replace("effective: 2021-04-26", "effective: 2021-05-01"), encoding="utf-8")
    zhejiang = repo / "texts" / f"{ZHEJIANG}.md"
    text = zhejiang.read_text(encoding="utf-8")
    assert ORIGINAL in text
    zhejiang.write_text(text.replace(ORIGINAL, EDITED), encoding="utf-8")
    copy(repo, JIANGXI, ".md", ".source.txt")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "change")
    return repo


def review(repo: Path, *args: str, lang: str = "en"):
    """``fagui review main..change``, in English unless ``lang`` says otherwise."""
    result = CliRunner().invoke(main, ["review", "main..change", "--repo", str(repo), "--lang", lang, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def section(text: str, regulation_id: str) -> str:
    start = text.index(f"(`{regulation_id}`")
    end = text.find("\n### ", start)
    return text[start: end if end >= 0 else None]


def test_an_effective_date_change_is_shown_first_and_is_not_no_change(repo):
    text = review(repo)
    national = section(text, NATIONAL)
    assert "Front matter changed: effective `2021-04-26` → `2021-05-01`" in national
    assert "No substantive change" not in national
    assert "only the front matter" in national
    row = next(line for line in text.splitlines() if line.startswith(f"| `{NATIONAL}`"))
    assert row.endswith("| effective |")
    data = json.loads(review(repo, "--format", "json"))
    [change] = [c for c in data["changes"] if c["id"] == NATIONAL]
    assert change["metadata"] == [{"field": "effective", "old": "2021-04-26", "new": "2021-05-01"}]


def test_amendments_come_before_new_regulations(repo):
    text = review(repo)
    order = [text.index(f"(`{i}`") for i in (NATIONAL, ZHEJIANG, JIANGXI)]
    assert order == sorted(order)
    data = json.loads(review(repo, "--format", "json"))
    assert [c["status"] for c in data["changes"]] == ["modified", "modified", "added"]
    added = section(text, JIANGXI)
    assert "Front matter: title `江西省反间谍工作条例`" in added and "effective `2024-08-01`" in added


def test_shortening_keeps_the_amendments(repo):
    full = review(repo, "--max-chars", "0")
    amendments = full[: full.index(f"(`{JIANGXI}`")]
    short = review(repo, "--max-chars", str(len(amendments) + 1500))
    assert len(short) <= len(amendments) + 1500
    assert f"(`{ZHEJIANG}`" in short and EDITED[:6] in short or "必须" in short
    assert "[-应当-]{+必须+}" in short
    assert "Shortened to stay within" in short


def test_a_hand_edit_that_departs_from_the_source_is_noted(repo):
    text = review(repo)
    zhejiang = section(text, ZHEJIANG)
    assert "**Not what its source gives:**" in zhejiang
    assert "第三条" in zhejiang and "edited by hand?" in zhejiang
    assert "Not what its source gives" not in section(text, JIANGXI)  # added with its source, untouched
    data = json.loads(review(repo, "--format", "json"))
    notes = {c["id"]: c["source_note"] for c in data["changes"]}
    assert notes[JIANGXI] is None and notes[NATIONAL] is None
    assert notes[ZHEJIANG] == (
        f"differs from what texts/{ZHEJIANG}.source.txt gives when ingested again (1 article differs: 第三条): "
        "edited by hand? check it against the source"
    )
    # The note reads without backslashes where Markdown is read raw (a terminal).
    assert "(1 article differs: 第三条)" in zhejiang and "\\(" not in zhejiang


def test_the_review_is_chinese_by_default_with_a_shared_column(repo):
    text = review(repo, lang="zh")
    assert text.startswith("## fagui 审阅：")
    head = next(line for line in text.splitlines() if line.startswith("| 法规 |"))
    assert head == "| 法规 | 文件 | 新增 | 修改 | 删除 | 调整顺序 | 引用条号更新 | 调整位置 | 拆分 | 合并 | 共享条款 | 元数据 |"
    assert "> **与来源文本不符：**" in section(text, ZHEJIANG)
    assert "Front matter" not in text and "changed articles" not in text
