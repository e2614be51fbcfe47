"""Canonical Markdown is an input layout (issue #21, the new-user run: `add`
refused a file fagui itself wrote): `add` and `ingest` read it as what it is,
through the real CLI into a real git corpus."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, markdown_path

ZHEJIANG = "zhejiang/counterespionage-security-measures"


def fagui(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for who in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{who}_NAME"], env[f"GIT_{who}_EMAIL"] = "Test", "test@example.org"
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_add_takes_a_canonical_text_as_it_is(tmp_path, isolated_git):
    repo = tmp_path / "corpus"
    assert fagui("init", str(repo)).returncode == 0
    canonical = markdown_path(ZHEJIANG)
    done = fagui("add", str(canonical), "--id", "zhejiang/copied", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "：自2019-09-01起施行的版本（第一个版本，共23条）" in done.stdout
    written = (repo / "texts" / "zhejiang" / "copied.md").read_text("utf-8")
    original = canonical.read_text("utf-8")
    # The same text and metadata; only the digest names the bytes now stored as its source.
    strip = lambda text: [line for line in text.splitlines() if not line.startswith("source_sha256:")]
    assert strip(written) == strip(original) and written != original
    assert (repo / "texts" / "zhejiang" / "copied.source.txt").read_bytes() == canonical.read_bytes()
    again = fagui("add", str(canonical), "--id", "zhejiang/copied", cwd=repo)
    assert again.returncode == 0 and "未变，此文本已是当前版本" in again.stdout


def test_ingest_reads_canonical_markdown_and_says_so(tmp_path):
    canonical = markdown_path(ZHEJIANG)
    done = fagui("ingest", str(canonical))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"source: {canonical.name} (canonical, utf-8, LF line ends, ")
    assert "parsed: 23 articles, " in done.stderr and "dropped" not in done.stderr
    with_bom = tmp_path / "bom.md"
    with_bom.write_bytes(b"\xef\xbb\xbf" + canonical.read_bytes())
    assert fagui("ingest", str(with_bom)).stdout.split("source_sha256")[0] == done.stdout.split("source_sha256")[0]


def test_a_file_that_opens_as_canonical_but_is_not_is_refused_at_its_line(tmp_path, isolated_git):
    repo = tmp_path / "corpus"
    assert fagui("init", str(repo)).returncode == 0
    text = markdown_path(ZHEJIANG).read_text("utf-8")
    broken = tmp_path / "broken.md"
    broken.write_text(text.replace("\n## 第三条\n", "\n## 第三条 \n", 1), encoding="utf-8")
    line = text[: text.index("\n## 第三条\n")].count("\n") + 2
    for command in (["ingest", str(broken)], ["add", str(broken), "--id", "zhejiang/x", "--repo", str(repo)]):
        done = fagui(*command)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr == (
            f"fagui: error: {broken}:{line}: opens as canonical Markdown but is not in canonical form: "
            "trailing whitespace (see fagui check)\n"
        )
    assert not (repo / "texts" / "zhejiang").exists()  # nothing written
