"""A reviewer's decisions kept in the corpus: one file per pair of
regulations, ``decisions/<left id>/<right id>.jsonl`` (the form is
:mod:`fagui.decisions`), read from the work tree and committed like a text:
atomically, under the same locks as ``fagui add``, only that file staged and
nothing else of the user's touched (:mod:`fagui.store.journal`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from fagui.compare import compare, default_mode
from fagui.decisions import (
    DecisionFile,
    DecisionRecord,
    check_pair,
    empty_file,
    file_text,
    header_number,
    new_record,
    parse_decisions,
    place,
    placements,
    Placement,
    with_record,
)
from fagui.errors import FaguiError
from fagui.files import decode_utf8, read_bytes
from fagui.model import ArticlePair, DocumentRef, Mode, PlacedDecision, Regulation, Strength, Verdict
from fagui.orientation import orient
from fagui.store.corpus import Corpus
from fagui.store.gitcmd import blob_bytes, head as head_commit
from fagui.store.journal import journaled, plan_files, read_seen
from fagui.store.paths import DECISIONS, check_id
from fagui.store.plumbing import check_clean, check_paths, check_state, check_unchanged, store_blob


def decisions_path(left_id: str, right_id: str) -> str:
    """``decisions/<left id>/<right id>.jsonl``, relative to the top of the corpus."""
    return f"{DECISIONS}/{check_id(left_id)}/{check_id(right_id)}.jsonl"


@dataclass(frozen=True)
class Recorded:
    """What recording decisions did: the file (relative to the top of the
    work tree), the commit made (None when the file already said so), and
    the decisions recorded."""

    path: str
    commit: str | None
    records: tuple[DecisionRecord, ...]


class CorpusDecisions:
    """The decisions of a corpus, placed on the texts a comparison shows."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self._texts: dict[tuple[str, str], Regulation] = {}

    def read_version(self, regulation_id: str, version: str) -> Regulation:
        """A regulation as a commit holds it (each read once)."""
        key = (regulation_id, version)
        if key not in self._texts:
            self._texts[key] = self.corpus.read(regulation_id, version)
        return self._texts[key]

    def version_pairs(self, earlier: Regulation, current: Regulation) -> tuple[ArticlePair, ...]:
        """The version alignment of two texts of one regulation, by the engine."""
        return compare(earlier, current, Mode.VERSIONS).pairs

    def book(self, left_id: str, right_id: str) -> DecisionFile | None:
        """The decisions file of this pair in the work tree, None when there is none."""
        rel = decisions_path(left_id, right_id)
        path = self.corpus.root / rel
        if os.path.islink(path):
            raise FaguiError("is a symbolic link: a decisions file must be a regular file", rel)
        if not path.exists():
            return None
        book = parse_decisions(decode_utf8(read_bytes(path), rel), rel)
        check_pair(book, left_id, right_id)
        return book

    def __call__(self, left: Regulation, left_ref: DocumentRef, right: Regulation, right_ref: DocumentRef) -> tuple[PlacedDecision, ...]:
        """The decisions on ``left`` ↔ ``right`` placed on these texts; none
        when either is not a regulation of the corpus (a file named by path)."""
        if left_ref.id is None or right_ref.id is None:
            return ()
        book = self.book(left_ref.id, right_ref.id)
        if book is None:
            return ()
        return place(book, left, right, self)

    def listed(self, left_spec: str, right_spec: str) -> tuple[DocumentRef, DocumentRef, tuple[Placement, ...]]:
        """The decisions of a pair named as on the command line (ids, ID@REV),
        each placed on those texts (oriented as :func:`fagui.orientation.orient` says)."""
        (left, left_ref), (right, right_ref), _ = _oriented(self.corpus, left_spec, right_spec)
        book = self.book(left_ref.id, right_ref.id)
        if book is None:
            return left_ref, right_ref, ()
        return left_ref, right_ref, placements(book, left, right, self)


def version_commit(corpus: Corpus, ref: DocumentRef, rev: str | None = None) -> str:
    """The commit that made the version of ``ref``'s regulation read at its
    revision (or ``rev``), abbreviated: what a decision names as the text it
    was made on, the same however the version was named (HEAD, a date)."""
    commit = corpus.versions(ref.id, rev or ref.revision or "HEAD")[0].commit
    return corpus.repo.git.rev_parse("--short", commit)


def decisions_at(repo: str | os.PathLike = ".") -> CorpusDecisions | None:
    """The decisions of the corpus around ``repo``; None outside a git corpus."""
    try:
        return CorpusDecisions(Corpus(repo))
    except FaguiError:
        return None


def _oriented(corpus: Corpus, left_spec: str, right_spec: str):
    """Both texts, by id: the reference (national) text on the left, as
    ``fagui diff`` shows them; and whether they were swapped."""
    sides = []
    for spec in (left_spec, right_spec):
        if os.path.exists(spec):
            raise FaguiError("decisions are kept for regulations of the corpus: name it by id (ID or ID@REV)", spec)
        sides.append(corpus.resolve(spec))
    (left, left_ref), (right, right_ref) = sides
    if default_mode(left_ref, right_ref) == Mode.JURISDICTIONS and orient(left.metadata, right.metadata).swap:
        return (right, right_ref), (left, left_ref), True
    return (left, left_ref), (right, right_ref), False


def record(
    repo: str | os.PathLike, left_spec: str, right_spec: str, left_label: str, right_label: str,
    verdict: Verdict, strength: Strength, note: str = "",
) -> Recorded:
    """Record a reviewer's decision on article ``left_label`` of LEFT and
    ``right_label`` of RIGHT (regulations of the corpus by id, ``ID@REV``
    as for ``fagui diff``; given provincial first, they are swapped as diff
    swaps them) and commit the pair's decisions file. Deciding the same two
    articles again replaces the decision; the same decision twice commits
    nothing. Refuses, with FaguiError and before touching anything, what
    ``fagui add`` refuses (a detached HEAD, an operation under way, an
    uncommitted change to the file, a locked index) and an article either
    text does not have."""
    corpus = Corpus(repo)
    (left, left_ref), (right, right_ref), swapped = _oriented(corpus, left_spec, right_spec)
    if swapped:
        left_label, right_label = right_label, left_label
    decisions = CorpusDecisions(corpus)
    made = new_record(
        verdict, strength,
        left, left_label, version_commit(corpus, left_ref), right, right_label, version_commit(corpus, right_ref), note,
        names=(f"{left_ref.id}@{left_ref.revision}", f"{right_ref.id}@{right_ref.revision}"),
    )
    return _commit(decisions, left_ref.id, right_ref.id, (made,), f"{verdict.value} {left_label} ↔ {right_label}")


def apply_file(repo: str | os.PathLike, path: str) -> Recorded:
    """Commit the decisions of a file (one the report page downloads, or any
    decisions file) into the corpus's decisions file of the pair it names.
    Each is checked first against the text it was made on (its version; the
    current one when it names none, which it then gets): FaguiError naming
    ``path`` and the line of a decision whose article does not exist or
    whose regulation is not the file's, before anything is touched."""
    corpus = Corpus(repo)
    incoming = parse_decisions(decode_utf8(read_bytes(path), path), path)
    decisions = CorpusDecisions(corpus)
    header = header_number(incoming)
    current = []
    for regulation_id in (incoming.left_id, incoming.right_id):
        try:
            check_id(regulation_id)
            current.append(decisions.read_version(regulation_id, "HEAD"))
        except FaguiError as exc:
            raise FaguiError(exc.message, path, header) from None
    left_ref, right_ref = (DocumentRef(i, r.metadata.title, r.metadata.jurisdiction) for i, r in zip((incoming.left_id, incoming.right_id), current))
    if default_mode(left_ref, right_ref) == Mode.JURISDICTIONS and orient(current[0].metadata, current[1].metadata).swap:
        raise FaguiError(
            f"made for {incoming.left_id} ↔ {incoming.right_id} the wrong way round: the {current[1].metadata.level} text goes on the left, as fagui diff shows them",
            path, header,
        )
    filled = []
    for r in incoming.records:
        # Placing each decision on the text it was made on checks its articles and versions.
        one = DecisionFile(path, incoming.left_id, incoming.right_id, (r,), incoming.lines)
        texts = [_version_text(decisions, path, r.line, i, v) for i, v in ((incoming.left_id, r.left_version), (incoming.right_id, r.right_version))]
        placements(one, texts[0], texts[1], decisions)
        versions = [_version_name(decisions, path, r.line, i, v) for i, v in ((incoming.left_id, r.left_version), (incoming.right_id, r.right_version))]
        filled.append(replace(r, left_version=versions[0], right_version=versions[1]))
    what = f"{len(filled)} decision{'s' if len(filled) != 1 else ''} from {os.path.basename(path)}"
    return _commit(decisions, incoming.left_id, incoming.right_id, tuple(filled), what)


def _version_text(decisions: CorpusDecisions, path: str, line: int, regulation_id: str, version: str | None) -> Regulation:
    try:
        return decisions.read_version(regulation_id, version or "HEAD")
    except FaguiError as exc:
        raise FaguiError(exc.message, path, line) from None


def _version_name(decisions: CorpusDecisions, path: str, line: int, regulation_id: str, version: str | None) -> str:
    """The version commit a decision names, or the current one when it names none."""
    try:
        commit = decisions.corpus.versions(regulation_id, version or "HEAD")[0].commit
    except FaguiError as exc:
        raise FaguiError(exc.message, path, line) from None
    return decisions.corpus.repo.git.rev_parse("--short", commit)


def _commit(decisions: CorpusDecisions, left_id: str, right_id: str, made: tuple[DecisionRecord, ...], what: str) -> Recorded:
    corpus = decisions.corpus
    repo = corpus.repo
    rel = decisions_path(left_id, right_id)
    with journaled(repo) as journal:
        branch = check_state(repo)
        check_clean(repo, rel)
        head = head_commit(repo)
        check_paths(repo, head, rel)
        seen = {rel: read_seen(corpus.root / rel)}
        check_unchanged(repo, head, seen)
        old = blob_bytes(head, rel)
        if old is None:
            book = empty_file(rel, left_id, right_id)
        else:
            book = parse_decisions(decode_utf8(old, rel), rel)
            check_pair(book, left_id, right_id)
        for r in made:
            book = with_record(book, r, decisions)
        new = file_text(book).encode("utf-8")
        if new == old:
            return Recorded(rel, None, made)
        message = f"decisions {left_id} ↔ {right_id}: {what}\n\n" + "".join(
            f"- {r.verdict.value} {r.left} ↔ {r.right} ({r.strength.value}){': ' + r.note if r.note else ''}\n" for r in made
        )
        commit = journal.commit_tree(head, {rel: store_blob(repo, new)}, message)
        journal.apply(plan_files(repo, branch, head, commit, None, commit, {rel: new}, seen), {rel: new})
    return Recorded(rel, commit, made)
