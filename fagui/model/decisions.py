"""A reviewer's decisions about article links, as the comparison shows them.

A reviewer confirms or rejects a link the engine proposed, or confirms one
it did not propose; the decisions are kept in git (:mod:`fagui.decisions`
reads and writes their file, :mod:`fagui.store.decisions` keeps it) and
every comparison applies them. Here only the plain data: the fixed
vocabularies, one line of a decisions file as read, and a decision placed
on the two texts being compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Decision(str, Enum):
    """What a reviewer decided about a link, as a comparison shows it.

    ``confirmed``: the engine proposed the link and a reviewer confirmed it
    (已确认). ``rejected``: a reviewer rejected it; such a link never appears.
    ``added``: a reviewer made a link the engine did not propose.
    ``needs_review``: a decision whose articles' wording changed since it was
    made (需复核): it is shown, not trusted.
    """

    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    ADDED = "added"
    NEEDS_REVIEW = "needs_review"


class Verdict(str, Enum):
    """What a reviewer said about a link: the two words a decisions file holds."""

    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class Strength(StrEnum):
    """How strongly two linked articles correspond (:data:`fagui.model.STRENGTHS`).
    A ``StrEnum``: it equals, prints and serialises as its value."""

    COUNTERPART = "counterpart"
    SHARES = "shares"


def article_fingerprint(blocks: tuple[str, ...] | list[str]) -> str:
    """An article's wording as 16 hex digits (the start of the SHA-256 of its
    blocks joined by newlines, as :meth:`Article.text`): kept in a decision so
    that a later change of wording is noticed."""
    import hashlib  # here: it loads OpenSSL (~2.5 ms), and a diff of two files has no decisions

    return hashlib.sha256("\n".join(blocks).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class PlacedDecision:
    """A reviewer's decision placed on the two texts compared: the labels of
    the linked articles there (after following any renumbering since it was
    made), the strength, the verdict, whether the wording of both articles is
    still what it was (``current``; else the decision needs review) and the
    reviewer's note."""

    left: str
    right: str
    strength: Strength
    verdict: Verdict
    current: bool = True
    note: str = ""


@dataclass(frozen=True)
class DecisionRecord:
    """One line of a decisions file: ``verdict`` on the link between article
    ``left`` of the left regulation and ``right`` of the right one, as they
    were numbered and worded in ``left_version`` / ``right_version``
    (``left_text`` / ``right_text``: fingerprints), with the reviewer's
    ``note``. ``line`` is where it stands in its file (0: not in one yet)."""

    verdict: Verdict
    left: str
    right: str
    strength: Strength
    left_version: str | None
    right_version: str | None
    left_text: str
    right_text: str
    note: str = ""
    line: int = 0
