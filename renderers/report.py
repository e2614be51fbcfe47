"""The report as a folder of files: one self-contained page per comparison
(:func:`renderers.html.render_side_by_side`) and the index
(:func:`renderers.site.render_index`).

``build_site(out_dir, jurisdictions, histories)`` takes (name, Comparison)
pairs from anywhere (``fagui.report.plan_report`` makes them for a corpus),
writes each page as it comes, holding one Comparison at a time, and the index
last, into a folder built beside the target and swapped in whole
(:mod:`fagui.outfolder`). This is the one renderer that writes files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from fagui.model import Comparison
from fagui.outfolder import output_folder
from renderers.html import render_side_by_side
from renderers.site import Entry, entry, render_index

INDEX = "index.html"


def page_name(name: str) -> str:
    """A safe file name for a comparison page: ASCII, no folders."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "comparison"
    return f"{stem}.html"


def build_site(
    out_dir: str | Path,
    jurisdictions: Iterable[tuple[str, Comparison]],
    histories: Iterable[tuple[str, Comparison]] = (),
    *,
    title: str = "法规对照报告",
    force: bool = False,
) -> Path:
    """Write one page per comparison into ``out_dir`` and then ``index.html``.

    ``name`` gives the page's file name (made safe by :func:`page_name`).
    The iterables are consumed one comparison at a time and each is dropped
    once its page is written. The folder is :func:`fagui.outfolder.output_folder`'s:
    built beside and swapped in whole, with a manifest of its files; a folder
    holding files fagui did not write is refused unless ``force``. Returns
    the path of the index.
    """
    used: set[str] = set()
    with output_folder(out_dir, "report", force=force) as folder:

        def write(items: Iterable[tuple[str, Comparison]]) -> list[Entry]:
            entries = []
            for name, comparison in items:
                href = page_name(name)
                k = 2
                while href in used or href == INDEX:
                    href = page_name(f"{name}-{k}")
                    k += 1
                used.add(href)
                folder.write(href, render_side_by_side(comparison, index_href=INDEX))
                entries.append(entry(name, href, comparison))
            return entries

        found = write(jurisdictions)
        history = write(histories)
        index = folder.write(INDEX, render_index(found, history, title=title))
    return index
