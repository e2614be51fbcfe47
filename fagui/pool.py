"""Making a report's comparisons on every core, with the same result as one.

The report is planned once, in the caller; each worker process is handed
the comparisons to make, one at a time, as the plan's
:class:`fagui.report.PendingComparison` values (a worker opens the corpus
once, on the first it is handed); the comparisons come back to the
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
from typing import Iterator

from fagui.errors import FaguiError
from fagui.model import Comparison
from fagui.report import PendingComparison, ReportPlan


@dataclass(frozen=True)
class Failed:
    """A comparison that could not be made: the error, as FaguiError states it."""

    message: str
    path: str | None
    line: int | None

    def error(self) -> FaguiError:
        return FaguiError(self.message, self.path, self.line)


def _make(pending: PendingComparison) -> tuple[str, Comparison | Failed]:
    try:
        return pending.name, pending.make()
    except FaguiError as exc:
        return pending.name, Failed(exc.message, exc.path, exc.line)


POOL_FROM = 16
"""With fewer comparisons than this, :func:`default_jobs` is 1: starting
workers (each imports fagui and opens the corpus) costs more than it saves."""


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
    pending = plan.jurisdictions + plan.versions
    if jobs <= 1 or len(pending) <= 1:
        stream = map(_make, pending)
    else:
        stream = _pooled(pending, jobs)
    n = len(plan.jurisdictions)
    return _noted(plan, _take(stream, n)), _take(stream, len(pending) - n)


def _take(stream: Iterator, n: int) -> Iterator:
    for _ in range(n):
        yield next(stream)


def _noted(plan: ReportPlan, made: Iterator[tuple[str, Comparison | Failed]]) -> Iterator[tuple[str, Comparison | Failed]]:
    """``made``, each comparison noted in ``plan`` as it passes (:meth:`fagui.report.ReportPlan.made`)."""
    for name, comparison in made:
        if not isinstance(comparison, Failed):
            plan.made(comparison)
        yield name, comparison


def _pooled(pending: tuple[PendingComparison, ...], jobs: int) -> Iterator[tuple[str, Comparison | Failed]]:
    # spawn, not fork: a worker must not inherit the parent's open git
    # processes and caches; it opens the corpus afresh (fagui.report.Shared).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(pending)), mp_context=context) as pool:
        waiting: deque = deque()
        todo = iter(pending)
        for job in todo:
            waiting.append(pool.submit(_make, job))
            if len(waiting) >= 2 * jobs:
                break
        while waiting:
            yield waiting.popleft().result()
            job = next(todo, None)
            if job is not None:
                waiting.append(pool.submit(_make, job))
