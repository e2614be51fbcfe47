"""Same texts, same answer: stock phrasing is judged against a background
shipped with fagui (fagui/align/data/background.tsv, computed by
tools/stock_background.py), so a comparison of two texts does not depend on
what else the corpus holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fagui.align import stock_background

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = "national/counterespionage-security-provisions"
ZHEJIANG = "zhejiang/counterespionage-security-measures"
OTHERS = ("jilin/counterespionage-work-provisions", "heilongjiang/counterespionage-security-regulations")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def add_texts(repo: Path, ids) -> None:
    for rid in ids:
        target = repo / "texts" / f"{rid}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((ROOT / "texts" / f"{rid}.md").read_bytes())
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "texts")


def diff_json(repo: Path, at: str) -> bytes:
    """The comparison of the two texts as committed at ``at`` (the JSON names
    the revision: the same one both times)."""
    return subprocess.run(
        [sys.executable, "-m", "cli", "diff", f"{NATIONAL}@{at}", f"{ZHEJIANG}@{at}", "--format", "json", "--repo", str(repo)],
        check=True, capture_output=True,
    ).stdout


def test_adding_texts_to_the_corpus_leaves_a_comparison_byte_identical(tmp_path):
    repo = tmp_path / "corpus"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    add_texts(repo, (NATIONAL, ZHEJIANG))
    first = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()
    before = diff_json(repo, first)
    # Two more texts, of the very same subject: under a corpus background
    # they changed what counted as stock phrasing, and so the comparison.
    add_texts(repo, OTHERS)
    assert diff_json(repo, first) == before
    assert b'"background": "lawrefbook-2f4c5c2"' in before


def test_the_shipped_background_is_statistics_of_many_regulations():
    bg = stock_background()
    assert bg.regulations > 3000 and bg.blocks > 300_000 and bg.name == "lawrefbook-2f4c5c2"
    # Stock phrasing is frequent, distinctive wording absent (rarer than min_df).
    assert bg.df["应当"] > bg.df["罚款"] > bg.df["刑事"] > bg.min_df
    assert "谍报" not in bg.df or bg.df["谍报"] < bg.df["刑事"]
    assert all(n >= bg.min_df for n in bg.df.values())
