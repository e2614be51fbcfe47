"""What a report compares: each text of ``texts/`` against the higher-level
texts it implements (:mod:`fagui.implements`), and each regulation's
consecutive versions in git.

:func:`plan_report` is the one entry point. It reads only front matter up
front and returns :class:`PendingComparison` values, each of which reads its
texts and compares them when :meth:`PendingComparison.make` is called, so a
report over hundreds of provinces holds one Comparison at a time. Writing the
site is :func:`renderers.report.build_site`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from fagui.compare import compare
from fagui.errors import FaguiError
from fagui.files import corpus_root
from fagui.followed import followed_version
from fagui.impact import Impact, revised_references, texts_impact
from fagui.implements import Implementation, link_texts
from fagui.model import Comparison, DocumentRef, Mode, Regulation, Unreadable
from fagui.orientation import Decide
from fagui.store.corpus import Corpus
from fagui.store.decisions import decisions_at
from fagui.texts import Text, open_corpus, read_texts

__all__ = ["PendingComparison", "ReportPlan", "Text", "corpus_root", "plan_report", "read_texts"]


@dataclass(frozen=True)
class PendingComparison:
    """A comparison not made yet: ``name`` (unique within a report, the
    stem of its page) and ``make``, which reads the texts and compares them."""

    name: str
    make: Callable[[], Comparison]


@dataclass(frozen=True)
class ReportPlan:
    """Everything a report compares, in the order its index lists them."""

    root: Path
    jurisdictions: tuple[PendingComparison, ...]
    versions: tuple[PendingComparison, ...]
    implementation: Implementation = Implementation((), (), ())
    """Why each of ``jurisdictions`` is compared, in the same order; the
    texts compared with nothing; warnings about ``implements:``."""
    unreadable: tuple[Unreadable, ...] = ()
    """The texts of ``texts/`` that cannot be read, left out of the report."""
    impacts: tuple[Callable[[], Impact], ...] = ()
    """Per reference text with several versions in git: what its newest
    version means for each text implementing it (:mod:`fagui.impact`),
    computed when called."""

    def __len__(self) -> int:
        return len(self.jurisdictions) + len(self.versions)


def plan_report(repo: str | Path = ".") -> ReportPlan:
    """The comparisons of a report on the corpus around ``repo`` (see
    :func:`corpus_root`): each text against the texts it implements
    (:func:`jurisdiction_comparisons`), then consecutive versions of each
    regulation committed in git (:func:`version_comparisons`), each with the
    reviewers' decisions on it applied (:mod:`fagui.store.decisions`). A
    text that cannot be read is left out and listed in ``unreadable``: one
    bad text does not take the report down. Raises FaguiError when there is
    no corpus."""
    root = corpus_root(repo)
    unreadable: list[Unreadable] = []
    texts = read_texts(root, unreadable=unreadable)
    implementation = link_texts(texts, {t.id: str(t.path) for t in texts})
    decide = decisions_at(root)
    corpus = open_corpus(root)
    impacts = tuple(
        (lambda r=reference: texts_impact(corpus, texts, implementation.pairings, r, decide))
        for reference in revised_references(corpus, implementation.pairings)
    )
    return ReportPlan(
        root,
        jurisdiction_comparisons(texts, implementation, decide, corpus),
        version_comparisons(root, [t.id for t in texts], decide, corpus),
        implementation,
        tuple(unreadable),
        impacts,
    )


def _decided(decide: Decide | None, left: Regulation, left_ref: DocumentRef, right: Regulation, right_ref: DocumentRef):
    return decide(left, left_ref, right, right_ref) if decide is not None else ()


def jurisdiction_comparisons(
    texts: list[Text],
    implementation: Implementation | None = None,
    decide: Decide | None = None,
    corpus: Corpus | None = None,
) -> tuple[PendingComparison, ...]:
    """Each text against each text it implements (``implementation``, by
    default :func:`fagui.implements.link_texts` of ``texts``); the derived
    text is read and compared only when its comparison is made. A reference
    with several versions in ``corpus`` is read in the version the derived
    text was made under (:func:`fagui.followed.followed_version`).
    ``decide`` gives the reviewers' decisions on a pair.

    Each is named ``REFERENCE-ID--DERIVED-ID`` (``/`` as ``-``) whatever
    else is in the corpus, so a page keeps its file name, and a saved link
    keeps working, when another text is added."""
    if implementation is None:
        implementation = link_texts(texts)
    by_id = {t.id: t for t in texts}
    parsed: dict[tuple[str, str | None], tuple[Regulation, DocumentRef]] = {}  # references: few, used again and again
    out = []
    for pairing in implementation.pairings:
        n, p = by_id[pairing.reference], by_id[pairing.derived]

        def make(n=n, p=p) -> Comparison:
            followed = followed_version(corpus, n.id, p.metadata)
            key = (n.id, followed.commit if followed else None)
            if key not in parsed:
                parsed[key] = corpus.resolve(f"{n.id}@{followed.commit}") if followed and corpus else (n.read(), n.ref())
            (left, left_ref), right = parsed[key], p.read()
            decisions = _decided(decide, left, left_ref, right, p.ref())
            return compare(left, right, Mode.JURISDICTIONS, left_ref, p.ref(), decisions=decisions)

        out.append(PendingComparison(pairing.name, make))
    return tuple(out)


def version_comparisons(
    root: Path, ids: list[str], decide: Decide | None = None,
    corpus: Corpus | None = None,
) -> tuple[PendingComparison, ...]:
    """Consecutive versions of each regulation with more than one version in
    git (:mod:`fagui.store`), oldest pair first. Empty when ``root`` is not a
    git repository."""
    corpus = corpus or open_corpus(root)
    if corpus is None:
        return ()
    out = []
    for regulation_id in ids:
        try:
            versions = corpus.versions(regulation_id)
        except FaguiError:
            continue  # not committed yet
        for new, old in reversed(list(zip(versions, versions[1:]))):
            name = f"history-{regulation_id.replace('/', '-')}-{old.commit[:7]}-{new.commit[:7]}"

            def make(regulation_id=regulation_id, old=old, new=new) -> Comparison:
                lreg, lref = corpus.resolve(f"{regulation_id}@{old.commit}")
                rreg, rref = corpus.resolve(f"{regulation_id}@{new.commit}")
                decisions = _decided(decide, lreg, lref, rreg, rref)
                return compare(lreg, rreg, Mode.VERSIONS, lref, rref, decisions=decisions)

            out.append(PendingComparison(name, make))
    return tuple(out)
