"""fagui diff: formats, -o, modes, and one-line errors with exit code 2."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import markdown_path

from cli.main import main

NATIONAL = str(markdown_path("national/counterespionage-security-provisions"))
ZHEJIANG = str(markdown_path("zhejiang/counterespionage-security-measures"))


def run(*args):
    return CliRunner().invoke(main, ["diff", *args])


def test_json_is_the_versioned_comparison():
    result = run(NATIONAL, ZHEJIANG, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "fagui.comparison/3"
    assert data["mode"] == "jurisdictions"
    assert data["left"]["title"] == "反间谍安全防范工作规定"
    assert data["right"]["title"] == "浙江省反间谍安全防范办法"


def test_text_names_both_sides_and_changes():
    result = run(NATIONAL, ZHEJIANG)
    assert result.exit_code == 0, result.output
    assert "反间谍安全防范工作规定" in result.output and "浙江省反间谍安全防范办法" in result.output
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_mode_option_and_identical_texts():
    result = run(NATIONAL, NATIONAL, "--mode", "jurisdictions", "--format", "json")
    data = json.loads(result.output)
    assert {pair["relation"] for pair in data["pairs"]} == {"identical"}


def test_output_file_is_written(tmp_path):
    out = tmp_path / "deep" / "diff.json"
    result = run(NATIONAL, ZHEJIANG, "--format", "json", "-o", str(out))
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(out.read_text("utf-8"))["mode"] == "jurisdictions"
    assert [p.name for p in out.parent.iterdir()] == ["diff.json"]  # no temporary file left


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    not_markdown = tmp_path / "plain.md"
    not_markdown.write_text("第一条 这不是规范格式。\n", encoding="utf-8")
    for args in ([NATIONAL, str(tmp_path / "missing.md")], [str(not_markdown), NATIONAL]):
        result = run(*args)
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("fagui: error: ")


HEILONGJIANG = str(markdown_path("heilongjiang/counterespionage-security-regulations"))


def summary(result) -> dict:
    return json.loads(result.stdout)["summary"]


def test_national_goes_on_the_left_whichever_order_it_is_given_in():
    """The issue's case: heilongjiang first used to count national-only articles
    as provincial-only and report the wrong adoption."""
    right_way = run(NATIONAL, HEILONGJIANG, "--format", "json")
    wrong_way = run(HEILONGJIANG, NATIONAL, "--format", "json")
    assert right_way.stderr == ""
    assert wrong_way.exit_code == 0
    assert wrong_way.stderr.startswith("fagui: note: swapped: the national text (反间谍安全防范工作规定) goes on the left")
    assert wrong_way.stdout == right_way.stdout
    kept = run(HEILONGJIANG, NATIONAL, "--format", "json", "--keep-order")
    assert "--keep-order" in kept.stderr
    data = json.loads(kept.stdout)
    assert data["left"]["title"] == "黑龙江省反间谍安全防范条例" and summary(kept) != summary(right_way)


def test_a_missing_level_is_warned_about_and_compared_as_given(tmp_path):
    no_level = tmp_path / "no-level.md"
    no_level.write_text(open(HEILONGJIANG, encoding="utf-8").read().replace("level: provincial\n", ""), encoding="utf-8")
    result = run(str(no_level), NATIONAL, "--format", "json")
    assert result.exit_code == 0
    assert "no level (national/provincial) in the front matter of the left text (黑龙江省反间谍安全防范条例)" in result.stderr
    assert json.loads(result.stdout)["left"]["title"] == "黑龙江省反间谍安全防范条例"


def test_versions_are_never_swapped():
    result = run(HEILONGJIANG, HEILONGJIANG, "--mode", "versions", "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""


def test_markdown_of_two_versions_folds_renumbered_articles_to_one_line(tmp_path):
    """As review does: an inserted article renumbers the rest; they are one
    line, not a listing of every renumbered article before the amendment."""
    from amend import amend

    from fagui.markdown import read_regulation, write_regulation

    original = read_regulation(open(NATIONAL, encoding="utf-8").read())
    amended = amend(original, insert_after={5: "国家安全机关应当建立反间谍安全防范工作联络员制度。"}, amend={12: "国家安全机关定期分析反间谍安全防范形势，通报有关单位。"})
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(write_regulation(original), encoding="utf-8")
    new.write_text(write_regulation(amended), encoding="utf-8")
    text = run(str(old), str(new), "--format", "markdown").stdout
    line = next(line for line in text.splitlines() if line.startswith("- 仅调整条序（"))
    assert "第六条→第七条" in line
    assert "**第六条 → 第七条**" not in text  # not also listed in full
    assert "**第十二条 → 第十三条** · 修改" in text
    assert text.index("- 仅调整条序") < text.index("**第十二条 → 第十三条**")
    english = run(str(old), str(new), "--format", "markdown", "--lang", "en").stdout
    line = next(line for line in english.splitlines() if line.startswith("- Renumbered only ("))
    assert "第六条→第七条" in line and "**第十二条 → 第十三条** · amended" in english


def test_a_raw_source_is_read_as_fagui_ingest_reads_it():
    """The raw source a corpus text was ingested from compares exactly as
    the canonical text does (the corpus keeps it beside the Markdown)."""
    source = NATIONAL.replace(".md", ".source.txt")
    raw = json.loads(run(source, ZHEJIANG, "--format", "json").output)
    canonical = json.loads(run(NATIONAL, ZHEJIANG, "--format", "json").output)
    assert raw["pairs"] == canonical["pairs"] and raw["links"] == canonical["links"]
    assert raw["left"]["title"] == "反间谍安全防范工作规定"
