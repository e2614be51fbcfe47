"""Making a report's comparisons on every core, with the same result as one.

Each worker process plans the report itself (:func:`fagui.report.plan_report`
on the same corpus: the same texts, pairs, names and order) and makes the
comparisons it is handed by position; the comparisons come back to the
caller in the plan's order, so the site written from them is the same, byte
for byte, as with one process. At most ``2 x jobs`` comparisons are in
flight, so a slow writer never holds more than that many in memory.

A comparison that fails (:class:`fagui.errors.FaguiError`: a version in git
that cannot be read) comes back as a :class:`Failed` value, so the caller
decides, as it does with one process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from fagui.errors import FaguiError
from fagui.model import Comparison
from fagui.report import ReportPlan, plan_report


@dataclass(frozen=True)
class Failed:
    """A comparison that could not be made: the error, as FaguiError states it."""

    message: str
    path: str | None
    line: int | None

    def error(self) -> FaguiError:
        return FaguiError(self.message, self.path, self.line)


_plan: ReportPlan | None = None


def _start(root: str) -> None:
    global _plan
    _plan = plan_report(root)


def _make(key: tuple[bool, int]) -> tuple[str, Comparison | Failed]:
    assert _plan is not None, "a worker plans the report when it starts"
    return _make_in(_plan, key)


def _make_in(plan: ReportPlan, key: tuple[bool, int]) -> tuple[str, Comparison | Failed]:
    in_versions, position = key
    pending = (plan.versions if in_versions else plan.jurisdictions)[position]
    try:
        return pending.name, pending.make()
    except FaguiError as exc:
        return pending.name, Failed(exc.message, exc.path, exc.line)


POOL_FROM = 16
"""With fewer comparisons than this, :func:`default_jobs` is 1: starting
workers (each imports fagui and plans the report) costs more than it saves."""


def default_jobs(plan: ReportPlan) -> int:
    """Every core this process may use, for a plan of :data:`POOL_FROM`
    comparisons or more; else 1."""
    if len(plan) < POOL_FROM:
        return 1
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def made(plan: ReportPlan, jobs: int) -> tuple[Iterator[tuple[str, Comparison | Failed]], Iterator[tuple[str, Comparison | Failed]]]:
    """The comparisons of ``plan`` (jurisdictions, then versions), each
    as (name, Comparison or Failed), made by ``jobs`` processes (in this one
    when ``jobs`` is 1 or there is at most one comparison). Consume the first
    iterator before the second."""
    keys = [(False, i) for i in range(len(plan.jurisdictions))] + [(True, i) for i in range(len(plan.versions))]
    if jobs <= 1 or len(keys) <= 1:
        stream = (_make_in(plan, key) for key in keys)
    else:
        stream = _pooled(plan.root, keys, jobs)
    n = len(plan.jurisdictions)
    return _take(stream, n), _take(stream, len(keys) - n)


def _take(stream: Iterator, n: int) -> Iterator:
    for _ in range(n):
        yield next(stream)


def _pooled(root: Path, keys: list[tuple[bool, int]], jobs: int) -> Iterator[tuple[str, Comparison | Failed]]:
    # spawn, not fork: a worker must not inherit the parent's open git
    # processes and caches; it plans the report afresh from the corpus.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(keys)), mp_context=context, initializer=_start, initargs=(str(root),)) as pool:
        waiting: deque = deque()
        todo = iter(keys)
        for key in todo:
            waiting.append(pool.submit(_make, key))
            if len(waiting) >= 2 * jobs:
                break
        while waiting:
            yield waiting.popleft().result()
            key = next(todo, None)
            if key is not None:
                waiting.append(pool.submit(_make, key))
