"""The side-by-side HTML page of one comparison.

One self-contained file: the CSS and JS (``renderers/assets/``) are inlined,
nothing is fetched from the network, and every piece of text from the
comparison goes through :func:`html.escape`. Rows are emitted in one pass, so
the page grows linearly with the number of article pairs.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources

from fagui.model import (
    UNCHANGED_RELATIONS,
    ArticleLink,
    ArticlePair,
    ArticleRef,
    Candidate,
    Comparison,
    DocumentRef,
    Grade,
    Mode,
    ParagraphPair,
    Relation,
    Side,
    Strength,
    article_fingerprint,
    note_words,
    relation_meaning,
)
from fagui.messages import DEFAULT_LANG, Lang, say

from fagui.text.control import CONTROL, visible
from renderers import (
    decision_label,
    article_blocks,
    block_name,
    block_ops,
    counts,
    flag_label,
    flags_by_article,
    group_note,
    is_item,
    pair_flags,
    pair_heading,
    pair_meanings,
    relation_label,
    relations,
    score_histogram,
    score_meaning,
    shares_of,
    side_name,
    unsure_line,
    unsure_total,
    where_text,
)


def esc(text: object) -> str:
    """``text`` for any HTML page: escaped, and with control and
    bidirectional formatting characters shown as ``\\u202e`` (a right-to-left
    override in a hand-edited text would reorder what the reader sees)."""
    text = str(text)
    if _TO_ESCAPE.search(text) is None:  # most of a page's strings: one scan, not six (a page calls this thousands of times)
        return text
    return html.escape(visible(text), quote=True)


_TO_ESCAPE = re.compile(f"[&<>\"'{CONTROL.pattern[1:-1]}]")
"""A character :func:`html.escape` or :func:`visible` changes."""


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """The text of ``renderers/assets/<name>`` (package data)."""
    return resources.files("renderers").joinpath("assets", name).read_text(encoding="utf-8")


def render_side_by_side(
    comparison: Comparison, *, index_href: str | None = None, across: dict[str, str] | None = None, lang: Lang = DEFAULT_LANG
) -> str:
    """One HTML page: the left (reference / older) text against the right
    (derived / newer) text, corresponding articles on the same row.

    ``lang`` words the relations, grades and notes (the page's chrome is
    Chinese by default, every word of it in ``lang``). ``index_href`` adds a link back to a report's index page; ``across``
    (left article label -> page) a link from each left article to its page
    across the derived texts (:mod:`renderers.articles`).
    """
    out: list[str] = []
    title = _title(comparison, lang)
    out.append(page_head(title, lang=lang))
    out.append('<body class="cmp">\n')
    out.append(_header(comparison, index_href, lang))
    out.append(_toolbar(comparison, lang))
    out.append(_decide_bar(comparison, lang))
    out.append('<main id="rows" class="rows">\n')
    page = _Page(comparison, across or {}, lang)
    # Between versions only what changed is shown, the unchanged counted
    # (a 70-article law with one amendment is one row, not seventy).
    versions = comparison.mode == Mode.VERSIONS
    left_out = 0
    for n, pair in enumerate(comparison.pairs, 1):
        if versions and pair.relation == Relation.UNCHANGED:
            left_out += 1
            continue
        out.append(_row(n, pair, page, comparison.mode))
    if left_out:
        out.append(f'<p class="none left-out">{esc(say("page.unchanged_left_out", lang, n=left_out))}</p>\n')
    if not comparison.pairs:
        out.append(f'<p class="none">{esc(say("page.no_articles", lang))}</p>\n')
    out.append("</main>\n")
    # The catalogue's words hold no markup; each value is escaped as it goes in.
    footer = say("page.footer", lang, schema=f'<span class="mono">{esc(comparison.schema)}</span>', mode=esc(say(f"mode.{comparison.mode}", lang)))
    out.append(f'<footer class="foot">{footer}</footer>\n')
    out.append(f"<script>{asset('report.js')}</script>\n</body>\n</html>\n")
    return "".join(out)


def page_head(title: str, extra_css: str = "", lang: Lang = DEFAULT_LANG) -> str:
    """``<!DOCTYPE html>`` up to ``</head>``: the page's language (zh-CN or
    en), UTF-8, a strict CSP that forbids every network request, and the
    inlined stylesheet."""
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if Lang(lang) is Lang.EN else "zh-CN"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
        "font-src data:; base-uri 'none'; form-action 'none'\">\n"
        '<meta name="generator" content="fagui">\n'
        f"<title>{esc(title)}</title>\n<style>{asset('report.css')}{extra_css}</style>\n</head>\n"
    )


# -- header and toolbar ----------------------------------------------------------


def _doc_line(comparison: Comparison, side: Side, lang: Lang) -> str:
    doc = comparison.left if side == Side.LEFT else comparison.right
    name = side_name(comparison, side, lang)
    return f"{name} · {doc.title}" if name != doc.title else doc.title


def _doc_card(doc: DocumentRef, role: str, side: Side, lang: Lang) -> str:
    facts = []
    if doc.jurisdiction:
        facts.append(esc(doc.jurisdiction))
    if doc.effective:
        facts.append(esc(say("page.effective", lang, day=doc.effective)))
    if doc.revision:
        facts.append(f'{esc(say("page.revision", lang))} <span class="mono">{esc(doc.revision)}</span>')
    if doc.id:
        facts.append(f'<span class="mono">{esc(doc.id)}</span>')
    return (
        f'<div class="doc doc-{side}"><div class="role">{esc(role)}</div>'
        f'<div class="dtitle">{esc(doc.title)}</div>'
        f'<div class="facts">{" · ".join(facts)}</div></div>'
    )


def _share(value: float) -> str:
    return f"{value * 100:.0f}%"


def _title(comparison: Comparison, lang: Lang = DEFAULT_LANG) -> str:
    left, right = comparison.left, comparison.right
    if comparison.mode == Mode.VERSIONS and left.title == right.title:
        old = left.effective or left.revision or say("side.old", lang)
        new = right.effective or right.revision or say("side.new", lang)
        return f"{left.title}{say('list.colon', lang)}{old} → {new}"
    return f"{left.title} ↔ {right.title}"


def _header(comparison: Comparison, index_href: str | None, lang: Lang) -> str:
    versions = comparison.mode == Mode.VERSIONS
    roles = ("page.role_old", "page.role_new") if versions else ("page.role_reference", "page.role_derived")
    back = f'<a class="back" href="{esc(index_href)}">{esc(say("page.back", lang))}</a>' if index_href else ""
    title = esc(_title(comparison, lang)).replace(" ↔ ", ' <span class="vs">↔</span> ').replace(" → ", ' <span class="vs">→</span> ')
    return (
        f'<header class="head">{back}'
        f"<h1>{title}</h1>"
        f'<div class="docs">{_doc_card(comparison.left, say(roles[0], lang), Side.LEFT, lang)}{_doc_card(comparison.right, say(roles[1], lang), Side.RIGHT, lang)}</div>'
        "</header>\n"
    )


def _histogram(comparison: Comparison, lang: Lang) -> str:
    bins = score_histogram(comparison)
    top = max(bins) or 1
    n = len(bins)
    bars = []
    for i, count in enumerate(bins):
        lo, hi = i / n, (i + 1) / n
        h = round(100 * count / top)
        bars.append(
            f'<span class="hb" title="{esc(say("page.hist_bar", lang, lo=f"{lo:.1f}", hi=f"{hi:.1f}", n=count))}" style="height:{max(h, 2 if count else 0)}%">'
            f'<span class="sr">{lo:.1f}–{hi:.1f}: {count}</span></span>'
        )
    return (
        f'<figure class="hist" aria-label="{esc(say("page.hist_label", lang))}">'
        f'<div class="bars">{"".join(bars)}</div>'
        f'<figcaption><span>0</span><span>{esc(say("page.similarity", lang))}</span><span>1</span></figcaption></figure>'
    )


def _toolbar(comparison: Comparison, lang: Lang) -> str:
    s = comparison.summary
    versions = comparison.mode == Mode.VERSIONS
    chips = []
    descriptions = relations(comparison, lang)
    unsure = dict(s.unsure_counts)
    for name, count in counts(comparison):
        # The chip filters every row of its relation, unsure ones too: it counts them all, and says
        # how many are unsure (the summary's figures leave those out).
        doubt = unsure.get(name, 0)
        shown = say("chip.count_unsure", lang, n=count + doubt, unsure=doubt) if doubt else str(count)
        meaning = descriptions.get(name, name)
        title = say("chip.title_unsure", lang, meaning=meaning, unsure=doubt) if doubt else meaning
        chips.append(
            f'<span class="chip rel-{esc(name)}{" zero" if not count + doubt else ""}" title="{esc(title)}">'
            f'<label><input type="checkbox" checked data-rel="{esc(name)}"{" data-unchanged" if name in UNCHANGED_RELATIONS else ""}>'
            f'<span class="rl">{esc(relation_label(name, lang))}</span> <b class="n">{esc(shown)}</b></label>'
            f'<button type="button" class="only" data-only="{esc(name)}" title="{esc(say("page.only_title", lang, name=relation_label(name, lang)))}">{esc(say("page.only", lang))}</button></span>'
        )
    def fig(name: str, share: float) -> str:
        return f'<span class="fig" title="{esc(say(f"page.{name}_title", lang))}"><b>{_share(share)}</b> {esc(say(f"page.{name}", lang))}</span>'

    if versions:
        shares = fig("kept", s.adopted_share) + fig("text_shared", s.derived_share)
    else:
        shares = fig("adopted", s.adopted_share) + fig("derived", s.derived_share) + fig("provisions", s.provision_share)
    articles = f'<span class="fig"><b>{s.left_articles}</b> ↔ <b>{s.right_articles}</b> {esc(say("page.articles", lang))}</span>'
    if unsure_total(comparison):
        title = say("sum.unsure_title", lang, line=unsure_line(comparison, lang))
        articles += f'<span class="fig" title="{esc(title)}"><b>{unsure_total(comparison)}</b> {esc(say("sum.unsure_fig", lang))}</span>'
    return (
        f'<div class="bar" id="bar" role="region" aria-label="{esc(say("page.bar_label", lang))}"'
        f' data-pos-at="{esc(say("page.pos_at", lang, index="{index}", total="{total}"))}"'
        f' data-pos-all="{esc(say("page.pos_all", lang, total="{total}"))}">'
        f'<div class="figs">{articles}{shares}{_histogram(comparison, lang)}</div>'
        f'<div class="chips" role="group" aria-label="{esc(say("page.chips_label", lang))}">{"".join(chips)}'
        f'<button type="button" id="show-all" title="{esc(say("page.show_all_title", lang))}">{esc(say("page.show_all", lang))}</button>'
        f'<button type="button" id="only-changes" title="{esc(say("page.only_changes_title", lang))}">{esc(say("page.only_changes", lang))}</button>'
        f'<label class="mfilter" title="{esc(say("meaning.filter_title", lang))}">'
        f'<input type="checkbox" id="only-meaning"> {esc(say("meaning.filter", lang))}</label></div>'
        f'<div class="nav"><button type="button" id="prev" title="{esc(say("page.prev_title", lang))}">{esc(say("page.prev", lang))}</button>'
        f'<button type="button" id="next" title="{esc(say("page.next_title", lang))}">{esc(say("page.next", lang))}</button>'
        '<span class="pos" id="pos" aria-live="polite"></span>'
        f'<span class="legend"><ins>{esc(say("page.inserted", lang))}</ins> <del>{esc(say("page.deleted", lang))}</del> '
        f'<span class="jk"><kbd>j</kbd>/<kbd>k</kbd> {esc(say("page.jump", lang))}</span> '
        f'<span class="meaning" title="{esc(score_meaning(lang))}">{esc(say("page.score_help", lang))}</span></span></div>'
        '<div class="colhead" aria-hidden="true">'
        f'<div class="ch L">{esc(_doc_line(comparison, Side.LEFT, lang))}</div>'
        f'<div class="ch R">{esc(_doc_line(comparison, Side.RIGHT, lang))}</div></div>'
        "</div>\n"
    )


# -- reviewer decisions ------------------------------------------------------------------

def _decide_bar(comparison: Comparison, lang: Lang) -> str:
    """The bar that keeps a reviewer's decisions made on this page (in the
    browser) and downloads them as a decisions file (``fagui link apply``).
    Only for two regulations of a corpus: decisions are kept per pair of ids."""
    left, right = comparison.left, comparison.right
    if not decidable(comparison):
        return ""
    data = {"left-id": left.id, "right-id": right.id, "left-version": left.revision or "", "right-version": right.revision or ""}
    attrs = "".join(f' data-{k}="{esc(v)}"' for k, v in data.items())
    return (
        f'<div class="decide" id="decide"{attrs} title="{esc(say("page.decide_help", lang))}"'
        f' data-none="{esc(say("page.decide_none", lang))}" data-count="{esc(say("page.decide_count", lang, n="{n}"))}">'
        f'<span class="dh">{esc(say("page.decide_head", lang))}</span> <span id="decide-count" aria-live="polite">{esc(say("page.decide_none", lang))}</span> '
        f'<span class="dhint">{esc(say("page.decide_hint", lang))}</span> '
        f'<button type="button" id="decide-download" disabled>{esc(say("page.decide_download", lang))}</button>'
        f'<button type="button" id="decide-clear" disabled>{esc(say("page.decide_clear", lang))}</button></div>\n'
    )


def decidable(comparison: Comparison) -> bool:
    """Whether a reviewer can decide on this page's links: both sides are
    regulations of a corpus (decisions are kept per pair of ids)."""
    return bool(comparison.left.id and comparison.right.id)


def decide_control(left: str, right: str, strength: str, blocks: dict, named: bool = False, lang: Lang = DEFAULT_LANG) -> str:
    """Confirm / reject buttons for one link (or candidate) between left
    article ``left`` and right article ``right``: report.js keeps what the
    reviewer clicks, with each article's fingerprint so that ``fagui link
    apply`` can tell whether its wording has changed since."""
    fingerprints = (article_fingerprint(blocks.get((Side.LEFT, left), ())), article_fingerprint(blocks.get((Side.RIGHT, right), ())))
    what = f"{left} ↔ {right}"
    name = f'<span class="dn">{esc(what)}</span>' if named else ""
    return (
        f'<span class="dec" data-left="{esc(left)}" data-right="{esc(right)}" data-strength="{esc(strength)}" '
        f'data-left-text="{fingerprints[0]}" data-right-text="{fingerprints[1]}">{name}'
        f'<button type="button" class="ok" title="{esc(say("page.confirm_title", lang, what=what))}" aria-pressed="false">{esc(say("page.confirm", lang))}</button>'
        f'<button type="button" class="no" title="{esc(say("page.reject_title", lang, what=what))}" aria-pressed="false">{esc(say("page.reject", lang))}</button></span>'
    )


def _decided(decision, lang: Lang) -> str:
    """A decision the corpus holds, as a badge: 已确认, 已添加, 需复核."""
    if decision is None:
        return ""
    return f' <span class="decided {esc(decision.value)}">{esc(decision_label(decision, lang))}</span>'


# -- rows ------------------------------------------------------------------------------


class _Anchors:
    """Permanent, unique ids for articles: ``L-第九条``, ``R-第九条``."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def take(self, side: Side, label: str) -> str:
        base = f"{side}-{label}"
        anchor, k = base, 2
        while anchor in self.seen:
            anchor = f"{base}-{k}"
            k += 1
        self.seen.add(anchor)
        return anchor


def _ops_html(pp: ParagraphPair, side: Side) -> str:
    parts = []
    for op in pp.ops:
        if op.kind == "equal":
            # Width or whitespace only: not a change, shown plain.
            parts.append(esc(op.left if side == Side.LEFT else op.right))
        elif op.kind == "delete" and side == Side.LEFT and op.left:
            parts.append(f"<del>{esc(op.left)}</del>")
        elif op.kind == "insert" and side == Side.RIGHT and op.right:
            parts.append(f"<ins>{esc(op.right)}</ins>")
    return "".join(parts)


def _shares_html(side: Side, links: list[ArticleLink], names: dict[str, str], blocks: dict, can_decide: bool, lang: Lang) -> str:
    """The shares links of one article: where its paragraphs and items went
    (or came from), each a link to the other article, with the blocks and the
    wording they share marked."""
    other = side.other
    items = []
    for link in links:
        there = link.right if side == Side.LEFT else link.left
        parts = []
        for ev in link.evidence:
            mine, theirs = (ev.left, ev.right) if side == Side.LEFT else (ev.right, ev.left)
            wording = "".join(f"<mark>{esc(w)}</mark>" for w in ev.shared[:6])
            parts.append(
                f"{esc(block_name(blocks[side, mine[0]], mine[1]))} ↔ "
                f"{esc(block_name(blocks[other, theirs[0]], theirs[1]))} {wording}"
            )
        grade = f' <span class="grade {esc(link.grade)}">{esc(say(f"grade.{link.grade}", lang))}</span>'
        items.append(
            f'<li><a href="#{esc(other)}-{esc(there)}">{esc(names[other])} {esc(there)}</a> '
            f'<span class="score" title="{esc(say("page.best_pair", lang))}">{link.score:.2f}</span>{grade}{_decided(link.decision, lang)}'
            f'{decide_control(link.left, link.right, Strength.SHARES, blocks, lang=lang) if can_decide else ""}{say("list.colon", lang)}{say("list.semicolon", lang).join(parts)}</li>'
        )
    head = esc(say("page.shares_to" if side == Side.LEFT else "page.shares_from", lang))
    return f'<div class="shares"><span class="sh">{head}</span><ul>{"".join(items)}</ul></div>'


def _candidates_html(
    side: Side, label: str, candidates: tuple[Candidate, ...], names: dict[str, str], blocks: dict, can_decide: bool, lang: Lang
) -> str:
    """Under an article the engine left alone: the closest articles of the
    other side, each a link to it with its score and the wording shared,
    marked as suggestions (候选), not links; a reviewer can confirm one."""
    other = side.other
    items = []
    for c in candidates:
        left, right = (label, c.label) if side == Side.LEFT else (c.label, label)
        wording = "".join(f"<mark>{esc(w)}</mark>" for w in c.shared[:6])
        items.append(
            f'<li><a href="#{esc(other)}-{esc(c.label)}">{esc(names[other])} {esc(c.label)}</a> '
            f'<span class="score" title="{esc(say("candidates.score", lang))}">{c.score:.2f}</span>'
            f'{decide_control(left, right, Strength.COUNTERPART, blocks, lang=lang) if can_decide else ""} {wording}</li>'
        )
    return (
        f'<div class="shares cands"><span class="sh" title="{esc(say("candidates.title", lang))}">{esc(say("candidates.head", lang))}</span>'
        f'<ul>{"".join(items)}</ul></div>'
    )


class _Page:
    """What every row of one page needs: anchors taken so far, each side's
    name, the last division heading shown on each side, the shares links,
    the blocks of every article (to name the blocks a link joins) and each
    left article's page across the derived texts, if any."""

    def __init__(self, comparison: Comparison, across: dict[str, str], lang: Lang) -> None:
        self.lang = lang
        self.ids = _Anchors()
        self.names = {Side.LEFT: side_name(comparison, Side.LEFT, lang), Side.RIGHT: side_name(comparison, Side.RIGHT, lang)}
        self.prev_div: dict[str, tuple[str, ...] | None] = {Side.LEFT: None, Side.RIGHT: None}
        self.shares = shares_of(comparison)
        self.blocks = article_blocks(comparison)
        self.across = across
        self.decidable = decidable(comparison)
        self.flags = flags_by_article(comparison)


def _cell(
    side: Side, refs: tuple[ArticleRef, ...], index: dict[tuple[int, int], ParagraphPair], page: _Page,
    candidates: tuple[Candidate, ...] = (),
) -> str:
    ids, names, prev_div, shares, blocks = page.ids, page.names, page.prev_div, page.shares, page.blocks
    name = names[side]
    if not refs:
        return f'<div class="cell {side} empty" data-side="{esc(name)}"><span class="sr">{esc(say("page.no_counterpart", page.lang, name=name))}</span></div>'
    parts = [f'<div class="cell {side}" data-side="{esc(name)}">']
    for ai, ref in enumerate(refs):
        if ref.divisions and ref.divisions != prev_div[side]:
            parts.append(f'<div class="div">{esc(" · ".join(ref.divisions))}</div>')
        prev_div[side] = ref.divisions
        anchor = ids.take(side, ref.label)
        elsewhere = page.across.get(ref.label) if side == Side.LEFT else None
        link = (
            f' <a class="across" href="{esc(elsewhere)}" title="{esc(say("page.across_title", page.lang, label=ref.label))}">{esc(say("page.across", page.lang))}</a>'
            if elsewhere else ""
        )
        parts.append(f'<article id="{esc(anchor)}"><h3><a href="#{esc(anchor)}">{esc(ref.label)}</a>{link}</h3>')
        for bi, block in enumerate(ref.blocks):
            pp = index.get((ai, bi))
            body = _ops_html(pp, side) if pp is not None and pp.ops else esc(block)
            parts.append(f'<p class="it">{body}</p>' if is_item(block) else f"<p>{body}</p>")
        if (side, ref.label) in shares:
            parts.append(_shares_html(side, shares[side, ref.label], names, blocks, page.decidable, page.lang))
        if candidates:
            parts.append(_candidates_html(side, ref.label, candidates, names, blocks, page.decidable, page.lang))
        parts.append("</article>")
    parts.append("</div>")
    return "".join(parts)


def _row(n: int, pair: ArticlePair, page: _Page, mode: Mode) -> str:
    rel = esc(pair.relation)
    changed = pair.changed
    if pair.left and pair.right:
        left_index, right_index = block_ops(pair)
    else:
        # An article on one side only: its row already says so; marking every
        # character of it as inserted or deleted would only be noise.
        left_index, right_index = {}, {}
    score = f'<span class="score" title="{esc(score_meaning(page.lang))}">{pair.score:.2f}</span>' if pair.left and pair.right else ""
    if pair.grade != Grade.SURE:
        why = say("grade.why_weak" if pair.left and pair.right else "grade.why_alone", page.lang)
        score += f'<span class="grade {esc(pair.grade)}" title="{esc(why)}">{esc(say("grade." + pair.grade, page.lang))}</span>'
    score += _decided(pair.decision, page.lang)
    controls = "".join(
        decide_control(l.label, r.label, Strength.COUNTERPART, page.blocks, named=len(pair.left) * len(pair.right) > 1, lang=page.lang)
        for l in pair.left for r in pair.right
    ) if page.decidable else ""

    said = [note_words(note, page.lang) for note in pair.notes] + ([group_note(pair, page.lang)] if group_note(pair) else [])
    notes = "".join(f'<span class="note">{esc(note)}</span>' for note in said)
    what = pair_heading(pair, mode)
    meant = _meanings_html(pair, page)
    return (
        f'<section class="row{" chg" if changed else ""}" id="row-{n}" data-rel="{rel}"{" data-meaning" if meant else ""}>'
        f'<div class="rh"><a class="num" href="#row-{n}" title="{esc(say("page.row_link", page.lang))}">#{n}</a>'
        f'<span class="rel rel-{rel}" title="{esc(relation_meaning(pair.relation, page.lang))}">{esc(relation_label(pair.relation, page.lang))}</span>{score}'
        f'<span class="what">{esc(what)}</span>{notes}{controls}</div>'
        f"{_cell(Side.LEFT, pair.left, left_index, page, pair.candidates)}"
        f"{_cell(Side.RIGHT, pair.right, right_index, page, pair.candidates)}"
        f"{meant}</section>\n"
    )


def _meanings_html(pair: ArticlePair, page: _Page) -> str:
    """What the pair's change means in law, one badge (the kind) and
    sentence each, then its flags for a reviewer (审查提示, with rule and
    basis); "" when there are none."""
    lang = page.lang
    items = []
    for m in pair_meanings(pair, page.shares):
        items.append(
            f'<li><span class="mk mk-{esc(m.kind.value)}" title="{esc(m.rule)}">{esc(say("kind." + m.kind.value, lang))}</span>'
            f'{esc(m.says)} <span class="mw">{esc(where_text(page.blocks, m.where))}</span></li>'
        )
    for f in pair_flags(pair, page.flags):
        items.append(
            f'<li class="flag"><span class="mk mk-flag" title="{esc(say("flag.note", lang))}">{esc(say("flag.badge", lang))}</span>'
            f'<b>{esc(flag_label(f, lang))}</b>{say("list.colon", lang)}{esc(f.says)} '
            f'<span class="mw">{esc(f.basis)} · {esc(where_text(page.blocks, f.where))}</span></li>'
        )
    return f'<ul class="meanings" aria-label="{esc(say("meaning.list", lang))}">{"".join(items)}</ul>' if items else ""
