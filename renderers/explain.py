"""``fagui diff --explain``: an :class:`fagui.explain.Explanation` as text
for a terminal, in Chinese by default or English (``--lang en``), from the
message catalogue; everything from a text made visible.

Columns are padded by the width a terminal gives them
(:func:`fagui.text.width.columns`: a Chinese character takes two columns),
so that the scores of 第十二条 and 第二十六条 stand one under the other."""

from __future__ import annotations

from fagui.align import Action
from fagui.explain import Explanation, Step
from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import Side, relation_words
from fagui.text.control import visible
from fagui.text.width import columns

SHOWN = 12
"""Candidates listed (the rest are counted)."""

GAP = "  "
"""Between two columns."""


def _pad(text: str, width: int, right: bool = False) -> str:
    """``text`` filled with spaces to ``width`` terminal columns (on the left when ``right``)."""
    fill = " " * (width - columns(text))
    return fill + text if right else text + fill


def _table(rows: list[list[str]], right: tuple[bool, ...]) -> list[str]:
    """Rows of cells as lines, each column as wide as its widest cell, cells
    aligned right where ``right`` says; a cell past the last of ``right`` is
    written as it is."""
    n = len(right)
    widths = [max(columns(row[c]) for row in rows) for c in range(n)]
    return [
        (GAP + GAP.join(_pad(cell, widths[c], right[c]) for c, cell in enumerate(row[:n])) + "".join(GAP + cell for cell in row[n:])).rstrip()
        for row in rows
    ]


def _step(x: Explanation, s: Step, lang: Lang) -> str:
    """What one rule did to one link of the article, in words."""
    link = f"{visible(x.label)} ↔ {visible(s.other)}"
    kind = say(f"strength.{s.kind}", lang)
    if s.action == Action.MADE:
        said = say("explain.made", lang, kind=kind, link=link)
    elif s.action == Action.REMOVED:
        said = say("explain.removed", lang, kind=kind, link=link)
    elif s.action == Action.CANDIDATE:
        said = say("explain.refused", lang, kind=kind, link=link)
    else:
        said = say("explain.accepted", lang, grade=say(f"grade.{s.action}", lang), kind=kind, link=link)
    return said + (say("explain.probability", lang, p=f"{s.probability:.3f}") if s.probability is not None else "")


def _result(x: Explanation, lang: Lang) -> str:
    if x.relation is None or x.grade is None:
        return say("explain.no_group", lang)
    made = say("list.sep", lang).join(say("explain.made_by", lang, label=visible(label), rule=rule) for label, rule in x.counterparts)
    return say("explain.result", lang, relation=relation_words(x.relation, lang), counterparts=made or "—", grade=say(f"grade.{x.grade}", lang))


def render_explanation(explanations: tuple[Explanation, ...], left_title: str, right_title: str, lang: Lang = DEFAULT_LANG) -> str:
    """Each explanation: the article, its candidates with their scores in
    aligned columns, then every rule of the chain in the order it ran with
    what it did to the article's links (or that it left them alone), and
    the result."""
    out: list[str] = []
    for x in explanations:
        here, other = ("explain.left", "explain.right") if x.side == Side.LEFT else ("explain.right", "explain.left")
        title = left_title if x.side == Side.LEFT else right_title
        out.append(say("explain.head", lang, label=visible(x.label), side=say(here, lang), title=visible(title)))
        out.append(say("explain.candidates", lang, other=say(other, lang), n=len(x.candidates)))
        head = [say(f"explain.col_{c}", lang) for c in ("article", "score", "rank", "block")]
        rows = [
            [visible(c.label), f"{c.score:.3f}", f"#{c.rank}", f"{c.best_block:.3f}"] + ([say("explain.mutual", lang)] if c.mutual and c.rank == 1 else [])
            for c in x.candidates[:SHOWN]
        ]
        out.extend(_table([head] + rows, (False, True, True, True)))
        if len(x.candidates) > SHOWN:
            out.append(GAP + say("explain.more", lang, n=len(x.candidates) - SHOWN))
        out.append(say("explain.rules", lang))
        lines = []
        for rule in x.rules:
            steps = [s for s in x.steps if s.rule == rule]
            lines.extend([rule, _step(x, s, lang)] for s in steps)
            if not steps:
                lines.append([rule, say("explain.nothing", lang)])
        out.extend(_table(lines, (False,)))
        out.append(_result(x, lang))
        out.append("")
    return "\n".join(out)
