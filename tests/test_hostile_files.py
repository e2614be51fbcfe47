"""Careless and hostile raw files (issue 20, items 7-9, 11, 12): each is
refused with one line naming the file and line, or ingested, never silently
half-read. The files are made by the tests themselves; the real CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import TEXTS

JILIN_SOURCE = (TEXTS / "jilin" / "counterespionage-work-provisions.source.txt").read_text(encoding="utf-8")


def ingest(path, *args):
    return subprocess.run([sys.executable, "-m", "cli", "ingest", str(path), "-q", *args], capture_output=True, text=True, timeout=120)


def refused(done, *words):
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert done.stderr.startswith("fagui: error: ") and done.stderr.count("\n") == 1, done.stderr[-2000:]
    assert done.stdout == ""
    for word in words:
        assert word in done.stderr, done.stderr


def test_a_text_pasted_twice_is_refused_naming_where_it_starts_again(tmp_path):
    raw = tmp_path / "twice.txt"
    raw.write_text(JILIN_SOURCE + "\n" + JILIN_SOURCE, encoding="utf-8")
    again = JILIN_SOURCE.count("\n") + 1 + JILIN_SOURCE[: JILIN_SOURCE.index("第一条")].count("\n") + 1
    refused(ingest(raw), f"twice.txt:{again}: ", f"第一条 starts again at line {again}")


def test_an_annex_with_articles_of_its_own_is_kept_out_with_a_warning(tmp_path):
    raw = tmp_path / "annex.txt"
    annex = "\n附件：\n某某工作细则\n第一条 本细则适用于本省各级机关。\n第二条 本细则自发布之日起施行。\n"
    raw.write_text(JILIN_SOURCE + annex, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cli", "ingest", str(raw)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    line = (JILIN_SOURCE + annex).splitlines().index("第一条 本细则适用于本省各级机关。") + 1
    assert f"warning: line {line}: 第一条 starts again after the last article" in done.stderr
    assert "本细则适用于" not in done.stdout


@pytest.mark.parametrize("bad", [b"\xff", b"\x81", b"\xe4\xb8"])
def test_one_bad_byte_is_reported_at_its_line(tmp_path, bad):
    """UTF-8 with one byte that is not: named at that line, neither "unknown
    encoding" at line 1 nor read as GB18030 garbage."""
    lines = JILIN_SOURCE.encode("utf-8").split(b"\n")
    lines[40] = lines[40][:9] + bad + lines[40][9:]
    raw = tmp_path / "bad.txt"
    raw.write_bytes(b"\n".join(lines))
    refused(ingest(raw), "bad.txt:41: not UTF-8")
    check = subprocess.run([sys.executable, "-m", "cli", "check", str(raw)], capture_output=True, text=True, timeout=60)
    assert "bad.txt:41:" in check.stderr  # the line fagui check names


def test_gbk_is_still_read_as_gbk(tmp_path):
    raw = tmp_path / "gbk.txt"
    raw.write_bytes(JILIN_SOURCE.encode("gb18030"))
    done = ingest(raw)
    assert done.returncode == 0, done.stderr
    assert "吉林省反间谍工作规定" in done.stdout
