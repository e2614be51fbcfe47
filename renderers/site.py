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
from fagui.model import ArticleKey, Comparison, CoverageStatus, DocumentRef, Mode, Relation, Summary, Unreadable

from fagui.messages import say
from renderers import COVERAGE, article_blocks, counts, flag_text, relation_label
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


def entry(name: str, href: str, comparison: Comparison, docx: str | None = None) -> Entry:
    """The digest of ``comparison`` for the index; ``href`` is its page,
    ``docx`` its 对照表."""
    keys = {a.label: a.key for p in comparison.pairs for a in p.left}
    cov = []
    for c in comparison.coverage:
        carriers = tuple(dict.fromkeys(label for _, label, _ in c.places or c.unsure_places))
        cov.append((keys.get(c.article, (0, 0)), c.article, c.status, c.share, carriers))
    return Entry(
        name, href, comparison.mode, comparison.left, comparison.right, comparison.summary,
        tuple(counts(comparison)), tuple(cov),
        carriages(comparison) if comparison.mode == Mode.JURISDICTIONS else (), docx,
        _flag_lines(comparison),
    )


def _flag_lines(comparison: Comparison) -> tuple[str, ...]:
    blocks = article_blocks(comparison) if comparison.flags else {}
    return tuple(flag_text(f, blocks) for f in comparison.flags)


def _download(e: Entry) -> str:
    if not e.docx:
        return "<td></td>"
    return f'<td><a class="dl" href="{esc(e.docx)}" download title="Word 对照表：左栏删除线为删除，右栏加粗为新增">.docx</a></td>'


def _flags(e: Entry) -> str:
    """The text's flags for a reviewer: their number, and each in a list that opens."""
    if not e.flags:
        return '<td class="n">0</td>'
    items = "".join(f"<li>{esc(f)}</li>" for f in e.flags)
    return f'<td class="flags"><details><summary>{len(e.flags)}</summary><ul>{items}</ul></details></td>'


def _meter(share: float) -> str:
    return f'{share * 100:.0f}%<span class="meter" aria-hidden="true"><i style="width:{share * 100:.0f}%"></i></span>'


def _doc(doc: DocumentRef) -> str:
    sub = " · ".join(esc(x) for x in (doc.effective and f"施行 {doc.effective}", doc.id) if x)
    return f'{esc(doc.title)}<div class="sub">{sub}</div>'


def _column(e: Entry, seen: dict[str, int]) -> str:
    name = e.right.jurisdiction or e.right.title
    seen[name] = seen.get(name, 0) + 1
    return name if seen[name] == 1 else f"{name} ({e.right.title})"


def _why(pairing: Pairing | None) -> str:
    if pairing is None:
        return ""
    note = f'<div class="sub note">{esc(pairing.note)}</div>' if pairing.note else ""
    return f'<div class="sub why">配对依据：{esc(describe(pairing))}</div>{note}'


def _comparisons_table(entries: Sequence[Entry], why: dict[tuple[str | None, str | None], Pairing]) -> str:
    relations = [name for name, _ in entries[0].counts]
    head = "".join(f'<th title="{esc(name)}">{esc(relation_label(name))}</th>' for name in relations)
    rows = []
    for e in entries:
        stated = dict(e.counts)
        cells = "".join(f'<td class="n">{stated.get(name, 0)}</td>' for name in relations)
        s = e.summary
        rows.append(
            f'<tr><td><a href="{esc(e.href)}"><b>{esc(e.right.jurisdiction or e.right.title)}</b></a></td>'
            f'<td class="n share">{_meter(s.adopted_share)}</td><td class="n share">{_meter(s.provision_share)}</td>'
            f'<td class="n share">{_meter(s.derived_share)}</td>'
            f"<td>{_doc(e.right)}{_why(why.get((e.left.id, e.right.id)))}</td>"
            f'<td class="n">{s.left_articles} ↔ {s.right_articles}</td>{cells}{_download(e)}{_flags(e)}</tr>'
        )
    # The shares first, beside the province: on a phone they are what fits
    # the screen without a sideways scroll (the table's own box scrolls on to
    # the text, the counts and the 对照表).
    return (
        '<div class="scroll"><table class="list cmp-list"><thead><tr><th>地方</th>'
        '<th class="share" title="有对应条文的参照条文比例">采纳</th>'
        '<th class="share" title="参照文本的款、项（按字符计）在地方文本中有对应款、项的比例">条款覆盖</th>'
        '<th class="share" title="地方文本中与参照文本字字相同的字符比例">源自参照</th>'
        f'<th>地方文本</th><th>条数</th>{head}<th>对照表</th><th title="{esc(say("flag.note"))}">{esc(say("flag.column"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
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


def _matrix(entries: Sequence[Entry], pages: dict[str, str]) -> str:
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
            sym, zh, en = COVERAGE[cls]
            text = f'<span class="sym">{sym}</span>{zh}' if words else f'<span class="sym">{sym}</span><span class="sr">{zh}</span>'
            title = f"{esc(col)} · {esc(label)}：{zh}（{en}），款项覆盖 {share * 100:.0f}%"
            where = "".join(
                f'<a class="carrier" href="{esc(e.href)}#R-{esc(c)}">{esc(c)}</a>' for c in carriers
            )
            across = (
                f'<div class="across"><a href="{esc(page)}#p-{k}" title="{esc(label)}：各地对照（{esc(col)}）">各地</a></div>' if page else ""
            )
            tds.append(
                f'<td class="c {cls}"><a href="{esc(e.href)}#L-{esc(label)}" title="{title}">{text}</a>'
                f'{f"<div class=where>{where}</div>" if where else ""}{across}</td>'
            )
        name = f'<a href="{esc(page)}" title="{esc(label)} 在各地的对照">{esc(label)}</a>' if page else esc(label)
        body.append(f'<tr><th class="art" scope="row">{name}</th>{"".join(tds)}<td class="n">{adopted}/{len(entries)}</td></tr>')
    keys = "".join(f'<span><span class="k c {cls}"><b>{sym}</b> {zh}</span> {en}</span>' for cls, (sym, zh, en) in COVERAGE.items())
    return (
        f'<div class="keys">{keys}</div>'
        '<div class="scroll"><table class="matrix"><thead><tr><th class="art" scope="col">条文</th>'
        f'{head}<th scope="col">采纳</th></tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )


def _versions_table(entries: Sequence[Entry]) -> str:
    rows = []
    for e in entries:
        changed = ", ".join(f"{relation_label(name)} {n}" for name, n in e.counts if n and name != Relation.UNCHANGED) or "无变化"
        old = e.left.effective or e.left.revision or ""
        new = e.right.effective or e.right.revision or ""
        rows.append(
            f'<tr><td><a href="{esc(e.href)}"><b>{esc(e.right.title)}</b></a><div class="sub">{esc(e.right.id or "")}</div></td>'
            f'<td>{esc(old)} → {esc(new)}<div class="sub mono">{esc(e.left.revision or "")} → {esc(e.right.revision or "")}</div></td>'
            f"<td>{esc(changed)}</td>{_download(e)}</tr>"
        )
    return f'<div class="scroll"><table class="list"><thead><tr><th>法规</th><th>版本</th><th>变化</th><th>对照表</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _unpaired(implementation: Implementation) -> str:
    rows = []
    for u in implementation.unpaired:
        cites = "".join(f"《{c}》" for c in u.cites) or "（未援引其他文本）"  # no 顿号 between 书名号
        rows.append(f'<tr><td>{esc(u.title or u.id)}<div class="sub">{esc(u.id)}</div></td><td>{esc(cites)}</td></tr>')
    warnings = "".join(f'<li>{esc(w)}</li>' for w in implementation.warnings)
    return (
        '<section class="group"><h2 id="unpaired">未配对文本 <span class="lede">文本库中没有它们所实施或援引的上位文本</span></h2>\n'
        + (f'<ul class="warnings">{warnings}</ul>' if warnings else "")
        + '<div class="scroll"><table class="list"><thead><tr><th>文本</th><th>援引</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></section>\n'
    )


def _unreadable(unreadable: Sequence[Unreadable]) -> str:
    rows = "".join(
        f'<tr><td class="mono">{esc(u.path)}{esc(f":{u.line}" if u.line else "")}</td><td>{esc(u.reason)}</td></tr>' for u in unreadable
    )
    return (
        '<section class="group"><h2 id="unreadable">无法读取的文本 <span class="lede">这些文件不是规范的 Markdown，未列入本报告；'
        "用 fagui check 查看</span></h2>\n"
        f'<div class="scroll"><table class="list"><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>{rows}</tbody></table></div></section>\n'
    )


def render_index(
    jurisdictions: Sequence[Entry],
    versions: Sequence[Entry] = (),
    *,
    title: str = "法规对照报告",
    article_pages: bool = False,
    implementation: Implementation | None = None,
    unreadable: Sequence[Unreadable] = (),
    impacts: Sequence[Impact] = (),
    repetitions: Sequence[TextRepetition] = (),
) -> str:
    """The index page of a report: comparisons of a reference text against
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
    out = [page_head(title), '<body class="idx">\n']
    out.append(
        f'<header class="head"><h1>{esc(title)}</h1>'
        f'<p class="lede">{len(jurisdictions)} 组上位与实施文本对照 · {len(versions)} 组版本对照。'
        "点击地方名称打开逐条对照页；覆盖矩阵中的每一格链接到对应条文。</p></header>\n<main>\n"
    )
    groups: dict[str, list[Entry]] = {}
    for e in jurisdictions:
        groups.setdefault(e.left.id or e.left.title, []).append(e)
    for entries in groups.values():
        ref = entries[0].left
        out.append(f'<section class="group"><h2>{esc(ref.title)} <span class="lede">（{esc(ref.jurisdiction or "")}，{len(entries)} 个地方文本）</span></h2>\n')
        out.append(_comparisons_table(entries, why))
        out.append(
            f'<h2 id="coverage">覆盖矩阵 <span class="lede">{esc(ref.title)} 的每一条在各地方文本中的采纳情况：'
            "按款、项计算，格中列出承载该条的地方条文</span></h2>\n"
        )
        if article_pages:
            out.append(
                f'<p class="lede"><a class="dl" href="{esc(csv_href(ref))}" download>覆盖矩阵 CSV</a>（UTF-8，可用 Excel 打开）；'
                "点击条文名称查看该条在各地的对照，格中“各地”链接到该地方一节。</p>\n"
            )
        out.append(_matrix(entries, article_hrefs(entries) if article_pages else {}))
        out.append("</section>\n")
    if not jurisdictions:
        out.append('<p class="lede">没有上位与实施文本的对照（texts/ 中需要实施或援引另一文本的文本，见 docs/report.md）。</p>\n')
    if repetitions:
        pages = {(e.left.id or "", e.right.id or ""): e.href for e in jurisdictions}
        out.append(render_repetition_section(repetitions, pages))
    for impact in impacts:
        pages = {e.right.id or "": e.href for e in jurisdictions if e.left.id == impact.national_id}
        out.append(render_impact_section(impact, pages))
    if implementation and (implementation.unpaired or implementation.warnings):
        out.append(_unpaired(implementation))
    if versions:
        out.append('<section class="group"><h2 id="history">版本历史</h2>\n')
        out.append(_versions_table(versions))
        out.append("</section>\n")
    if unreadable:
        out.append(_unreadable(unreadable))
    out.append('</main>\n<footer class="foot">由 fagui 生成</footer>\n</body>\n</html>\n')
    return "".join(out)
