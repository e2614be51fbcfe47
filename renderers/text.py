"""A comparison for a terminal.

Changed pairs are shown in full as one inline diff per paragraph; unchanged
pairs take one line. With ``color`` the diff uses ANSI colours (deletions red
and struck through, insertions green and underlined); without it, the
markers ``[-deleted-]`` and ``{+inserted+}``, which read anywhere. Control
characters in the texts are made visible, so a text cannot drive the terminal.
"""

from __future__ import annotations

from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import ArticlePair, Comparison, Grade, Mode, Relation, Side, note_words, relation_words

from renderers import (
    article_blocks,
    candidate_items,
    counts,
    decision_label,
    flag_text,
    flags_by_article,
    labels,
    meaning_text,
    pair_flags,
    pair_heading,
    pair_meanings,
    pair_sections,
    shares_of,
    side_name,
    unsure_line,
    unsure_total,
)
from fagui.text.control import visible

RESET = "\x1b[0m"
STYLES = {
    "delete": "\x1b[31;9m",
    "insert": "\x1b[32;4m",
    "title": "\x1b[1m",
    "dim": "\x1b[2m",
    "relation": "\x1b[1;36m",
    "only_L": "\x1b[31m",
    "only_R": "\x1b[32m",
}


class _Out:
    def __init__(self, color: bool, lang: Lang) -> None:
        self.color = color
        self.lang = lang
        self.lines: list[str] = []

    def style(self, kind: str, text: str) -> str:
        text = visible(text)
        if self.color:
            return f"{STYLES[kind]}{text}{RESET}" if text else ""
        if kind == "delete":
            return f"[-{text}-]"
        if kind == "insert":
            return f"{{+{text}+}}"
        return text


def render_text(comparison: Comparison, color: bool = False, lang: Lang = DEFAULT_LANG, changed_only: bool = False) -> str:
    """The comparison as terminal text, in ``lang``; ANSI colour only when
    ``color``. ``changed_only`` leaves out the one-line rows of unchanged
    articles and says how many there are (the git driver: a one-character
    change is a few lines, not a row per article)."""
    out = _Out(color, lang)
    s = comparison.summary
    left, right = comparison.left, comparison.right
    add = out.lines.append
    sides = {"left_side": side_name(comparison, Side.LEFT, lang), "right_side": side_name(comparison, Side.RIGHT, lang)}
    add(out.style("title", say("diff.sides", lang, left=left.title, right=right.title, **sides)))
    kept = "sum.kept" if comparison.mode == Mode.VERSIONS else "sum.adopted"
    add(
        " · ".join(
            (
                say("sum.articles", lang, left=s.left_articles, right=s.right_articles),
                say(kept, lang, share=f"{s.adopted_share * 100:.0f}%"),
                say("sum.text_shared", lang, share=f"{s.derived_share * 100:.0f}%"),
                say("sum.provisions", lang, share=f"{s.provision_share * 100:.0f}%"),
            )
        )
    )
    add(" · ".join(f"{relation_words(name, lang)} {n}" for name, n in counts(comparison)))
    if unsure_total(comparison):
        add(say("sum.unsure", lang, line=unsure_line(comparison, lang)))
    if not color:
        add(say("legend", lang))
    if comparison.flags:
        add(f"{say('flag.head', lang, n=len(comparison.flags))} · {say('flag.note', lang)}")
    shares = shares_of(comparison)
    said = (article_blocks(comparison), flags_by_article(comparison))
    unchanged, renumbered = 0, []
    for n, pair in enumerate(comparison.pairs, 1):
        if changed_only and not pair.changed:
            unchanged += 1
        elif changed_only and pair.relation == Relation.RENUMBERED:
            renumbered.append(f"{labels(pair.left)}→{labels(pair.right)}")
        else:
            _pair(out, n, pair, shares, comparison.mode, said)
    if renumbered:
        add(visible(say("driver.renumbered", lang, n=len(renumbered), moves=say("list.comma", lang).join(renumbered))))
    if unchanged:
        add(out.style("dim", say("driver.unchanged", lang, n=unchanged)))
    return "\n".join(out.lines).rstrip("\n") + "\n"


def _pair(out: _Out, n: int, pair: ArticlePair, shares: dict, mode: Mode, said: tuple[dict, dict]) -> None:
    add = out.lines.append
    changed = pair.changed
    relation = relation_words(pair.relation, out.lang)
    head = f"{say('pair.number', out.lang, n=n)} {out.style('relation', relation) if changed else relation}"
    if pair.left and pair.right:
        head += f" {pair.score:.2f}" + (f" {say('grade.' + pair.grade, out.lang)}" if pair.grade != Grade.SURE else "")
    elif pair.grade != Grade.SURE:
        head += f" {say('grade.' + pair.grade, out.lang)}"
    if pair.decision is not None:
        head += f" {decision_label(pair.decision, out.lang)}"
    head += f"  {visible(pair_heading(pair, mode))}"
    for note in pair.notes:
        head += "  " + say("pair.note", out.lang, note=visible(note_words(note, out.lang)))
    if not changed:
        add(out.style("dim", head) if out.color else head)
        _shares(out, pair, shares)
        _meanings(out, pair, shares, said)
        return
    if out.lines[-1]:
        add("")
    add(head)
    _changes(out, pair)
    _shares(out, pair, shares)
    _meanings(out, pair, shares, said)
    if pair.candidates:
        add("  " + say("candidates.line", out.lang, items=candidate_items(pair, out.lang, visible)))
    add("")


def _meanings(out: _Out, pair: ArticlePair, shares: dict, said: tuple[dict, dict]) -> None:
    """One line per legal-meaning change of the pair and per flag on it."""
    blocks, flags = said
    for m in pair_meanings(pair, shares):
        out.lines.append(f"  ≡ {visible(meaning_text(m, blocks, out.lang))}")
    for f in pair_flags(pair, flags):
        out.lines.append(f"  ! {visible(flag_text(f, blocks, out.lang))}")


def render_article_diff(pair: ArticlePair, color: bool = False) -> str:
    """One pair's inline diff, a line per paragraph (indented two spaces;
    under a split or merge each article's own lines under its label, as
    :func:`renderers.pair_sections` orders them): what ``fagui diff``
    prints under a changed pair's head line."""
    out = _Out(color, DEFAULT_LANG)
    _changes(out, pair)
    return "".join(line + "\n" for line in out.lines)


def _changes(out: _Out, pair: ArticlePair) -> None:
    add = out.lines.append
    for heading, blocks in pair_sections(pair):
        if heading:
            add("  " + out.style("title", heading))
        for shown in blocks:
            if isinstance(shown, tuple):  # a block with no counterpart: whole, marked by side
                side, block = shown
                mark = "-" if side == Side.LEFT else "+"
                add(f"  {mark} " + out.style("only_" + side, block) if out.color else f"  {mark} {visible(block)}")
                continue
            parts = []
            for op in shown.ops:
                if op.kind == "equal":
                    parts.append(visible(op.right))
                elif op.kind == "delete":
                    parts.append(out.style("delete", op.left))
                elif op.kind == "insert":
                    parts.append(out.style("insert", op.right))
            add("  " + "".join(parts))


def _shares(out: _Out, pair: ArticlePair, shares: dict) -> None:
    """One line per shares link of the pair's articles: where a paragraph or
    item went (→) or came from (←), and the wording shared."""
    for side, refs in ((Side.LEFT, pair.left), (Side.RIGHT, pair.right)):
        for ref in refs:
            for link in shares.get((side, ref.label), ()):
                arrow, other = ("→", link.right) if side == Side.LEFT else ("←", link.left)
                words = " ".join(f"「{visible(w)}」" for ev in link.evidence for w in ev.shared[:3])
                grade = (f" {say('grade.' + link.grade, out.lang)}" if link.grade != Grade.SURE else "") + (f" {decision_label(link.decision, out.lang)}" if link.decision else "")
                line = say("shares.line", out.lang, mine=visible(ref.label), arrow=arrow, other=visible(other))
                out.lines.append(f"  {line} {link.score:.2f}{grade} {words}".rstrip())
