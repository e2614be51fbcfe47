"""Hostile names and texts: nothing a file name, an id or a text holds can
format a pull-request comment or drive a terminal, and every bad input is one
line on stderr with exit code 2. The real CLI on real repositories."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import TEXTS, source_path
from markdown_it import MarkdownIt
from gitrepos import JILIN, V1, git, make_repo

from cli.main import main

pytestmark = pytest.mark.usefixtures("isolated_git")

NATIONAL_MD = (TEXTS / "national" / "counterespionage-security-provisions.md").read_text(encoding="utf-8")
OSC = "\x1b]0;pwned\x07"
HOSTILE = [
    "texts/x` <img src=x onerror=alert(1)> **LGTM, approved** `.md",
    "texts/y\n\n## All checks passed\n\n.md",
    "texts/z | <details open><b>bold<b> | 9 |.md",
]


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("fagui: error: ") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def tokens(markdown: str):
    """Every token GitHub-flavoured parsing makes, inline ones included."""
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    out = []
    for token in md.parse(markdown):
        out.append(token)
        out.extend(token.children or [])
    return out


@pytest.fixture
def hostile_repo(tmp_path):
    repo = make_repo(tmp_path / "corpus")
    for name in HOSTILE:
        (repo / name).write_text(NATIONAL_MD, encoding="utf-8")
    broken = "texts/w` **bad** `.md"
    (repo / broken).write_text(NATIONAL_MD + "trailing \n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hostile names")
    git(repo, "mv", HOSTILE[0], "texts/renamed` <b>x<b>.md")
    git(repo, "commit", "-q", "-m", "rename")
    return repo


def test_review_shows_hostile_paths_literally(hostile_repo):
    for spec in ("HEAD~2..HEAD~1", "HEAD~1..HEAD"):
        result = run("review", spec, "--repo", hostile_repo, "--lang", "en")
        assert result.exit_code == 0, result.output
        found = tokens(result.stdout)
        own = re.compile(r"<details><summary>\d+ changed articles</summary>\n|</details>\n")  # fagui's folding
        live = [t for t in found if t.type in ("image", "html_inline", "html_block", "link_open") and not own.fullmatch(t.content)]
        assert not live, live
        strong = [found[i + 1].content for i, t in enumerate(found) if t.type in ("strong_open", "em_open")]
        assert not [text for text in strong if "LGTM" in text or text == "bad"], strong
        headings = [found[i + 1].content for i, t in enumerate(found) if t.type == "heading_open"]
        assert not any(h.startswith("All checks passed") for h in headings), headings
        code = " ".join(t.content for t in found if t.type == "code_inline")
        if spec == "HEAD~2..HEAD~1":
            assert "<img src=x onerror=alert(1)> **LGTM, approved**" in code
            assert "y\\x0a\\x0a## All checks passed\\x0a\\x0a" in code
            assert "<details open><b>bold<b>" in code
            assert "texts/w` **bad** `.md" in code
        else:
            assert "renamed` <b>x<b>" in code and "**LGTM, approved**" in code
    # The table keeps its columns: a | in a name does not start a cell.
    rows = [line for line in run("review", "HEAD~2..HEAD~1", "--repo", hostile_repo).stdout.splitlines() if line.startswith("| ")]
    header = rows[0].count(" | ")
    cells = [t for t in tokens("\n".join(rows[:1] + ["|" + "---|" * (header + 1)] + rows[1:])) if t.type == "td_open"]
    assert len(cells) == (header + 1) * (len(rows) - 1)


def test_review_names_gbk_and_binary_files_instead_of_guessing(tmp_path):
    repo = make_repo(tmp_path / "corpus")
    (repo / "texts" / "gbk.md").write_bytes(("第一行\n" * 76 + NATIONAL_MD).encode("gb18030"))
    (repo / "texts" / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "odd files")
    result = run("review", "HEAD~1..HEAD", "--repo", repo)
    assert result.exit_code == 0
    assert "texts/gbk.md:1: not UTF-8" in result.stdout
    assert "texts/binary.md:3: a binary file" in result.stdout and "trailing whitespace" not in result.stdout
    assert "\ufffd" not in result.stdout


def test_review_of_a_missing_reflog_entry_is_an_error(tmp_path):
    repo = make_repo(tmp_path / "corpus")
    one_line_error(run("review", "HEAD@{99}..HEAD", "--repo", repo), "no such revision: HEAD@{99}")


@pytest.fixture
def escaping(tmp_path):
    """A corpus whose text carries an OSC sequence (it retitles a terminal)."""
    repo = make_repo(tmp_path / "corpus")
    md = NATIONAL_MD.replace("为了", "为了" + OSC, 1)
    assert md != NATIONAL_MD
    (repo / "texts" / "national").mkdir()
    (repo / "texts" / "national" / "x.md").write_text(md, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a text with an escape")
    return repo


def test_show_history_and_log_make_control_characters_visible(escaping):
    for args in (["show", "national/x"], ["show", escaping / "texts" / "national" / "x.md", "--article", "1"], ["history", "national/x", "--article", "1"]):
        result = run(*args, "--repo", escaping) if args[1] == "national/x" else run(*args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "为了\\x1b]0;pwned\\x07" in result.stdout


def test_ingest_audit_makes_control_characters_visible(tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text(source_path(JILIN).read_text(encoding="utf-8").replace("CLI.11", "CLI" + OSC + ".11", 1), encoding="utf-8")
    result = run("ingest", raw, "-o", tmp_path / "out.md")
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "CLI\\x1b]0;pwned\\x07.11" in result.stderr


def test_an_error_naming_a_hostile_file_stays_one_line(tmp_path):
    name = tmp_path / f"a\nb{OSC}.md"
    name.write_bytes(b"\xff\xfe not utf-8")
    result = run("show", name)
    # Not canonical Markdown, so it is read as a raw source: no articles in it.
    one_line_error(result, "not a regulation", "a\\x0ab\\x1b]0;pwned\\x07.md: ")
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("bad", ["-x", "--help", "-", "a/-b", "a" * 101, "/".join(["abc"] * 60)])
def test_ids_that_read_as_options_or_are_too_long_are_refused(tmp_path, bad):
    repo = make_repo(tmp_path / "corpus")
    raw = tmp_path / "v1.txt"
    raw.write_bytes(V1)
    one_line_error(run("add", raw, f"--id={bad}", "--repo", repo), "bad id")
    assert git(repo, "status", "--porcelain") == ""


def test_init_dot_keeps_the_folder_its_mode_and_setgid(tmp_path, monkeypatch):
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.org")
    here = tmp_path / "here"
    here.mkdir()
    os.chmod(here, 0o2770)
    inode = os.stat(here).st_ino
    monkeypatch.chdir(here)
    result = run("init", ".")
    assert result.exit_code == 0, result.output
    assert os.stat(here).st_ino == inode and stat.S_IMODE(os.stat(here).st_mode) == 0o2770
    assert sorted(os.listdir(here)) == [".git", ".gitattributes", "README.md", "texts"]
    assert git(here, "status", "--porcelain") == ""
    old = os.umask(0o002)
    try:
        assert run("init", tmp_path / "new").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new").st_mode) == 0o775
    assert stat.S_IMODE(os.stat(tmp_path / "new" / "README.md").st_mode) == 0o664
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    one_line_error(run("init", tmp_path / "afile" / "corpus"), "cannot make a corpus here")
    one_line_error(run("init", here), "not an empty folder")


def test_check_with_no_arguments_inside_texts_checks_the_corpus(tmp_path, monkeypatch):
    repo = make_repo(tmp_path / "corpus")
    (repo / "texts" / "national").mkdir()
    (repo / "texts" / "national" / "bad.md").write_text(NATIONAL_MD + "trailing \n", encoding="utf-8")
    monkeypatch.chdir(repo / "texts" / "national")
    result = run("check")
    assert result.exit_code == 1 and result.stderr.startswith("bad.md:")
    monkeypatch.chdir(tmp_path)
    one_line_error(run("check"), "no texts/ folder")


def test_audit_json_is_not_left_behind_when_the_output_fails(tmp_path):
    raw = source_path(JILIN)
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    result = run("ingest", raw, "-q", "-o", tmp_path / "afile" / "out.md", "--audit-json", tmp_path / "audit.json")
    one_line_error(result, "a folder on the way is a file")
    assert not (tmp_path / "audit.json").exists()


def test_endless_input_is_refused_not_read_to_the_end():
    done = subprocess.run([sys.executable, "-m", "cli", "ingest", "/dev/zero"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert done.stderr.startswith("fagui: error: /dev/zero: larger than")


def test_review_of_a_submodule_or_link_named_like_a_text(tmp_path):
    inner = make_repo(tmp_path / "inner")
    repo = make_repo(tmp_path / "corpus")
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(inner), "texts/sub.md")
    os.symlink("/etc/passwd", repo / "texts" / "link.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a submodule and a link")
    result = run("review", "HEAD~1..HEAD", "--repo", repo)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("a submodule or a symbolic link, not a regulation file") == 2
    assert "root:" not in result.stdout
