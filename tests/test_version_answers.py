"""What a new user met adding a real revision (issue #21, the new-user run):
北京市实施《水法》办法 2019 -> 2022 (../shared/corpus/alignment-texts), added
through the real CLI into a real git corpus. The 2022 text still states the
first version's 自2004年10月1日起施行; the engine is unsure of 8 of its 21
deletions."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from public import ALIGNMENT_TEXTS, require

from fagui.text.labels import read_label

ID = "beijing/water"


def fagui(*args: str, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    for who in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{who}_NAME"], env[f"GIT_{who}_EMAIL"] = "Test", "test@example.org"
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def water(tmp_path_factory, isolated_git):
    """The corpus, and what each add printed on stdout and stderr."""
    old, new = (require(ALIGNMENT_TEXTS / f"beijing-water-{year}.source.md") for year in (2019, 2022))
    repo = tmp_path_factory.mktemp("water") / "corpus"
    assert fagui("init", str(repo), cwd=ROOT).returncode == 0
    added = [fagui("add", str(raw), "--id", ID, cwd=repo) for raw in (old, new)]
    assert all(a.returncode == 0 for a in added), [a.stderr for a in added]
    return repo, added


def git(repo, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def test_an_effective_date_older_than_the_adoption_is_warned_on_add_and_shown_in_log(water):
    repo, (first, second) = water
    assert first.stderr == ""  # 2004 text, in force 2004: nothing to say
    assert second.stdout.startswith("[") and "：自2004-10-01起施行的版本（" in second.stdout
    assert second.stderr.count("\n") == 1  # one line
    assert second.stderr.startswith(f"注意：{ID} 文本所载施行日期 2004-10-01 早于其通过日期 2022-11-25") and "--effective" in second.stderr
    log = fagui("log", ID, cwd=repo).stdout.splitlines()
    assert log[0].split("  ")[1] == "施行日期 2004-10-01（早于通过日期 2022-11-25）"
    assert log[1].split("  ")[1] == "施行日期 2004-10-01"  # the first version's own date is no surprise
    english = fagui("log", ID, "--lang", "en", cwd=repo).stdout.splitlines()
    assert english[0].split("  ")[1] == "effective 2004-10-01 (before its adoption 2022-11-25)"


def test_the_commit_names_articles_in_article_order(water):
    repo, _ = water
    body = git(repo, "log", "-1", "--format=%b")
    lists = dict(re.findall(r"^(\S+)（\d+）：(.*)$", body, flags=re.M))
    deleted = lists["删除"].split("、")
    assert len(deleted) == 21 and deleted[:3] == ["第三十九条", "第四十三条", "第四十四条"]  # the engine lists 第四十七条 second
    for relation, labels in lists.items():
        keys = [read_label(label.split("→")[-1]).key for label in labels.split("；" if "；" in labels else "、")]
        assert keys == sorted(keys), relation


def test_review_counts_agree_with_the_commit_and_say_why_they_differ(water):
    repo, _ = water
    review = fagui("review", "HEAD~1..HEAD", cwd=repo).stdout
    trailers = git(repo, "log", "-1", "--format=%(trailers)")
    assert "Articles-Deleted: 21" in trailers
    row = next(line for line in review.splitlines() if line.startswith(f"| `{ID}`"))
    assert "| 13 + 待核 8 |" in row  # 13 + 8 = the commit's 21, and the reader sees which are unsure
    assert "“+ 待核 N”" in review
    english = fagui("review", "HEAD~1..HEAD", "--lang", "en", cwd=repo).stdout
    assert "| 13 + 8 unsure |" in english


def test_review_numbers_its_rows_in_words_and_names_a_kept_number_once(water):
    repo, _ = water
    review = fagui("review", "HEAD~1..HEAD", "--max-chars", "0", cwd=repo).stdout
    assert "**第三条** · 修改 · 0.87 · 序号 3" in review
    assert "#&#8203;" not in review and not re.search(r"(第\S+条) → \1\b", review)
    text = fagui("diff", f"{ID}@HEAD~1", ID, cwd=repo).stdout
    assert "  第三条\n" in text or re.search(r"  第三条$", text, flags=re.M)
    assert not re.search(r"(第[^ ]+条) → \1(?![、之])", text)
    history = fagui("history", ID, "--article", "3", cwd=repo).stdout.splitlines()
    assert history[0].endswith("  第三条  修改")
