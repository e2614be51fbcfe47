"""What saying what changes mean in law costs: the whole comparison with
meanings (``fagui.meaning``: recognisers and flags) against the same
comparison without them, in one run. Target: at most 1.3 times.

    python benchmarks/bench_meaning.py [--repeat 5]

1. Whole process: a child Python process reads the texts and compares every
   pair, with meanings or without (``compare(..., meanings=False)``);
   children of both kinds run interleaved, and each kind's best CPU time
   (user + system, from the kernel's accounting of the child) is kept.
2. In process: the engine alone on each pair, best of ``repeat``, with and
   without meanings.

The pairs: the national counter-espionage rules against each seed province
(texts/), and four public pairs from ../shared/corpus/alignment-texts (laws
against local measures, and a local text's two versions) when that folder
is there.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fagui.compare import compare  # noqa: E402  (after the path is set)
from fagui.markdown import read_regulation  # noqa: E402

SEEDS = [
    ("texts/national/counterespionage-security-provisions.md", f"texts/{p}.md")
    for p in (
        "jilin/counterespionage-work-provisions",
        "zhejiang/counterespionage-security-measures",
        "jiangxi/counterespionage-work-regulations",
        "heilongjiang/counterespionage-security-regulations",
    )
]
PUBLIC = ROOT.parent / "shared" / "corpus" / "alignment-texts"
PUBLIC_PAIRS = [
    ("earthquake-law.md", "shanghai-earthquake.md"),
    ("animal-epidemic-law.md", "beijing-animal-epidemic.md"),
    ("wildlife-law.md", "shandong-wildlife.md"),
    ("beijing-water-2019.md", "beijing-water-2022.md"),
]


def pairs() -> list[tuple[Path, Path]]:
    out = [(ROOT / a, ROOT / b) for a, b in SEEDS]
    if PUBLIC.is_dir():
        out += [(PUBLIC / a, PUBLIC / b) for a, b in PUBLIC_PAIRS]
    return out


def child(meanings: bool) -> None:
    for a, b in pairs():
        compare(read_regulation(a.read_text(encoding="utf-8")), read_regulation(b.read_text(encoding="utf-8")), meanings=meanings)


def cpu_of_child(meanings: bool) -> float:
    """CPU seconds (user + system) of one child process comparing every pair."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", "with" if meanings else "without"])
    _, status, usage = os.wait4(proc.pid, 0)
    if status:
        raise SystemExit(f"child failed: {status}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", choices=("with", "without"))
    args = parser.parse_args()
    if args.child:
        child(args.child == "with")
        return
    print(f"{len(pairs())} comparisons{'' if PUBLIC.is_dir() else ' (no shared corpus: seeds only)'}")
    print("1. whole process, CPU time, best of", args.repeat, "(interleaved)")
    best = {True: float("inf"), False: float("inf")}
    for _ in range(args.repeat):
        for meanings in (False, True):
            best[meanings] = min(best[meanings], cpu_of_child(meanings))
    print(f"   without meanings {best[False] * 1000:8.0f} ms")
    print(f"   with meanings    {best[True] * 1000:8.0f} ms")
    print(f"   ratio            {best[True] / best[False]:8.2f}x   (target <= 1.30)")
    print("2. engine only, per comparison, best of", args.repeat)
    total = {True: 0.0, False: 0.0}
    for a, b in pairs():
        left, right = read_regulation(a.read_text(encoding="utf-8")), read_regulation(b.read_text(encoding="utf-8"))
        times = {}
        for meanings in (False, True):
            runs = []
            for _ in range(args.repeat):
                start = time.process_time()
                compare(left, right, meanings=meanings)
                runs.append(time.process_time() - start)
            times[meanings] = min(runs)
            total[meanings] += times[meanings]
        print(f"   {a.stem[:28]:28} vs {b.stem[:28]:28} {times[False] * 1000:7.1f} ms {times[True] * 1000:7.1f} ms {times[True] / times[False]:5.2f}x")
    print(f"   all pairs: {total[False] * 1000:.0f} ms -> {total[True] * 1000:.0f} ms, {total[True] / total[False]:.2f}x")


if __name__ == "__main__":
    main()
