"""``fagui diff --explain``: an :class:`fagui.explain.Explanation` as text
for a terminal (everything from a text made visible)."""

from __future__ import annotations

from fagui.align import Action
from fagui.explain import Explanation
from fagui.model import Side
from fagui.text.control import visible

SHOWN = 12
"""Candidates listed (the rest are counted)."""


def render_explanation(explanations: tuple[Explanation, ...], left_title: str, right_title: str) -> str:
    """Each explanation: the article, its candidates with their scores, then
    every rule of the chain in the order it ran with what it did to the
    article's links (or that it left them alone), and the result."""
    out: list[str] = []
    for x in explanations:
        side, other = ("left", "right") if x.side == Side.LEFT else ("right", "left")
        title = left_title if x.side == Side.LEFT else right_title
        out.append(f"{visible(x.label)} ({side}: {visible(title)})")
        out.append(f"candidates on the {other} ({len(x.candidates)} sharing wording; score, rank, best block score):")
        for c in x.candidates[:SHOWN]:
            mutual = ", each other's best" if c.mutual and c.rank == 1 else ""
            out.append(f"  {visible(c.label):<10} {c.score:.3f}  #{c.rank}  block {c.best_block:.3f}{mutual}")
        if len(x.candidates) > SHOWN:
            out.append(f"  … {len(x.candidates) - SHOWN} more")
        out.append("rules, in the order they ran:")
        for rule in x.rules:
            steps = [s for s in x.steps if s.rule == rule]
            if not steps:
                out.append(f"  {rule}: nothing for this article")
            for s in steps:
                p = f" (p={s.probability:.3f})" if s.probability is not None else ""
                verb = {Action.MADE: "made", Action.REMOVED: "removed", Action.CANDIDATE: "refused: a candidate"}.get(s.action, f"accepted as {s.action}")
                out.append(f"  {rule}: {verb} {s.kind} {visible(x.label)} ↔ {visible(s.other)}{p}")
        out.append(f"result: {visible(x.result)}")
        out.append("")
    return "\n".join(out)
