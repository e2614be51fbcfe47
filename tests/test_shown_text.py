"""What a text holds cannot act where it is shown (issue 20, items 5 and 6):
in `review` and `diff --format markdown` no live @mention, issue reference
or autolink once GitHub renders it (checked with cmark-gfm, GitHub's own
renderer, plus GitHub's mention pattern, which runs on the rendered text),
and no raw control or bidirectional formatting character; `ingest` drops
them from the text, each listed in the audit. The real CLI on real files."""

from __future__ import annotations

import html
import re
import subprocess
import sys

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from conftest import TEXTS
from gitrepos import git, make_repo

pytestmark = pytest.mark.usefixtures("isolated_git")

NATIONAL_MD = (TEXTS / "national" / "counterespionage-security-provisions.md").read_text(encoding="utf-8")
LIVE = "请@octocat及@org/team核实，详见https://example.cn/a第三款，访问www.example.cn了解，或致信admin@example.cn说明，见#12"
RAW = "\x1b]0;pwned\x07终端\x1b[2J清屏\x08\x9b1m\u202e反向\u2066隔离\u2069"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MENTION = re.compile(r"(?:^|[^A-Za-z0-9_])@[A-Za-z0-9]")  # GitHub's MentionFilter, on the rendered text
REFERENCE = re.compile(r"(?:^|[^A-Za-z0-9_&])#\d")  # an issue reference, fagui's own "#1" pair numbers among them


def cli(*args, cwd=None):
    done = subprocess.run([sys.executable, "-m", "cli", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def hostile_text() -> str:
    text = NATIONAL_MD.replace("为了", "为了" + LIVE + RAW, 1)
    assert text != NATIONAL_MD
    return text


def assert_inert(markdown: str) -> None:
    """Nothing raw for a terminal; rendered as GitHub would, no link, no
    mention, no issue reference, and the words read as they were written."""
    assert not CONTROL.findall(markdown), CONTROL.findall(markdown)
    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    own = re.compile(r"</?(?:details|summary|p|blockquote|strong|em|ul|li|h\d|table|thead|tbody|tr|th|td|code|br|hr)\b[^>]*>")
    assert not re.findall(r"<(?!/?(?:details|summary|p|blockquote|strong|em|ul|li|h\d|table|thead|tbody|tr|th|td|code|br|hr)\b)[^>]*>", rendered)
    shown = html.unescape(own.sub("", rendered))
    assert not MENTION.search(shown) and not REFERENCE.search(shown), shown
    assert LIVE in shown.replace("\u200b", "")  # the same visible text
    assert "\\x1b]0;pwned\\x07终端\\x1b[2J清屏\\x08\\x9b1m\\u202e反向\\u2066隔离\\u2069" in shown


def test_diff_markdown_has_no_live_links_or_raw_controls(tmp_path):
    left, right = tmp_path / "a.md", tmp_path / "b.md"
    left.write_text(NATIONAL_MD, encoding="utf-8")
    right.write_text(hostile_text(), encoding="utf-8")
    assert_inert(cli("diff", left, right, "--format", "markdown"))


def test_review_has_no_live_links_or_raw_controls_even_in_file_names(tmp_path):
    repo = make_repo(tmp_path / "corpus")
    name = "texts/exe\u202etxt.md"
    (repo / name).write_text(NATIONAL_MD, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a text")
    (repo / name).write_text(hostile_text(), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "hostile words")
    out = cli("review", "HEAD~1..HEAD", "--repo", repo)
    assert "exe\\u202etxt" in out
    assert_inert(out)


@pytest.mark.parametrize("where", ["article", "title"])
def test_ingest_drops_control_characters_and_lists_each(tmp_path, where):
    source = (TEXTS / "jilin" / "counterespionage-work-provisions.source.txt").read_text(encoding="utf-8")
    anchor = "维护国家安全" if where == "article" else "吉林省反间谍工作规定"
    raw = tmp_path / "raw.txt"
    raw.write_text(source.replace(anchor, anchor[:2] + RAW + anchor[2:], 1), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cli", "ingest", raw], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not CONTROL.findall(done.stdout) and not CONTROL.findall(done.stderr)
    assert anchor[:2] + "]0;pwned终端[2J清屏1m反向隔离" + anchor[2:] in done.stdout
    dropped = [line for line in done.stderr.splitlines() if "control character" in line or "bidirectional" in line]
    assert len(dropped) == len(CONTROL.findall(RAW)) == 8, dropped
    assert "control character U+001B" in done.stderr and "bidirectional formatting character U+202E" in done.stderr
