"""CLI conventions: colour (no-color.org, force-color.org and --color), article
numbers as a reader writes them, which version show shows, plurals, and
install-git-driver saying what it changed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import markdown_path
from public import layout_file

from cli.main import main
from cli.terminal import use_color
from fagui.messages import Lang
from fagui.store.changes import Changes

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = "national/counterespionage-security-provisions"
JILIN = "jilin/counterespionage-work-provisions"
ANSI = "\x1b["


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


class Terminal:
    def isatty(self) -> bool:
        return True


class Pipe:
    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize(
    "choice, env, stream, expected",
    [
        ("auto", {}, Terminal(), True),
        ("auto", {}, Pipe(), False),
        ("auto", {"NO_COLOR": ""}, Terminal(), True),  # only a non-empty NO_COLOR turns colour off
        ("auto", {"NO_COLOR": "1"}, Terminal(), False),
        ("auto", {"FORCE_COLOR": "1"}, Pipe(), True),
        ("auto", {"FORCE_COLOR": ""}, Pipe(), False),
        ("always", {"NO_COLOR": "1"}, Pipe(), True),
        ("never", {"FORCE_COLOR": "1"}, Terminal(), False),
    ],
)
def test_use_color(monkeypatch, choice, env, stream, expected):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert use_color(choice, stream) is expected


def test_diff_colour_can_be_forced_and_refused():
    left, right = str(markdown_path(NATIONAL)), str(markdown_path(JILIN))
    assert ANSI in run("diff", left, right, "--color", "always").stdout
    assert ANSI not in run("diff", left, right).stdout  # not a terminal
    assert ANSI in run("diff", left, right, env={"FORCE_COLOR": "1", "NO_COLOR": None}).stdout
    assert ANSI not in run("diff", left, right, "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert ANSI not in run("diff", left, right, "--color", "always", "--format", "markdown").stdout


@pytest.mark.parametrize("written", ["3", "三", "第三条", " 第三条 "])
def test_show_takes_an_article_number_as_written_and_says_the_version(monkeypatch, written):
    monkeypatch.chdir(ROOT)
    result = run("show", f"{JILIN}@2025-06-01", "--article", written)
    assert result.exit_code == 0, result.output
    commit = subprocess.run(["git", "log", "-1", "--format=%h", "--", f"texts/{JILIN}.md"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    first, rest = result.stdout.split("\n", 1)
    assert first.startswith(f"{JILIN}@2025-06-01：版本 ") and first.endswith("，施行日期 2025-01-01")
    assert first.split()[1].split("，")[0].startswith(commit[:7])
    english = run("show", f"{JILIN}@2025-06-01", "--article", written, "--lang", "en").stdout.split("\n", 1)[0]
    assert english.startswith(f"{JILIN}@2025-06-01: version ") and english.endswith(", effective 2025-01-01")
    assert "\n第三条\n" in rest


def test_show_of_a_file_names_no_version():
    result = run("show", str(markdown_path(NATIONAL)), "--article", "三")
    assert result.exit_code == 0 and result.stdout.startswith("反间谍安全防范工作规定 / ")


@pytest.mark.parametrize("bad", ["三三", "第条", "x", "0"])
def test_a_malformed_article_number_is_a_usage_error(bad):
    result = run("show", str(markdown_path(NATIONAL)), "--article", bad)
    assert result.exit_code == 2 and "not an article number" in result.output


def test_history_takes_a_chinese_article_number(monkeypatch):
    monkeypatch.chdir(ROOT)
    by_digit, by_numeral = run("history", NATIONAL, "--article", "5"), run("history", NATIONAL, "--article", "第五条")
    assert by_digit.exit_code == 0 and by_digit.stdout == by_numeral.stdout and "第五条" in by_digit.stdout


def test_history_article_help_does_not_promise_a_default():
    text = run("history", "--help").stdout
    options = text[text.index("Options:"):]
    article = options[options.index("--article"): options.index("--format")]
    assert "[required]" in article and "default" not in article


def test_counts_use_plurals_for_nouns():
    two = Changes((("amended", ("第一条", "第二条")), ("reference_update", ("第三条", "第四条"))))
    assert two.describe(Lang.EN) == "2 amended, 2 reference updates"
    assert two.describe() == "修改2条，引用条号更新2条"
    assert Changes((("reference_update", ("第三条",)),)).describe(Lang.EN) == "1 reference update"
    assert Changes(()).describe(Lang.EN) == "no article changed" and Changes(()).describe() == "条文没有变化"


def test_install_git_driver_says_it_modified_gitattributes(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    result = run("install-git-driver", "--repo", str(tmp_path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("modified .gitattributes") and "not committed" in line for line in lines), lines
    status = subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path, capture_output=True, text=True).stdout
    assert status == "?? .gitattributes\n"  # left for the user to commit, not staged
    again = run("install-git-driver", "--repo", str(tmp_path))
    assert again.stdout == "already installed: nothing changed\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["show", "x", "--article", "第五条之"], "Invalid value for '--article': not an article number: '第五条之'"),
        (["ingest", "."], "Invalid value for 'RAW'"),
        (["history", JILIN], "Missing option '--article'"),
        (["diff", "--format", "bad", "a", "b"], "Invalid value for '--format'"),
        (["nosuch"], "No such command 'nosuch'"),
    ],
)
def test_a_mistake_on_the_command_line_is_one_line_and_exit_2(args, message):
    result = subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("fagui: error: ") and message in result.stderr
    assert "--help')" in result.stderr and "Traceback" not in result.stderr


def test_diff_and_show_read_an_flk_mirror_as_the_raw_source_it_is():
    """Its YAML front matter opens with the record's id, not a title: ingested, not read as canonical."""
    mirror = str(layout_file("flk", "专利代理条例.md"))
    shown = run("show", mirror, "--article", "1")
    assert shown.exit_code == 0 and shown.stdout.startswith("专利代理条例")
    diffed = run("diff", mirror, mirror, "--format", "json")
    assert diffed.exit_code == 0 and '"relation": "unchanged"' in diffed.stdout


def test_show_of_a_missing_article_writes_nothing_to_standard_output(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("show", JILIN, "--article", "99")
    assert result.exit_code == 2 and result.stdout == "" and "has no article 第九十九条" in result.stderr


def test_a_folder_where_a_file_or_id_is_expected_says_so(tmp_path):
    result = run("show", str(tmp_path))
    assert result.exit_code == 2 and "is a folder: name a file, or a regulation by its id" in result.stderr
