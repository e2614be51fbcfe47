"""One article through a regulation's versions: each version in which it was
added, amended, renumbered, moved, split or merged, or deleted, each with the
comparison pair against the version before (so its inline diff can be shown),
followed by identity, not by number."""

from __future__ import annotations

from dataclasses import dataclass

from fagui.compare import compare
from fagui.model import ArticleKey, ArticlePair, Mode, Relation
from fagui.store.versions import Chain


@dataclass(frozen=True)
class ArticleVersion:
    """A version in which one article changed: its wording, its number, or
    its existence.

    ``label`` is the article's label in that version (for ``deleted``, its
    label in the version before); ``previous`` its label in the version
    before, when it had one; ``relation`` how it relates to the version
    before (``added`` when it is new, ``deleted`` when this version dropped
    it); ``text`` its wording, paragraphs and items one per line (empty when
    deleted); ``pair`` the comparison engine's pair against the version
    before, whose paragraph ops are the inline diff (None for the first
    version of the regulation).
    """

    commit: str
    effective: str | None
    label: str
    previous: str | None
    relation: str
    text: str
    pair: ArticlePair | None


def article_versions(chain: Chain, start: int, key: ArticleKey) -> list[ArticleVersion]:
    """The versions of ``chain`` (newest first) in which the article at
    ``key`` (number, suffix: 第十条之一 is (10, 1)) of version ``start``
    changed, newest first: followed forward to the newest version (or the one
    that deleted it) and back to the version that introduced it. Unchanged
    versions are left out."""
    compared: dict[int, tuple[ArticlePair, ...]] = {}

    def pair_at(i: int, *, left: ArticleKey | None = None, right: ArticleKey | None = None) -> ArticlePair:
        """The pair of version ``i`` against version ``i + 1`` (the one
        before it) holding article ``left`` of the older or ``right`` of ``i``."""
        if i not in compared:
            compared[i] = compare(chain[i + 1][1], chain[i][1], mode=Mode.VERSIONS).pairs
        return _find(compared[i], left=left, right=right)

    pairs: dict[int, ArticlePair | None] = {}  # version index -> pair against the version before
    keys = {start: key}  # version index -> the article's key there
    deleted: tuple[int, ArticlePair] | None = None
    for i in range(start - 1, -1, -1):  # forward in time
        pair = pair_at(i, left=keys[i + 1])
        if not pair.right:
            deleted = (i, pair)
            break
        # An article split into several is followed through the first of them.
        keys[i] = pair.right[0].key
    for i in range(start, len(chain)):  # back in time, pairing each version with the one before
        if i + 1 == len(chain):
            pairs[i] = None  # the first version: the article is as old as the regulation here
            break
        pair = pair_at(i, right=keys[i])
        pairs[i] = pair
        if not pair.left:
            break
        # An article merged from several is followed through the first of them.
        keys[i + 1] = pair.left[0].key
    for i in range(start - 1, -1, -1):
        if i in keys:
            pairs[i] = pair_at(i, right=keys[i])
    out = []
    if deleted is not None:
        i, pair = deleted
        commit, regulation = chain[i]
        label = pair.left[0].label
        out.append(ArticleVersion(commit.hexsha, regulation.metadata.effective, label, label, Relation.DELETED, "", pair))
    for i in sorted(pairs):
        pair = pairs[i]
        if pair is not None and not pair.changed:
            continue
        commit, regulation = chain[i]
        current = regulation.article(*keys[i])
        previous = pair.left[0].label if pair is not None and pair.left else None
        relation = pair.relation if pair is not None else Relation.ADDED
        out.append(ArticleVersion(commit.hexsha, regulation.metadata.effective, current.label, previous, relation, current.text(), pair))
    return out


def _find(pairs: tuple[ArticlePair, ...], *, left: ArticleKey | None = None, right: ArticleKey | None = None) -> ArticlePair:
    """The pair holding the article at ``left`` of the older side or at ``right`` of the newer."""
    for pair in pairs:
        refs = pair.left if left is not None else pair.right
        if any(ref.key == (left if left is not None else right) for ref in refs):
            return pair
    raise AssertionError(f"the comparison has no pair for article {left or right}")
