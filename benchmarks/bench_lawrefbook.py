"""How much of LawRefBook/Laws ingests whole: a random sample of its files,
each checked against counts taken from the file itself.

A file ingests whole when ``ingest_bytes`` accepts it and the regulation has
the file's title (its ``#`` line, normalised in form), as many articles as
the file has lines opening with a label (第…条, 第…条之…) and as many
divisions as it has 编/分编/章/节 heading lines (a table of contents, which
repeats them, counted once). A file with no article line must be refused
with one line saying so. Left out: the families kept for an independent
check (反间谍法, 保守国家秘密法, 行政复议法, 国家安全法, 反恐怖主义法, their implementing
and local measures, 国家安全技术保卫条例) and the lead's alignment fixtures
(气象法 and its local 实施办法, 北京市实施《水法》办法).

    python benchmarks/bench_lawrefbook.py [REPO] [--sample 200] [--seed 11]

REPO is a folder of LawRefBook/Laws files (by default ../shared/corpus/lawrefbook
beside the project), or a clone or bare mirror of the repository, whose
files are read from its HEAD with git. Prints the share that ingest whole (target >= 98%) and
each file that does not; exit 1 when the target is missed or a file without
articles is accepted.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fagui.errors import FaguiError  # noqa: E402
from fagui.ingest import ingest_bytes  # noqa: E402
from fagui.text.normalise import normalise  # noqa: E402

TARGET = 0.98
EXCLUDED = re.compile(r"反间谍|保守国家秘密|行政复议|国家安全|反恐怖|气象|水法")
"""Paths left out (a little wider than the families named above, never narrower)."""

_NUMERAL = "一二三四五六七八九十百千零〇0-9０-９"
_ARTICLE = re.compile(rf"^第[{_NUMERAL}－—-]+(?:[ \u3000]+条|条(?:之[一二三四五六七八九十]+)?(?:[ \u3000]|$))")
"""A line opening an article, as a reader counts it: a stray space before 条
(第三十五 条) or a dash typed for 一 (第三十－条) is still a label."""
_HEADING = re.compile(
    rf"^(?:#{{1,6}} +第[{_NUMERAL}]+(?:分编|[编章节])|第[{_NUMERAL}]+(?:分编|[编章节])(?:[ \u3000]*[^。，；：\s]{{0,40}})$)"
)


@dataclass(frozen=True)
class Outcome:
    path: str
    verdict: str  # whole, wrong, refused, refused-no-articles, accepted-no-articles
    detail: str = ""


def expected(text: str) -> tuple[str | None, int, int]:
    """(title, articles, divisions) as the file itself has them."""
    first = text.split("\n", 1)[0]
    title = normalise(first[2:])[0].replace(" ", "") if first.startswith("# ") else None
    body = text.split("<!-- INFO END -->", 1)[-1].split("\n")
    articles = sum(1 for line in body if _ARTICLE.match(line.strip(" \u3000")))
    heads = [re.sub(r"^#+ +", "", line.strip(" \u3000")).split()[0] for line in body if _HEADING.match(line.strip(" \u3000"))]
    if heads and heads[0] in heads[1:]:
        heads = heads[heads.index(heads[0], 1) :]
    return title, articles, len(heads)


def check(path: str, raw: bytes) -> Outcome:
    title, articles, divisions = expected(raw.decode("utf-8", "replace"))
    try:
        result = ingest_bytes(raw, Path(path).name)
    except FaguiError as exc:
        message = str(exc)
        if not articles:
            ok = "no articles found" in message and "\n" not in message
            return Outcome(path, "refused-no-articles" if ok else "wrong", message)
        return Outcome(path, "refused", message)
    if not articles:
        return Outcome(path, "accepted-no-articles")
    counts = dict(result.audit.counts)
    got = (result.regulation.metadata.title, counts["articles"], sum(counts.get(k, 0) for k in ("parts", "subparts", "chapters", "sections")))
    if got != (title, articles, divisions):
        return Outcome(path, "wrong", f"got title/articles/divisions {got}, the file has {(title, articles, divisions)}")
    return Outcome(path, "whole")


DEFAULT_REPO = ROOT.parent / "shared" / "corpus" / "lawrefbook"


def _is_git(repo: str) -> bool:
    """A clone or a bare mirror, read at HEAD; else a plain folder of files."""
    return (Path(repo) / ".git").exists() or (Path(repo) / "HEAD").is_file()


def files(repo: str) -> list[str]:
    if not _is_git(repo):
        return sorted(p for p in (str(x.relative_to(repo)) for x in Path(repo).rglob("*.md")) if not EXCLUDED.search(p))
    listing = subprocess.run(
        ["git", "-C", repo, "-c", "core.quotepath=off", "ls-tree", "-r", "--name-only", "HEAD"],
        check=True, capture_output=True, text=True,
    ).stdout.split("\n")
    return sorted(p for p in listing if p.endswith(".md") and not EXCLUDED.search(p))


def read(repo: str, paths: list[str]) -> dict[str, bytes]:
    """The files' bytes (at HEAD, through one ``git cat-file --batch``, in a clone)."""
    if not _is_git(repo):
        return {p: (Path(repo) / p).read_bytes() for p in paths}
    request = "".join(f"HEAD:{p}\n" for p in paths).encode("utf-8")
    out = subprocess.run(["git", "-C", repo, "cat-file", "--batch"], input=request, check=True, capture_output=True).stdout
    data, pos = {}, 0
    for path in paths:
        end = out.index(b"\n", pos)
        size = int(out[pos:end].split()[2])
        data[path] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return data


def run(repo: str, sample: int, seed: int) -> tuple[list[Outcome], float]:
    """Each sampled file's outcome, and the share of files with articles that ingest whole."""
    chosen = random.Random(seed).sample(files(repo), sample)
    outcomes = [check(path, raw) for path, raw in read(repo, chosen).items()]
    with_articles = [o for o in outcomes if o.verdict not in ("refused-no-articles", "accepted-no-articles")]
    share = sum(o.verdict == "whole" for o in with_articles) / max(1, len(with_articles))
    return outcomes, share


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", nargs="?", default=str(DEFAULT_REPO))
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    outcomes, share = run(args.repo, args.sample, args.seed)
    print(f"{len(outcomes)} files: " + ", ".join(f"{n} {k}" for k, n in sorted(Counter(o.verdict for o in outcomes).items())))
    print(f"ingest whole: {share:.1%} of the files with articles (target {TARGET:.0%})")
    for o in outcomes:
        if o.verdict not in ("whole", "refused-no-articles"):
            print(f"  {o.verdict}: {o.path}: {o.detail}")
    bad = share < TARGET or any(o.verdict == "accepted-no-articles" for o in outcomes)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
