"""Which side a text belongs on when comparing jurisdictions: the reference
(national) text on the left, the text derived from it (provincial) on the
right, as the front matter's ``level`` says. :func:`compare_oriented` is
:func:`fagui.compare.compare` with that rule applied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from fagui.compare import compare, default_mode, document_ref
from fagui.errors import argument
from fagui.model import LEVELS, Comparison, DocumentRef, Metadata, Mode, PlacedDecision, Regulation

Decide = Callable[[Regulation, DocumentRef, Regulation, DocumentRef], tuple[PlacedDecision, ...]]
"""(left, its ref, right, its ref) -> a reviewer's decisions placed on those
two texts (:class:`fagui.store.decisions.CorpusDecisions`)."""

@dataclass(frozen=True)
class Orientation:
    """``swap``: the sides as given are the wrong way round. ``note``: what
    the reader should be told (the swap, or why the order could not be
    checked), else None."""

    swap: bool
    note: str | None = None


def orient(left: Metadata, right: Metadata) -> Orientation:
    """Whether two texts compared as jurisdictions are the wrong way round
    (the lower level on the left), or a note when a level is missing."""
    unknown = [f"{side} text ({meta.title})" for side, meta in (("left", left), ("right", right)) if meta.level not in LEVELS]
    if unknown:
        return Orientation(False, f"no level (national/provincial) in the front matter of the {' or the '.join(unknown)}: cannot tell which is the reference; compared as given")
    if LEVELS.index(left.level) > LEVELS.index(right.level):
        return Orientation(True, f"the {right.level} text ({right.title}) goes on the left, the {left.level} text ({left.title}) on the right")
    return Orientation(False)


def compare_oriented(
    left: Regulation,
    right: Regulation,
    mode: str | None = None,
    left_ref: DocumentRef | None = None,
    right_ref: DocumentRef | None = None,
    *,
    keep_order: bool = False,
    decide: Decide | None = None,
) -> tuple[Comparison, str | None]:
    """:func:`~fagui.compare.compare`, but two jurisdictions given the wrong
    way round (provincial first) are swapped so that the national text is on
    the left, unless ``keep_order``; ``decide`` gives the reviewer's
    decisions on the two texts as finally placed. Returns the comparison and a note for
    the reader: what was swapped, what was kept against the rule, or that the
    levels could not be told (the argument it names marked: word it with
    :func:`fagui.errors.worded`); None when there is nothing to say."""
    left_ref = left_ref or document_ref(left)
    right_ref = right_ref or document_ref(right)

    def compared(mode: str | None, l: Regulation, lref: DocumentRef, r: Regulation, rref: DocumentRef) -> Comparison:
        decisions = decide(l, lref, r, rref) if decide is not None else ()
        return compare(l, r, mode, lref, rref, decisions=decisions)

    if (mode or default_mode(left_ref, right_ref)) != Mode.JURISDICTIONS:
        return compared(mode, left, left_ref, right, right_ref), None
    orientation = orient(left.metadata, right.metadata)
    if not orientation.swap:
        return compared(Mode.JURISDICTIONS, left, left_ref, right, right_ref), orientation.note
    if keep_order:
        note = f"the {left.metadata.level} text is on the left as given ({argument('keep_order', 'True')}): relations read from the {right.metadata.level} text's side"
        return compared(Mode.JURISDICTIONS, left, left_ref, right, right_ref), note
    return compared(Mode.JURISDICTIONS, right, right_ref, left, left_ref), f"swapped: {orientation.note}"
