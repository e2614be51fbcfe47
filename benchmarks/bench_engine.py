"""Speed and memory of the comparison engine, against baselines run in the
same process (so the ratios mean something on any machine).

    python benchmarks/bench_engine.py [--sizes 100,1000,5000]

1. Each seed comparison (the national rules against each province, and
   against itself as versions): engine time, and the ratio of
   ``difflib.HtmlDiff().make_file`` on the same two canonical files to it
   (speed-up: above 1, the engine is faster); "align" is the part of the
   engine's time spent aligning articles.
2. Synthetic regulations of N articles made by mutating the seed articles,
   compared with a mutated, reordered copy of themselves, in both modes:
   time, how many times slower than ``difflib.unified_diff`` of the two
   texts' lines it is (a line diff aligns nothing and diffs no characters), and
   peak memory (tracemalloc, in a second run: tracing slows Python down).
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fagui.align import align_articles  # noqa: E402  (after the path is set)
from fagui.compare import compare, default_mode, document_ref  # noqa: E402
from fagui.text.numerals import to_chinese  # noqa: E402
from fagui.markdown import read_regulation, write_regulation  # noqa: E402
from fagui.model import Article, Division, Metadata, Paragraph, Regulation  # noqa: E402

NATIONAL = "national/counterespionage-security-provisions"
PROVINCES = (
    "jilin/counterespionage-work-provisions",
    "zhejiang/counterespionage-security-measures",
    "jiangxi/counterespionage-work-regulations",
    "heilongjiang/counterespionage-security-regulations",
)


def read(regulation_id: str) -> tuple[str, Regulation]:
    text = (ROOT / "texts" / f"{regulation_id}.md").read_text(encoding="utf-8")
    return text, read_regulation(text)


def timed(fn, repeat: int) -> float:
    """The best of ``repeat`` wall-clock times of ``fn()``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory(fn) -> int:
    """Peak bytes Python allocated while running ``fn()``."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# -- synthetic regulations ------------------------------------------------------

_CJK = [chr(c) for c in range(0x4E00, 0x9FA6)]


def _mutate(text: str, rng: random.Random, rate: float) -> str:
    """``text`` with about ``rate`` of its characters replaced by random ideographs."""
    chars = list(text)
    for _ in range(max(1, int(len(chars) * rate))):
        chars[rng.randrange(len(chars))] = rng.choice(_CJK)
    return "".join(chars)


def _article(number: int, paragraphs: tuple[str, ...]) -> Article:
    return Article(number, f"第{to_chinese(number)}条", tuple(Paragraph(p) for p in paragraphs))


def _regulation(title: str, articles: list[tuple[str, ...]]) -> Regulation:
    """Articles numbered in order, fifty to a chapter."""
    chapters = []
    for c in range(0, len(articles), 50):
        body = tuple(_article(c + k + 1, ps) for k, ps in enumerate(articles[c : c + 50]))
        chapters.append(Division("章", c // 50 + 1, f"第{to_chinese(c // 50 + 1)}章", "章", body))
    return Regulation(Metadata(title), body=tuple(chapters))


def synthetic_pair(n: int, seeds: list[Article], seed: int = 0) -> tuple[Regulation, Regulation]:
    """A regulation of ``n`` articles, each a seed article with a tenth of its
    characters replaced, and a version of it with 20% of articles amended
    (a further 5% of characters), 5% deleted, 5% new ones inserted and 2%
    moved elsewhere."""
    rng = random.Random(seed)
    left = [tuple(_mutate(b, rng, 0.1) for b in seeds[k % len(seeds)].blocks()) for k in range(n)]
    right: list[tuple[str, ...]] = []
    for paragraphs in left:
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.25:
            paragraphs = tuple(_mutate(p, rng, 0.05) for p in paragraphs)
        right.append(paragraphs)
        if rng.random() < 0.05:
            right.append(tuple(_mutate(b, rng, 0.5) for b in rng.choice(seeds).blocks()))
    for _ in range(n // 50):
        right.insert(rng.randrange(len(right)), right.pop(rng.randrange(len(right))))
    return _regulation("合成条例", left), _regulation("合成条例", right)


# -- the benchmark ------------------------------------------------------------------

def run(sizes: list[int], repeat: int = 3, out=print) -> None:
    national_text, national = read(NATIONAL)
    out("seed comparisons (best of %d)" % repeat)
    out(f"  {'comparison':<58} {'engine':>9} {'align':>9} {'HtmlDiff':>9} {'speed-up':>9}")
    for other_id in PROVINCES + (NATIONAL,):
        other_text, other = read(other_id)
        engine = timed(lambda: compare(national, other), repeat)
        # The part of the engine's time spent aligning articles; the rest is
        # matching and diffing the blocks of each pair.
        mode = default_mode(document_ref(national), document_ref(other))
        align = timed(lambda: align_articles(national, other, mode), repeat)
        html = timed(
            lambda: difflib.HtmlDiff().make_file(national_text.splitlines(), other_text.splitlines()), repeat
        )
        name = NATIONAL.split("/")[0] + " vs " + other_id
        out(f"  {name:<58} {engine * 1000:7.1f}ms {align * 1000:7.1f}ms {html * 1000:7.1f}ms {html / engine:8.1f}x")

    seeds = [a for rid in (NATIONAL,) + PROVINCES for a in read(rid)[1].articles]
    out("synthetic regulations (N articles vs a mutated version)")
    out(f"  {'N':>6} {'mode':<14} {'engine':>9} {'line diff':>10} {'slower':>8} {'peak memory':>12}")
    for n in sizes:
        left, right = synthetic_pair(n, seeds)
        lines_l, lines_r = write_regulation(left).splitlines(), write_regulation(right).splitlines()
        baseline = timed(lambda: list(difflib.unified_diff(lines_l, lines_r)), 1)
        for mode in ("versions", "jurisdictions"):
            engine = timed(lambda: compare(left, right, mode), 1 if n > 1000 else repeat)
            peak = peak_memory(lambda: compare(left, right, mode))
            out(f"  {n:>6} {mode:<14} {engine:8.2f}s {baseline:9.3f}s {engine / baseline:7.1f}x {peak / 2**20:9.1f} MiB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="synthetic sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    run([int(s) for s in args.sizes.split(",") if s], args.repeat)


if __name__ == "__main__":
    main()
