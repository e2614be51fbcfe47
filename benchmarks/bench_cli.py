"""How fast the command line starts and answers, as ratios to baselines run
in the same session (median of 9 runs each, runs interleaved so that a busy
moment hits both sides alike):

* ``fagui --help`` against ``python -c pass`` (target <= 2x; run it with the
  python of a non-editable install, ``pip install .`` into a fresh venv: an
  editable install's ``.pth`` file slows the baseline and flatters the ratio);
* ``fagui diff`` national vs Jiangxi (text, JSON and HTML) against a script
  that runs ``difflib.HtmlDiff`` on the same two files (target <= 2x), run
  as a user runs it, in the corpus: a git work tree, where the answer is kept
  in ``.git/fagui-cache`` (the warm-up run keeps it); and "cold", the same
  two files copied outside git, where nothing is kept;
* ``fagui report`` on the seed texts against the same HtmlDiff script over
  the national text and each of the four provinces (target <= 4x), outside
  git (nothing kept: every comparison made); and "kept", the same texts
  committed to git, where a report run again reads its comparisons back.

Each run is a fresh process, as a user's is: start-up and imports count.
The targets are on wall time; the same ratios on CPU time (user + system of
the child) are printed too, as they move less when the machine is busy.

    python benchmarks/bench_cli.py            # prints figures; exit 1 if a target is missed
    /tmp/v/bin/python benchmarks/bench_cli.py # after python -m venv /tmp/v && /tmp/v/bin/pip install .
    python benchmarks/bench_cli.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from targets import report

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "texts"
NATIONAL = TEXTS / "national" / "counterespionage-security-provisions.md"
JIANGXI = TEXTS / "jiangxi" / "counterespionage-work-regulations.md"
TARGETS = {"help_ratio": 2.0, "diff_ratio": 2.0, "diff_json_ratio": 2.0, "diff_html_ratio": 2.0, "report_ratio": 4.0}
RATIOS = {
    "help_ratio": ("help", "python"),
    "diff_ratio": ("diff", "htmldiff_one"),
    "diff_json_ratio": ("diff_json", "htmldiff_one"),
    "diff_html_ratio": ("diff_html", "htmldiff_one"),
    "diff_cold_ratio": ("diff_cold", "htmldiff_one"),
    "diff_json_cold_ratio": ("diff_json_cold", "htmldiff_one"),
    "diff_html_cold_ratio": ("diff_html_cold", "htmldiff_one"),
    "report_ratio": ("report", "htmldiff_four"),
    "report_kept_ratio": ("report_kept", "htmldiff_four"),
}
"""Each ratio: (our command, its baseline)."""

HTMLDIFF = """
import difflib, sys
from pathlib import Path
national = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
out = Path(sys.argv[2])
for i, other in enumerate(sys.argv[3:]):
    page = difflib.HtmlDiff().make_file(national, Path(other).read_text(encoding="utf-8").splitlines())
    if out.is_dir():
        (out / f"{i}.html").write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
"""
"""The baseline: difflib's side-by-side HTML of the national text against
each text named after it, to stdout (one) or into a folder (several)."""


def fagui_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m cli``."""
    script = Path(sys.executable).with_name("fagui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli"]


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""As a user's installed copy runs: bytecode cached (the warm-up writes it)."""


def seconds(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds of one run, and the CPU seconds (user + system) it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(cases: dict[str, list[str]], cwd: Path, runs: int, elsewhere: dict[str, Path] | None = None) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command line, the cases run
    round-robin, in ``cwd`` or where ``elsewhere`` says."""
    elsewhere = elsewhere or {}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for name, argv in cases.items():  # one warm-up each: files into the page cache (and answers kept)
        seconds(argv, elsewhere.get(name, cwd))
    for _ in range(runs):
        for name, argv in cases.items():
            times[name].append(seconds(argv, elsewhere.get(name, cwd)))
    return {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for name, t in times.items()}


def bench(runs: int = 9) -> dict[str, float]:
    fagui = fagui_command()
    provinces = sorted(p for p in TEXTS.rglob("*.md") if not p.is_relative_to(TEXTS / "national"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seeds = tmp / "seeds"  # the seed texts outside git: the report has no version histories
        shutil.copytree(TEXTS, seeds / "texts", ignore=shutil.ignore_patterns("*.source.txt"))
        kept = tmp / "kept"  # the same, committed: a report run again reads its comparisons back
        shutil.copytree(seeds, kept)
        for args in (["init", "-q"], ["add", "texts"], ["-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "seeds"]):
            subprocess.run(["git", "-C", str(kept), *args], check=True, capture_output=True)
        cold = [str(seeds / p.relative_to(ROOT)) for p in (NATIONAL, JIANGXI)]  # outside git: nothing kept
        (tmp / "htmldiff").mkdir()
        env_python = [sys.executable]
        cases = {
            "python": env_python + ["-c", "pass"],
            "help": fagui + ["--help"],
            "htmldiff_one": env_python + ["-c", HTMLDIFF, str(NATIONAL), "-", str(JIANGXI)],
            "diff": fagui + ["diff", str(NATIONAL), str(JIANGXI)],
            "diff_json": fagui + ["diff", str(NATIONAL), str(JIANGXI), "--format", "json"],
            "diff_html": fagui + ["diff", str(NATIONAL), str(JIANGXI), "--format", "html"],
            "diff_cold": fagui + ["diff", *cold],
            "diff_json_cold": fagui + ["diff", *cold, "--format", "json"],
            "diff_html_cold": fagui + ["diff", *cold, "--format", "html"],
            "htmldiff_four": env_python + ["-c", HTMLDIFF, str(NATIONAL), str(tmp / "htmldiff"), *map(str, provinces)],
            "report": fagui + ["report", "--repo", str(seeds), "-o", str(tmp / "report")],
            "report_kept": fagui + ["report", "--repo", str(kept), "-o", str(tmp / "report-kept")],
        }
        outside = {name: seeds for name in cases if name.endswith("_cold")}  # not in a git work tree: nothing kept
        t = medians(cases, ROOT, runs, outside)  # in the corpus, as a user runs fagui diff
    figures = {f"{name}_seconds": wall for name, (wall, _) in t.items()}
    for ratio, (ours, baseline) in RATIOS.items():
        figures[ratio] = t[ours][0] / t[baseline][0]
    for ratio, (ours, baseline) in RATIOS.items():  # steadier on a busy machine
        figures[ratio.replace("_ratio", "_cpu_ratio")] = t[ours][1] / t[baseline][1]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (the median is taken)")
    args = parser.parse_args(argv)
    figures = bench(args.runs)
    return report(figures, TARGETS, 24)


if __name__ == "__main__":
    raise SystemExit(main())
