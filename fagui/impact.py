"""What a national revision means for each province: the provincial articles
written from national articles that have changed since, which the province
must review (the question LexDiff answers for Korean ordinances).

For a national text with several versions in git and each text implementing
it (:mod:`fagui.implements`): the version the text was made under
(:func:`fagui.followed.followed_version`) is compared with the newest
(mode ``versions``), and with the implementing text (mode ``jurisdictions``);
each national article the revision amended, deleted, split, merged or left
only in part (relations in :data:`REVIEW`) whose paragraphs the implementing
text carries (its coverage ``places``) is one :class:`ChangedProvision`, the
national change beside the provincial articles that carry it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from fagui.align import Background
from fagui.compare import compare
from fagui.errors import FaguiError
from fagui.files import corpus_root
from fagui.followed import followed_version
from fagui.implements import Pairing, link_texts
from fagui.model import ArticlePair, Comparison, DocumentRef, Mode, Relation, Unreadable
from fagui.orientation import Decide
from fagui.store.corpus import Corpus
from fagui.store.decisions import CorpusDecisions
from fagui.store.paths import TEXTS
from fagui.texts import Text, open_corpus, read_texts

REVIEW = frozenset({Relation.AMENDED, Relation.DELETED, Relation.SPLIT, Relation.MERGED, Relation.SHARED})
"""Relations between two national versions that change what an article
says (``shared``: gone, but a paragraph of it carried elsewhere); a
renumbering, a reference update, a move or an addition does not."""


@dataclass(frozen=True)
class ChangedProvision:
    """One national article changed since the version a province followed:
    ``change`` is the pair of the two national versions (its relation, the
    articles before and after, the character diff); ``provincial`` the
    province's articles that carry the old article."""

    national: str
    change: ArticlePair
    provincial: tuple[str, ...]


@dataclass(frozen=True)
class ProvinceImpact:
    """One text implementing the national text: ``followed`` is the national
    version it was made under, ``pairing`` why it is compared, ``changes`` what
    it must review (empty when it follows the newest version)."""

    derived: DocumentRef
    followed: DocumentRef
    pairing: Pairing
    changes: tuple[ChangedProvision, ...]


@dataclass(frozen=True)
class Impact:
    """The impact of the newest version of one national text on every text of
    the corpus implementing it, in the corpus's order. ``unreadable``: the
    texts of the corpus that cannot be read, left out (a text implementing
    it among them is not in ``provinces``)."""

    national_id: str
    newest: DocumentRef
    versions: int
    provinces: tuple[ProvinceImpact, ...]
    unreadable: tuple[Unreadable, ...] = ()


def impact(repo: str | Path, national_id: str) -> Impact:
    """The impact of ``national_id``'s newest version on the corpus around
    ``repo``. Raises FaguiError when there is no git corpus, or
    ``national_id`` is not a committed text of it (or, naming its file and
    line, cannot be read); other texts that cannot be read are left out and
    listed in ``unreadable``."""
    root = corpus_root(repo)
    corpus = open_corpus(root)
    if corpus is None:
        raise FaguiError("not in a git repository: versions of a text live in git", str(root))
    unreadable: list[Unreadable] = []
    texts = read_texts(root, unreadable=unreadable)  # a text that cannot be read is left out, as in the report
    if national_id not in {t.id for t in texts}:
        for u in unreadable:
            if u.path == f"{TEXTS}/{national_id}.md":
                raise FaguiError(u.reason, u.path, u.line)
        raise FaguiError(f"no text {national_id} in the corpus", str(root))
    found = texts_impact(corpus, texts, link_texts(texts).pairings, national_id, CorpusDecisions(corpus))
    return replace(found, unreadable=tuple(unreadable))


def revised_references(corpus: Corpus | None, pairings: tuple[Pairing, ...]) -> list[str]:
    """The reference texts of ``pairings`` with several versions in git."""
    out = []
    for reference in dict.fromkeys(p.reference for p in pairings):
        try:
            if corpus is not None and len(corpus.versions(reference)) > 1:
                out.append(reference)
        except FaguiError:
            continue  # not committed
    return out


Carriers = dict[str, tuple[str, ...]]
"""A reference article's label -> the labels of the derived articles that carry it."""


def texts_impact(
    corpus: Corpus, texts: list[Text], pairings: tuple[Pairing, ...], national_id: str, decide: Decide | None = None,
    carried: Mapping[tuple[DocumentRef, DocumentRef], Carriers] | None = None,
) -> Impact:
    """:func:`impact` on texts already read and paired; ``decide`` gives the
    reviewers' decisions on a pair (as the comparison pages apply them), so a
    rejected link carries nothing and a confirmed one carries its article.
    ``carried``: :func:`carriers` of comparisons already made, by their two
    refs (the report's, made with the same ``decide``): a province whose
    comparison with the version it followed is among them is not compared
    again."""
    by_id = {t.id: t for t in texts}
    versions = corpus.versions(national_id)
    newest, newest_ref = corpus.resolve(f"{national_id}@{versions[0].commit}")
    revisions: dict[str, Comparison] = {}
    provinces = []
    for pairing in pairings:
        if pairing.reference != national_id:
            continue
        derived = by_id[pairing.derived]
        followed = followed_version(corpus, national_id, derived.metadata) or versions[0]
        old, old_ref = corpus.resolve(f"{national_id}@{followed.commit}")
        if followed.commit == versions[0].commit:
            provinces.append(ProvinceImpact(derived.ref(), old_ref, pairing, ()))
            continue
        if followed.commit not in revisions:
            revisions[followed.commit] = compare(old, newest, Mode.VERSIONS, old_ref, newest_ref)
        ref = derived.ref()
        taken = carried.get((old_ref, ref)) if carried else None
        if taken is None:
            text = derived.read()
            decisions = decide(old, old_ref, text, ref) if decide is not None else ()
            taken = carriers(compare(old, text, Mode.JURISDICTIONS, old_ref, ref, decisions=decisions))
        provinces.append(ProvinceImpact(ref, old_ref, pairing, changed_provisions(revisions[followed.commit], taken)))
    return Impact(national_id, newest_ref, len(versions), tuple(provinces))


def carriers(taken: Comparison) -> Carriers:
    """What ``taken`` (a reference text -> a derived one) shows each
    reference article carried by: a derived article carries it through a
    sure link or an unsure one (待核), so that a provision to review is not
    left out because the engine is unsure where the province put it."""
    return {c.article: tuple(dict.fromkeys(label for _, label, _ in c.places + c.unsure_places)) for c in taken.coverage}


def changed_provisions(revision: Comparison, taken: Carriers) -> tuple[ChangedProvision, ...]:
    """The national articles ``revision`` (old -> new national version)
    changes in a way :data:`REVIEW` names, that the province carries
    (``taken``: :func:`carriers` of the old national version -> the
    province), in the old version's order."""
    out = []
    for pair in revision.pairs:
        if pair.relation not in REVIEW:
            continue
        for article in pair.left:
            if taken.get(article.label):
                out.append((article.key, ChangedProvision(article.label, pair, taken[article.label])))
    return tuple(c for _, c in sorted(out, key=lambda x: x[0]))
