"""The coverage matrix as CSV, for compliance teams who work in spreadsheets.

One row per reference article (in the matrix's order), and for each derived
text three columns: how it took the article (照搬 / 改写 / 部分采纳 / 未采纳),
the share of the article's paragraphs and items it carries (a percentage) and
the articles that carry it; the last column counts the derived texts that
adopted the article in any form. UTF-8 with a byte-order mark, so Excel opens
Chinese correctly; CRLF line ends. A cell that a spreadsheet would read as a
formula (starting with = + - @, a tab or a carriage return) is prefixed with
an apostrophe, so nothing from a text runs as one.
"""

from __future__ import annotations

import csv
import io
from typing import Sequence

from fagui.model import CoverageStatus
from renderers import coverage_name, inert
from renderers.site import Entry, matrix_layout

def render_coverage_csv(entries: Sequence[Entry]) -> bytes:
    """The coverage matrix of ``entries`` (comparisons of one reference
    text) as the bytes of a CSV file."""
    columns, order, cells = matrix_layout(entries)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    head = ["条文"]
    for name in columns:
        head += [name, f"{name} 款项覆盖", f"{name} 承载条文"]
    writer.writerow([inert(x) for x in head + ["采纳地方数"]])
    for label in order:
        row = [label]
        adopted = 0
        for cov in cells:
            if label not in cov:
                row += ["", "", ""]
                continue
            cls, share, carriers = cov[label]
            adopted += cls not in (CoverageStatus.NOT_ADOPTED, CoverageStatus.UNSURE)
            row += [coverage_name(cls), f"{share * 100:.0f}%", "、".join(carriers)]
        writer.writerow([inert(x) for x in row + [f"{adopted}/{len(entries)}"]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
