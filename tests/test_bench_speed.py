"""The speed benchmarks of issue 23 run end to end at a tiny size, so that
they do not rot (their figures are in docs/cli.md and docs/comparison.md;
no timing is asserted here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from public import LAWREFBOOK, require

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load(name: str):
    """A benchmark module, with its folder on sys.path as when it runs as a
    script (`python benchmarks/NAME.py`), so its shared helpers import."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_git_benchmark_runs_with_the_cache_cold_and_warm():
    figures = load("bench_git").bench(files=2, runs=1)
    assert figures["files"] == 2
    assert all(figures[name] > 0 for name in ("driver_warm_ms_per_file", "review_warm_seconds", "driver_cold_ms_per_file"))


def test_scale_benchmark_writes_markdown_and_runs_fagui_diff_in_both_modes():
    require(LAWREFBOOK)
    lines: list[str] = []
    figures = load("bench_scale").bench([10, 20], lawrefbook=2, out=lines.append)
    assert {"versions_slope", "jurisdictions_slope", "versions_peak_mb", "jurisdictions_cpu_seconds"} <= set(figures)
    assert [line.split()[1] for line in lines[2:]] == ["versions", "jurisdictions"] * 2


def test_report_benchmark_runs_in_process_and_as_the_fagui_command():
    figures = load("bench_report").bench([1, 3], trace=True)
    assert figures["seed_seconds"] > 0 and figures["provinces_3_ratio"] > 0
    assert figures["provinces_3_process_seconds"] > 0 and figures["process_time_scaling"] > 0
    assert set(figures) >= {"baseline_seconds", "seed_ratio", "time_scaling", "memory_growth"}
