"""Speed of the character diff (fagui/diff.py), and what its C++ raw diff gains.

    python benchmarks/bench_diff.py [--repeat 5] [--sizes 7500,15000,30000,60000,120000]

fagui.diff runs diff-match-patch's diff through the library's C++ build
(fast-diff-match-patch) and everything else (clause matching, semantic cleanup
with Chinese boundaries) in the Python package. "python" below is the same
code with the library's own Python diff instead: the same ops (checked here),
so the figures say only what the C++ build is worth.

1. Every block pair the seed comparisons diff (national against each text in
   texts/): CPU time of each variant, as a ratio to difflib.SequenceMatcher's
   opcodes on the same pairs in the same process (above 1: slower than it).
2. The whole process, as a user runs it (subprocess; best wall and CPU time):
   `fagui diff` national vs Jiangxi as HTML, and `fagui report` on a copy of
   the seed corpus, each with both variants; `python -c pass` for the floor.
3. One paragraph of N characters (seed text run together) against an edited
   copy: 1% of characters replaced throughout, a tenth in the middle
   replaced by other text, or its clauses put in random order. CPU time per
   1,000 characters (flat: linear) and the log-log slope from the smallest to
   the largest N (1.0: linear).
"""

from __future__ import annotations

import argparse
import difflib
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diff_match_patch import diff_match_patch  # noqa: E402

import fagui.diff  # noqa: E402
from fagui.compare import compare  # noqa: E402
from fagui.markdown import read_regulation  # noqa: E402

NATIONAL = "national/counterespionage-security-provisions"
JIANGXI = "jiangxi/counterespionage-work-regulations"
SHIPPED = fagui.diff._DIFF


class PythonDiff(type(SHIPPED)):
    """fagui's diff with the library's Python diff_main in place of the C++ one."""

    diff_main = diff_match_patch.diff_main


# Run before the CLI in a subprocess to make it use the Python diff.
USE_PYTHON = (
    "import fagui.diff; from diff_match_patch import diff_match_patch; "
    "type(fagui.diff._DIFF).diff_main = diff_match_patch.diff_main; "
)


def regulation(regulation_id: str):
    return read_regulation((ROOT / "texts" / f"{regulation_id}.md").read_text(encoding="utf-8"))


def seed_pairs() -> list[tuple[str, str]]:
    """The (left, right) texts of every block pair the seed comparisons diff."""
    national = regulation(NATIONAL)
    pairs = []
    for path in sorted((ROOT / "texts").rglob("*.md")):
        other = read_regulation(path.read_text(encoding="utf-8"))
        for pair in compare(national, other).pairs:
            for paragraph in pair.paragraphs:
                left = "".join(op.left for op in paragraph.ops)
                right = "".join(op.right for op in paragraph.ops)
                if left and right:
                    pairs.append((left, right))
    return pairs


def best(fn, repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of ``fn()``, in seconds (CPU time:
    steadier than wall time on a shared machine)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def with_diff(variant, fn):
    """``fn()`` with fagui.diff using ``variant``."""
    saved, fagui.diff._DIFF = fagui.diff._DIFF, variant
    try:
        return fn()
    finally:
        fagui.diff._DIFF = saved


def in_process(repeat: int, out=print) -> None:
    pairs = seed_pairs()
    python = PythonDiff()
    results = [with_diff(v, lambda: [fagui.diff.diff_text(a, b) for a, b in pairs]) for v in (SHIPPED, python)]
    assert results[0] == results[1], "the C++ and Python diffs disagree"
    baseline = best(lambda: [difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() for a, b in pairs], repeat)
    out(f"1. {len(pairs)} block pairs of the seed comparisons (best of {repeat}); same ops from both variants")
    out(f"   {'SequenceMatcher opcodes':<28} {baseline * 1000:8.1f} ms   1.00x")
    for name, variant in (("fagui.diff (C++ raw diff)", SHIPPED), ("fagui.diff (Python diff)", python)):
        seconds = best(lambda: with_diff(variant, lambda: [fagui.diff.diff_text(a, b) for a, b in pairs]), repeat)
        out(f"   {name:<28} {seconds * 1000:8.1f} ms {seconds / baseline:6.2f}x")


def run_process(argv: list[str], prelude: str = "") -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of ``fagui argv`` in a fresh interpreter."""
    code = prelude + "from cli.main import main; main()" if argv else "pass"
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code, *argv], cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"fagui {' '.join(argv)} failed")
    return wall, usage.ru_utime + usage.ru_stime


def whole_process(repeat: int, out=print) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shutil.copytree(ROOT / "texts", tmp / "corpus" / "texts")
        runs = iter(range(10**6))

        def diff_args() -> list[str]:
            return ["diff", f"texts/{NATIONAL}.md", f"texts/{JIANGXI}.md", "--format", "html", "-o", str(tmp / f"d{next(runs)}.html")]

        def report_args() -> list[str]:
            return ["report", "--repo", str(tmp / "corpus"), "-o", str(tmp / f"r{next(runs)}")]

        cases = [("python -c pass", lambda: [], "")]
        for label, args in (("fagui diff national jiangxi", diff_args), ("fagui report (seeds)", report_args)):
            cases += [(f"{label}, C++", args, ""), (f"{label}, Python", args, USE_PYTHON)]
        figures: dict[str, list[tuple[float, float]]] = {label: [] for label, _, _ in cases}
        for _ in range(repeat):  # interleaved, so load on the machine hits every case alike
            for label, args, prelude in cases:
                figures[label].append(run_process(args(), prelude))
    out(f"2. whole process (best of {repeat}, interleaved)")
    out(f"   {'':<36} {'wall':>9} {'cpu':>9}")
    for label, runs_ in figures.items():
        wall, cpu = min(w for w, _ in runs_), min(c for _, c in runs_)
        out(f"   {label:<36} {wall * 1000:7.0f}ms {cpu * 1000:7.0f}ms")
    for label in ("fagui diff national jiangxi", "fagui report (seeds)"):
        fast, slow = (min(c for _, c in figures[f"{label}, {v}"]) for v in ("C++", "Python"))
        out(f"   {label}: Python/C++ CPU time {slow / fast:.2f}x")


def paragraph(n: int) -> str:
    """``n`` characters of the seed texts' blocks run together, as one paragraph."""
    texts = [read_regulation(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "texts").rglob("*.md"))]
    text = "".join(b for t in texts for a in t.articles for b in a.blocks())
    return (text * (n // len(text) + 1))[:n]


def edits(text: str, shape: str, rng: random.Random) -> str:
    if shape == "1% replaced":
        chars = list(text)
        for _ in range(len(chars) // 100):
            chars[rng.randrange(len(chars))] = chr(rng.randrange(0x4E00, 0x9FA6))
        return "".join(chars)
    if shape == "clauses shuffled":
        clauses = fagui.diff._UNITS[0].findall(text)
        rng.shuffle(clauses)
        return "".join(clauses)
    tenth, middle = len(text) // 10, len(text) // 2
    other = regulation(JIANGXI)
    filler = "".join(b for a in reversed(other.articles) for b in a.blocks())
    filler = (filler * (tenth // len(filler) + 1))[:tenth]
    return text[:middle] + filler + text[middle + tenth :]


def scaling(sizes: list[int], python_up_to: int, out=print) -> None:
    out("3. one paragraph of N characters against an edited copy (CPU time, best of 3)")
    out(f"   {'edit':<22} {'diff':<7} " + " ".join(f"{n:>9,}" for n in sizes) + "   slope")
    full = paragraph(max(sizes))
    for shape in ("1% replaced", "a tenth rewritten", "clauses shuffled"):
        pairs = {}
        for n in sizes:
            left = full[:n]
            pairs[n] = (left, edits(left, shape, random.Random(n)))
        for name, variant in (("C++", SHIPPED), ("Python", PythonDiff())):
            times = {}
            for n in sizes:
                if name == "Python" and n > python_up_to:
                    break
                left, right = pairs[n]
                times[n] = best(lambda: with_diff(variant, lambda: fagui.diff.diff_text(left, right)), 3)
            cells = " ".join(f"{times[n] / n * 1e6:7.1f}ms" if n in times else f"{'-':>9}" for n in sizes)
            lo, hi = min(times), max(times)
            slope = math.log(times[hi] / times[lo]) / math.log(hi / lo) if hi > lo else float("nan")
            out(f"   {shape:<22} {name:<7} {cells}   {slope:.2f}")
    out("   (cells: milliseconds per 1,000 characters)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="7500,15000,30000,60000,120000")
    parser.add_argument("--python-up-to", type=int, default=30000, help="largest N for the Python diff (it is slow)")
    args = parser.parse_args(argv)
    in_process(args.repeat)
    whole_process(args.repeat)
    scaling([int(s) for s in args.sizes.split(",") if s], args.python_up_to)


if __name__ == "__main__":
    main()
