"""How long `fagui report` takes, and how it scales with the number of provinces.

Figures are ratios against a baseline measured in the same process (reading
and parsing the seed corpus's five canonical texts), so they compare across
machines; absolute seconds are printed too.

    python benchmarks/bench_report.py                  # seed corpus, then 30 and 300 synthetic provinces
    python benchmarks/bench_report.py --provinces 3 30 # other sizes

Synthetic provinces are the national text rewritten per province (seeded
random): about a fifth of the articles dropped, a third reworded, a few new
ones added. Memory is the peak traced by tracemalloc during each report; flat
means the peak does not grow with the number of provinces (the report holds
one comparison at a time).

Each corpus is also reported by the whole ``fagui report`` process, as a
user runs it (a process per core, outside git: every comparison made):
``provinces_N_process_seconds`` is its wall time (target: 300 provinces in
under 30 s), ``..._process_cpu_seconds`` the CPU time of it and its workers,
and ``process_time_scaling`` the CPU time per province at the largest size
over that at the smallest (1.0: linear; target <= 1.1).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fagui.markdown import read_regulation, write_regulation  # noqa: E402
from fagui.model import Article, Division, Paragraph, Regulation  # noqa: E402
from fagui.report import plan_report  # noqa: E402
from renderers.report import build_site  # noqa: E402
from targets import report  # noqa: E402

NATIONAL = "national/counterespionage-security-provisions"
TARGETS = {"provinces_300_process_seconds": 30.0, "process_time_scaling": 1.1}


def baseline(repeat: int = 5) -> float:
    """Seconds to read and parse the five seed texts (best of ``repeat``)."""
    paths = sorted((ROOT / "texts").rglob("*.md"))
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for p in paths:
            read_regulation(p.read_text(encoding="utf-8"))
        best = min(best, time.perf_counter() - start)
    return best


def seed_corpus(dest: Path) -> Path:
    for md in (ROOT / "texts").rglob("*.md"):
        target = dest / "texts" / md.relative_to(ROOT / "texts")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(md, target)
    return dest


_SWAPS = [("国家安全机关", "省国家安全机关"), ("应当", "须"), ("有关", "相关"), ("工作", "事务"), ("规定", "办法"), ("单位", "组织")]


def province(national: Regulation, k: int) -> Regulation:
    """The national text as province ``k`` might rewrite it."""
    rnd = random.Random(k)
    articles = []
    for a in national.articles:
        roll = rnd.random()
        if roll < 0.2:
            continue  # not adopted
        blocks = list(a.blocks())
        if roll < 0.55:
            old, new = rnd.choice(_SWAPS)
            blocks = [b.replace(old, new) for b in blocks]
        articles.append([Paragraph(b) for b in blocks])
        if rnd.random() < 0.15:
            articles.append([Paragraph(f"本省第{k}号补充规定：县级以上人民政府应当将第{len(articles)}项工作经费列入本级预算。")])
    from fagui.text.numerals import to_chinese

    body = tuple(Article(i, f"第{to_chinese(i)}条", tuple(ps)) for i, ps in enumerate(articles, 1))
    meta = dataclasses.replace(
        national.metadata, title=f"测试{k:03d}省反间谍安全防范办法", jurisdiction=f"测试{k:03d}省", level="provincial",
        issuer=None, document_number=None, signatory=None, source=None, source_sha256=None,
        implements=(NATIONAL,),  # its basis clause may be among the articles dropped
    )
    return Regulation(meta, (), (Division("章", 1, "第一章", "总则", body),))


def synthetic_corpus(dest: Path, n: int) -> Path:
    national_md = (ROOT / "texts" / f"{NATIONAL}.md").read_text(encoding="utf-8")
    national = read_regulation(national_md)
    (dest / "texts" / "national").mkdir(parents=True)
    (dest / "texts" / f"{NATIONAL}.md").write_text(national_md, encoding="utf-8")
    (dest / "texts" / "synthetic").mkdir()
    for k in range(1, n + 1):
        (dest / "texts" / "synthetic" / f"p{k:03d}.md").write_text(write_regulation(province(national, k)), encoding="utf-8")
    return dest


def run_report(corpus: Path, out: Path, trace: bool = False) -> tuple[float, int, float]:
    """Wall seconds for a report over ``corpus`` (what `fagui report` runs:
    plan the comparisons, make each, write the site), peak traced bytes (0
    unless ``trace``), and CPU seconds of this process (steadier than wall
    time on a shared machine)."""
    if trace:
        tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    plan = plan_report(corpus)
    build_site(out, ((p.name, p.make()) for p in plan.jurisdictions), ((p.name, p.make()) for p in plan.versions))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return seconds, peak, cpu


def run_process(corpus: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, workers included) of ``fagui
    report`` on ``corpus`` as a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cli", "report", "--repo", str(corpus), "-o", str(out)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench(provinces: list[int], trace: bool = True) -> dict:
    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = baseline()
        figures["baseline_seconds"] = base
        seed = seed_corpus(tmp / "seed")
        run_report(seed, tmp / "warm")  # imports and first-call costs out of the way
        seconds, _, cpu = run_report(seed, tmp / "seed-out")
        figures["seed_seconds"] = seconds
        figures["seed_cpu_seconds"] = cpu
        figures["seed_ratio"] = seconds / base
        for n in provinces:
            corpus = synthetic_corpus(tmp / f"p{n}", n)
            seconds, cpu = run_process(corpus, tmp / f"p{n}-process")
            figures[f"provinces_{n}_process_seconds"] = seconds
            figures[f"provinces_{n}_process_cpu_seconds"] = cpu
            seconds, _, cpu = run_report(corpus, tmp / f"p{n}-out")
            figures[f"provinces_{n}_seconds"] = seconds
            figures[f"provinces_{n}_cpu_seconds"] = cpu
            figures[f"provinces_{n}_ratio"] = seconds / base
            if trace:
                _, peak, _ = run_report(corpus, tmp / f"p{n}-mem", trace=True)
                figures[f"provinces_{n}_peak_mib"] = peak / 2**20
            pages = len([p for p in (tmp / f"p{n}-out").glob("*.html") if not p.name.startswith("art.")])
            assert pages == n + 1, pages  # the index and a page per province (and pages per national article)
            assert len(list((tmp / f"p{n}-out").glob("*.docx"))) == n
    if len(provinces) >= 2:
        lo, hi = provinces[0], provinces[-1]
        figures["time_scaling"] = figures[f"provinces_{hi}_cpu_seconds"] / figures[f"provinces_{lo}_cpu_seconds"] / (hi / lo)
        figures["process_time_scaling"] = figures[f"provinces_{hi}_process_cpu_seconds"] / figures[f"provinces_{lo}_process_cpu_seconds"] / (hi / lo)
        if trace:
            figures["memory_growth"] = figures[f"provinces_{hi}_peak_mib"] / figures[f"provinces_{lo}_peak_mib"]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, nargs="+", default=[30, 300])
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs (they are slower)")
    args = parser.parse_args(argv)
    figures = bench(args.provinces, trace=not args.no_memory)
    print("time_scaling: 1.0 = linear in provinces; memory_growth: 1.0 = flat")
    return report(figures, {k: v for k, v in TARGETS.items() if k in figures}, 32, 10)


if __name__ == "__main__":
    raise SystemExit(main())
