"""fagui diff --explain: every candidate of one article with its scores, and
what each rule did with its links, in the order the rules ran; the JSON
names the rule that made each link."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fagui.align import JURISDICTION_PASSES
from fagui.messages import Lang, say
from fagui.text.width import columns

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = str(ROOT / "texts" / "national" / "counterespionage-security-provisions.md")
JIANGXI = str(ROOT / "texts" / "jiangxi" / "counterespionage-work-regulations.md")


def fagui(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True)


def _columns_at(lines: list[str], pattern: str) -> set[int]:
    """The terminal column at which the first match of ``pattern`` ends on
    each line (a Chinese character counts two)."""
    return {columns(line[: re.search(pattern, line).end()]) for line in lines}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_prints_candidates_and_every_rule_in_order(lang):
    """Chinese by default, English with --lang en, every word from the
    catalogue; the candidates' scores, ranks and block scores each start at
    one terminal column however wide the article's label, and so do the
    rules' accounts."""
    say_ = lambda key, **kw: say(key, Lang(lang), **kw)  # noqa: E731
    done = fagui("diff", NATIONAL, JIANGXI, "--explain", "第八条", *(["--lang", "en"] if lang == "en" else []))
    assert done.returncode == 0, done.stderr
    left = done.stdout.split("\n\n")[0]
    lines = left.splitlines()
    assert lines[0] == say_("explain.head", label="第八条", side=say_("explain.left"), title="反间谍安全防范工作规定")
    assert re.split(r"\s{2,}", lines[2].strip()) == [say_(f"explain.col_{c}") for c in ("article", "score", "rank", "block")]
    table = lines[3:15]
    assert len({columns(x.split()[0]) for x in table}) > 1  # labels of different widths: the check can fail
    scores = [float(x.split()[1]) for x in table]
    assert scores == sorted(scores, reverse=True) and table[0].split()[2] == "#1"
    for pattern in (r"\d\.\d{3}", r"#\d+", r"\d\.\d{3}$"):
        assert len(_columns_at(table, pattern)) == 1, pattern  # numbers one under the other
    assert len({columns(x) for x in [lines[2], *table]}) == 1  # every row as wide as the header
    assert lines[15] == "  " + say_("explain.more", n=int(re.search(r"\d+", lines[1]).group()) - 12)
    rules_at = lines.index(say_("explain.rules"))
    steps = lines[rules_at + 1 : -1]
    rules = [x.split()[0] for x in steps]
    assert list(dict.fromkeys(rules)) == [name for name, _ in JURISDICTION_PASSES]
    assert len({len(x) - len(x.split(maxsplit=1)[1]) for x in steps}) == 1  # accounts start at one column (rule names are ASCII)
    refused = say_("explain.refused", kind=say_("strength.shares"), link="第八条 ↔ ")
    assert any(refused in x and say_("explain.probability", p="0.")[:-1] in x for x in steps)
    assert lines[-1].startswith(say_("explain.result", relation="", counterparts="", grade="").split(" ")[0].rstrip("，,"))
    # Nothing of the other language: no Latin letter but the rule names and
    # p= in Chinese, no Chinese but the labels and the title in English.
    rest = re.sub("|".join(name for name, _ in JURISDICTION_PASSES) + "|p=", "", left)
    if lang == "zh":
        assert not re.search(r"[A-Za-z]", rest)
    else:
        assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"第[一二三四五六七八九十百]+条|反间谍安全防范工作规定", "", rest))
    # The JSON names the rule that made each link, as --explain reports it.
    data = json.loads(fagui("diff", NATIONAL, JIANGXI, "--format", "json").stdout)
    for link in data["links"]:
        assert link["rule"] in {name for name, _ in JURISDICTION_PASSES}
        if link["left"] == "第八条" and link["strength"] == "counterpart":
            made = say_("explain.made", kind=say_("strength.counterpart"), link=f"第八条 ↔ {link['right']}")
            assert any(x.split()[0] == link["rule"] and x.endswith(made) for x in steps), (link, made)


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
