"""The git diff driver never stops git: on every odd file under texts/, with a
reader that closes the pipe, across renames, and without the virtual
environment on PATH. Real git, the installed driver."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, TEXTS
from gitrepos import git, make_repo

from cli.main import main

pytestmark = pytest.mark.usefixtures("isolated_git")

NATIONAL_MD = (TEXTS / "national" / "counterespionage-security-provisions.md").read_text(encoding="utf-8")
BARE_PATH = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "GIT_PAGER": "cat"}
ODD_FILES = {
    "texts/binary.md": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    "texts/gbk.md": "第一条 这是GBK编码的文本。\n".encode("gb18030"),
    "texts/empty.md": b"",
    "texts/README.md": "# About these texts\n\nNot a regulation.\n".encode("utf-8"),
    "texts/national/half.md": NATIONAL_MD.replace("---\n", "", 1).encode("utf-8"),  # front matter half deleted
}


@pytest.fixture
def repo(tmp_path):
    """One commit per odd file, then a regulation, an edit of it and its
    rename: ten commits in all."""
    repo = make_repo(tmp_path / "corpus")
    result = CliRunner().invoke(main, ["install-git-driver", "--repo", str(repo)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "driver")
    for path, data in ODD_FILES.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_bytes(data)
        git(repo, "add", path)
        git(repo, "commit", "-q", "-m", f"add {path}")
    (repo / "texts/national/x.md").write_text(NATIONAL_MD, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a regulation")
    (repo / "texts/national/x.md").write_text(NATIONAL_MD.replace("制定本规定。", "特制定本规定。", 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "amend it")
    git(repo, "mv", "texts/national/x.md", "texts/national/y.md")
    git(repo, "commit", "-q", "-m", "rename it")
    assert len(git(repo, "rev-list", "HEAD").split()) == 10
    return repo


def git_env(repo, *args, **kwargs):
    return subprocess.run(["git", *args], cwd=repo, env={**os.environ, **BARE_PATH}, capture_output=True, **kwargs)


def test_configured_by_absolute_path(repo):
    command = git(repo, "config", "diff.fagui.command").strip()
    program = command.split()[0]
    assert os.path.isabs(program) and os.access(program, os.X_OK), command
    assert command.endswith("git-diff")


def test_log_shows_every_commit_whatever_the_files(repo):
    done = git_env(repo, "log", "-p", "--ext-diff", "-M", text=True)
    assert done.returncode == 0 and "external diff died" not in done.stderr, done.stderr
    out = done.stdout
    assert out.count("\ncommit ") + out.startswith("commit ") == 10
    assert "Binary files a/texts/binary.md and b/texts/binary.md differ" in out
    assert "+第一条 这是GBK编码的文本。" in out  # read as GB18030, shown as a plain diff
    assert "a plain diff instead" in out and "+# About these texts" in out
    assert "fagui diff a/texts/national/x.md b/texts/national/x.md" in out and "{+特+}" in out
    assert "fagui diff a/texts/national/x.md b/texts/national/y.md (renamed from texts/national/x.md)" in out


def test_a_closed_pipe_does_not_make_git_report_a_dead_driver(repo):
    for command in (["diff", "HEAD~9", "HEAD"],):
        proc = subprocess.Popen(["git", *command], cwd=repo, env={**os.environ, **BARE_PATH}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.read(200)
        proc.stdout.close()
        proc.wait(timeout=120)
        stderr = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
        assert "external diff died" not in stderr and "Traceback" not in stderr, stderr


def test_a_work_tree_edit_half_done_gets_a_plain_diff(repo):
    (repo / "texts/national/y.md").write_text("---\ntitle: [unclosed\n", encoding="utf-8")
    done = git_env(repo, "diff", text=True)
    assert done.returncode == 0 and "a plain diff instead" in done.stdout and "+title: [unclosed" in done.stdout


def small_repo(tmp_path, python: str = sys.executable):
    """A corpus with one regulation committed and edited in the work tree,
    the driver installed by ``python``."""
    repo = make_repo(tmp_path / "small")
    done = subprocess.run([python, "-m", "cli", "install-git-driver", "--repo", str(repo)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (repo / "texts/national").mkdir()
    (repo / "texts/national/x.md").write_text(NATIONAL_MD, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a regulation")
    (repo / "texts/national/x.md").write_text(NATIONAL_MD.replace("制定本规定。", "特制定本规定。", 1), encoding="utf-8")
    return repo


def test_a_text_over_32_mb_gets_a_plain_diff_and_one_line(tmp_path):
    repo = small_repo(tmp_path)
    big = NATIONAL_MD.encode("utf-8") + (b"x" * 99 + b"\n") * (33 * 1024 * 1024 // 100)
    (repo / "texts/national/x.md").write_bytes(big)
    done = git_env(repo, "diff")
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0 and "external diff died" not in stderr, stderr
    assert stderr.count("\n") == 1 and "32 MB" in stderr and "texts/national/x.md" in stderr, stderr
    assert done.stdout.startswith(b"--- a/texts/national/x.md\n+++ b/texts/national/x.md\n")
    assert done.stdout.count(b"\n+" + b"x" * 99) == 33 * 1024 * 1024 // 100


def test_a_deleted_environment_falls_back_to_a_plain_diff(tmp_path):
    """The driver installed from a virtual environment that is then deleted:
    every git diff still works, with one line on stderr saying why."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    [site] = (venv / "lib").glob("python*/site-packages")
    # The test's own packages and this checkout (an editable install finds it
    # through a .pth of its own venv, which a .pth line does not run).
    paths = [p for p in sys.path if p.endswith("site-packages")] + [str(ROOT)]
    (site / "fagui-test.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")
    repo = small_repo(tmp_path, str(venv / "bin" / "python"))
    working = git_env(repo, "diff")
    assert working.returncode == 0 and b"fagui diff a/texts/national/x.md" in working.stdout, working.stderr
    shutil.rmtree(venv)
    done = git_env(repo, "diff")
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0 and "external diff died" not in stderr, stderr
    assert stderr.count("\n") == 1 and "cannot run" in stderr and "install-git-driver" in stderr, stderr
    assert b"--- a/texts/national/x.md\n+++ b/texts/national/x.md\n" in done.stdout
    assert "+特制定本规定。".encode("utf-8") in done.stdout or "特制定本规定".encode("utf-8") in done.stdout
