"""Renderers: a :class:`fagui.model.Comparison` in, one string (or, for a
Word file, bytes) out.

``render(comparison, fmt)`` dispatches to one module per format:

* ``html``: :func:`renderers.html.render_side_by_side`, one self-contained page;
* ``markdown``: :func:`renderers.markdown.render_markdown`, for pull-request review;
* ``json``: :func:`renderers.json.render_json`, the versioned ``fagui.comparison/3`` form;
* ``text``: :func:`renderers.text.render_text`, for a terminal (ANSI colour on request);
* ``docx``: :func:`renderers.docx.render_docx`, a Word 对照表 (bytes: see :data:`BINARY_FORMATS`).

Renderers read a Comparison and nothing else: no files, no git, no engine
(only :mod:`fagui.text`, for the one rule that tells an item from a paragraph,
and :mod:`fagui.model.params`, to quote the engine's thresholds to readers).
The helpers below are shared by the renderers; they are not a public API.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from fagui.model import (
    JURISDICTION_RELATIONS,
    VERSION_RELATIONS,
    ArticleLink,
    ArticlePair,
    Comparison,
    CoverageStatus,
    Decision,
    Mode,
    ParagraphPair,
    Relation,
    Side,
    Strength,
    relation_meaning,
    relation_words,
)
from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model.params import PARAMS, Params
from fagui.text.items import parse_marker

FORMATS = ("html", "markdown", "json", "text", "docx")
"""The formats :func:`render` knows, in the order the CLI offers them."""

BINARY_FORMATS = frozenset({"docx"})
"""Formats :func:`render` returns as bytes (a file, not text for a terminal)."""


def render(comparison: Comparison, fmt: str, *, color: bool = False, lang: Lang = DEFAULT_LANG, details: bool = False) -> str | bytes:
    """Render ``comparison`` as ``fmt`` (one of :data:`FORMATS`): a string,
    or bytes for the formats in :data:`BINARY_FORMATS`.

    ``lang``: the language of everything the reader reads (Chinese by
    default; JSON is for programs and ignores it). ``details`` adds the
    engine's figures (similarity, grade) to the 对照表's notes column.

    ``color`` only matters for ``text`` (ANSI colour codes); the caller
    decides it (the CLI: on a terminal unless ``NO_COLOR`` is set).
    Raises ValueError for an unknown format.
    """
    if fmt == "html":
        from renderers.html import render_side_by_side

        return render_side_by_side(comparison, lang=lang)
    if fmt == "markdown":
        from renderers.markdown import render_markdown

        return render_markdown(comparison, lang=lang)
    if fmt == "json":
        from renderers.json import render_json

        return render_json(comparison)
    if fmt == "text":
        from renderers.text import render_text

        return render_text(comparison, color=color, lang=lang)
    if fmt == "docx":
        from renderers.docx import render_docx

        return render_docx(comparison, lang=lang, details=details)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


def render_parts(comparison: Comparison, fmt: str, *, lang: Lang = DEFAULT_LANG, details: bool = False) -> str | bytes | Iterable[str]:
    """:func:`render`'s output for a file, to be written as it is made
    (:func:`fagui.atomic.write_atomic` takes either): JSON in pieces
    (:func:`renderers.json.json_parts`, a document of 20,000 articles is
    some 100 MB), every other format whole."""
    if fmt == "json":
        from renderers.json import json_parts

        return json_parts(comparison)
    return render(comparison, fmt, lang=lang, details=details)


# -- shared helpers (private) --------------------------------------------------

def relations(comparison: Comparison, lang: Lang = DEFAULT_LANG) -> dict[str, str]:
    """The relations of the comparison's mode (name -> what it means, in
    ``lang``), in the mode's order, plus any relation its pairs use that the
    mode does not list."""
    names = list(VERSION_RELATIONS if comparison.mode == Mode.VERSIONS else JURISDICTION_RELATIONS)
    names += [name for name, _ in comparison.summary.counts] + [pair.relation for pair in comparison.pairs]
    return {name: relation_meaning(name, lang) or relation_words(name, lang) for name in dict.fromkeys(names)}


def relation_label(name: str, lang: Lang = DEFAULT_LANG) -> str:
    """A relation's name for a reader (新增, 调整位置 / added, moved)."""
    return relation_words(name, lang)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def inert(value: str) -> str:
    """``value`` as a spreadsheet shows it, never as a formula (the CSV
    files of a report: :mod:`renderers.coverage_csv`, :mod:`renderers.repetition`)."""
    return "'" + value if value.startswith(_FORMULA) else value


def counts(comparison: Comparison) -> list[tuple[str, int]]:
    """(relation, number of pairs) for every relation of the mode, in order.

    Taken from the summary; a relation the summary leaves out counts 0.
    """
    stated = dict(comparison.summary.counts)
    return [(name, stated.get(name, 0)) for name in relations(comparison)]


def unsure_total(comparison: Comparison) -> int:
    """How many pairs are graded unsure (待核): counted apart from the counts."""
    return sum(n for _, n in comparison.summary.unsure_counts)


def unsure_line(comparison: Comparison, lang: Lang = DEFAULT_LANG) -> str:
    """The unsure pairs by relation, e.g. ``改写 3 · 未采纳 2``."""
    return " · ".join(f"{relation_words(name, lang)} {n}" for name, n in comparison.summary.unsure_counts if n)


def candidate_items(pair: ArticlePair, lang: Lang = DEFAULT_LANG, quote=lambda w: w) -> str:
    """An article alone's candidates in a line: ``第四条 0.21「反间谍安全防范」；…``
    (each shared run through ``quote``, for the format's escaping)."""
    return say("list.semicolon", lang).join(
        f"{quote(c.label)} {c.score:.2f}" + "".join(f"「{quote(w)}」" for w in c.shared[:3]) for c in pair.candidates
    )



def decision_label(decision: Decision | None, lang: Lang = DEFAULT_LANG) -> str:
    """A reviewer's decision as shown (已确认, 已添加, 需复核); "" for none."""
    return say(f"decision.{decision.value}", lang) if decision is not None else ""

COVERAGE = {
    CoverageStatus.AS_IS: "＝",
    CoverageStatus.REWORDED: "≈",
    CoverageStatus.PARTLY: "◐",
    CoverageStatus.NOT_ADOPTED: "✕",
    CoverageStatus.UNSURE: "?",
}
"""How each coverage status of a reference article in one derived text is
shown (when each holds: :data:`fagui.model.COVERAGE_STATUSES`): the symbol,
so a cell reads without colour (its name in a language: :func:`coverage_name`)."""


def coverage_name(status: CoverageStatus, lang: Lang = DEFAULT_LANG) -> str:
    """A coverage class's name: 照搬 / adopted as is, ..., 待核 / unsure: to be checked."""
    return say(f"coverage.{CoverageStatus(status).value}", lang)


SAME_PROVISION_READING = 0.5
"""About this score and above two articles read as one provision reworded: a
guide for readers (the pages, docs/comparison.md), not a threshold any pass
decides by."""


def score_meaning(lang: Lang = DEFAULT_LANG, params: Params = PARAMS) -> str:
    """What a score means, for readers of the pages (``page.score_meaning``),
    with the figures of ``params`` (:class:`fagui.model.params.Params`): the
    same figures the engine uses, never a copy of them."""
    return say(
        "page.score_meaning", lang,
        reading=SAME_PROVISION_READING, min_score=params.min_score,
    )


def block_name(blocks: tuple[str, ...], index: int) -> str:
    """How a reader names block ``index`` of an article whose blocks are
    ``blocks``: 第2款 for a paragraph, 第1款（三） for an item (its marker as
    written)."""
    return _block_names(blocks)[index]


@lru_cache(maxsize=1024)
def _block_names(blocks: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`block_name` of each block, worked out in one pass: pages and
    对照表 name blocks of the same articles again and again (a report's
    article pages, hundreds of times each), and each name counted the
    paragraphs before its block anew."""
    names = []
    paragraph = 0
    for block in blocks:
        marker = parse_marker(block)
        paragraph += marker is None
        names.append(f"第{paragraph or 1}款" + (marker[2] if marker else ""))
    return tuple(names)


def article_blocks(comparison: Comparison) -> dict[tuple[str, str], tuple[str, ...]]:
    """(:class:`fagui.model.Side`, article label) -> that article's blocks."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for pair in comparison.pairs:
        for side, refs in ((Side.LEFT, pair.left), (Side.RIGHT, pair.right)):
            for ref in refs:
                out[side, ref.label] = ref.blocks
    return out


def shares_of(comparison: Comparison) -> dict[tuple[str, str], list[ArticleLink]]:
    """The comparison's *shares* links by article: (side, label) (a
    :class:`fagui.model.Side`) to the links that touch that article."""
    out: dict[tuple[str, str], list[ArticleLink]] = {}
    for link in comparison.links:
        if link.strength == Strength.SHARES:
            out.setdefault((Side.LEFT, link.left), []).append(link)
            out.setdefault((Side.RIGHT, link.right), []).append(link)
    return out


def block_ops(pair: ArticlePair) -> tuple[dict[tuple[int, int], ParagraphPair], dict[tuple[int, int], ParagraphPair]]:
    """Index a pair's paragraph pairs by their left and right block positions."""
    left: dict[tuple[int, int], ParagraphPair] = {}
    right: dict[tuple[int, int], ParagraphPair] = {}
    for pp in pair.paragraphs:
        if pp.left is not None:
            left[tuple(pp.left)] = pp
        if pp.right is not None:
            right[tuple(pp.right)] = pp
    return left, right


def score_histogram(comparison: Comparison, bins: int = 10) -> list[int]:
    """Number of two-sided pairs by score, in ``bins`` equal bins over [0, 1]
    (a score of exactly 1 falls in the last bin). One-sided pairs are left out:
    their score says nothing about wording."""
    out = [0] * bins
    for pair in comparison.pairs:
        if pair.left and pair.right:
            s = min(max(pair.score, 0.0), 1.0)
            out[min(int(s * bins), bins - 1)] += 1
    return out


def labels(refs: Iterable) -> str:
    """``第九条、第十条`` for the articles of one side of a pair."""
    return "、".join(ref.label for ref in refs)


def pair_heading(pair: ArticlePair, mode: Mode = Mode.VERSIONS) -> str:
    """Both sides of a pair, old → new between versions (``第十条 →
    第二十六条、第四十三条``), reference ↔ derived between jurisdictions;
    ``—`` for a side with no article. An article that keeps its number
    between versions is named once (``第十二条``, not ``第十二条 → 第十二条``);
    between two texts the same number names two articles, so both stay."""
    old, new = labels(pair.left), labels(pair.right)
    if mode == Mode.VERSIONS and old == new:
        return old
    arrow = "→" if mode == Mode.VERSIONS else "↔"
    return f"{old or '—'} {arrow} {new or '—'}"


Shown = ParagraphPair | tuple[str, str]
"""A block as shown under a pair: a diffed paragraph pair, or (side, text)
for a block with no counterpart (``Side.LEFT``: only the old / reference side has it)."""


def pair_sections(pair: ArticlePair) -> list[tuple[str, list[Shown]]]:
    """A pair's blocks in reading order, each under the article it belongs
    to, so split and merged articles read as separate texts, with a heading
    wherever one article's blocks end and another's begin. A one-to-one
    pair is one section with an empty heading.

    The order is the right-hand (new, derived) side's: its blocks in
    article and block order; a left block with no right counterpart
    stands next to its left neighbour (after the block before it in its
    article, else before the block after it). A paragraph pair belongs to
    the article of the side with several articles (the new article of a
    split, the old article of a merge), a block with no counterpart to its
    own side's article. So a merged article's opening line comes before
    the items that were taken from the old articles, not after them."""
    many = Side.RIGHT if len(pair.right) > 1 else Side.LEFT if len(pair.left) > 1 else None
    covered = {(Side.LEFT,) + tuple(pp.left) for pp in pair.paragraphs if pp.left is not None}
    covered |= {(Side.RIGHT,) + tuple(pp.right) for pp in pair.paragraphs if pp.right is not None}
    lone = [
        (side, (ai, bi), (side, block))
        for side, refs in ((Side.LEFT, pair.left), (Side.RIGHT, pair.right))
        for ai, ref in enumerate(refs)
        for bi, block in enumerate(ref.blocks)
        if (side, ai, bi) not in covered
    ]
    if many is None:
        return [("", list(pair.paragraphs) + [shown for _, _, shown in lone])]
    # (owner side, owner article index, left position, right position, shown)
    items = [
        (many, (pp.right if many == Side.RIGHT else pp.left)[0], pp.left, pp.right, pp)
        if (pp.right if many == Side.RIGHT else pp.left) is not None
        else (Side.LEFT if pp.right is None else Side.RIGHT, (pp.left or pp.right)[0], pp.left, pp.right, pp)
        for pp in pair.paragraphs
    ]
    items += [(side, at[0], at if side == Side.LEFT else None, at if side == Side.RIGHT else None, shown) for side, at, shown in lone]
    primary = sorted((item for item in items if item[3] is not None), key=lambda item: item[3])
    before: list[list] = [[] for _ in primary]
    after: list[list] = [[] for _ in primary]
    tail: list = []
    for item in sorted((item for item in items if item[3] is None), key=lambda item: item[2]):
        ai, bi = item[2]
        same = [(p[2][1], i) for i, p in enumerate(primary) if p[2] is not None and p[2][0] == ai]
        earlier = [x for x in same if x[0] < bi]
        later = [x for x in same if x[0] > bi]
        if earlier:
            after[max(earlier)[1]].append(item)
        elif later:
            before[min(later)[1]].append(item)
        else:
            tail.append(item)
    ordered = [x for i, item in enumerate(primary) for x in (*before[i], item, *after[i])] + tail
    out: list[tuple[str, list[Shown]]] = []
    owner = None
    for side, ai, _, _, shown in ordered:
        if (side, ai) != owner:
            owner = (side, ai)
            out.append(((pair.left if side == Side.LEFT else pair.right)[ai].label, []))
        out[-1][1].append(shown)
    return out


def group_note(pair: ArticlePair, lang: Lang = DEFAULT_LANG) -> str:
    """What a split or merge did, in the reader's words: 拆分为第二十六条、
    第四十三条 / 由第十条、第十一条合并 (empty for any other pair)."""
    if pair.relation == Relation.SPLIT or len(pair.right) > 1:
        return say("note.split_into", lang, labels=labels(pair.right))
    if pair.relation == Relation.MERGED or len(pair.left) > 1:
        return say("note.merged_from", lang, labels=labels(pair.left))
    return ""


def side_name(comparison: Comparison, side: Side, lang: Lang = DEFAULT_LANG) -> str:
    """A short name for one side: the jurisdiction, or the revision / date."""
    doc = comparison.left if side == Side.LEFT else comparison.right
    if comparison.mode == Mode.VERSIONS:
        articles = comparison.summary.left_articles if side == Side.LEFT else comparison.summary.right_articles
        if not articles and not doc.effective and not (doc.revision or "").strip("0."):
            # The side of a file added or deleted (git names it /dev/null, revision 0000000 or ".").
            return say("side.new_file" if side == Side.LEFT else "side.deleted_file", lang)
        when = doc.effective or doc.revision
        name = say("side.old" if side == Side.LEFT else "side.new", lang)
        return f"{name}{f' {when}' if when else ''}"
    return doc.jurisdiction or doc.title


def is_item(block: str) -> bool:
    """Whether a block is an item (项/目), which pages indent under its paragraph."""
    return parse_marker(block) is not None


def _place_name(blocks: dict[tuple[str, str], tuple[str, ...]], side: Side, place: Place | None) -> str:
    if place is None:
        return ""
    article = blocks.get((side, place.article))
    inner = block_name(article, place.block) if article and place.block < len(article) else ""
    return f"{place.article}{inner}"


def where_text(blocks: dict[tuple[str, str], tuple[str, ...]], where: tuple[Place | None, Place | None]) -> str:
    """Where a meaning or a flag stands, as a reader names it: 第三条第1款（二） → 第五条第2款."""
    left, right = _place_name(blocks, Side.LEFT, where[0]), _place_name(blocks, Side.RIGHT, where[1])
    return " → ".join(x for x in (left, right) if x)


def meaning_text(m: MeaningChange, blocks: dict[tuple[str, str], tuple[str, ...]], lang: Lang = DEFAULT_LANG) -> str:
    """One meaning change for a reader: ``【数额】罚款上限由五万元提高至十万元（第一条第1款 → 第一条第1款）``
    (plain text: each renderer escapes it). The sentence is the engine's, in Chinese, in either language."""
    return say("meaning.line", lang, kind=say("kind." + m.kind.value, lang), says=m.says, where=where_text(blocks, m.where))


def flag_label(f: Flag, lang: Lang = DEFAULT_LANG) -> str:
    """The name of the rule a flag rests on."""
    return say("flag." + f.rule.value, lang)


def flag_text(f: Flag, blocks: dict[tuple[str, str], tuple[str, ...]], lang: Lang = DEFAULT_LANG) -> str:
    """One flag for a reader, naming its rule and basis: ``审查提示【规章设定处罚超出权限】政府规章设定没收违法所得（依据：行政处罚法第十四条第二款；第一条第1款）``."""
    return say("flag.line", lang, rule=flag_label(f, lang), says=f.says, basis=f.basis, where=where_text(blocks, f.where))


def pair_meanings(pair: ArticlePair, shares: dict[tuple[str, str], list[ArticleLink]]) -> list[MeaningChange]:
    """The meaning changes shown with a pair: its own, then those of the
    shares links that carry a provision into its right-hand articles (shown
    once, with the article that receives it)."""
    out = list(pair.meanings)
    for ref in pair.right:
        for link in shares.get((Side.RIGHT, ref.label), ()):
            out += link.meanings
    return out


def flags_by_article(comparison: Comparison) -> dict[str, list[Flag]]:
    """The comparison's flags by the right-hand (local) article they are about."""
    out: dict[str, list[Flag]] = {}
    for f in comparison.flags:
        out.setdefault(f.article, []).append(f)
    return out


def pair_flags(pair: ArticlePair, flags: dict[str, list[Flag]]) -> list[Flag]:
    """The flags about the pair's right-hand articles."""
    return [f for ref in pair.right for f in flags.get(ref.label, ())]
