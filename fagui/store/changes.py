"""What changed between two versions of a regulation, read off the
comparison engine's pairs of articles; and :func:`compare_versions`, the
comparison of two versions either of which may be missing. No git here."""

from __future__ import annotations

from dataclasses import dataclass

from fagui.compare import compare, document_ref
from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import VERSION_RELATIONS, ArticlePair, Comparison, Metadata, Mode, Regulation, Relation, relation_words

MAIN_RELATIONS = (Relation.ADDED, Relation.AMENDED, Relation.DELETED, Relation.RENUMBERED)
"""Relations every commit states a trailer for, even when none occurred."""

REPORTED_RELATIONS = MAIN_RELATIONS + tuple(r for r in VERSION_RELATIONS if r not in MAIN_RELATIONS + (Relation.UNCHANGED,))
"""Relations a version's changes are counted by, in the order they are shown."""


@dataclass(frozen=True)
class Changes:
    """What changed in a version against the version before it.

    ``relations``: (relation, article labels) for each relation of
    :data:`REPORTED_RELATIONS` that occurs, in that order. A label is the
    article's label in the new version (``第九条``), ``旧→新`` for a renumbered
    article (``第九条→第十条``), and the old label for a deleted one.
    ``first`` is true for the first version, whose articles all count as added.
    """

    relations: tuple[tuple[str, tuple[str, ...]], ...]
    first: bool = False

    def labels(self, relation: str) -> tuple[str, ...]:
        """The labels of the articles with ``relation`` (empty if none)."""
        return dict(self.relations).get(relation, ())

    def count(self, relation: str) -> int:
        return len(self.labels(relation))

    def counts(self) -> dict[str, int]:
        """Relation -> number of articles, for the relations that occur."""
        return {relation: len(labels) for relation, labels in self.relations}

    def describe(self, lang: Lang = DEFAULT_LANG) -> str:
        """What changed, in ``lang``: ``修改2条，引用条号更新2条`` / ``2 amended,
        2 reference updates``, ``第一个版本，共42条`` / ``first version, 42
        articles``, or ``条文没有变化`` / ``no article changed``."""
        if self.first:
            return say("changes.first", lang, n=self.count("added"))
        counted = [say("changes.counted", lang, relation=_relation_counted(relation, n, lang), n=n) for relation, n in self.counts().items()]
        return say("list.comma", lang).join(counted) or say("changes.none", lang)


def _relation_counted(relation: str, n: int, lang: Lang) -> str:
    """A relation's words beside a count: English plural for the one relation
    named by a noun (2 reference updates); Chinese has one form."""
    words = relation_words(relation, lang)
    return f"{words}s" if Lang(lang) is Lang.EN and relation == Relation.REFERENCE_UPDATE and n != 1 else words


def changes(before: Regulation | None, after: Regulation) -> Changes:
    """What changed from ``before`` (None: no earlier version) to ``after``,
    by the comparison engine's pairs of articles (:func:`fagui.compare.compare`,
    mode ``versions``), so an inserted article is one addition and the
    articles after it renumbered, not a run of amendments."""
    if before is None:
        return Changes(((Relation.ADDED, tuple(a.label for a in after.articles)),), first=True)
    found: dict[str, list[ArticlePair]] = {}
    for pair in compare(before, after, mode=Mode.VERSIONS).pairs:
        if pair.changed:
            found.setdefault(pair.relation, []).append(pair)
    return Changes(tuple((r, tuple(_pair_label(p) for p in sorted(found[r], key=_article_order))) for r in REPORTED_RELATIONS if r in found))


def _article_order(pair: ArticlePair) -> tuple:
    """Where a pair stands in the article order: by its new article, a
    deleted one by its old (the engine lists deletions where they fall
    among the new articles, not in their own order)."""
    refs = pair.right or pair.left
    return refs[0].key


def compare_versions(
    regulation_id: str, before: Regulation | None, after: Regulation | None, before_rev: str, after_rev: str
) -> Comparison:
    """Compare two versions of one regulation, either of which may be missing
    (a file added or deleted): a missing side is the same title with no
    articles, so every article shows as added or deleted. Each side's
    DocumentRef carries ``regulation_id`` and its revision (12 characters)."""
    if before is None and after is None:
        raise ValueError("at least one side must exist")
    before = before or Regulation(Metadata(title=after.metadata.title))
    after = after or Regulation(Metadata(title=before.metadata.title))
    return compare(
        before,
        after,
        mode=Mode.VERSIONS,
        left_ref=document_ref(before, regulation_id, before_rev[:12]),
        right_ref=document_ref(after, regulation_id, after_rev[:12]),
    )


def _pair_label(pair: ArticlePair) -> str:
    """How a version's changes name a pair, both sides old → new where the
    numbers differ: 第九条 (the same number; the old one when deleted, the
    new one when added), 第九条→第十条 (one article renumbered), 第十条 →
    第二十六条、第四十三条 (split), 第十条、第十一条 → 第十条 (merged): never one
    side alone, never old and new numbers in one list."""
    old, new = "、".join(ref.label for ref in pair.left), "、".join(ref.label for ref in pair.right)
    if not old or not new or old == new:
        return new or old
    return f"{old}→{new}" if len(pair.left) == len(pair.right) == 1 else f"{old} → {new}"
