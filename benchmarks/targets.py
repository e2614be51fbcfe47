"""How a benchmark reports its figures against its targets (shared by the
benchmarks that hold ratios to targets)."""

from __future__ import annotations


def report(figures: dict[str, float], targets: dict[str, float], width: int, value_width: int = 8) -> int:
    """Print each figure, with its target where it has one; 0 when every
    target is met, else 1 (the benchmark's exit status)."""
    for key, value in figures.items():
        target = f"  (target <= {targets[key]})" if key in targets else ""
        print(f"{key:{width}} {value:{value_width}.3f}{target}")
    return 0 if all(figures[k] <= v for k, v in targets.items()) else 1
