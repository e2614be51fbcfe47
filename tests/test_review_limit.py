"""fagui review keeps its Markdown within GitHub's comment limit (65,536
characters), shortening whole pieces and saying what it left out: real
repositories, the real CLI."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from amend import amend
from click.testing import CliRunner
from conftest import CORPUS, ROOT, markdown_path

from cli.main import main
from fagui.text.numerals import to_chinese
from fagui.markdown import read_regulation, write_regulation
from fagui.model import Metadata, Regulation
from fagui.review import review_range
from fagui.messages import Lang
from renderers.review import MAX_CHARS, render_review_markdown

NATIONAL = "national/counterespionage-security-provisions"
JILIN = "jilin/counterespionage-work-provisions"
COMPILED = "national/counterespionage-compilation"
GIT_ENV = {**os.environ, "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}

# The head line of one article's detail: **第十二条 → 第十三条** · amended · 0.61 · 序号 13
ARTICLE_HEAD = re.compile(r"^\*\*.+\*\* · .+ · (?:序号|row) \d+", re.M)
NOTE = re.compile(r"\*\*Shortened to stay within ([\d,]+) characters[^*]*:\*\* (\d+) of (\d+) changed articles? left out(?: \(([^)]*)\))?\.")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=GIT_ENV).stdout


def compilation(rounds: int) -> Regulation:
    """A new code of every article of the seed corpus, ``rounds`` times over
    (3: 588 articles, the size of a large national law such as the Criminal Law)."""
    articles = [a for rid in sorted(CORPUS) for a in read_regulation(markdown_path(rid).read_text(encoding="utf-8")).articles]
    body = tuple(
        dataclasses.replace(a, number=n, label=f"第{to_chinese(n)}条") for n, a in enumerate(articles * rounds, 1)
    )
    return Regulation(Metadata(title="反间谍工作规定汇编", jurisdiction="国家", level="national"), body=body)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """main: the national and Jilin texts. Branch big, in the order the review
    shows them (amendments before new regulations): Jilin with six long
    articles amended (texts/jilin/...), the national text with one article
    inserted, one amended, one deleted, and a new 588-article compilation
    (texts/national/counterespionage-compilation.md, which sorts before the
    national text by path)."""
    path = tmp_path_factory.mktemp("corpus")
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "t@example.org")
    git(path, "config", "user.name", "Test")
    texts = {rid: markdown_path(rid).read_text(encoding="utf-8") for rid in (NATIONAL, JILIN)}
    for rid, text in texts.items():
        target = path / f"texts/{rid}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    git(path, "add", ".")
    git(path, "commit", "-qm", "national and Jilin texts")
    git(path, "checkout", "-qb", "big")
    jilin = read_regulation(texts[JILIN])
    # Long articles, the longest last: a section in <details> whose last
    # article costs more than the line saying it was left out.
    rewritten = {
        n: jilin.articles[n - 1].paragraphs[0].text.replace("国家安全机关", "国家安全主管机关") + "（修订）"
        for n in (10, 15, 23, 25, 30, 34)
    }
    (path / f"texts/{JILIN}.md").write_text(write_regulation(amend(jilin, amend=rewritten)), encoding="utf-8")
    national = amend(
        read_regulation(texts[NATIONAL]),
        insert_after={5: "国家安全机关应当建立反间谍安全防范工作联络员制度，定期通报工作情况。"},
        amend={12: "国家安全机关定期分析反间谍安全防范形势，开展风险评估和隐患排查，通报有关单位。"},
        delete={20},
    )
    (path / f"texts/{NATIONAL}.md").write_text(write_regulation(national), encoding="utf-8")
    (path / f"texts/{COMPILED}.md").write_text(write_regulation(compilation(3)), encoding="utf-8")
    git(path, "add", ".")
    git(path, "commit", "-qm", "amend Jilin and the national text, add a compilation")
    git(path, "checkout", "-qb", "small", "main")
    (path / f"texts/{NATIONAL}.md").write_text(write_regulation(national), encoding="utf-8")
    git(path, "commit", "-qam", "amend the national text")
    return path


def run(repo: Path, *args: str):
    """The CLI; a review in English (--lang en), the wording these tests parse."""
    lang = ["--lang", "en"] if args[:1] == ("review",) else []
    result = CliRunner().invoke(main, [*args, *lang, "--repo", str(repo)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def full(repo) -> str:
    return run(repo, "review", "main..big", "--max-chars", "0")


@pytest.fixture(scope="module")
def full_json(repo) -> str:
    return run(repo, "review", "main..big", "--format", "json")


@pytest.fixture(scope="module")
def detail_counts(full_json) -> list[tuple[str, int]]:
    """(regulation id, changed articles shown in detail) per file, from the JSON:
    every changed pair but those folded into the renumbering lines."""
    data = json.loads(full_json)
    return [
        (c["id"], sum(p["changed"] and p["relation"] not in ("renumbered", "reference_update") for p in c["comparison"]["pairs"]))
        for c in data["changes"]
    ]


def assert_well_formed(text: str) -> None:
    """No Markdown construct is cut: <details> closed, every table row has the
    header's cells, inline code and the [-…-] / {+…+} markers balanced on
    every line (the seed texts have no brackets or backticks of their own)."""
    assert text.count("<details>") == text.count("</details>")
    assert text.count("```") % 2 == 0
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("| regulation |"))
    for line in lines:
        if line.startswith("|"):
            assert line.count("|") == header.count("|"), line
        assert len(re.findall(r"(?<!\\)`", line)) % 2 == 0, line
        assert line.count("[-") == line.count("-]") and line.count("{+") == line.count("+}"), line
    assert text.endswith("\n") and not text.endswith("\n\n\n")


def test_the_big_change_really_exceeds_githubs_limit(full, detail_counts):
    assert len(full) > MAX_CHARS
    assert [rid for rid, _ in detail_counts] == [JILIN, NATIONAL, COMPILED]
    assert len(ARTICLE_HEAD.findall(full)) == sum(n for _, n in detail_counts)
    assert "Shortened" not in full
    assert_well_formed(full)


def test_default_output_fits_a_comment_and_says_what_it_left_out(repo, full, detail_counts):
    text = run(repo, "review", "main..big")
    assert len(text) <= MAX_CHARS
    assert text == run(repo, "review", "main..big", "--max-chars", str(MAX_CHARS))
    assert_well_formed(text)
    total = sum(n for _, n in detail_counts)
    shown = len(ARTICLE_HEAD.findall(text))
    [(limit, left_out, of, where)] = NOTE.findall(text)
    assert (limit, int(left_out), int(of)) == (f"{MAX_CHARS:,}", total - shown, total)
    # The amendments (Jilin, the national text) in full, the new compilation cut short.
    jilin, national, compiled = (n for _, n in detail_counts)
    assert jilin + national < shown < jilin + national + compiled
    assert where == f"`{COMPILED}` in part"
    assert f"*… {jilin + national + compiled - shown} more changed articles of this regulation left out: see the note at the end.*" in text
    assert "(GitHub's limit for a comment)" in text
    # The head and the whole table of counts are kept.
    table = [line for line in full.splitlines() if line.startswith("|")]
    assert [line for line in text.splitlines() if line.startswith("|")] == table
    # How to see everything: commands the CLI really has, on this range.
    base, head = (git(repo, "rev-parse", rev)[:7] for rev in ("main", "big"))
    assert f"`fagui review {base}..{head} --max-chars 0`" in text
    assert f"`fagui review {base}..{head} --format json`" in text
    assert "fagui diff ID@" not in text  # only a new regulation was cut: no amendment to diff
    diffed = CliRunner().invoke(main, ["diff", f"{NATIONAL}@{base}", f"{NATIONAL}@{head}", "--format", "markdown", "--repo", str(repo)])
    assert diffed.exit_code == 0 and "{+和隐患排查+}" in diffed.stdout


def assert_cut_between_articles(full: str, text: str, limit: int) -> None:
    """``text`` is ``full`` shortened to ``limit``: within it (unless the head
    alone is longer), well-formed, and what precedes its closing lines is a
    prefix of ``full`` ending where an article or a section ends; the note
    counts the articles left out."""
    head = full[: full.index("\n### ")]
    assert text.startswith(head), limit
    assert len(text) <= limit or "\n### " not in text, limit
    assert_well_formed(text)
    kept, more, _ = text[: text.index("\n---\n\n**Shortened")].partition("\n*… ")
    assert full.startswith(kept), limit
    rest = full[len(kept) :]
    # Stopped before an article of a section (said so), or before a section.
    assert rest.startswith("\n**" if more else "\n### "), (limit, rest[:80])
    [(_, left_out, _, _)] = NOTE.findall(text)
    assert int(left_out) == len(ARTICLE_HEAD.findall(full)) - len(ARTICLE_HEAD.findall(text)), limit


def _figures_out(text: str) -> str:
    """``text`` with its counts and commit ids replaced by placeholders: what
    a change of output size, or another run's commits, leaves as it was."""
    return re.sub(r"\d[\d,]*", "N", re.sub(r"\b[0-9a-f]{7}\.\.[0-9a-f]{7}\b", "BASE..HEAD", text))


def test_documented_example_is_real_output(repo, full, full_json):
    """docs/reviewing.md quotes this range's shortened output, in words that
    hold however long the output grows or shrinks: its wording is real,
    its figures are those of one run, and the sizes it states are true."""
    doc = (ROOT / "docs" / "reviewing.md").read_text(encoding="utf-8")
    section = doc[doc.index("### Size limit") :]
    example = section[section.index("```markdown\n") + len("```markdown\n") : section.index("\n```\n")] + "\n"
    text = run(repo, "review", "main..big")
    assert _figures_out(text).endswith("\n" + _figures_out(example))
    words = " ".join(section.split())
    assert "has well over 100,000 characters of Markdown in full (and over a million of JSON); `fagui review` prints a little under 65,536," in words
    assert len(full) > 100_000 and len(full_json) > 1_000_000 and 60_000 < len(text) <= MAX_CHARS == 65_536


def test_shortened_output_is_the_full_output_cut_between_articles(repo, full):
    review = review_range("main", "big", str(repo))
    assert render_review_markdown(review, None, Lang.EN) == render_review_markdown(review, 0, Lang.EN) == full
    for limit in (1_500, 2_000, 2_345, 3_000, 4_321, 8_000, 20_000, 50_000, len(full) - 1):
        assert_cut_between_articles(full, render_review_markdown(review, limit, Lang.EN), limit)


def test_every_limit_of_a_smaller_review(repo):
    """Jilin (six articles, folded into <details>) and the national text
    (three, not folded), shortened to every length from 1 character to the
    whole: the output only grows with the limit, and is whole once it fits."""
    whole = review_range("main", "big", str(repo))
    review = dataclasses.replace(whole, changes=tuple(c for c in whole.changes if c.regulation_id != COMPILED))
    full = render_review_markdown(review, 0, Lang.EN)
    assert full.count("<details>") == 1 and len(ARTICLE_HEAD.findall(full)) == 6 + 3
    shown = []
    for limit in range(1, len(full)):
        text = render_review_markdown(review, limit, Lang.EN)
        assert_cut_between_articles(full, text, limit)
        shown.append(len(ARTICLE_HEAD.findall(text)))
    # Never all nine: the note is longer than any one article.
    assert shown == sorted(shown) and shown[0] == 0 and max(shown) < 9
    assert {0, 1, 6, 7} <= set(shown)  # 6: Jilin complete, <details> closed, the national text not begun
    assert render_review_markdown(review, len(full), Lang.EN) == full


def test_output_that_fits_is_unchanged(repo, full):
    small = run(repo, "review", "main..small")
    assert small == run(repo, "review", "main..small", "--max-chars", "0")
    assert small == run(repo, "review", "main..small", "--max-chars", str(len(small)))
    assert "Shortened" not in small
    assert run(repo, "review", "main..big", "--max-chars", str(len(full))) == full
    shortened = run(repo, "review", "main..small", "--max-chars", str(len(small) - 1))
    assert len(shortened) < len(small) and "**Shortened to stay within" in shortened
    [(limit, left_out, of, where)] = NOTE.findall(shortened)
    assert limit == f"{len(small) - 1:,}" and int(left_out) >= 1 and int(of) == 3
    assert where == f"`{NATIONAL}` in part"
    assert "(GitHub's limit" not in shortened


def test_a_limit_below_the_head_still_keeps_the_head_and_the_note(repo, full):
    text = run(repo, "review", "main..big", "--max-chars", "100")
    assert text.startswith(full[: full.index("\n### ")])
    assert "### " not in text and "<details>" not in text
    [(_, left_out, of, where)] = NOTE.findall(text)
    assert left_out == of and where == "3 regulations entirely"
    assert_well_formed(text)


def test_json_is_never_shortened(repo, full_json):
    assert len(full_json) > MAX_CHARS
    assert run(repo, "review", "main..big", "--format", "json", "--max-chars", "1000") == full_json


def test_max_chars_must_not_be_negative(repo):
    result = CliRunner().invoke(main, ["review", "main..big", "--max-chars", "-1", "--repo", str(repo)])
    assert result.exit_code == 2 and "--max-chars" in result.stderr
