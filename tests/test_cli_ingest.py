"""fagui ingest / check / show through the real CLI, good input and bad."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import markdown_path, source_path

from cli.main import main

NATIONAL = "national/counterespionage-security-provisions"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_ingest_writes_markdown_and_audit(tmp_path):
    out, audit = tmp_path / "n.md", tmp_path / "audit.json"
    result = run("ingest", str(source_path(NATIONAL)), "--source", "003_c6228dbca522916f.txt", "-o", str(out), "--audit-json", str(audit))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == markdown_path(NATIONAL).read_text(encoding="utf-8")
    data = json.loads(audit.read_text(encoding="utf-8"))
    assert data["schema"] == "fagui.audit/1" and data["counts"]["articles"] == 31
    assert "matter after the last article" in result.stderr
    assert "parsed: 31 articles, 6 chapters" in result.stderr


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["gb18030", "gbk", "utf-8-bom", "utf-16-le", "utf-16-be", "crlf", "cr"],
)
def test_every_encoding_gives_the_same_markdown(tmp_path, encode):
    text = source_path("zhejiang/counterespionage-security-measures").read_bytes().decode("utf-8")
    raw = tmp_path / "raw.txt"
    raw.write_bytes(encode(text))
    result = run("ingest", str(raw), "--source", "001_cfdd85c05b0a4b1c.txt", "-q")
    assert result.exit_code == 0, result.output
    # The SHA-256 is of the raw bytes, so it differs; everything else is identical.
    expected = markdown_path("zhejiang/counterespionage-security-measures").read_text(encoding="utf-8")
    strip = lambda md: "\n".join(l for l in md.split("\n") if not l.startswith("source_sha256"))
    assert strip(result.stdout) == strip(expected)


NEWS = "吕梁市第一人民医院正式开诊了。\n目前健康管理中心已经正式开诊。\n".encode("utf-8")
DUPLICATE = "某某条例\n第一条 为了规定，制定本条例。\n第二条 甲。\n第二条 乙。\n".encode("utf-8")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (NEWS, "no articles found"),
        (bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 10, "unknown encoding"),
        (b"\x00" * 10 + "第一条".encode(), "binary"),
        (DUPLICATE, "duplicate article number 第二条"),
    ],
    ids=["empty", "blank", "png", "news", "undecodable", "nul", "duplicate"],
)
def test_bad_input_one_line_error_exit_2_no_output(tmp_path, content, message):
    raw, out = tmp_path / "bad.txt", tmp_path / "out.md"
    raw.write_bytes(content)
    result = run("ingest", str(raw), "-o", str(out))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(raw) in lines[0] and message in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [raw], "no temporary file left behind"


def test_duplicate_article_error_names_the_line(tmp_path):
    raw = tmp_path / "dup.txt"
    raw.write_bytes(DUPLICATE)
    result = run("ingest", str(raw))
    assert f"{raw}:4:" in result.stderr


def test_twenty_megabytes_is_refused(tmp_path):
    raw, out = tmp_path / "big.txt", tmp_path / "out.md"
    raw.write_bytes(("第一条 " + "国" * 1000 + "\n").encode() * 7000)
    result = run("ingest", str(raw), "-o", str(out))
    assert result.exit_code == 2 and "limit" in result.stderr and not out.exists()


def test_missing_file(tmp_path):
    result = run("ingest", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "nope.txt" in result.stderr


def test_existing_output_untouched_on_error(tmp_path):
    raw, out = tmp_path / "bad.txt", tmp_path / "out.md"
    raw.write_bytes(NEWS)
    out.write_text("precious", encoding="utf-8")
    assert run("ingest", str(raw), "-o", str(out)).exit_code == 2
    assert out.read_text(encoding="utf-8") == "precious"


def test_check_passes_on_corpus_and_flags_departures(tmp_path):
    assert run("check", *[str(markdown_path(c)) for c in (NATIONAL,)]).exit_code == 0
    text = markdown_path(NATIONAL).read_text(encoding="utf-8")
    cases = {
        "trailing.md": (text.replace("### 第一条\n", "### 第一条 \n"), "trailing whitespace"),
        "crlf.md": (text.replace("\n", "\r\n"), "CRLF"),
        "width.md": (text.replace("制定本规定。", "制定本规定,"), "half-width punctuation"),
        "blank.md": (text.replace("### 第二条\n", "### 第二条\n\n"), "blank line"),
        "level.md": (text.replace("### 第二条", "#### 第二条"), "not in canonical form"),
    }
    for name, (content, reason) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8", newline="")
        result = run("check", str(path))
        assert result.exit_code == 1, name
        assert result.stderr.startswith(f"{path}:") and reason in result.stderr, (name, result.stderr)


def test_check_unreadable_is_exit_2(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    assert run("check", str(bad)).exit_code == 2
    assert run("check", str(tmp_path / "missing.md")).exit_code == 2


def test_show_article_and_whole(tmp_path):
    result = run("show", str(markdown_path(NATIONAL)), "--article", "7")
    assert result.exit_code == 0
    assert "第七条" in result.stdout and "（四）其他应当履行的反间谍安全防范行业管理责任。" in result.stdout
    assert "第二章 反间谍安全防范责任" in result.stdout
    whole = run("show", str(markdown_path(NATIONAL)))
    assert whole.stdout.count("条\n") >= 31
    assert run("show", str(markdown_path(NATIONAL)), "--article", "99").exit_code == 2


def test_console_script_runs_as_a_subprocess(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "cli", "check", str(markdown_path(NATIONAL))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
