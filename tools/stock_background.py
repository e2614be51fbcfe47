"""Compute the stock-phrasing background shipped with fagui
(fagui/align/data/background.tsv): how many blocks (paragraphs and items) of
real regulations contain each character bigram.

    python tools/stock_background.py [CORPUS] [--min-df 50]

CORPUS is a folder of LawRefBook Markdown files (by default
../shared/corpus/lawrefbook beside the project). Each file is ingested as
``fagui add`` would; files that do not ingest are skipped (and counted). Kept
out, whatever the folder holds: the families reserved for independent checks
(反间谍法, 保守国家秘密法, 行政复议法, 国家安全法, 反恐怖主义法 and their implementing
rules and local measures, 国家安全技术保卫条例).

The file holds numbers the project computed, not text: a header line with the
number of blocks counted and of regulations read, then one line per bigram
found in at least ``--min-df`` blocks with its count. A bigram missing from it
is rarer than that: distinctive wording (:class:`fagui.align.Background`).
The output is sorted, so a re-run on the same corpus gives the same bytes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fagui.align.vectors import bigram_list, folded_texts  # noqa: E402
from fagui.errors import FaguiError  # noqa: E402
from fagui.ingest import ingest_bytes  # noqa: E402

RESERVED = re.compile(r"反间谍|保守国家秘密|保密法|行政复议|国家安全|反恐怖主义|技术保卫")
"""Titles (and file names) of the families kept for independent checks."""

OUT = ROOT / "fagui" / "align" / "data" / "background.tsv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "lawrefbook"))
    ap.add_argument("--min-df", type=int, default=50)
    ap.add_argument("--out", type=Path, default=OUT, help="where to write it (by default the shipped file)")
    ap.add_argument("--name", default="2f4c5c2", help="what names the corpus's version (LawRefBook's commit)")
    args = ap.parse_args()
    df: Counter = Counter()
    blocks = read = skipped = reserved = 0
    for path in sorted(Path(args.corpus).rglob("*.md")):
        if RESERVED.search(path.name):
            reserved += 1
            continue
        try:
            regulation = ingest_bytes(path.read_bytes(), str(path)).regulation
        except (FaguiError, ValueError):
            skipped += 1
            continue
        if RESERVED.search(regulation.metadata.title) or not regulation.articles:
            reserved += RESERVED.search(regulation.metadata.title) is not None
            skipped += not regulation.articles
            continue
        read += 1
        for article in regulation.articles:
            for block in folded_texts(article)[0]:
                df.update(set(bigram_list(block)))
                blocks += 1
    kept = sorted((g, n) for g, n in df.items() if n >= args.min_df)
    name = f"{Path(args.corpus).name}-{args.name}" if args.name else Path(args.corpus).name
    lines = [f"#fagui-background\tname={name}\tblocks={blocks}\tregulations={read}\tmin_df={args.min_df}"]
    lines += [f"{g}\t{n}" for g, n in kept]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{read} regulations, {blocks} blocks, {len(df)} bigrams, {len(kept)} kept; skipped {skipped}, reserved {reserved}")


if __name__ == "__main__":
    main()
