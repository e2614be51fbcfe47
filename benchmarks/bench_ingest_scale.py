"""Ingestion is linear in the paragraphs of one article (issue 20, item 9),
as a ratio in one run: the whole `fagui ingest` process on a text of one
article with 6,000 and with 60,000 paragraphs (tests/hostile.py makes them),
CPU time per paragraph beyond a bare start of the CLI.

    python benchmarks/bench_ingest_scale.py [--repeat 3]

Target: the time per paragraph at 60,000 at most 1.5 times that at 6,000
(a quadratic parser gave about 10 times: 10,000 paragraphs 6 s, 60,000 past
120 s). Also prints each run's peak memory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

TARGET = 1.5


def run(path: str) -> tuple[float, int]:
    """CPU seconds and peak resident bytes of one `fagui ingest` of ``path``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "cli", "ingest", path, "-q", "-o", path + ".md"], env=env, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, path
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        sizes, best = (0, 6_000, 60_000), {}
        for n in sizes:
            path = os.path.join(folder, f"{n}.txt")
            Path(path).write_bytes(hostile.long_article(n))
            runs = [run(path) for _ in range(repeat)]
            best[n] = min(runs)
            print(f"{n:>6} paragraphs: {best[n][0]:.2f} s CPU, {best[n][1] / 2**20:.0f} MB peak")
    per = {n: (best[n][0] - best[0][0]) / n for n in sizes[1:]}
    ratio = per[60_000] / per[6_000]
    print(f"time per paragraph, 60,000 vs 6,000: {ratio:.2f}x (target <= {TARGET}x)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
