"""fagui review, the git diff driver and the review workflow, in real repositories."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import click
import pytest
import yaml
from amend import amend
from click.testing import CliRunner
from conftest import ROOT, markdown_path

from cli.main import main
from fagui.markdown import read_regulation, write_regulation

NATIONAL = "national/counterespionage-security-provisions"
PATH = f"texts/{NATIONAL}.md"
INSERTED = "国家安全机关应当建立反间谍安全防范工作联络员制度，定期通报工作情况。"
AMENDED = "国家安全机关定期分析反间谍安全防范形势，开展风险评估和隐患排查，通报有关单位。"


# Fixed dates make the commits, and so the documented example, reproducible.
GIT_ENV = {**os.environ, "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}
EXAMPLE = ROOT / "docs" / "examples" / "review.md"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=GIT_ENV).stdout


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """main: the national text; branch amend: one article inserted after 第五条
    (the rest renumber, references shift), 第十二条 amended, 第二十条 deleted."""
    path = tmp_path_factory.mktemp("corpus")
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "t@example.org")
    git(path, "config", "user.name", "Test")
    original = markdown_path(NATIONAL).read_text(encoding="utf-8")
    target = path / PATH
    target.parent.mkdir(parents=True)
    target.write_text(original, encoding="utf-8")
    (path / "README.md").write_text("corpus\n", encoding="utf-8")
    git(path, "add", ".")
    git(path, "commit", "-qm", "national text")
    git(path, "checkout", "-qb", "amend")
    amended = amend(read_regulation(original), insert_after={5: INSERTED}, amend={12: AMENDED}, delete={20})
    target.write_text(write_regulation(amended), encoding="utf-8")
    git(path, "commit", "-qam", "amend the national text")
    return path


def run(repo: Path, *args: str):
    """The CLI; a review in English (--lang en), the wording these tests check
    (the Chinese default: tests/test_review_findings.py)."""
    lang = ["--lang", "en"] if args[:1] == ("review",) else []
    return CliRunner().invoke(main, [*args, *lang, "--repo", str(repo)], catch_exceptions=False)


def test_review_counts_one_added_amended_deleted_rest_renumbered(repo):
    result = run(repo, "review", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "fagui.review/1"
    [change] = data["changes"]
    assert change["path"] == PATH and change["status"] == "modified" and change["problem"] is None
    counts = change["comparison"]["summary"]["counts"]
    assert counts["added"] == 1 and counts["amended"] == 1 and counts["deleted"] == 1
    # 第一条-第五条, and 第二十一条 on: the insertion and the deletion cancel out.
    assert counts["unchanged"] == 5 + 11
    # 第六条-第十九条 moved up by one: only renumbered, or a reference update.
    assert counts["renumbered"] + counts["reference_update"] == 14 - 1
    assert counts["reference_update"] >= 2  # 第九条, 第十条 cite 本规定第八条 / 第九条
    assert not any(counts.get(r) for r in ("moved", "split", "merged"))


def test_review_markdown_for_a_pull_request(repo):
    result = run(repo, "review", "main..amend")
    assert result.exit_code == 0
    text = result.stdout
    assert "| `national/counterespionage-security-provisions` | modified | 1 | 1 | 1 |" in text
    assert "Renumbered only" in text and "第六条→第七条" in text
    assert "Reference updates only" in text
    assert "{+和隐患排查+}" in text  # the amendment, inline
    assert "[-第二十条-]" not in text and "[-" in text  # the deleted article's text is struck
    assert "<details>" not in text or "</details>" in text


def test_documented_example_is_what_review_prints(repo):
    """docs/reviewing.md shows docs/examples/review.md: it must be real output.
    FAGUI_UPDATE_DOCS=1 rewrites it."""
    text = run(repo, "review", "main..amend").stdout
    if os.environ.get("FAGUI_UPDATE_DOCS"):
        EXAMPLE.parent.mkdir(parents=True, exist_ok=True)
        EXAMPLE.write_text(text, encoding="utf-8")
    assert EXAMPLE.read_text(encoding="utf-8") == text


def test_default_range_is_merge_base_with_main(repo):
    git(repo, "checkout", "-q", "amend")
    assert run(repo, "review").stdout == run(repo, "review", "main..HEAD").stdout


def test_range_without_regulation_changes(repo):
    result = run(repo, "review", "main..main")
    assert result.exit_code == 0 and "No regulation changes" in result.stdout


def test_deleted_renamed_and_non_canonical_files(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "-b", "amend", str(repo), str(clone))
    git(clone, "config", "user.email", "t@example.org")
    git(clone, "config", "user.name", "Test")
    git(clone, "mv", PATH, "texts/national/renamed.md")
    bad = clone / "texts/national/bad.md"
    bad.write_text((clone / "texts/national/renamed.md").read_text(encoding="utf-8").replace("制定本规定。", "制定本规定,"), encoding="utf-8")
    git(clone, "add", ".")
    git(clone, "commit", "-qm", "rename and add a bad file")
    git(clone, "rm", "-q", "texts/national/renamed.md")
    git(clone, "commit", "-qm", "delete")
    data = json.loads(run(clone, "review", "HEAD~2..HEAD~1", "--format", "json").stdout)
    by_path = {c["path"]: c for c in data["changes"]}
    assert by_path["texts/national/renamed.md"]["status"] == "renamed"
    assert by_path["texts/national/renamed.md"]["old_path"] == PATH
    assert "half-width punctuation" in by_path["texts/national/bad.md"]["problem"]
    text = run(clone, "review", "HEAD~2..HEAD~1").stdout
    assert text.index("Errors: 1 file") < text.index("| regulation |")
    deleted = json.loads(run(clone, "review", "HEAD~1..HEAD", "--format", "json").stdout)["changes"]
    assert [c["status"] for c in deleted] == ["deleted"]
    counts = deleted[0]["comparison"]["summary"]["counts"]
    assert counts["deleted"] == 31


def test_unknown_revision_is_exit_2(repo):
    result = run(repo, "review", "nope..HEAD")
    assert result.exit_code == 2 and "no such revision: nope" in result.stderr


def test_git_diff_driver(repo, tmp_path):
    clone = tmp_path / "driver"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    first = CliRunner().invoke(main, ["install-git-driver", "--repo", str(clone)])
    assert first.exit_code == 0 and "diff.fagui.command" in first.stdout
    again = CliRunner().invoke(main, ["install-git-driver", "--repo", str(clone)])
    assert "nothing changed" in again.stdout
    assert (clone / ".gitattributes").read_text().count("diff=fagui") == 1
    env = {**os.environ, "NO_COLOR": "1", "GIT_PAGER": "cat"}
    out = subprocess.run(
        ["git", "diff", "origin/main", "origin/amend", "--", PATH], cwd=clone, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith(f"fagui diff a/{PATH} b/{PATH}")
    assert "和隐患排查" in out and "第二十条" in out
    # git log and git show run external diff drivers only when asked (--ext-diff).
    for command in (["log", "-p", "-1", "--ext-diff", "origin/amend"], ["show", "--ext-diff", "origin/amend"]):
        shown = subprocess.run(["git", *command], cwd=clone, env=env, capture_output=True, text=True, check=True).stdout
        assert f"fagui diff a/{PATH}" in shown and "和隐患排查" in shown


def test_workflow_and_pre_commit_hooks_call_existing_commands():
    workflow = yaml.safe_load((ROOT / ".github/workflows/fagui-review.yml").read_text(encoding="utf-8"))
    commands = [step.get("run", "") for step in workflow["jobs"]["review"]["steps"]]
    fagui_calls = [c.split()[1] for c in commands if c.startswith("fagui ")]
    assert fagui_calls == ["review", "check"]
    # The comment is the marker line plus the review: within GitHub's limit.
    review_run = next(c for c in commands if c.startswith("fagui review"))
    max_chars = int(re.search(r"--max-chars (\d+)", review_run).group(1))
    script = next(step["with"]["script"] for step in workflow["jobs"]["review"]["steps"] if "with" in step and "script" in step["with"])
    marker = re.search(r'const marker = "([^"]*)";', script).group(1)
    assert max_chars + len(marker + "\n") <= 65_536
    assert workflow[True]["pull_request"]["paths"] == ["texts/**"]  # YAML 1.1 reads `on` as True
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["entry"] == "fagui check"
    known = set(main.list_commands(click.Context(main)))
    assert set(fagui_calls) | {hooks[0]["entry"].split()[1]} <= known
