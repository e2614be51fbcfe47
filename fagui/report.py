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

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable

from fagui.cache import blob_id, cache_key, git_dir, remembered
from fagui.compare import compare
from fagui.errors import FaguiError
from fagui.files import corpus_root, read_bytes
from fagui.followed import followed_version
from fagui.impact import Carriers, Impact, carriers, revised_references, texts_impact
from fagui.implements import Implementation, link_texts
from fagui.model import Comparison, DocumentRef, Mode, Regulation, Unreadable
from fagui.orientation import Decide
from fagui.store.corpus import Corpus
from fagui.store.decisions import decisions_at, decisions_path
from fagui.texts import Text, open_corpus, read_texts

__all__ = ["VersionJob", "JurisdictionJob", "PendingComparison", "ReportPlan", "Shared", "Text", "corpus_root", "plan_report", "read_texts"]


class Shared:
    """What the comparisons of one plan share within a process: the corpus
    (None outside git), the reviewers' decisions, the reference texts read
    so far (few, used again and again), and the comparisons kept from
    earlier reports (:func:`fagui.cache.remembered`, in the corpus's git
    folder; none outside git).

    Pickled as its root and a token of the plan alone (a GitPython
    repository cannot be sent to another process): a worker process opens
    the corpus and the decisions once, on its first comparison of this
    plan, and keeps them for the rest (:func:`_shared_in_worker`)."""

    def __init__(self, root: Path, corpus: Corpus | None, decide: Decide | None, token: str | None = None):
        self.root, self.corpus, self.decide = root, corpus, decide
        self.token = token or os.urandom(8).hex()
        self.cache = git_dir(str(root)) if corpus is not None else None
        self.references: dict[tuple[str, str | None], tuple[Callable[[], Regulation], DocumentRef, str]] = {}
        self._revised: frozenset[str] | None = None

    @property
    def revised(self) -> frozenset[str]:
        """The ids that may have several versions in git (:meth:`fagui.store.corpus.Corpus.revised_ids`), asked once."""
        if self._revised is None:
            self._revised = self.corpus.revised_ids() if self.corpus is not None else frozenset()
        return self._revised

    def __reduce__(self):
        return _shared_in_worker, (str(self.root), self.token)

    def reference(self, text: Text, commit: str | None) -> tuple[Callable[[], Regulation], DocumentRef, str]:
        """``text`` as committed in ``commit`` (None: its file in ``texts/``):
        a function giving it parsed (parsed once per plan, and from its file
        only when a comparison is not kept: the ref comes from the front
        matter the plan read), its ref, and what identifies its content (the
        commit and id, or the file's blob id)."""
        key = (text.id, commit)
        if key not in self.references:
            if commit is not None and self.corpus is not None:
                regulation, ref = self.corpus.resolve(f"{text.id}@{commit}")
                self.references[key] = (lambda: regulation), ref, f"{text.id}@{commit}"
            else:
                raw = read_bytes(text.path)
                self.references[key] = cache(lambda: text.read(raw)), text.ref(), blob_id(raw)
        return self.references[key]

    def compared(self, left_id: str, right_id: str, key: str, make: Callable[[], Comparison]) -> Comparison:
        """``make()``, kept under ``key`` for the next report, unless the
        reviewers have a decisions file on the pair: placing decisions reads
        the versions they were made on, which the key does not name."""
        if self.decide is not None and os.path.lexists(self.root / decisions_path(left_id, right_id)):
            return make()
        return remembered(self.cache, key, make)


_IN_WORKER: dict[tuple[str, str], Shared] = {}


def _shared_in_worker(root: str, token: str) -> Shared:
    """The :class:`Shared` of plan ``token`` in this (worker) process,
    opened when the first of its comparisons arrives. Keyed by the plan's
    token too, so a process handed the comparisons of a later plan of the
    same corpus opens it again rather than reuse what it read before."""
    key = (root, token)
    if key not in _IN_WORKER:
        path = Path(root)
        _IN_WORKER[key] = Shared(path, open_corpus(path), decisions_at(path), token)
    return _IN_WORKER[key]


@dataclass(frozen=True)
class JurisdictionJob:
    """Compare ``derived`` with the version of ``reference`` it was made
    under (:func:`fagui.followed.followed_version`)."""

    reference: Text
    derived: Text
    shared: Shared

    def make(self) -> Comparison:
        n, p, shared = self.reference, self.derived, self.shared
        # A reference committed once has one version: no need to ask git which (several commands a pair).
        followed = followed_version(shared.corpus, n.id, p.metadata) if n.id in shared.revised else None
        read_left, left_ref, left_content = shared.reference(n, followed.commit if followed else None)
        raw, right_ref = read_bytes(p.path), p.ref()

        def make() -> Comparison:
            left, right = read_left(), p.read(raw)
            decisions = _decided(shared.decide, left, left_ref, right, right_ref)
            return compare(left, right, Mode.JURISDICTIONS, left_ref, right_ref, decisions=decisions)

        key = cache_key("comparison", Mode.JURISDICTIONS, left_content, repr(left_ref), blob_id(raw), repr(right_ref))
        return shared.compared(n.id, p.id, key, make)


@dataclass(frozen=True)
class VersionJob:
    """Compare two consecutive versions (commits ``old`` and ``new``) of a regulation."""

    regulation_id: str
    old: str
    new: str
    shared: Shared

    def make(self) -> Comparison:
        corpus = self.shared.corpus
        assert corpus is not None, "a history is planned only in a git corpus"

        def make() -> Comparison:
            lreg, lref = corpus.resolve(f"{self.regulation_id}@{self.old}")
            rreg, rref = corpus.resolve(f"{self.regulation_id}@{self.new}")
            decisions = _decided(self.shared.decide, lreg, lref, rreg, rref)
            return compare(lreg, rreg, Mode.VERSIONS, lref, rref, decisions=decisions)

        # The refs name each version by its abbreviated commit (the version's own: resolve
        # names the last change to the file, which a version's commit is), and an
        # abbreviation grows longer as the repository does: part of the key.
        abbreviated = [corpus.abbreviated(commit) for commit in (self.old, self.new)]
        key = cache_key("comparison", Mode.VERSIONS, self.regulation_id, self.old, self.new, *abbreviated)
        return self.shared.compared(self.regulation_id, self.regulation_id, key, make)


@dataclass(frozen=True)
class PendingComparison:
    """A comparison not made yet: ``name`` (unique within a report, the
    stem of its page) and ``job``, what to compare. :meth:`make` reads the
    texts and compares them. Picklable: the plan is made once, and a worker
    process is handed each of its comparisons as it is (:mod:`fagui.pool`)."""

    name: str
    job: JurisdictionJob | VersionJob

    def make(self) -> Comparison:
        return self.job.make()


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
    computed when called, after the comparisons: it reads :attr:`carried`."""
    carried: dict[tuple[DocumentRef, DocumentRef], Carriers] = field(default_factory=dict, compare=False, repr=False)
    """What the comparisons of :attr:`jurisdictions` made so far show each
    reference article carried by (:func:`fagui.impact.carriers`), by their
    two refs, noted by :meth:`made` when there are :attr:`impacts`: a
    province's impact needs its comparison with the version it followed,
    which is one of them (the same texts, refs and decisions), and reads it
    here rather than compare the two again."""

    def __len__(self) -> int:
        return len(self.jurisdictions) + len(self.versions)

    def made(self, comparison: Comparison) -> None:
        """Note what the impacts need of ``comparison``, one of :attr:`jurisdictions` just made."""
        if self.impacts:
            self.carried[(comparison.left, comparison.right)] = carriers(comparison)


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
    shared = Shared(root, corpus, decide)
    carried: dict[tuple[DocumentRef, DocumentRef], Carriers] = {}
    impacts = tuple(
        (lambda r=reference: texts_impact(corpus, texts, implementation.pairings, r, decide, carried))
        for reference in revised_references(corpus, implementation.pairings)
    )
    return ReportPlan(
        root,
        jurisdiction_comparisons(texts, implementation, shared),
        version_comparisons([t.id for t in texts], shared),
        implementation,
        tuple(unreadable),
        impacts,
        carried,
    )


def _decided(decide: Decide | None, left: Regulation, left_ref: DocumentRef, right: Regulation, right_ref: DocumentRef):
    return decide(left, left_ref, right, right_ref) if decide is not None else ()


def jurisdiction_comparisons(
    texts: list[Text], implementation: Implementation, shared: Shared,
) -> tuple[PendingComparison, ...]:
    """Each text against each text it implements (``implementation``, from
    :func:`fagui.implements.link_texts` of ``texts``); the derived text is
    read and compared only when its comparison is made. A reference with
    several versions in the corpus is read in the version the derived text
    was made under (:func:`fagui.followed.followed_version`), with the
    reviewers' decisions on the pair.

    Each is named ``REFERENCE-ID--DERIVED-ID`` (``/`` as ``-``) whatever
    else is in the corpus, so a page keeps its file name, and a saved link
    keeps working, when another text is added."""
    by_id = {t.id: t for t in texts}
    return tuple(
        PendingComparison(pairing.name, JurisdictionJob(by_id[pairing.reference], by_id[pairing.derived], shared))
        for pairing in implementation.pairings
    )


def version_comparisons(ids: list[str], shared: Shared) -> tuple[PendingComparison, ...]:
    """Consecutive versions of each regulation with more than one version in
    git (:mod:`fagui.store`), oldest pair first. Empty when the corpus is
    not a git repository."""
    corpus = shared.corpus
    if corpus is None:
        return ()
    out = []
    for regulation_id in ids:
        if regulation_id not in shared.revised:
            continue  # committed once (or not at all): one version, nothing to compare
        try:
            versions = corpus.versions(regulation_id)
        except FaguiError:
            continue  # not committed yet
        for new, old in reversed(list(zip(versions, versions[1:]))):
            name = f"history-{regulation_id.replace('/', '-')}-{old.commit[:7]}-{new.commit[:7]}"
            out.append(PendingComparison(name, VersionJob(regulation_id, old.commit, new.commit, shared)))
    return tuple(out)
