"""One page per reference article: what each derived text made of it.

A researcher asking "how did the provinces implement national 第八条?" reads
one page: the national article, then one section per province with its
coverage (照搬 / 改写 / 部分采纳 / 未采纳, and the share of the article's
paragraphs and items carried), the provincial articles that carry it
(*counterpart* and *shares*, with score and grade) and, for each carried
paragraph or item, the provincial wording with what it shares with the
national text marked. Every article links to its row in the comparison page,
and each section back to the index's coverage matrix.

:func:`carriages` digests one Comparison (what the index keeps of it, so a
report still holds one Comparison at a time); :func:`render_article_page`
writes a page from those digests. Self-contained and escaped like every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from fagui.model import Comparison, CoverageStatus, DocumentRef, Grade, Side, Strength
from fagui.messages import DEFAULT_LANG, Lang, say

from renderers import COVERAGE, article_blocks, block_name, coverage_name, is_item
from renderers.html import esc, page_head

Segments = tuple[tuple[str, bool], ...]
"""A text cut into runs, each marked True where it is wording shared with the other side."""


@dataclass(frozen=True)
class Carried:
    """A paragraph or item of the reference article (``left``, as a reader
    names it: 第2款, 第1款（三）) carried into ``right`` of a derived article,
    whose text is ``segments``."""

    left: str
    right: str
    segments: Segments


@dataclass(frozen=True)
class Carrier:
    """A derived article that carries (part of) a reference article."""

    label: str
    strength: str
    score: float
    grade: str
    blocks: tuple[Carried, ...]


@dataclass(frozen=True)
class Carriage:
    """What one derived text made of one reference article: its coverage
    (``status``, ``share``) and the articles that carry it."""

    article: str
    status: str
    share: float
    carriers: tuple[Carrier, ...]


def mark_shared(text: str, shared: Sequence[str]) -> Segments:
    """``text`` cut into runs, the runs of ``shared`` (in order) marked; a
    shared run not found in order (written in another width) stays unmarked."""
    out: list[tuple[str, bool]] = []
    at = 0
    for run in shared:
        k = text.find(run, at)
        if k < 0 or not run:
            continue
        if k > at:
            out.append((text[at:k], False))
        out.append((run, True))
        at = k + len(run)
    if at < len(text):
        out.append((text[at:], False))
    return tuple(out)


def carriages(comparison: Comparison) -> tuple[Carriage, ...]:
    """For each left article, in the left text's order: its coverage and the
    right articles that carry it, each carried block with its shared wording
    marked."""
    blocks = article_blocks(comparison)
    by_left: dict[str, list[Carrier]] = {}
    for link in comparison.links:
        left, right = blocks.get((Side.LEFT, link.left), ()), blocks.get((Side.RIGHT, link.right), ())
        carried = tuple(
            Carried(block_name(left, ev.left[1]), block_name(right, ev.right[1]), mark_shared(right[ev.right[1]], ev.shared))
            for ev in link.evidence
            if ev.left[1] < len(left) and ev.right[1] < len(right)
        )
        by_left.setdefault(link.left, []).append(Carrier(link.right, link.strength, link.score, link.grade, carried))
    order = {Strength.COUNTERPART: 0, Strength.SHARES: 1}
    return tuple(
        Carriage(c.article, c.status, c.share, tuple(sorted(by_left.get(c.article, ()), key=lambda x: order.get(x.strength, 2))))
        for c in comparison.coverage
    )


@dataclass(frozen=True)
class Column:
    """One derived text on an article page: its name, its comparison page,
    and what it made of the article (None: the article is not in that
    comparison)."""

    name: str
    href: str
    carriage: Carriage | None


def _segments(segments: Segments) -> str:
    return "".join(f"<mark>{esc(text)}</mark>" if shared else esc(text) for text, shared in segments)


def _section(k: int, column: Column, label: str, index_href: str, lang: Lang) -> str:
    c = column.carriage
    head = f'<h2><a href="{esc(column.href)}">{esc(column.name)}</a>'
    if c is None:
        return f'<section class="prov" id="p-{k}">{head}</h2><p class="none">{esc(say("article_page.none", lang))}</p></section>\n'
    head += (
        f' <span class="cov c {esc(c.status)}">{esc(f"{COVERAGE[c.status]} {coverage_name(c.status, lang)}" if c.status in COVERAGE else c.status)}</span>'
        f' <span class="lede">{esc(say("article_page.share", lang, share=f"{c.share * 100:.0f}%"))}</span>'
        f' <a class="back" href="{esc(index_href)}#coverage">{esc(say("article_page.back_matrix", lang))}</a></h2>'
        f'<p class="sub"><a href="{esc(column.href)}#L-{esc(label)}">{esc(say("article_page.see", lang, label=label))}</a></p>'
    )
    if not c.carriers:
        return f'<section class="prov" id="p-{k}">{head}<p class="none">{esc(say("article_page.no_carrier", lang))}</p></section>\n'
    parts = [f'<section class="prov" id="p-{k}">{head}']
    for carrier in c.carriers:
        grade = f' <span class="grade {esc(carrier.grade)}">{esc(say(f"grade.{carrier.grade}", lang))}</span>' if carrier.grade != Grade.SURE else ""
        parts.append(
            f'<article><h3><a href="{esc(column.href)}#R-{esc(carrier.label)}">{esc(carrier.label)}</a> '
            f'<span class="rel">{esc(say(f"strength.{carrier.strength}", lang))}</span> '
            f'<span class="score">{carrier.score:.2f}</span>{grade}</h3>'
        )
        for block in carrier.blocks:
            text = "".join(t for t, _ in block.segments)
            cls = ' class="it"' if is_item(text) else ""
            parts.append(f'<p{cls}><span class="from">{esc(block.left)} → {esc(block.right)}</span> {_segments(block.segments)}</p>')
        parts.append("</article>")
    parts.append("</section>\n")
    return "".join(parts)


def render_article_page(
    reference: DocumentRef, label: str, blocks: Sequence[str], columns: Sequence[Column], *, index_href: str,
    lang: Lang = DEFAULT_LANG,
) -> str:
    """The page of article ``label`` (its ``blocks``) of ``reference``: one
    section per derived text, in ``columns`` order, worded in ``lang``."""
    title = say("article_page.title", lang, title=reference.title, label=label)
    adopted = sum(1 for c in columns if c.carriage and c.carriage.status not in (CoverageStatus.NOT_ADOPTED, CoverageStatus.UNSURE))
    out = [page_head(title, lang=lang), '<body class="idx art">\n']
    out.append(
        f'<header class="head"><a class="back" href="{esc(index_href)}">{esc(say("page.back", lang))}</a>'
        f"<h1>{esc(reference.title)} {esc(label)}</h1>"
        f'<p class="lede">{esc(say("article_page.lede", lang, adopted=adopted, n=len(columns)))}</p></header>\n<main>\n'
    )
    out.append(f'<section class="ref"><h2>{esc(say("article_page.reference", lang))}</h2>')
    for block in blocks:
        out.append(f'<p class="it">{esc(block)}</p>' if is_item(block) else f"<p>{esc(block)}</p>")
    out.append("</section>\n")
    for k, column in enumerate(columns):
        out.append(_section(k, column, label, index_href, lang))
    out.append(f'</main>\n<footer class="foot">{esc(say("page.made_by", lang))}</footer>\n</body>\n</html>\n')
    return "".join(out)
