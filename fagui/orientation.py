"""Which side a text belongs on when comparing jurisdictions: the reference
(national) text on the left, the text derived from it (provincial) on the
right, as the front matter's ``level`` says. :func:`compare_oriented` is
:func:`fagui.compare.compare` with that rule applied."""

from __future__ import annotations

from dataclasses import dataclass

from fagui.align import EMPTY_BACKGROUND, Background
from fagui.compare import compare, default_mode, document_ref
from fagui.model import Comparison, DocumentRef, Metadata, Regulation

LEVELS = ("national", "provincial")
"""Known levels, the reference first."""


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
    background: Background = EMPTY_BACKGROUND,
    *,
    keep_order: bool = False,
) -> tuple[Comparison, str | None]:
    """:func:`~fagui.compare.compare` (``background`` as there), but two jurisdictions given the wrong
    way round (provincial first) are swapped so that the national text is on
    the left, unless ``keep_order``. Returns the comparison and a note for
    the reader: what was swapped, what was kept against the rule, or that the
    levels could not be told; None when there is nothing to say."""
    left_ref = left_ref or document_ref(left)
    right_ref = right_ref or document_ref(right)
    if (mode or default_mode(left_ref, right_ref)) != "jurisdictions":
        return compare(left, right, mode, left_ref, right_ref, background), None
    orientation = orient(left.metadata, right.metadata)
    if not orientation.swap:
        return compare(left, right, "jurisdictions", left_ref, right_ref, background), orientation.note
    if keep_order:
        note = f"the {left.metadata.level} text is on the left as given (--keep-order): relations read from the {right.metadata.level} text's side"
        return compare(left, right, "jurisdictions", left_ref, right_ref, background), note
    return compare(right, left, "jurisdictions", right_ref, left_ref, background), f"swapped: {orientation.note}"
