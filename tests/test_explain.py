"""fagui diff --explain: every candidate of one article with its scores, and
what each rule did with its links, in the order the rules ran; the JSON
names the rule that made each link."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fagui.align import JURISDICTION_PASSES

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = str(ROOT / "texts" / "national" / "counterespionage-security-provisions.md")
JIANGXI = str(ROOT / "texts" / "jiangxi" / "counterespionage-work-regulations.md")


def fagui(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True)


def test_explain_prints_candidates_and_every_rule_in_order():
    done = fagui("diff", NATIONAL, JIANGXI, "--explain", "第八条")
    assert done.returncode == 0, done.stderr
    left = done.stdout.split("\n\n")[0]
    assert left.startswith("第八条 (left: 反间谍安全防范工作规定)")
    lines = left.splitlines()
    rules = [line.split(":")[0].strip() for line in lines[lines.index("rules, in the order they ran:") + 1 : -1]]
    assert list(dict.fromkeys(rules)) == [name for name, _ in JURISDICTION_PASSES]
    # Candidates best first, each with its rank; a link grading refused, with its probability.
    scores = [float(line.split()[1]) for line in lines[2:8]]
    assert scores == sorted(scores, reverse=True) and "#1" in lines[2]
    assert any("refused: a candidate" in line and "(p=" in line for line in lines)
    assert lines[-1].startswith("result: ")
    # The JSON names the rule that made each link, as --explain reports it.
    data = json.loads(fagui("diff", NATIONAL, JIANGXI, "--format", "json").stdout)
    made = {line.split(": made counterpart ")[1].split(" ↔ ")[1] for line in lines if ": made counterpart " in line}
    for link in data["links"]:
        assert link["rule"] in {name for name, _ in JURISDICTION_PASSES}
        if link["left"] == "第八条" and link["strength"] == "counterpart":
            assert link["right"] in made
            assert f"{link['rule']}: made counterpart 第八条 ↔ {link['right']}" in left


def test_explain_an_article_neither_side_has_is_one_line_exit_2():
    done = fagui("diff", NATIONAL, JIANGXI, "--explain", "第九百条")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "第九百条" in done.stderr


def test_explain_with_another_format_or_an_output_file_is_refused(tmp_path):
    """--explain prints text for a terminal: asked for JSON or a file, it
    says so instead of printing text where JSON was wanted or writing nothing
    where a file was."""
    out = tmp_path / "x.json"
    for extra in (["--format", "json"], ["-o", str(out)], ["--format", "docx", "-o", str(out)]):
        done = fagui("diff", NATIONAL, JIANGXI, "--explain", "第八条", *extra)
        assert done.returncode == 2 and done.stdout == "", (extra, done.stdout[:80])
        assert done.stderr.strip().count("\n") == 0 and "--explain" in done.stderr
        assert not out.exists()
