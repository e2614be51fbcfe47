"""A comparison for a terminal.

Changed pairs are shown in full as one inline diff per paragraph; unchanged
pairs take one line. With ``color`` the diff uses ANSI colours (deletions red
and struck through, insertions green and underlined); without it, the
markers ``[-deleted-]`` and ``{+inserted+}``, which read anywhere. Control
characters in the texts are made visible, so a text cannot drive the terminal.
"""

from __future__ import annotations

from fagui.model import ArticlePair, Comparison, relation_words

from renderers import counts, decision_label, labels, shares_of, side_name
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
    def __init__(self, color: bool) -> None:
        self.color = color
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


def render_text(comparison: Comparison, color: bool = False) -> str:
    """The comparison as terminal text; ANSI colour only when ``color``."""
    out = _Out(color)
    s = comparison.summary
    left, right = comparison.left, comparison.right
    add = out.lines.append
    add(out.style("title", f"{left.title} ({side_name(comparison, 'L')}) ↔ {right.title} ({side_name(comparison, 'R')})"))
    kept = "kept" if comparison.mode == "versions" else "adopted"
    add(
        f"{s.left_articles} ↔ {s.right_articles} articles · {kept} {s.adopted_share * 100:.0f}%"
        f" · text shared {s.derived_share * 100:.0f}% · provisions carried {s.provision_share * 100:.0f}%"
    )
    add(" · ".join(f"{relation_words(name)} {n}" for name, n in counts(comparison)))
    if not color:
        add("legend: [-deleted-] {+inserted+}")
    shares = shares_of(comparison)
    for n, pair in enumerate(comparison.pairs, 1):
        _pair(out, n, pair, shares)
    return "\n".join(out.lines).rstrip("\n") + "\n"


def _pair(out: _Out, n: int, pair: ArticlePair, shares: dict) -> None:
    add = out.lines.append
    changed = pair.changed
    relation = relation_words(pair.relation)
    head = f"#{n} {out.style('relation', relation) if changed else relation}"
    if pair.left and pair.right:
        head += f" {pair.score:.2f}" + (" unsure" if pair.grade != "sure" else "")
    if pair.decision is not None:
        head += f" {decision_label(pair.decision)}"
    head += f"  {visible(labels(pair.left) or '—')} ↔ {visible(labels(pair.right) or '—')}"
    for note in pair.notes:
        head += f"  ({visible(note)})"
    if not changed:
        add(out.style("dim", head) if out.color else head)
        _shares(out, pair, shares)
        return
    if out.lines[-1]:
        add("")
    add(head)
    _changes(out, pair)
    _shares(out, pair, shares)
    add("")


def render_article_diff(pair: ArticlePair, color: bool = False) -> str:
    """One pair's inline diff, a line per paragraph (indented two spaces):
    what ``fagui diff`` prints under a changed pair's head line."""
    out = _Out(color)
    _changes(out, pair)
    return "".join(line + "\n" for line in out.lines)


def _changes(out: _Out, pair: ArticlePair) -> None:
    add = out.lines.append
    shown = set()
    for pp in pair.paragraphs:
        shown.add(("L",) + tuple(pp.left) if pp.left is not None else None)
        shown.add(("R",) + tuple(pp.right) if pp.right is not None else None)
        parts = []
        for op in pp.ops:
            if op.kind == "equal":
                parts.append(visible(op.right))
            elif op.kind == "delete":
                parts.append(out.style("delete", op.left))
            elif op.kind == "insert":
                parts.append(out.style("insert", op.right))
        add("  " + "".join(parts))
    # Blocks no paragraph pair covers (one-sided pairs): whole, marked by side.
    for side, refs in (("L", pair.left), ("R", pair.right)):
        for ai, ref in enumerate(refs):
            for bi, block in enumerate(ref.blocks):
                if (side, ai, bi) not in shown:
                    mark = "-" if side == "L" else "+"
                    add(f"  {mark} " + out.style("only_" + side, block) if out.color else f"  {mark} {visible(block)}")


def _shares(out: _Out, pair: ArticlePair, shares: dict) -> None:
    """One line per shares link of the pair's articles: where a paragraph or
    item went (→) or came from (←), and the wording shared."""
    for side, refs in (("L", pair.left), ("R", pair.right)):
        for ref in refs:
            for link in shares.get((side, ref.label), ()):
                arrow, other = ("→", link.right) if side == "L" else ("←", link.left)
                words = " ".join(f"「{visible(w)}」" for ev in link.evidence for w in ev.shared[:3])
                grade = (" unsure" if link.grade != "sure" else "") + (f" {decision_label(link.decision)}" if link.decision else "")
                out.lines.append(f"  shares: {visible(ref.label)} {arrow} {visible(other)} {link.score:.2f}{grade} {words}".rstrip())
