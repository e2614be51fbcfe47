"""The report's index page: every comparison with its counts, and a coverage
matrix (national articles x provinces) whose cells link into the pages.

The index is built from :class:`Entry` values, small digests of each
comparison (:func:`entry`), so a report over hundreds of provinces never
holds more than one full Comparison at a time. Self-contained, escaped and
zh-CN like the comparison pages (same stylesheet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from fagui.impact import Impact
from fagui.implements import Implementation, Pairing, describe
from fagui.model import ArticleKey, Comparison, CoverageStatus, DocumentRef, Mode, Relation, Summary, Unreadable, relation_meaning

from fagui.messages import DEFAULT_LANG, Lang, say
from renderers import COVERAGE, article_blocks, counts, coverage_name, flag_text, relation_label
from renderers.articles import Carriage, carriages
from renderers.html import esc, page_head
from renderers.impact import render_impact_section
from renderers.repetition import TextRepetition, render_repetition_section

WORDS_UP_TO = 8
"""With at most this many columns, matrix cells spell the class out."""


def page_name(name: str, ext: str = "html") -> str:
    """A safe file name for a page of the report: ASCII, no folders."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "comparison"
    return f"{stem}.{ext}"


def article_href(reference: DocumentRef, position: int) -> str:
    """The page of the reference text's article at ``position`` (from 0, in
    the text's order; see :mod:`renderers.articles`). The dots keep it apart
    from every name :func:`page_name` makes."""
    stem = page_name(reference.id or reference.title or "reference", "")[:-1]
    return f"art.{stem}.{position + 1:03d}.html"


def csv_href(reference: DocumentRef) -> str:
    """The coverage matrix of a reference text as CSV."""
    return f"coverage.{page_name(reference.id or reference.title or 'reference', 'csv')}"


@dataclass(frozen=True)
class Entry:
    """What the index needs of one comparison page.

    ``coverage``: for each left-hand article, in the left text's order,
    (its :class:`~fagui.model.ArticleKey`, label, coverage class, share of its characters carried, the
    right-hand articles that carry it); ``carriages`` the same articles with
    the carried paragraphs (for the article pages, cross-jurisdiction only);
    ``docx`` the 对照表 file, if written; ``flags`` the reviewer's flags
    (审查提示), each as a reader reads it.
    """

    name: str
    href: str
    mode: Mode
    left: DocumentRef
    right: DocumentRef
    summary: Summary
    counts: tuple[tuple[str, int], ...]
    coverage: tuple[tuple[ArticleKey, str, str, float, tuple[str, ...]], ...]
    carriages: tuple[Carriage, ...] = ()
    docx: str | None = None
    flags: tuple[str, ...] = ()


def entry(name: str, href: str, comparison: Comparison, docx: str | None = None, lang: Lang = DEFAULT_LANG) -> Entry:
    """The digest of ``comparison`` for the index; ``href`` is its page,
    ``docx`` its 对照表; its flags worded in ``lang``."""
    keys = {a.label: a.key for p in comparison.pairs for a in p.left}
    cov = []
    for c in comparison.coverage:
        carriers = tuple(dict.fromkeys(label for _, label, _ in c.places or c.unsure_places))
        cov.append((keys.get(c.article, (0, 0)), c.article, c.status, c.share, carriers))
    return Entry(
        name, href, comparison.mode, comparison.left, comparison.right, comparison.summary,
        tuple(counts(comparison)), tuple(cov),
        carriages(comparison) if comparison.mode == Mode.JURISDICTIONS else (), docx,
        _flag_lines(comparison, lang),
    )


def _flag_lines(comparison: Comparison, lang: Lang) -> tuple[str, ...]:
    blocks = article_blocks(comparison) if comparison.flags else {}
    return tuple(flag_text(f, blocks, lang) for f in comparison.flags)


def _download(e: Entry, lang: Lang) -> str:
    if not e.docx:
        return "<td></td>"
    return f'<td><a class="dl" href="{esc(e.docx)}" download title="{esc(say("index.docx_title", lang))}">.docx</a></td>'


def _flags(e: Entry) -> str:
    """The text's flags for a reviewer: their number, and each in a list that opens."""
    if not e.flags:
        return '<td class="n">0</td>'
    items = "".join(f"<li>{esc(f)}</li>" for f in e.flags)
    return f'<td class="flags"><details><summary>{len(e.flags)}</summary><ul>{items}</ul></details></td>'


def _meter(share: float) -> str:
    return f'{share * 100:.0f}%<span class="meter" aria-hidden="true"><i style="width:{share * 100:.0f}%"></i></span>'


def _doc(doc: DocumentRef, lang: Lang) -> str:
    sub = " · ".join(esc(x) for x in (doc.effective and say("page.effective", lang, day=doc.effective), doc.id) if x)
    return f'{esc(doc.title)}<div class="sub">{sub}</div>'


def _column(e: Entry, seen: dict[str, int]) -> str:
    name = e.right.jurisdiction or e.right.title
    seen[name] = seen.get(name, 0) + 1
    return name if seen[name] == 1 else f"{name} ({e.right.title})"


def _why(pairing: Pairing | None, lang: Lang) -> str:
    if pairing is None:
        return ""
    note = f'<div class="sub note">{esc(pairing.note)}</div>' if pairing.note else ""
    return f'<div class="sub why">{esc(say("index.pairing", lang, why=describe(pairing, lang)))}</div>{note}'


def _comparisons_table(entries: Sequence[Entry], why: dict[tuple[str | None, str | None], Pairing], lang: Lang) -> str:
    relations = [name for name, _ in entries[0].counts]
    head = "".join(f'<th title="{esc(relation_meaning(name, lang))}">{esc(relation_label(name, lang))}</th>' for name in relations)
    rows = []
    for e in entries:
        stated = dict(e.counts)
        cells = "".join(f'<td class="n">{stated.get(name, 0)}</td>' for name in relations)
        s = e.summary
        rows.append(
            f'<tr><td><a href="{esc(e.href)}"><b>{esc(e.right.jurisdiction or e.right.title)}</b></a></td>'
            f'<td class="n share">{_meter(s.adopted_share)}</td><td class="n share">{_meter(s.provision_share)}</td>'
            f'<td class="n share">{_meter(s.derived_share)}</td>'
            f"<td>{_doc(e.right, lang)}{_why(why.get((e.left.id, e.right.id)), lang)}</td>"
            f'<td class="n">{s.left_articles} ↔ {s.right_articles}</td>{cells}{_download(e, lang)}{_flags(e)}</tr>'
        )
    # The shares first, beside the province: on a phone they are what fits
    # the screen without a sideways scroll (the table's own box scrolls on to
    # the text, the counts and the 对照表).
    return (
        f'<div class="scroll"><table class="list cmp-list"><thead><tr><th>{esc(say("index.col_local", lang))}</th>'
        f'<th class="share" title="{esc(say("index.adopted_title", lang))}">{esc(say("page.adopted", lang))}</th>'
        f'<th class="share" title="{esc(say("page.provisions_title", lang))}">{esc(say("page.provisions", lang))}</th>'
        f'<th class="share" title="{esc(say("page.derived_title", lang))}">{esc(say("page.derived", lang))}</th>'
        f'<th>{esc(say("index.col_local_text", lang))}</th><th>{esc(say("index.col_articles", lang))}</th>{head}'
        f'<th>{esc(say("index.col_table", lang))}</th><th title="{esc(say("flag.note", lang))}">{esc(say("flag.column", lang))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def matrix_layout(entries: Sequence[Entry]) -> tuple[list[str], list[str], list[dict[str, tuple[str, float, tuple[str, ...]]]]]:
    """The coverage matrix of comparisons of one reference text: column
    names (one per derived text), row labels (reference articles in numbering order, 第十条之一 after 第十条),
    and per column the cells by label: (class, share, carrying articles)."""
    seen: dict[str, int] = {}
    columns = [_column(e, seen) for e in entries]
    articles: dict[str, ArticleKey] = {}
    for e in entries:
        for key, label, *_ in e.coverage:
            articles.setdefault(label, key)
    order = sorted(articles, key=lambda label: (articles[label], label))
    cells = [{label: (cls, share, carriers) for _, label, cls, share, carriers in e.coverage} for e in entries]
    return columns, order, cells


def article_hrefs(entries: Sequence[Entry]) -> dict[str, str]:
    """Reference article label -> its page (:func:`article_href`)."""
    out: dict[str, str] = {}
    for e in entries:
        for position, (_, label, *_) in enumerate(e.coverage):
            out.setdefault(label, article_href(e.left, position))
    return out


def _matrix(entries: Sequence[Entry], pages: dict[str, str], lang: Lang) -> str:
    columns, order, cells = matrix_layout(entries)
    words = len(entries) <= WORDS_UP_TO
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    body = []
    for label in order:
        tds = []
        adopted = 0
        page = pages.get(label)
        for k, (e, col, cov) in enumerate(zip(entries, columns, cells)):
            if label not in cov:
                tds.append('<td class="c"></td>')
                continue
            cls, share, carriers = cov[label]
            adopted += cls not in (CoverageStatus.NOT_ADOPTED, CoverageStatus.UNSURE)
            sym, name = COVERAGE[cls], esc(coverage_name(cls, lang))
            text = f'<span class="sym">{sym}</span>{name}' if words else f'<span class="sym">{sym}</span><span class="sr">{name}</span>'
            title = esc(say("coverage.cell", lang, col=col, label=label, status=coverage_name(cls, lang), share=f"{share * 100:.0f}%"))
            where = "".join(
                f'<a class="carrier" href="{esc(e.href)}#R-{esc(c)}">{esc(c)}</a>' for c in carriers
            )
            across = (
                f'<div class="across"><a href="{esc(page)}#p-{k}" title="{esc(say("index.across_title", lang, label=label, col=col))}">{esc(say("index.across", lang))}</a></div>'
                if page else ""
            )
            tds.append(
                f'<td class="c {cls}"><a href="{esc(e.href)}#L-{esc(label)}" title="{title}">{text}</a>'
                f'{f"<div class=where>{where}</div>" if where else ""}{across}</td>'
            )
        name = f'<a href="{esc(page)}" title="{esc(say("page.across_title", lang, label=label))}">{esc(label)}</a>' if page else esc(label)
        body.append(f'<tr><th class="art" scope="row">{name}</th>{"".join(tds)}<td class="n">{adopted}/{len(entries)}</td></tr>')
    keys = "".join(f'<span class="k c {cls}"><b>{sym}</b> {esc(coverage_name(cls, lang))}</span>' for cls, sym in COVERAGE.items())
    return (
        f'<div class="keys">{keys}</div>'
        f'<div class="scroll"><table class="matrix"><thead><tr><th class="art" scope="col">{esc(say("index.col_article", lang))}</th>'
        f'{head}<th scope="col">{esc(say("index.col_adopted", lang))}</th></tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )


def _versions_table(entries: Sequence[Entry], lang: Lang) -> str:
    rows = []
    for e in entries:
        changed = say("list.comma", lang).join(
            f"{relation_label(name, lang)} {n}" for name, n in e.counts if n and name != Relation.UNCHANGED
        ) or say("index.no_change", lang)
        old = e.left.effective or e.left.revision or ""
        new = e.right.effective or e.right.revision or ""
        rows.append(
            f'<tr><td><a href="{esc(e.href)}"><b>{esc(e.right.title)}</b></a><div class="sub">{esc(e.right.id or "")}</div></td>'
            f'<td>{esc(old)} → {esc(new)}<div class="sub mono">{esc(e.left.revision or "")} → {esc(e.right.revision or "")}</div></td>'
            f"<td>{esc(changed)}</td>{_download(e, lang)}</tr>"
        )
    heads = "".join(f"<th>{esc(say(f'index.col_{k}', lang))}</th>" for k in ("regulation", "versions", "changes", "table"))
    return f'<div class="scroll"><table class="list"><thead><tr>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _unpaired(implementation: Implementation, lang: Lang) -> str:
    rows = []
    for u in implementation.unpaired:
        cites = "".join(f"《{c}》" for c in u.cites) or say("index.cites_none", lang)  # no 顿号 between 书名号
        rows.append(f'<tr><td>{esc(u.title or u.id)}<div class="sub">{esc(u.id)}</div></td><td>{esc(cites)}</td></tr>')
    warnings = "".join(f'<li>{esc(w)}</li>' for w in implementation.warnings)
    return (
        f'<section class="group"><h2 id="unpaired">{esc(say("index.unpaired", lang))} <span class="lede">{esc(say("index.unpaired_lede", lang))}</span></h2>\n'
        + (f'<ul class="warnings">{warnings}</ul>' if warnings else "")
        + f'<div class="scroll"><table class="list"><thead><tr><th>{esc(say("index.col_text", lang))}</th><th>{esc(say("index.col_cites", lang))}</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></section>\n'
    )


def _unreadable(unreadable: Sequence[Unreadable], lang: Lang) -> str:
    rows = "".join(
        f'<tr><td class="mono">{esc(u.path)}{esc(f":{u.line}" if u.line else "")}</td><td>{esc(u.reason)}</td></tr>' for u in unreadable
    )
    return (
        f'<section class="group"><h2 id="unreadable">{esc(say("index.unreadable", lang))} <span class="lede">{esc(say("index.unreadable_lede", lang))}</span></h2>\n'
        f'<div class="scroll"><table class="list"><thead><tr><th>{esc(say("index.col_file", lang))}</th><th>{esc(say("index.col_reason", lang))}</th></tr></thead><tbody>{rows}</tbody></table></div></section>\n'
    )


def render_index(
    jurisdictions: Sequence[Entry],
    versions: Sequence[Entry] = (),
    *,
    title: str | None = None,
    article_pages: bool = False,
    implementation: Implementation | None = None,
    unreadable: Sequence[Unreadable] = (),
    impacts: Sequence[Impact] = (),
    repetitions: Sequence[TextRepetition] = (),
    lang: Lang = DEFAULT_LANG,
) -> str:
    """The index page of a report, worded in ``lang`` (``title`` by default
    法规对照报告 / Comparison report): comparisons of a reference text against
    derived texts (grouped by reference text, each group with its coverage
    matrix), then version histories. ``article_pages``: the report also holds
    a page per reference article (:func:`article_href`) and the matrix as CSV
    (:func:`csv_href`), and the index links to them. ``implementation``: why
    each pair was compared (shown under the derived text) and the texts
    compared with nothing. ``unreadable``: the texts left out, with why.
    ``repetitions``: per derived text, its articles repeating a reference
    (:mod:`renderers.repetition`), highest share first. ``impacts``: per revised reference text, what
    each implementing text must review (:mod:`fagui.impact`)."""
    why = {(p.reference, p.derived): p for p in implementation.pairings} if implementation else {}
    title = title or say("index.title", lang)
    out = [page_head(title, lang=lang), '<body class="idx">\n']
    out.append(
        f'<header class="head"><h1>{esc(title)}</h1>'
        f'<p class="lede">{esc(say("index.lede", lang, pairs=len(jurisdictions), histories=len(versions)))}</p></header>\n<main>\n'
    )
    groups: dict[str, list[Entry]] = {}
    for e in jurisdictions:
        groups.setdefault(e.left.id or e.left.title, []).append(e)
    for entries in groups.values():
        ref = entries[0].left
        group = say("index.group", lang, jurisdiction=ref.jurisdiction or "", n=len(entries))
        out.append(f'<section class="group"><h2>{esc(ref.title)} <span class="lede">{esc(group)}</span></h2>\n')
        out.append(_comparisons_table(entries, why, lang))
        out.append(
            f'<h2 id="coverage">{esc(say("index.matrix_head", lang))} '
            f'<span class="lede">{esc(say("index.matrix_lede", lang, title=ref.title))}</span></h2>\n'
        )
        if article_pages:
            out.append(
                f'<p class="lede"><a class="dl" href="{esc(csv_href(ref))}" download>{esc(say("index.matrix_csv", lang))}</a>'
                f'{esc(say("index.matrix_csv_note", lang))}</p>\n'
            )
        out.append(_matrix(entries, article_hrefs(entries) if article_pages else {}, lang))
        out.append("</section>\n")
    if not jurisdictions:
        out.append(f'<p class="lede">{esc(say("index.no_pairs", lang))}</p>\n')
    if repetitions:
        pages = {(e.left.id or "", e.right.id or ""): e.href for e in jurisdictions}
        out.append(render_repetition_section(repetitions, pages, lang))
    for impact in impacts:
        pages = {e.right.id or "": e.href for e in jurisdictions if e.left.id == impact.national_id}
        out.append(render_impact_section(impact, pages, lang))
    if implementation and (implementation.unpaired or implementation.warnings):
        out.append(_unpaired(implementation, lang))
    if versions:
        out.append(f'<section class="group"><h2 id="history">{esc(say("index.history", lang))}</h2>\n')
        out.append(_versions_table(versions, lang))
        out.append("</section>\n")
    if unreadable:
        out.append(_unreadable(unreadable, lang))
    out.append(f'</main>\n<footer class="foot">{esc(say("page.made_by", lang))}</footer>\n</body>\n</html>\n')
    return "".join(out)
