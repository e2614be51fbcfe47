"""The report as a folder of files: per comparison a self-contained page
(:func:`renderers.html.render_side_by_side`) and its Word 对照表
(:func:`renderers.docx.render_docx`); per reference text a page for each of
its articles across the derived texts (:mod:`renderers.articles`) and the
coverage matrix as CSV (:mod:`renderers.coverage_csv`); and the index
(:func:`renderers.site.render_index`).

``build_site(out_dir, jurisdictions, versions)`` takes (name, Comparison)
pairs from anywhere (``fagui.report.plan_report`` makes them for a corpus),
writes each comparison's files as it comes, holding one Comparison at a time
(the article pages are written from the index's digests), and the index
last, into a folder built beside the target and swapped in whole
(:mod:`fagui.outfolder`). This is the one renderer that writes files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from fagui.impact import Impact
from fagui.implements import Implementation
from fagui.model import Comparison, Mode, Unreadable
from fagui.outfolder import OutputFolder, output_folder
from fagui.repetition import Repetition, repetition
from renderers.articles import Column, render_article_page
from renderers.corpus_json import index_json_parts
from renderers.coverage_csv import render_coverage_csv
from fagui.messages import DEFAULT_LANG, Lang
from renderers.docx import render_docx
from renderers.html import render_side_by_side
from renderers.repetition import CSV_NAME as REPETITION_CSV
from renderers.repetition import by_text, render_repetition_csv
from renderers.site import Entry, article_href, article_hrefs, csv_href, entry, matrix_layout, page_name, render_index

INDEX = "index.html"
INDEX_JSON = "index.json"

__all__ = ["INDEX", "build_site", "page_name"]


def build_site(
    out_dir: str | Path,
    jurisdictions: Iterable[tuple[str, Comparison]],
    versions: Iterable[tuple[str, Comparison]] = (),
    *,
    title: str | None = None,
    force: bool = False,
    implementation: Implementation = Implementation((), (), ()),
    unreadable: Sequence[Unreadable] = (),
    impacts: Iterable[Impact] = (),
    lang: Lang = DEFAULT_LANG,
) -> Path:
    """Write the report of the comparisons into ``out_dir``, ``index.html`` last.

    ``name`` gives the comparison's file names (made safe by :func:`page_name`:
    ``NAME.html`` and ``NAME.docx``). The iterables are consumed one
    comparison at a time and each is dropped once its files are written.
    The folder is
    :func:`fagui.outfolder.output_folder`'s: built beside and swapped in
    whole, with a manifest of its files; a folder holding files fagui did not
    write is refused unless ``force``. ``implementation`` says why each
    cross-jurisdiction pair was compared and which texts were not
    (:mod:`fagui.implements`): shown on the index and written, with every
    comparison, to ``index.json`` for programs. ``unreadable``: texts left
    out because they cannot be read, listed on the index with why; read only
    when the index is written, after the last comparison, so a caller may add
    a comparison that failed as it was made.     ``impacts`` (consumed after
    the comparisons) what each revised reference text means for the texts
    implementing it (:mod:`fagui.impact`), on the index and in index.json.
    Per cross-jurisdiction comparison, the derived articles repeating the
    reference nearly word for word (:mod:`fagui.repetition`): a table on the
    index and ``repetition.csv``. Returns the path of the index.
    """
    used: set[str] = set()
    repeated: list[Repetition] = []
    references: dict[str, dict[str, tuple[str, ...]]] = {}  # reference text -> its articles' blocks
    with output_folder(out_dir, "report", force=force) as folder:

        def write(items: Iterable[tuple[str, Comparison]]) -> list[Entry]:
            entries = []
            for name, comparison in items:
                href = page_name(name)
                k = 2
                while href in used or href in (INDEX, INDEX_JSON, REPETITION_CSV):
                    href = page_name(f"{name}-{k}")
                    k += 1
                used.add(href)
                across = None
                if comparison.mode == Mode.JURISDICTIONS:
                    across = {c.article: article_href(comparison.left, n) for n, c in enumerate(comparison.coverage)}
                    blocks = references.setdefault(_group(comparison.left), {})
                    for pair in comparison.pairs:
                        for ref in pair.left:
                            blocks.setdefault(ref.label, ref.blocks)
                folder.write(href, render_side_by_side(comparison, index_href=INDEX, across=across, lang=lang))
                docx = href.removesuffix(".html") + ".docx"
                folder.write(docx, render_docx(comparison, lang=lang))
                entries.append(entry(name, href, comparison, docx, lang))
                if comparison.mode == Mode.JURISDICTIONS:
                    repeated.append(repetition(comparison))
            return entries

        found = write(jurisdictions)
        version_entries = write(versions)
        groups: dict[str, list[Entry]] = {}
        for e in found:
            groups.setdefault(_group(e.left), []).append(e)
        for key, entries in groups.items():
            _write_group(folder, entries, references.get(key, {}), lang)
        revised = tuple(impacts)
        repeats = by_text(repeated)
        if repeats:
            folder.write(REPETITION_CSV, render_repetition_csv(repeats))
        folder.write(INDEX_JSON, index_json_parts(found, version_entries, implementation, unreadable, revised, repeats))
        index = folder.write(
            INDEX,
            render_index(
                found, version_entries, title=title, article_pages=True, implementation=implementation, unreadable=unreadable,
                impacts=revised, repetitions=repeats, lang=lang,
            ),
        )
    return index


def _group(reference) -> str:
    """The key the index groups comparisons by: the reference text."""
    return reference.id or reference.title


def _write_group(folder: OutputFolder, entries: Sequence[Entry], blocks: dict[str, tuple[str, ...]], lang: Lang) -> None:
    """The coverage matrix as CSV and a page per reference article, for the
    comparisons of one reference text."""
    name = csv_href(entries[0].left)
    folder.write(name, render_coverage_csv(entries))
    columns = matrix_layout(entries)[0]
    by_label = [{c.article: c for c in e.carriages} for e in entries]
    for label, href in article_hrefs(entries).items():
        cols = [Column(col, e.href, carried.get(label)) for col, e, carried in zip(columns, entries, by_label)]
        folder.write(href, render_article_page(entries[0].left, label, blocks.get(label, ()), cols, index_href=INDEX, lang=lang))
