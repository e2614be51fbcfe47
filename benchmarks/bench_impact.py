"""`fagui impact` on a corpus of many provinces: peak memory, and how it grows
with the number of texts implementing a revised national text.

    python benchmarks/bench_impact.py                 # 10 then 80 provinces
    python benchmarks/bench_impact.py --provinces 10 40

The national text is a real law in two versions from LawRefBook
(野生动物保护法 2018 and 2022, ``../shared/corpus/lawrefbook`` or
$FAGUI_LAWREFBOOK_FILES; never committed), committed one after the other in
a temporary git corpus. Each province is synthetic: the 2018 version rewritten
as a province might (benchmarks/bench_report.py), in force from 2019, so it
follows the 2018 version and every one of them has changes to review. Each
run is its own process (the real CLI); peak memory is its largest resident
set (getrusage, Linux). Growth is the peak with the most provinces over the
peak with the fewest, in the same run. Run it once, not in loops.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_implements import lawrefbook  # noqa: E402
from bench_report import province  # noqa: E402
from fagui.ingest import ingest_bytes  # noqa: E402
from fagui.markdown import write_regulation  # noqa: E402
from targets import report  # noqa: E402

NATIONAL = "national/wildlife-law"
VERSIONS = ("经济法/野生动物保护法(2018-10-26).md", "经济法/野生动物保护法(2022-12-30).md")

TARGETS = {"peak growth": 1.2}
"""Peak memory with the most provinces over that with the fewest (10 -> 80
provinces: eight times the comparisons). 2026-12-06, 10 -> 40 provinces,
JSON: 48.4 -> 65.8 MiB (0.58 MiB a province: the whole document held every
province's copy of the national changes) before writing it a province at a
time, 44.7 -> 45.2 MiB (0.02 MiB a province) after; text 44.7 -> 46.8 MiB
(0.07 MiB a province)."""

MEASURE = """
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    done = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE)
if done.returncode:
    sys.exit(done.stderr.decode())
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Runs a command in a process of its own, its output to a file: the peak
resident set (KiB) of that command alone."""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def build(dest: Path, provinces: int) -> Path:
    """A git corpus: the 2018 version and the provinces, then the 2022 version."""
    source = lawrefbook()
    old, new = (ingest_bytes((source / v).read_bytes(), Path(v).name).regulation for v in VERSIONS)
    law = dest / "texts" / f"{NATIONAL}.md"
    law.parent.mkdir(parents=True)
    law.write_text(write_regulation(old), encoding="utf-8")
    for k in range(provinces):
        rewritten = province(old, k)
        meta = dataclasses.replace(
            rewritten.metadata, title=f"测试{k:03d}省实施《{old.metadata.title}》办法", implements=(NATIONAL,),
            adopted=None, promulgated=None, effective="2019-01-01", history=(),
        )
        target = dest / "texts" / f"p{k:03d}" / "wildlife.md"
        target.parent.mkdir(parents=True)
        target.write_text(write_regulation(dataclasses.replace(rewritten, metadata=meta)), encoding="utf-8")
    env = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    os.environ.update(env)
    git(dest, "init", "-q", "-b", "main")
    git(dest, "add", "-A")
    git(dest, "commit", "-qm", "2018")
    law.write_text(write_regulation(new), encoding="utf-8")
    git(dest, "commit", "-qam", "2022")
    return dest


def run_impact(corpus: Path, fmt: str) -> dict:
    """One `fagui impact` in its own process: peak MiB, seconds, output size
    and (from a JSON run) the changes listed."""
    out = corpus.parent / f"{corpus.name}.{fmt}"
    command = [sys.executable, "-m", "cli", "impact", NATIONAL, "--format", fmt, "--repo", str(corpus)]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(out), *command],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT, check=True,
    )
    seconds = time.perf_counter() - start
    figures = {"peak_mib": int(done.stdout) / 1024, "seconds": seconds, "output_mib": out.stat().st_size / 2**20}
    if fmt == "json":
        data = json.loads(out.read_text(encoding="utf-8"))
        figures |= {"provinces": len(data["implementing"]), "changes": sum(len(p["changes"]) for p in data["implementing"])}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, nargs=2, default=[10, 80])
    parser.add_argument("--format", choices=["json", "text"], default="json")
    args = parser.parse_args()
    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.provinces:
            figures[f"provinces_{n}"] = run_impact(build(Path(tmp) / f"c{n}", n), args.format)
    small, large = (figures[f"provinces_{n}"] for n in args.provinces)
    assert args.format != "json" or (small["provinces"], large["provinces"]) == tuple(args.provinces), figures
    print(json.dumps(figures, indent=2))
    growth = {"peak growth": large["peak_mib"] / small["peak_mib"]}
    print(f"per province beyond the first {args.provinces[0]}: {(large['peak_mib'] - small['peak_mib']) / (args.provinces[1] - args.provinces[0]):.3f} MiB")
    sys.exit(report(growth, TARGETS, width=12))


if __name__ == "__main__":
    main()
