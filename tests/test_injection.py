"""Text injected through metadata (--source, a header's title, any front-matter
value) never makes a broken canonical text: it is escaped where it is
written, or refused at the boundary with one line naming the file. And one
bad text in a corpus never takes `fagui report` down. Real repositories, the
real CLI, a hypothesis property over every front-matter field."""

from __future__ import annotations

import dataclasses
import functools
import json
import subprocess

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st
from gitrepos import JILIN, V1, git, make_repo, snapshot

from cli.main import main
from fagui.errors import FaguiError
from fagui.ingest import ingest_bytes
from fagui.markdown import read_regulation, write_regulation
from fagui.model import Metadata

pytestmark = pytest.mark.usefixtures("isolated_git")

INJECTION = "x\n---\n\n## 第九十九条\n\n注入的条文。"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("fagui: error: ") and result.stderr.count("\n") == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@functools.cache
def sample_regulation():
    return ingest_bytes(V1, "v1.txt").regulation


TEXT_FIELDS = ("jurisdiction", "kind", "status", "issuer", "document_number", "signatory", "source")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEXT_FIELDS), st.text(min_size=1, max_size=40))
def test_any_front_matter_value_is_read_back_as_written(field, value):
    """Whatever a value holds (line breaks, ---, #, quotes, C0 and C1
    controls, U+2028), the text written reads back to the same metadata
    and the same articles: it cannot end the front matter or add an article."""
    regulation = sample_regulation()
    changed = dataclasses.replace(regulation, metadata=dataclasses.replace(regulation.metadata, **{field: value}))
    text = write_regulation(changed)
    again = read_regulation(text, "x.md")
    assert getattr(again.metadata, field) == value
    assert again.body == changed.body and again.metadata == changed.metadata


@settings(max_examples=30, deadline=None)
@given(st.builds(lambda a, br, b: a + br + b, st.text(max_size=10), st.sampled_from(["\n", "\r", "\r\n"]), st.text(max_size=10)))
def test_a_title_with_a_line_break_is_refused(title):
    regulation = sample_regulation()
    changed = dataclasses.replace(regulation, metadata=dataclasses.replace(regulation.metadata, title="吉林" + title))
    try:
        write_regulation(changed)
    except FaguiError as exc:
        assert "title holds a line break" in exc.message
    else:
        raise AssertionError("a title with a line break was written")


def test_source_with_a_newline_is_refused_naming_the_option(tmp_path):
    repo = make_repo(tmp_path / "corpus")
    raw = tmp_path / "v1.txt"
    raw.write_bytes(V1)
    before = snapshot(repo)
    result = run("add", raw, "--id", JILIN, "--source", "https://x\n---\nfoo", "--repo", repo)
    one_line_error(result, "--source holds a line break")
    assert snapshot(repo) == before


FLK = """---
title: "专利代理条例{title}"
office: "国务院"
publish: "2018-11-06 00:00:00"
url: "https://flk.npc.gov.cn/detail2.html?{url}"
---

# 专利代理条例

第一条　为了规范专利代理行为，制定本条例。

第二条　本条例自2019年3月1日起施行。
"""


def test_a_mirror_header_with_a_newline_in_its_title_is_refused_at_its_line(tmp_path):
    repo = make_repo(tmp_path / "corpus")
    raw = tmp_path / "p.md"
    raw.write_text(FLK.format(title="\\n## 第九十九条　注入", url="x"), encoding="utf-8")
    before = snapshot(repo)
    result = run("add", raw, "--id", "national/patent-agency", "--repo", repo)
    one_line_error(result, f"{raw}:2:", "title holds a line break")
    assert snapshot(repo) == before


def test_a_newline_in_another_header_field_is_refused_at_its_line(tmp_path):
    repo = make_repo(tmp_path / "corpus")
    raw = tmp_path / "p.md"
    raw.write_text(FLK.format(title="", url="x\\n---\\n## 第九十九条"), encoding="utf-8")
    result = run("add", raw, "--id", "national/patent-agency", "--repo", repo)
    one_line_error(result, f"{raw}:5:", "url holds a line break")


def test_one_bad_text_does_not_take_the_report_down(tmp_path):
    """A text broken by hand (or by an older fagui) is listed on the index as
    unreadable, with its file and reason; the rest of the report is built;
    show and check say what is wrong in one line."""
    repo = make_repo(tmp_path / "corpus")
    raw = tmp_path / "v1.txt"
    raw.write_bytes(V1)
    assert run("add", raw, "--id", JILIN, "--repo", repo).exit_code == 0
    assert run("add", raw, "--id", "jilin/copy", "--repo", repo).exit_code == 0
    bad = repo / "texts/jilin/copy.md"
    text = bad.read_text(encoding="utf-8")
    bad.write_text(text.replace("\nsource: ", "\nsource: https://x\n---\n\n## 第九十九条\n\nsource: ", 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken by hand")
    out = tmp_path / "site"
    result = run("report", "--repo", repo, "-o", out)
    assert result.exit_code == 0, result.output
    assert "texts/jilin/copy.md" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "texts/jilin/copy.md" in index and "无法读取" in index
    listed = json.loads((out / "index.json").read_text(encoding="utf-8"))["unreadable"]
    assert [u["path"] for u in listed] == ["texts/jilin/copy.md"] and listed[0]["reason"]
    for command in (("show", "jilin/copy", "--repo", repo), ("check", bad)):
        one_line_error(run(*command), "texts/jilin/copy.md")
    assert subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout == ""
