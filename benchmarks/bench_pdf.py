"""Speed of reading a PDF (fagui/ingest/pdf.py), as ratios to reading the same
regulation from its other layouts in the same process.

    python benchmarks/bench_pdf.py [--repeat 3]

1. Each seed in texts/, ingested from its plain text, from the Word file
   tests/layouts.py makes of it, and from a PDF tests/pdfs.py typesets of it
   (A4, paragraphs indented, a running header and page numbers): best CPU time
   of each, and the PDF's as a ratio to the Word file's and to the plain
   text's.
2. Growth: the five seeds run together and typeset as one PDF of about 10,
   25 and 50 pages; the PDF layout step alone (the seeds together are no one
   regulation), CPU time per page (flat: linear).

pdfplumber (pdfminer.six) does nearly all of the work: it lays out every
character of every page in Python.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import layouts  # noqa: E402
import pdfs  # noqa: E402

from fagui.ingest import ingest_bytes, pdf  # noqa: E402
from fagui.ingest.layout import Source  # noqa: E402


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sources = {path.parent.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "texts").glob("*/*.source.txt"))}

    print("1. one regulation: CPU seconds (best of %d); the PDF's as a ratio" % args.repeat)
    print(f"{'seed':14} {'pages':>5} {'text':>7} {'docx':>7} {'pdf':>7} {'pdf/docx':>9} {'pdf/text':>9}")
    for name, source in sources.items():
        text = source.encode("utf-8")
        word = layouts.word(source, ingest_bytes(text, "x.txt").regulation)
        typeset = pdfs.typeset(source, header="某某人民政府公报")
        pages = typeset.count(b"/Type/Page/")
        t_text = best(args.repeat, lambda: ingest_bytes(text, "x.txt"))
        t_word = best(args.repeat, lambda: ingest_bytes(word, "x.docx"))
        t_pdf = best(args.repeat, lambda: ingest_bytes(typeset, "x.pdf"))
        print(f"{name:14} {pages:5} {t_text:7.3f} {t_word:7.3f} {t_pdf:7.3f} {t_pdf / t_word:9.1f} {t_pdf / t_text:9.0f}")

    print("\n2. growth: the PDF layout step alone, CPU ms per page")
    together = "\n".join(sources.values())
    for copies in (1, 2, 4):
        typeset = pdfs.typeset("\n".join([together] * copies), header="某某人民政府公报")
        pages = typeset.count(b"/Type/Page/")
        seconds = best(args.repeat, lambda: pdf.prepare(Source(typeset, "x.pdf")))
        print(f"{pages:4} pages: {seconds:6.2f} s, {1000 * seconds / pages:5.1f} ms per page")


if __name__ == "__main__":
    main()
