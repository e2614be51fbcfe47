"""A comparison as GitHub-flavoured Markdown, for pull-request review.

A counts table, then each changed article pair as a compact inline diff in a
quote block. Deletions are ``[-like this-]`` and insertions ``{+like this+}``:
readable as raw text and rendered, and unlike ``~~`` or ``**`` not broken by
CommonMark's flanking rules next to Chinese punctuation (``名录~~。~~`` does not
render as a strike-through). Relations with many pairs fold into
``<details>``. Every piece of regulation text is escaped, so it can neither
format nor inject HTML.
"""

from __future__ import annotations

import html
import re

from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import ArticlePair, Comparison, Grade, Mode, Relation, Side, Strength, note_words
from fagui.text.control import visible

from renderers import (
    article_blocks,
    block_name,
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
    relation_label,
    relations,
    shares_of,
    side_name,
    unsure_line,
    unsure_total,
)

FOLD_AFTER = 5
"""A relation with more changed pairs than this is folded into <details>."""

FOLDED_RELATIONS = (Relation.RENUMBERED, Relation.REFERENCE_UPDATE)
"""Between versions, pairs whose wording did not change (or changed only by
following the renumbering) are listed on one line each, not in full."""

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!$])")
"""Characters that could format or inject. Not ( and ): they only matter
after a ] (a link), and every [ and ] is escaped, so a note such as
（1 article differs: …) shows no backslash where Markdown is read raw."""
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


_LIVE = re.compile(r"@(?=[A-Za-z0-9])|(?i:www)(?=\.)|:(?=//)|#(?=\d)")
"""Where GitHub would make a live mention (@octocat, @org/team), an issue
reference (#12) or an autolink (GFM's extended autolinks: https://…, www.…,
name@host.cn, and mailto:/xmpp: ones, which hold an @): with no spaces in
Chinese, a link runs on to the end of the sentence."""

_ZERO_WIDTH = "&#8203;"
"""A zero-width space written as an entity: the rendered text looks the
same, but no mention or autolink pattern matches across it (a backslash
escape would not do: it is gone before GitHub looks for mentions)."""


def escape_markdown(text: str) -> str:
    """Text as literal Markdown: no line breaks; control and bidirectional
    formatting characters as ``\\xNN`` / ``\\uNNNN``; inline syntax
    backslash-escaped; mentions and autolinks broken by a zero-width space."""
    text = visible(" ".join(text.splitlines()), newlines=False)
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LIVE.sub(lambda m: m.group() + _ZERO_WIDTH, text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def code_span(text: str, *, in_table: bool = False) -> str:
    """``text`` (a path, an id: anything a user named) as an inline code span
    that shows it literally and can end nothing early: control characters,
    newlines among them, as ``\\xNN`` / ``\\uNNNN``; a fence of one backtick
    more than the longest run inside; a space of padding where it starts or
    ends with a backtick or a space; and in a table cell ``|`` escaped (GFM
    splits a row into cells before it reads code spans)."""
    text = visible(text, newlines=False)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


def _h(text: str) -> str:
    """Text inside an HTML element (``<summary>``)."""
    return html.escape(text, quote=True)


def render_markdown(comparison: Comparison, lang: Lang = DEFAULT_LANG) -> str:
    """The comparison as Markdown for a pull-request comment or a review, in ``lang``."""
    s = comparison.summary
    out: list[str] = []
    add = out.append
    left, right = comparison.left, comparison.right
    sides = {"left_side": side_name(comparison, Side.LEFT, lang), "right_side": side_name(comparison, Side.RIGHT, lang)}
    named = {key: escape_markdown(value) for key, value in {"left": left.title, "right": right.title, **sides}.items()}
    add(f"### {say('diff.sides', lang, **named)}")
    add("")
    kept = "sum.kept" if comparison.mode == Mode.VERSIONS else "sum.adopted"
    figures = (
        say("sum.articles", lang, left=f"**{s.left_articles}**", right=f"**{s.right_articles}**"),
        say(kept, lang, share=f"**{s.adopted_share * 100:.0f}%**"),
        say("sum.text_shared", lang, share=f"**{s.derived_share * 100:.0f}%**"),
        say("sum.provisions", lang, share=f"**{s.provision_share * 100:.0f}%**"),
    )
    add(" · ".join(figures))
    if unsure_total(comparison):
        add("")
        add(escape_markdown(say("sum.unsure", lang, line=unsure_line(comparison, lang))))
    add("")
    descriptions = relations(comparison, lang)
    add(say("md.table_head", lang))
    add("|---|---:|---|")
    for name, n in counts(comparison):
        add(f"| {relation_label(name, lang)} | {n} | {descriptions.get(name, '')} |")
    add("")
    render_decisions(out, comparison, lang)
    render_flags(out, comparison, lang)
    render_shares(out, comparison, lang)
    said = Said.of(comparison, lang)
    changed = [(i, p) for i, p in enumerate(comparison.pairs, 1) if p.changed]
    if not changed:
        add(say("md.no_change", lang))
        return "\n".join(out) + "\n"
    if comparison.mode == Mode.VERSIONS:
        folded = folded_lines(comparison, lang)
        out += folded + ([""] if folded else [])
        changed = [(i, p) for i, p in changed if p.relation not in FOLDED_RELATIONS]
        if not changed:
            add(say("md.no_substantive", lang))
            return "\n".join(out) + "\n"
    add(say("md.legend", lang))
    for name in relations(comparison):
        group = [(i, p) for i, p in changed if p.relation == name]
        if not group:
            continue
        add("")
        title = say("md.group", lang, name=relation_label(name, lang), n=len(group))
        fold = len(group) > FOLD_AFTER
        if fold:
            add(f"<details><summary><b>{_h(title)}</b></summary>")
        else:
            add(f"#### {title}")
        for i, pair in group:
            add("")
            render_pair(out, i, pair, lang, comparison.mode, said)
        if fold:
            add("")
            add("</details>")
    return "\n".join(out) + "\n"


def render_decisions(out: list[str], comparison: Comparison, lang: Lang = DEFAULT_LANG) -> None:
    """Append the links a reviewer decided (``fagui link``): confirmed
    (已确认), added (已添加) or needing review since the wording changed (需复核)."""
    decided = [x for x in comparison.links if x.decision is not None]
    if not decided:
        return
    add = out.append
    add(say("md.decisions_head", lang, n=len(decided)))
    add("")
    for x in decided:
        add(f"- {escape_markdown(x.left)} ↔ {escape_markdown(x.right)} · {say('strength.' + x.strength, lang)} · {decision_label(x.decision, lang)}")
    add("")


def render_flags(out: list[str], comparison: Comparison, lang: Lang = DEFAULT_LANG) -> None:
    """Append the flags for a reviewer (审查提示), each with its rule and basis."""
    if not comparison.flags:
        return
    blocks = article_blocks(comparison)
    out.append(f"#### {say('flag.head', lang, n=len(comparison.flags))}")
    out.append("")
    out.append(escape_markdown(say("flag.note", lang)))
    out.append("")
    out.extend(f"- {escape_markdown(flag_text(f, blocks, lang))}" for f in comparison.flags)
    out.append("")


class Said:
    """What :func:`render_pair` shows beside a pair's diff: what its change
    means in law and the flags on it."""

    def __init__(self, blocks: dict, shares: dict, flags: dict, lang: Lang = DEFAULT_LANG) -> None:
        self.blocks, self.shares, self.flags, self.lang = blocks, shares, flags, lang

    @classmethod
    def of(cls, comparison: Comparison, lang: Lang = DEFAULT_LANG) -> "Said":
        return cls(article_blocks(comparison), shares_of(comparison), flags_by_article(comparison), lang)

    def lines(self, pair: ArticlePair) -> list[str]:
        out = [f"- {escape_markdown(meaning_text(m, self.blocks, self.lang))}" for m in pair_meanings(pair, self.shares)]
        return out + [f"- {escape_markdown(flag_text(f, self.blocks, self.lang))}" for f in pair_flags(pair, self.flags)]


def render_shares(out: list[str], comparison: Comparison, lang: Lang = DEFAULT_LANG) -> None:
    """Append the shares links: each paragraph or item carried into an
    article that is not its article's counterpart, with the wording shared."""
    shares = [x for x in comparison.links if x.strength == Strength.SHARES]
    if not shares:
        return
    add = out.append
    add(say("md.shares_head", lang, n=len(shares)))
    add("")
    names = article_blocks(comparison)
    for link in shares:
        blocks = "; ".join(
            f"{block_name(names[Side.LEFT, ev.left[0]], ev.left[1])} ↔ {block_name(names[Side.RIGHT, ev.right[0]], ev.right[1])}"
            + (" " + " ".join(f"「{escape_markdown(w)}」" for w in ev.shared[:4]) if ev.shared else "")
            for ev in link.evidence
        )
        grade = (f" · {say('grade.' + link.grade, lang)}" if link.grade != Grade.SURE else "") + (f" · {decision_label(link.decision, lang)}" if link.decision else "")
        add(f"- {escape_markdown(link.left)} → {escape_markdown(link.right)} · {link.score:.2f}{grade} · {blocks}")
    add("")


def folded_lines(comparison: Comparison, lang: Lang = DEFAULT_LANG) -> list[str]:
    """One line per relation of :data:`FOLDED_RELATIONS` that occurs:
    ``- 仅调整条序（11）：第六条→第七条，第七条→第八条，…``."""
    out = []
    for relation in FOLDED_RELATIONS:
        pairs = [p for p in comparison.pairs if p.relation == relation]
        if pairs:
            moves = "，".join(f"{escape_markdown(labels(p.left))}→{escape_markdown(labels(p.right))}" for p in pairs)
            key = "md.renumbered_only" if relation == Relation.RENUMBERED else "md.references_only"
            out.append(f"- {say(key, lang, n=len(pairs), moves=moves)}")
    return out


def render_pair(out: list[str], n: int, pair: ArticlePair, lang: Lang = DEFAULT_LANG, mode: Mode = Mode.VERSIONS, said: Said | None = None) -> None:
    """Append pair number ``n`` to ``out``: a head line naming both sides
    (old → new), what the change means in law and the flags on it (from
    ``said``), then its inline diff as a quote; a split or merged article's
    parts each under their own bold label."""
    add = out.append
    head = f"**{escape_markdown(pair_heading(pair, mode))}** · {relation_label(pair.relation, lang)}"
    if pair.left and pair.right:
        head += f" · {pair.score:.2f}" + (f" · {say('grade.' + pair.grade, lang)}" if pair.grade != Grade.SURE else "")
    elif pair.grade != Grade.SURE:
        head += f" · {say('grade.' + pair.grade, lang)}"
    if pair.decision is not None:
        head += f" · {decision_label(pair.decision, lang)}"
    head += f" · {say('pair.number', lang, n=n)}"  # worded, so it reads as neither an article number nor an issue
    for note in pair.notes:
        head += f" · {escape_markdown(note_words(note, lang))}"
    for side, refs in ((Side.LEFT, pair.left), (Side.RIGHT, pair.right)):
        others = [link.right if side == Side.LEFT else link.left for ref in refs for link in (said.shares if said else {}).get((side, ref.label), ())]
        if others:
            key = "review.shared_with_to" if side == Side.LEFT else "review.shared_with_from"
            head += f" · {escape_markdown(say(key, lang, other=say('list.sep', lang).join(dict.fromkeys(others))))}"
    add(head)
    add("")
    if pair.candidates:
        add(say("candidates.line", lang, items=candidate_items(pair, lang, escape_markdown)))
        add("")
    meaning = said.lines(pair) if said else []
    if meaning:
        out += meaning + [""]
    lines = []
    for heading, blocks in pair_sections(pair):
        if heading:
            lines.append(f"**{escape_markdown(heading)}**")
        for shown in blocks:
            if isinstance(shown, tuple):
                side, block = shown
                lines.append(f"[-{escape_markdown(block)}-]" if side == Side.LEFT else f"{{+{escape_markdown(block)}+}}")
                continue
            parts = []
            for op in shown.ops:
                if op.kind == "equal":
                    parts.append(escape_markdown(op.right))
                elif op.kind == "delete" and op.left:
                    parts.append(f"[-{escape_markdown(op.left)}-]")
                elif op.kind == "insert" and op.right:
                    parts.append(f"{{+{escape_markdown(op.right)}+}}")
            lines.append("".join(parts))
    for k, line in enumerate(lines):
        if k:
            add(">")
        add(f"> {line}")
