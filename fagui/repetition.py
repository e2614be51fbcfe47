"""Repetition of higher-level law (立法法 第八十二条: local regulations 一般不作
重复性规定): the articles of a derived text that repeat a provision of the
text it implements nearly word for word.

An article repeats when at least :data:`REPEAT_SHARE` of its characters are
the reference text's, unchanged (the ``equal`` operations of its matched
paragraphs, the measure of ``Summary.derived_share`` taken per article), and
it has at least :data:`MIN_CHARS` characters (a bare 本条例自…起施行 is no
provision). The threshold was read off the seed corpus, where the one article
above it (吉林省 第二十二条, 0.94) restates the national 第五条 with a few
words changed, and the next (吉林省 第八条, 0.80) adds a duty of its own;
docs/report.md gives the figures on real texts not used to set it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from fagui.model import Comparison, DocumentRef

REPEAT_SHARE = 0.9
"""Share of an article's characters that must be the reference's, unchanged."""

MIN_CHARS = 15
"""An article shorter than this is never counted as a repetition."""


@dataclass(frozen=True)
class Repeat:
    """One derived article that repeats ``reference`` articles: ``share`` of
    its ``chars`` characters are theirs, unchanged."""

    article: str
    reference: tuple[str, ...]
    share: float
    chars: int


@dataclass(frozen=True)
class Repetition:
    """The repeating articles of ``derived`` against ``reference``, in the
    derived text's order, out of its ``articles`` articles."""

    reference: DocumentRef
    derived: DocumentRef
    articles: int
    repeats: tuple[Repeat, ...]

    @property
    def share(self) -> float:
        return len(self.repeats) / self.articles if self.articles else 0.0


def repetition(comparison: Comparison) -> Repetition:
    """The articles of ``comparison``'s right (derived) text that repeat its
    left (reference) text nearly word for word (see the module)."""
    chars: dict[str, int] = {}
    sources: dict[str, list[str]] = {}
    equal: Counter[str] = Counter()
    for pair in comparison.pairs:
        for article in pair.right:
            chars.setdefault(article.label, sum(len(b) for b in article.blocks))
            sources.setdefault(article.label, []).extend(a.label for a in pair.left)
        for paragraph in pair.paragraphs:
            if paragraph.right is not None:
                label = pair.right[paragraph.right[0]].label
                equal[label] += sum(len(op.right) for op in paragraph.ops if op.kind == "equal")
    repeats = []
    for label, n in chars.items():
        share = equal[label] / n if n else 0.0
        if n >= MIN_CHARS and share >= REPEAT_SHARE:
            repeats.append(Repeat(label, tuple(dict.fromkeys(sources[label])), share, n))
    return Repetition(comparison.left, comparison.right, comparison.summary.right_articles, tuple(repeats))
