"""fagui add with several files or a folder: a regulation's history at once,
one commit per version, oldest first, nothing twice; through the real CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import run_on_terminal
from gitrepos import JILIN, V1, V2, V3, git, snapshot

from cli.main import main

pytestmark = pytest.mark.usefixtures("isolated_git")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(folder, files: dict[str, bytes]) -> list[str]:
    folder.mkdir(exist_ok=True)
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return [str(folder / name) for name in files]


def effective_dates(repo) -> list[str]:
    return re.findall(r"^effective: (\S+)$", git(repo, "log", "-p", "--format=", "--", f"texts/{JILIN}.md"), flags=re.M)


def test_several_files_commit_oldest_first_and_twice_adds_nothing(repo, tmp_path):
    # Named so that neither the names nor the order given are the dates' order.
    paths = write(tmp_path / "in", {"a.txt": V3, "b.txt": V1, "c.txt": V2})
    result = run("add", *paths, "--id", JILIN, "--repo", str(repo))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(": ")[1].split("：")[0] for line in lines] == [paths[1], paths[2], paths[0]]
    assert lines[0].endswith("：自2025-01-01起施行的版本（第一个版本，共42条）")
    subjects = git(repo, "log", "--format=%s", "-3").splitlines()
    assert len(subjects) == 3 and git(repo, "rev-list", "--count", "HEAD").strip() == "4"
    log = run("log", JILIN, "--repo", str(repo)).stdout.splitlines()
    assert [line.split("  ")[1] for line in log] == ["施行日期 2026-01-01", "施行日期 2025-07-01", "施行日期 2025-01-01"]
    before = snapshot(repo)
    again = run("add", str(tmp_path / "in"), "--id", JILIN, "--repo", str(repo), "--lang", "en")
    assert again.exit_code == 0
    assert again.stdout.splitlines() == [
        f"{JILIN}: {p}: skipped, already recorded ({c[:7]})"
        for p, c in zip((paths[1], paths[2], paths[0]), git(repo, "log", "--format=%H", "-3").split()[::-1])
    ]
    assert snapshot(repo) == before


def test_a_folder_adds_only_what_is_new(repo, tmp_path):
    assert run("add", write(tmp_path / "one", {"v1.txt": V1})[0], "--id", JILIN, "--repo", str(repo)).exit_code == 0
    folder = tmp_path / "all"
    write(folder, {"v1.txt": V1, "v2.txt": V2, "v3.txt": V3, ".hidden": b"not read"})
    result = run("add", str(folder), "--id", JILIN, "--repo", str(repo))
    assert result.exit_code == 0, result.output
    assert "v1.txt：已跳过，此文件已记录" in result.stdout.splitlines()[0]
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "4"


def test_the_file_name_dates_a_text_that_states_none(repo, tmp_path):
    undated = lambda raw: re.sub(r"自\d{4}年\d{1,2}月\d{1,2}日起施行", "自公布之日起施行", raw.decode("utf-8"))
    text1 = re.sub(r"^\d{4}年\d{1,2}月\d{1,2}日$", "", undated(V1), flags=re.M).encode("utf-8")
    text2 = re.sub(r"^\d{4}年\d{1,2}月\d{1,2}日$", "", undated(V2), flags=re.M).encode("utf-8")
    paths = write(tmp_path / "in", {"吉林省反间谍工作规定(2025-07-01).txt": text2, "吉林省反间谍工作规定(2024-11-08).txt": text1})
    result = run("add", *paths, "--id", JILIN, "--repo", str(repo))
    assert result.exit_code == 0, result.output
    assert [l.rsplit("：自", 1)[1][:10] for l in result.stdout.splitlines()] == ["2024-11-08", "2025-07-01"]


def test_bad_input_anywhere_commits_nothing(repo, tmp_path):
    paths = write(tmp_path / "in", {"v1.txt": V1, "news.txt": "今天天气很好。\n".encode("utf-8"), "v2.txt": V2})
    before = snapshot(repo)
    result = run("add", *paths, "--id", JILIN, "--repo", str(repo))
    assert result.exit_code == 2
    assert result.stderr == f"fagui: error: {paths[1]}: no articles found (no line starts with 第…条): not a regulation\n"
    assert snapshot(repo) == before
    for args, message in (
        (["--effective", "2025-01-01"], "--effective applies to one text"),
        (["--tag", "v1"], "--tag applies to one text"),
    ):
        result = run("add", paths[0], paths[2], "--id", JILIN, "--repo", str(repo), *args)
        assert result.exit_code == 2 and message in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("add", str(empty), "--id", JILIN, "--repo", str(repo))
    assert result.exit_code == 2 and result.stderr == f"fagui: error: {empty}: a folder with no file to add\n"
    assert snapshot(repo) == before


def test_a_progress_bar_on_a_terminal_and_none_when_piped(repo, tmp_path):
    folder = tmp_path / "in"
    write(folder, {"v1.txt": V1, "v2.txt": V2})
    env = dict(os.environ, PYTHONPATH=ROOT)
    command = [sys.executable, "-m", "cli", "add", str(folder), "--id", JILIN, "--repo", str(repo)]
    done, terminal = run_on_terminal(command, env=env, cwd=ROOT)
    assert done.returncode == 0
    assert b"adding" in terminal and b"2/2" in terminal
    assert b"adding" not in done.stdout
    piped = subprocess.run(
        [sys.executable, "-m", "cli", "add", str(folder), "--id", JILIN, "--repo", str(repo)],
        capture_output=True, env=env, cwd=ROOT,
    )
    assert piped.returncode == 0 and piped.stderr == b""
