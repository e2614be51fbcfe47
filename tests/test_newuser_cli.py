"""What a new user met in the jobs of a corpus (init, add, log, show),
through the real CLI on real git repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import source_path

ROOT = Path(__file__).resolve().parent.parent
JILIN = "jilin/counterespionage-work-provisions"

pytestmark = pytest.mark.usefixtures("isolated_git")


def fagui(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def corpus(tmp_path) -> Path:
    repo = tmp_path / "corpus"
    done = fagui("init", str(repo), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return repo


def test_add_warns_as_ingest_does_and_still_commits(corpus, tmp_path):
    """A text whose 第五条 is missing (numbering jumps 4 → 6): ``add`` prints
    ingest's warning on stderr, one line naming the file, and commits."""
    lines = source_path(JILIN).read_text(encoding="utf-8").split("\n")
    gap = tmp_path / "gap.txt"
    gap.write_text("\n".join(line for line in lines if not line.startswith("　　第五条")), encoding="utf-8")
    ingest = fagui("ingest", str(gap), "-o", str(tmp_path / "gap.md"), cwd=tmp_path)
    warnings = [line for line in ingest.stderr.splitlines() if line.startswith("warning: ")]
    assert any("article numbering jumps from 4 to 6" in line for line in warnings), ingest.stderr
    done = fagui("add", str(gap), "--id", JILIN, cwd=corpus)
    assert done.returncode == 0, done.stderr
    assert [line for line in done.stderr.splitlines() if "warning: " in line] == [f"{gap}: {line}" for line in warnings]
    assert fagui("log", JILIN, cwd=corpus).stdout.count("\n") >= 1


def test_init_answers_and_writes_its_readme_in_chinese_by_default(tmp_path):
    done = fagui("init", "my-corpus", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    commit = subprocess.run(["git", "log", "--format=%h %s"], cwd=tmp_path / "my-corpus", capture_output=True, text=True).stdout.split()
    assert done.stdout == f"已在 my-corpus 建立 fagui 法规库（提交 {commit[0]}）\n"
    assert commit[1:] == ["建立", "fagui", "法规库：README", "与", "texts/"]
    assert (tmp_path / "my-corpus" / "README.md").read_text(encoding="utf-8").startswith("# 法规库\n")
    english = fagui("init", "en-corpus", "--lang", "en", cwd=tmp_path)
    assert english.stdout.startswith("made a fagui corpus in en-corpus (commit ")
    readme = (tmp_path / "en-corpus" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Regulations\n") and not any("\u4e00" <= c <= "\u9fff" for c in readme)


def test_report_names_an_unpaired_text_by_title_and_its_citations_as_chinese_writes_them(corpus, tmp_path):
    """A text compared with nothing is listed by its title (the id in small
    print), and the laws it cites stand side by side, 《甲》《乙》, with no 顿号."""
    assert fagui("add", str(source_path(JILIN)), "--id", JILIN, cwd=corpus).returncode == 0
    done = fagui("report", "-o", str(tmp_path / "site"), cwd=corpus)
    assert done.returncode == 0, done.stderr
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    section = index[index.index('id="unpaired"'):]
    assert f'<td>吉林省反间谍工作规定<div class="sub">{JILIN}</div></td>' in section
    assert "《中华人民共和国反间谍法》" in section and "》、《" not in index


def test_add_and_log_name_an_amendment_date_as_such(corpus, tmp_path):
    """A text passed in 2019 and amended (修正) on 2024-11-04 that still states
    its first effective date: add's note and log call 2024-11-04 its 修正日期."""
    import re

    text = (ROOT / "texts" / f"{JILIN}.md").read_text(encoding="utf-8")
    text = text.replace("promulgated: 2024-11-08\n", "").replace("effective: 2025-01-01", "effective: 2020-01-01")
    history = "history:\n" + "".join(
        f"  - date: {day}\n    body: 吉林省人民政府常务会议\n    action: {action}\n" for day, action in (("2019-06-01", "通过"), ("2024-11-04", "修正"))
    )
    text = re.sub(r"(source_sha256: .*\n)", lambda m: m.group(1) + history, text, count=1)
    amended = tmp_path / "amended.md"
    amended.write_text(text, encoding="utf-8")
    done = fagui("add", str(amended), "--id", JILIN, cwd=corpus)
    assert done.returncode == 0, done.stderr
    assert "早于其修正日期 2024-11-04" in done.stderr and "通过日期" not in done.stderr
    log = fagui("log", JILIN, cwd=corpus).stdout.splitlines()[0]
    assert "施行日期 2020-01-01（早于修正日期 2024-11-04）  修正日期 2024-11-04" in log
