"""What a bigger corpus costs a diff: ``fagui diff`` national vs Jiangxi
run inside a corpus of 300 texts, against the same diff run inside the seed
corpus (target <= 1.2x), as fresh processes, median of interleaved runs. The
target is on a first diff: the answer ``fagui diff`` keeps in
``.git/fagui-cache/`` is deleted before each run (what a bigger corpus costs
is reading its background, which a kept answer skips); "kept" figures, the
same diff asked again, are printed beside it.

The 300-text corpus is the seed texts and canonical Markdown made (by
fagui's own ingest) from LawRefBook files in ../shared/corpus/lawrefbook
(every k-th file, sorted; files that do not ingest are passed over), built
in a temporary folder and never kept. A corpus is a git repository, as
``fagui init`` makes it, with every text committed.

    python benchmarks/bench_corpus.py [--texts 300] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fagui.cache import CACHE_DIR  # noqa: E402
from fagui.errors import FaguiError  # noqa: E402
from fagui.ingest import ingest_bytes  # noqa: E402
from fagui.markdown import write_regulation  # noqa: E402
from targets import report  # noqa: E402

TEXTS = ROOT / "texts"
LAWREFBOOK = Path(os.environ.get("FAGUI_PUBLIC_TEXTS") or ROOT.parent / "shared" / "corpus") / "lawrefbook"
"""As tests/public.py finds it (that module needs pytest, which an installed copy may lack)."""
PAIR = ("texts/national/counterespionage-security-provisions.md", "texts/jiangxi/counterespionage-work-regulations.md")
TARGETS = {"corpus_ratio": 1.2}
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.org", GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.org")


def fagui_command() -> list[str]:
    """The installed console script beside this interpreter, else ``python -m cli``."""
    script = Path(sys.executable).with_name("fagui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli"]


def seed_corpus(folder: Path) -> Path:
    shutil.copytree(TEXTS, folder / "texts", ignore=shutil.ignore_patterns("*.source.txt"))
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
    subprocess.run(["git", "commit", "-qm", "texts"], cwd=folder, env=ENV, check=True)
    return folder


def big_corpus(folder: Path, texts: int) -> Path:
    """The seed texts and ``texts - 5`` canonical texts ingested from LawRefBook."""
    shutil.copytree(TEXTS, folder / "texts", ignore=shutil.ignore_patterns("*.source.txt"))
    files = sorted(LAWREFBOOK.rglob("*.md"))
    wanted = texts - len(list(TEXTS.rglob("*.md")))
    step = max(1, len(files) // (wanted * 2))
    made = 0
    for path in files[::step]:
        if made == wanted:
            break
        try:
            regulation = ingest_bytes(path.read_bytes(), path.name).regulation
        except FaguiError:
            continue
        if len(regulation.articles) < 3:
            continue
        target = folder / "texts" / "lawrefbook" / f"t{made:04d}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(write_regulation(regulation), encoding="utf-8")
        made += 1
    if made < wanted:
        raise SystemExit(f"only {made} LawRefBook files ingested, {wanted} wanted")
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
    subprocess.run(["git", "commit", "-qm", "texts"], cwd=folder, env=ENV, check=True)
    return folder


def seconds(argv: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds of one run, and its CPU seconds (user + system)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed in {cwd}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def bench(texts: int, runs: int) -> dict[str, float]:
    fagui = fagui_command()
    with tempfile.TemporaryDirectory() as tmp:
        folders = {"seeds": seed_corpus(Path(tmp) / "seeds"), "big": big_corpus(Path(tmp) / "big", texts)}
        argv = [*fagui, "diff", *PAIR]
        for folder in folders.values():  # warm-up: bytecode, page cache
            seconds(argv, folder)
        cases = [(name, kept) for name in folders for kept in (False, True)]
        times: dict[tuple[str, bool], list[tuple[float, float]]] = {case: [] for case in cases}
        for _ in range(runs):
            for name, kept in cases:
                if not kept:  # a first diff: nothing kept from before
                    shutil.rmtree(folders[name] / ".git" / CACHE_DIR, ignore_errors=True)
                times[name, kept].append(seconds(argv, folders[name]))
    wall = {case: statistics.median(w for w, _ in t) for case, t in times.items()}
    cpu = {case: statistics.median(c for _, c in t) for case, t in times.items()}
    return {
        "texts": texts,
        "seeds_seconds": wall["seeds", False],
        "big_seconds": wall["big", False],
        "corpus_ratio": wall["big", False] / wall["seeds", False],
        "corpus_cpu_ratio": cpu["big", False] / cpu["seeds", False],
        "kept_seeds_seconds": wall["seeds", True],
        "kept_big_seconds": wall["big", True],
        "kept_corpus_ratio": wall["big", True] / wall["seeds", True],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    figures = bench(args.texts, args.runs)
    return report(figures, TARGETS, 20)


if __name__ == "__main__":
    raise SystemExit(main())
