"""`fagui report` on a corpus of many texts: wall time, peak memory, and how
they grow from 100 to 1,000 local texts against 100 national ones.

    python benchmarks/bench_implements.py                      # 100 national; 100 then 1,000 local texts
    python benchmarks/bench_implements.py --national 10 --local 20 50 --jobs 1

The national texts are real laws and regulations from LawRefBook
(``../shared/corpus/lawrefbook``, or $FAGUI_LAWREFBOOK_FILES; never committed),
ingested as fagui ingests them; the excluded families (反间谍法, 保守国家秘密法,
行政复议法, 国家安全法, 反恐怖主义法, 国家安全技术保卫条例) are left out. Each
local text is synthetic: one of the national texts rewritten as a province
might (about a fifth of its articles dropped, a third reworded, some added;
as bench_report.py does), titled 测试NNNN省实施《…》办法, so it implements
exactly one national text and ``fagui report`` makes one comparison per local
text. A report that compared every national text with every local one would
make national x local comparisons: 10,000 for 100 local texts, 100,000 for
1,000.

Each report runs as its own process (the real CLI, ``-j`` as given); wall
time is measured around it and peak memory is the largest resident set of
any one of its processes (getrusage of the children, Linux). The figures are
printed as JSON. Run it once, not in loops: the machine is shared.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_report import province  # noqa: E402
from fagui.errors import FaguiError  # noqa: E402
from fagui.ingest import ingest_bytes  # noqa: E402
from fagui.markdown import write_regulation  # noqa: E402
from fagui.model import Regulation  # noqa: E402

EXCLUDED = ("反间谍", "保守国家秘密", "行政复议", "国家安全", "反恐怖主义")
"""Families kept for an independent check: never used here."""

FOLDERS = ("宪法相关法", "民法商法", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法", "行政法规", "部门规章")


def lawrefbook() -> Path:
    env = os.environ.get("FAGUI_LAWREFBOOK_FILES")
    for p in ([Path(env)] if env else []) + [ROOT.parent / "shared" / "corpus" / "lawrefbook", ROOT.parent.parent / "shared" / "corpus" / "lawrefbook"]:
        if p.is_dir():
            return p
    raise SystemExit("no LawRefBook files: set FAGUI_LAWREFBOOK_FILES or put them in ../shared/corpus/lawrefbook")


def national_texts(source: Path, n: int, min_articles: int = 15) -> list[Regulation]:
    """The first ``n`` laws or regulations (by path) that ingest, with at
    least ``min_articles`` articles and a title of their own."""
    out: list[Regulation] = []
    titles: set[str] = set()
    paths = sorted(p for folder in FOLDERS if (source / folder).is_dir() for p in (source / folder).rglob("*.md"))
    for path in paths:
        if len(out) >= n:
            break
        if any(word in path.name for word in EXCLUDED) or path.name.startswith("_"):
            continue
        try:
            regulation = ingest_bytes(path.read_bytes(), path.name).regulation
        except FaguiError:
            continue
        meta = regulation.metadata
        if len(regulation.articles) < min_articles or meta.title in titles or any(w in meta.title for w in EXCLUDED):
            continue
        titles.add(meta.title)
        out.append(dataclasses.replace(regulation, metadata=dataclasses.replace(meta, level="national", jurisdiction="国家")))
    if len(out) < n:
        raise SystemExit(f"only {len(out)} national texts found in {source}")
    return out


def local_text(national: Regulation, k: int) -> Regulation:
    """Local text ``k``: ``national`` rewritten, titled as implementing it."""
    rewritten = province(national, k)
    name = national.metadata.title
    meta = dataclasses.replace(
        rewritten.metadata, title=f"测试{k:04d}省实施《{name}》办法", jurisdiction=f"测试{k:04d}省", level="provincial",
        implements=(), adopted=None, promulgated=None, effective="2024-01-01", history=(),
    )
    return dataclasses.replace(rewritten, metadata=meta, preamble=())


def build(dest: Path, nationals: list[Regulation], locals_: int) -> Path:
    (dest / "texts" / "national").mkdir(parents=True)
    (dest / "texts" / "local").mkdir(parents=True)
    for i, n in enumerate(nationals):
        (dest / "texts" / "national" / f"n{i:03d}.md").write_text(write_regulation(n), encoding="utf-8")
    rnd = random.Random(1)
    for k in range(locals_):
        national = nationals[rnd.randrange(len(nationals))]
        (dest / "texts" / "local" / f"l{k:04d}.md").write_text(write_regulation(local_text(national, k)), encoding="utf-8")
    return dest


def run_report(corpus: Path, out: Path, jobs: int) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cli", "report", "--repo", str(corpus), "-o", str(out), "-j", str(jobs)],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    pairs = sum(1 for c in index["comparisons"] if c["mode"] == "jurisdictions")
    return {
        "seconds": seconds,
        "cpu_seconds": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        "peak_mib": after.ru_maxrss / 1024,
        "comparisons": pairs,
        "unpaired": len(index["unpaired"]),
    }


def bench(national: int, sizes: list[int], jobs: int) -> dict:
    source = lawrefbook()
    start = time.perf_counter()
    nationals = national_texts(source, national)
    figures: dict = {"national": national, "jobs": jobs, "ingest_seconds": time.perf_counter() - start}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = build(Path(tmp) / f"c{n}", nationals, n)
            result = run_report(corpus, Path(tmp) / f"out{n}", jobs)
            figures[f"local_{n}"] = result | {"national_x_local": national * n}
    if len(sizes) >= 2:
        small, large = figures[f"local_{sizes[0]}"], figures[f"local_{sizes[-1]}"]
        figures["growth"] = {
            "comparisons": large["comparisons"] / small["comparisons"],
            "seconds": large["seconds"] / small["seconds"],
            "cpu_seconds": large["cpu_seconds"] / small["cpu_seconds"],
            "peak_mib": large["peak_mib"] / small["peak_mib"],
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", type=int, default=100)
    parser.add_argument("--local", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    print(json.dumps(bench(args.national, args.local, args.jobs), indent=2))


if __name__ == "__main__":
    main()
