"""The engine at scale, as a user meets it: two regulations of N articles
written as canonical Markdown files and compared by ``fagui diff`` in a
fresh process, in both modes (versions, jurisdictions). Whole process: wall
and CPU time, peak resident memory (``ru_maxrss``), and the log-log slope
of time from the smallest N to the largest (1.0: linear; on CPU time too,
steadier on a busy machine). Targets at 20,000
articles: < 10 s, < 600 MB, slope <= 1.1. Baseline in the same run: a
process running ``difflib.unified_diff`` over the two files' lines (it aligns
no articles and diffs no characters), as a ratio.

The texts are varied synthetic regulations built from real articles
(:func:`bench_engine.synthetic_pair` over the articles of the seed texts and
of LawRefBook files in ../shared/corpus/lawrefbook ingested by fagui), in a
temporary folder outside any corpus, never kept. Each size runs once: the
machine is shared; quote the figures with the load.

    python benchmarks/bench_scale.py [--sizes 1000,5000,20000] [--lawrefbook 80]
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_engine import NATIONAL, PROVINCES, read, synthetic_pair  # noqa: E402
from targets import report  # noqa: E402

from fagui.errors import FaguiError  # noqa: E402
from fagui.ingest import ingest_bytes  # noqa: E402
from fagui.markdown import write_regulation  # noqa: E402

LAWREFBOOK = Path(os.environ.get("FAGUI_PUBLIC_TEXTS") or ROOT.parent / "shared" / "corpus") / "lawrefbook"
TARGETS = {
    f"{mode}_{figure}": target
    for mode in ("versions", "jurisdictions")
    for figure, target in (("seconds", 10.0), ("peak_mb", 600.0), ("slope", 1.1))
}
"""At the largest size (20,000 articles by default): wall seconds, peak
resident MB, and the log-log slope of wall time from the smallest size."""
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

LINE_DIFF = """
import difflib, sys
a, b = (open(p, encoding="utf-8").read().splitlines() for p in sys.argv[1:3])
sys.stdout.writelines(difflib.unified_diff(a, b))
"""


def fagui_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m cli``."""
    script = Path(sys.executable).with_name("fagui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli"]


def real_articles(files: int) -> list:
    """The articles of the seed texts and of ``files`` LawRefBook files
    (every k-th, sorted; those that do not ingest passed over)."""
    articles = [a for rid in (NATIONAL, *PROVINCES) for a in read(rid)[1].articles]
    paths = sorted(LAWREFBOOK.rglob("*.md"))
    for path in paths[:: max(1, len(paths) // files)][:files]:
        try:
            articles += ingest_bytes(path.read_bytes(), path.name).regulation.articles
        except FaguiError:
            continue
    return articles


def run(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident MB of one fresh process."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {child.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def bench(sizes: list[int], lawrefbook: int, out=print) -> dict[str, float]:
    articles = real_articles(lawrefbook)
    out(f"{len(articles)} real articles to build from; load {os.getloadavg()[0]:.1f}")
    out(f"{'N':>6} {'mode':<14} {'wall':>8} {'CPU':>8} {'peak RSS':>9} {'line diff':>10} {'ratio':>7}")
    figures: dict[str, float] = {}
    times: dict[str, dict[int, float]] = {"versions": {}, "jurisdictions": {}}
    cpu_times: dict[str, dict[int, float]] = {"versions": {}, "jurisdictions": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            left, right = synthetic_pair(n, articles)
            files = [Path(tmp) / f"{n}-{side}.md" for side in ("left", "right")]
            for path, regulation in zip(files, (left, right)):
                path.write_text(write_regulation(regulation), encoding="utf-8")
            baseline, _, _ = run([sys.executable, "-c", LINE_DIFF, *map(str, files)])
            for mode in times:
                output = Path(tmp) / f"{n}-{mode}.json"
                seconds, cpu, peak = run([*fagui_command(), "diff", *map(str, files), "--mode", mode, "--format", "json", "-o", str(output)])
                times[mode][n], cpu_times[mode][n] = seconds, cpu
                out(f"{n:>6} {mode:<14} {seconds:7.2f}s {cpu:7.2f}s {peak:7.0f}MB {baseline:9.2f}s {seconds / baseline:6.1f}x")
                if n == max(sizes):
                    figures[f"{mode}_seconds"], figures[f"{mode}_cpu_seconds"], figures[f"{mode}_peak_mb"] = seconds, cpu, peak
    lo, hi = min(sizes), max(sizes)
    for mode, t in times.items():
        if hi > lo:
            figures[f"{mode}_slope"] = math.log(t[hi] / t[lo]) / math.log(hi / lo)
            figures[f"{mode}_cpu_slope"] = math.log(cpu_times[mode][hi] / cpu_times[mode][lo]) / math.log(hi / lo)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--lawrefbook", type=int, default=80, help="LawRefBook files whose articles join the seeds'")
    args = parser.parse_args(argv)
    figures = bench([int(s) for s in args.sizes.split(",")], args.lawrefbook)
    return report(figures, {k: v for k, v in TARGETS.items() if k in figures}, 26, value_width=9)


if __name__ == "__main__":
    raise SystemExit(main())
