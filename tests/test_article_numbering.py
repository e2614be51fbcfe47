"""Article labels: 之一 articles, digits in any width, invisible characters,
malformed numerals; and impossible dates. Through the engine and the real CLI."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from gitrepos import snapshot

from cli.main import main
from fagui.check import check_text
from fagui.errors import FaguiError
from fagui.ingest import ingest_bytes
from fagui.markdown import read_regulation, write_regulation
from fagui.text.labels import MalformedLabel, read_label
from fagui.text.numerals import parse_strict

pytestmark = pytest.mark.usefixtures("isolated_git")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    "line, kind, key, text",
    [
        ("第十条之一　国家", "条", (10, 1), "第十条之一"),
        ("第十条之二", "条", (10, 2), "第十条之二"),
        ("第10条 国家", "条", (10, 0), "第十条"),
        ("第１０条", "条", (10, 0), "第十条"),
        ("第一十条", "条", (10, 0), "第十条"),
        ("第十\u200b条 国家", "条", (10, 0), "第十条"),
        ("第二百零一条", "条", (201, 0), "第二百零一条"),
        ("第二章 总则", "章", (2, 0), "第二章"),
        ("第十条之规定", "条", (10, 0), "第十条"),  # 之 without a numeral is no suffix
    ],
)
def test_read_label(line, kind, key, text):
    label = read_label(line)
    assert (label.kind, label.key, label.text) == (kind, key, text)


@pytest.mark.parametrize("line", ["第十十条", "第二二章 总则", "第零条", "第一百一条 x"])
def test_malformed_labels(line):
    with pytest.raises(MalformedLabel):
        read_label(line)


def test_parse_strict_accepts_exactly_the_conventional_forms():
    assert [parse_strict(n) for n in ("十", "一十", "十一", "一百一十", "一百〇五", "12")] == [10, 10, 11, 110, 105, 12]
    for bad in ("十十", "二二", "百", "一百五", "二〇", "零", "0"):
        with pytest.raises(ValueError):
            parse_strict(bad)


SOURCE = (
    "某某条例\n"
    "第一章　总则\n"
    "第一条　为了规定，制定本条例。\n"
    "第２条　甲。\n"
    "第二条之一　乙。\n"
    "第二条之二　丙：\n"
    "（一）丁；\n"
    "第\u200b3条　戊。\n"
    "第4条　本条例自2025年2月28日起施行。\n"
)


def test_inserted_articles_are_articles_of_their_own_through_markdown():
    result = ingest_bytes(SOURCE.encode("utf-8"), "x.txt")
    articles = result.regulation.articles
    assert [a.label for a in articles] == ["第一条", "第二条", "第二条之一", "第二条之二", "第三条", "第四条"]
    assert [a.key for a in articles] == [(1, 0), (2, 0), (2, 1), (2, 2), (3, 0), (4, 0)]
    assert articles[2].paragraphs[0].text == "乙。"
    assert [i.marker for i in articles[3].paragraphs[0].items] == ["（一）"]
    assert "### 第二条之一\n\n乙。\n" in result.markdown
    back = read_regulation(result.markdown)
    assert back == result.regulation
    assert check_text(result.markdown) is None
    assert not [w for w in result.audit.warnings if "jumps" in w.message]
    assert result.regulation.article(2, 1) == articles[2] and result.regulation.article(2) == articles[1]


def test_label_changes_are_audited():
    result = ingest_bytes(SOURCE.encode("utf-8"), "x.txt")
    invisible = [s for s in result.audit.dropped if "invisible character U+200B" in s.reason]
    assert len(invisible) == 1 and invisible[0].text == "\u200b" and invisible[0].line == 8
    decoded = SOURCE
    assert decoded[invisible[0].start : invisible[0].end] == "\u200b"
    assert dict(result.audit.normalisations)["labels written canonically"] == 3  # 第２条, 第3条, 第4条


def test_an_inserted_article_out_of_place_is_warned():
    raw = "某某条例\n第一条　甲。\n第二条　乙。\n第一条之一　丙。\n".encode("utf-8")
    warnings = [w.message for w in ingest_bytes(raw, "x.txt").audit.warnings]
    assert "article numbering jumps from 2 to 1之1" in warnings


def test_duplicate_inserted_article_is_an_error():
    raw = "某某条例\n第一条　甲。\n第一条之一　乙。\n第一条之一　丙。\n".encode("utf-8")
    with pytest.raises(FaguiError, match=r"x.txt:4: duplicate article number 第一条之一"):
        ingest_bytes(raw, "x.txt")


def test_markdown_headings_in_other_digits_are_not_canonical():
    md = write_regulation(ingest_bytes(SOURCE.encode("utf-8"), "x.txt").regulation)
    departure = check_text(md.replace("### 第二条之一\n", "### 第2条之1\n"))
    assert departure is not None and "expected '### 第二条之一'" in departure.reason
    with pytest.raises(FaguiError, match=r"<markdown>:\d+: malformed number in 第二十十条"):
        read_regulation(md.replace("### 第四条\n", "### 第二十十条\n"))


@pytest.mark.parametrize(
    "source, line, message",
    [
        ("某某条例\n第一条　甲。\n第十十条　乙。\n", 3, "malformed number in 第十十条"),
        ("某某条例\n第一章 总则\n第一条　甲。\n第二二章 附则\n", 4, "malformed number in 第二二章"),
        ("某某条例\n第一条　甲。\n第二条　本条例自2025年2月30日起施行。\n", 3, "impossible date 2025年2月30日"),
        ("某某条例\n2023年13月1日\n第一条　甲。\n", 2, "impossible date 2023年13月1日"),
    ],
)
def test_bad_numbers_and_dates_are_errors_naming_the_line(tmp_path, source, line, message):
    raw, out = tmp_path / "raw.txt", tmp_path / "out.md"
    raw.write_text(source, encoding="utf-8")
    result = run("ingest", str(raw), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"fagui: error: {raw}:{line}: {message}\n"
    assert not out.exists()


def test_an_impossible_date_is_never_committed(repo, tmp_path):
    raw = tmp_path / "raw.txt"
    raw.write_text("某某条例\n第一条　甲。\n第二条　本条例自2025年2月30日起施行。\n", encoding="utf-8")
    before = snapshot(repo)
    result = run("add", str(raw), "--id", "national/x", "--repo", str(repo))
    assert result.exit_code == 2 and "raw.txt:3: impossible date 2025年2月30日" in result.stderr
    assert snapshot(repo) == before


def test_check_rejects_an_impossible_date_in_front_matter(tmp_path):
    md = ingest_bytes(SOURCE.encode("utf-8"), "x.txt").markdown
    assert "effective: 2025-02-28\n" in md
    path = tmp_path / "x.md"
    path.write_text(md.replace("effective: 2025-02-28", "effective: 2025-02-30"), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"fagui: error: {path}:5: effective '2025-02-30' is not a date (YYYY-MM-DD) that exists\n"
