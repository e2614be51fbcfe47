"""How fast fagui answers inside git, with and without the comparisons it
kept from before (``.git/fagui-cache/``, :mod:`fagui.cache`):

* the git diff driver: ``git diff BASE HEAD -- texts/`` over N changed
  regulation files with the driver installed, per file (target <= 60 ms a
  file once the answers are kept), against ``git diff --no-ext-diff`` and,
  per file, against ``python -c pass`` (git starts one driver process a file);
* ``fagui review BASE..HEAD`` of the same N files (target < 0.3 s once kept),
  against the same plain git diff.

The repository is made in a temporary folder from the seed texts: each of
texts/ copied under N/5 ids, and in HEAD every seventh paragraph of each
file amended. "cold": the cache deleted before each run; "warm": kept.
Each figure is the median of interleaved runs of fresh processes (wall; CPU
time of the processes too, steadier on a busy machine).

    python benchmarks/bench_git.py [--files 20] [--runs 5]
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
TARGETS = {"driver_warm_ms_per_file": 60.0, "review_warm_seconds": 0.3}

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.org", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.org")


def fagui_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m cli``."""
    script = Path(sys.executable).with_name("fagui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=ENV, check=True, capture_output=True, text=True).stdout


def amended(text: str) -> str:
    """Every seventh paragraph of the body with a clause added before its last stop."""
    lines = text.split("\n")
    body = text.index("\n# ")
    start = text[:body].count("\n") + 1
    paragraphs = [i for i in range(start, len(lines)) if lines[i] and not lines[i].startswith(("#", "-", " ")) and lines[i].endswith("。")]
    for i in paragraphs[::7]:
        lines[i] = lines[i][:-1] + "，并依法向社会公开。"
    return "\n".join(lines)


def make_repo(repo: Path, files: int) -> None:
    seeds = sorted(TEXTS.rglob("*.md"))
    git(repo, "init", "-q", "-b", "main")
    for i in range(files):
        seed = seeds[i % len(seeds)]
        target = repo / "texts" / f"{seed.parent.name}{i // len(seeds)}" / seed.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    git(repo, "tag", "base")
    for path in sorted((repo / "texts").rglob("*.md")):
        path.write_text(amended(path.read_text(encoding="utf-8")), encoding="utf-8")
    git(repo, "commit", "-qam", "head")


def wall(argv: list[str], cwd: Path, before=None) -> tuple[float, float]:
    """Wall seconds of one run, and the CPU seconds (user + system) of it and its children."""
    if before:
        before()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    seconds = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (now.ru_utime - used.ru_utime) + (now.ru_stime - used.ru_stime)


def bench(files: int, runs: int) -> dict[str, float]:
    fagui = fagui_command()
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "corpus"
        repo.mkdir()
        make_repo(repo, files)
        subprocess.run([*fagui, "install-git-driver"], cwd=repo, env=ENV, check=True, capture_output=True)
        cache = repo / ".git" / "fagui-cache"

        def clear() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        cases = {
            "python": ([sys.executable, "-c", "pass"], None),  # the floor of one process a file
            "git_plain": (["git", "diff", "--no-ext-diff", "base", "HEAD", "--", "texts/"], None),
            "driver_cold": (["git", "diff", "base", "HEAD", "--", "texts/"], clear),
            "driver_warm": (["git", "diff", "base", "HEAD", "--", "texts/"], None),
            "review_cold": ([*fagui, "review", "base..HEAD"], clear),
            "review_warm": ([*fagui, "review", "base..HEAD"], None),
        }
        for argv, before in cases.values():  # warm-up: bytecode, page cache, and the cache filled
            wall(argv, repo, before)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, (argv, before) in cases.items():
                if name.endswith("_warm"):  # kept answers of this code: fill them first
                    wall(cases[name.replace("_warm", "_cold")][0], repo)
                times[name].append(wall(argv, repo, before))
    t = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    return {
        "files": files,
        "git_plain_seconds": t["git_plain"],
        "driver_cold_ms_per_file": t["driver_cold"] / files * 1000,
        "driver_warm_ms_per_file": t["driver_warm"] / files * 1000,
        "driver_warm_ratio_to_plain": t["driver_warm"] / t["git_plain"],
        "driver_warm_file_ratio_to_python": t["driver_warm"] / files / t["python"],
        "review_cold_seconds": t["review_cold"],
        "review_warm_seconds": t["review_warm"],
        "review_warm_ratio_to_plain": t["review_warm"] / t["git_plain"],
        "driver_warm_cpu_ms_per_file": cpu["driver_warm"] / files * 1000,
        "review_warm_cpu_seconds": cpu["review_warm"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    figures = bench(args.files, args.runs)
    return report(figures, TARGETS, 28, value_width=9)


if __name__ == "__main__":
    raise SystemExit(main())
