"""The comparison model: ``Comparison`` and its parts, produced by the
comparison engine and read by every renderer. Plain frozen dataclasses, no
I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum

from fagui.messages import CATALOGUE, DEFAULT_LANG, Lang, say

from fagui.model.decisions import Decision, Strength

from fagui.model.meaning import Flag, MeaningChange
from fagui.model.regulation import ArticleKey


COMPARISON_SCHEMA = "fagui.comparison/3"


class Grade(StrEnum):
    """How sure the engine is of a correspondence, or of an article having
    none. Each grade's precision is measured on hand-checked alignments
    (docs/comparison.md): ``sure`` is right at least 95% of the time on
    every pair; ``unsure`` (待核) is for a reviewer to settle; a
    ``candidate`` is no link at all, only a suggestion of where one may be.
    A ``StrEnum``: it equals, prints and serialises as its value."""

    SURE = "sure"
    UNSURE = "unsure"
    CANDIDATE = "candidate"


class Claim(StrEnum):
    """What a :class:`Grade` is of: a link of either :class:`Strength`
    (their own values), or ``alone``, the claim that an article in no group
    and no *shares* link has no counterpart (not adopted, provincial-only,
    deleted, added). Not a strength: no link says it, and a reviewer's
    decision cannot. A ``StrEnum``: it equals, prints and serialises as its
    value."""

    COUNTERPART = Strength.COUNTERPART.value
    SHARES = Strength.SHARES.value
    ALONE = "alone"


class Mode(StrEnum):
    """What a comparison compares: two ``versions`` of one regulation, or a
    reference text and a text of another jurisdiction made under it
    (``jurisdictions``). A ``StrEnum``: it equals, prints and serialises as
    its value."""

    VERSIONS = "versions"
    JURISDICTIONS = "jurisdictions"


MODES = tuple(Mode)


class Side(StrEnum):
    """One side of a comparison: ``L`` the left (old, or reference) text,
    ``R`` the right (new, or derived) text. A ``StrEnum``: it equals, prints
    and serialises as its value (the renderers' CSS classes are these)."""

    LEFT = "L"
    RIGHT = "R"

    @property
    def other(self) -> "Side":
        """The side across from this one."""
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


class Relation(StrEnum):
    """How the articles of a group relate. The relations of each mode, with
    what they mean: :data:`VERSION_RELATIONS`, :data:`JURISDICTION_RELATIONS`
    (``shared`` is in both). A ``StrEnum``: it equals, prints and serialises
    as its value."""

    UNCHANGED = "unchanged"
    RENUMBERED = "renumbered"
    REFERENCE_UPDATE = "reference_update"
    AMENDED = "amended"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    SHARED = "shared"
    ADDED = "added"
    DELETED = "deleted"
    IDENTICAL = "identical"
    REWORDED = "reworded"
    ADAPTED = "adapted"
    PROVINCIAL_ONLY = "provincial_only"
    NOT_ADOPTED = "not_adopted"


VERSION_RELATIONS = {
    name: say(f"meaning.{name}", Lang.EN)
    for name in (
        Relation.UNCHANGED, Relation.RENUMBERED, Relation.REFERENCE_UPDATE, Relation.AMENDED, Relation.MOVED,
        Relation.SPLIT, Relation.MERGED, Relation.SHARED, Relation.ADDED, Relation.DELETED,
    )
}
"""Relations between articles of two versions of one regulation (name ->
what it means, in English; :func:`relation_meaning` in either language)."""

JURISDICTION_RELATIONS = {
    name: say(f"meaning.{name}", Lang.EN)
    for name in (
        Relation.IDENTICAL, Relation.REWORDED, Relation.ADAPTED, Relation.SHARED, Relation.PROVINCIAL_ONLY,
        Relation.NOT_ADOPTED,
    )
}
"""Relations between a reference text's articles and a derived text's."""

MODE_RELATIONS = {Mode.VERSIONS: tuple(VERSION_RELATIONS), Mode.JURISDICTIONS: tuple(JURISDICTION_RELATIONS)}
"""Each mode's relations, in the order counts and summaries list them."""

UNCHANGED_RELATIONS = frozenset({Relation.UNCHANGED, Relation.IDENTICAL})
"""Relations that are not a change: everything else is one."""


def relation_words(relation: str, lang: Lang = DEFAULT_LANG) -> str:
    """A relation as words for people, in ``lang``: ``reference_update`` ->
    ``引用条号更新`` / ``reference update``. The one place names become words
    (a name the catalogue lacks reads with spaces for underscores)."""
    return say(f"relation.{relation}", lang) if f"relation.{relation}" in CATALOGUE else relation.replace("_", " ")


def relation_meaning(relation: str, lang: Lang = DEFAULT_LANG) -> str:
    """What a relation means, in ``lang`` (empty for a name the catalogue lacks)."""
    return say(f"meaning.{relation}", lang) if f"meaning.{relation}" in CATALOGUE else ""


class NoteKind(str, Enum):
    """What a note on a pair of articles says."""

    MOVED = "moved"
    ALSO_AMENDED = "also_amended"
    REFERENCES_FOLLOW = "references_follow"


@dataclass(frozen=True)
class Note:
    """A remark for the reader on a pair of articles, as data, so each
    deliverable words it in its own language (:func:`note_words`).
    ``old`` / ``new``: the division paths a moved article left and joined
    (``("第五章 附则",)``)."""

    kind: NoteKind
    old: tuple[str, ...] = ()
    new: tuple[str, ...] = ()


def _division_words(path: tuple[str, ...], lang: Lang) -> str:
    """A division path as a reader cites it: 第五章第一节 in Chinese (the
    numbers, as a drafting office writes), 第五章 附则 / 第一节 … in English."""
    if not path:
        return say("note.no_chapter", lang)
    if Lang(lang) is Lang.ZH:
        return "".join(heading.split()[0] for heading in path)
    return " / ".join(path)


def note_words(note: Note, lang: Lang = DEFAULT_LANG) -> str:
    """``note`` as a sentence in ``lang``: 调整位置：由第五章移至第一章 /
    moved from 第五章 附则 to 第一章 总则; 同时修改 / also amended."""
    if note.kind is NoteKind.MOVED:
        return say("note.moved", lang, old=_division_words(note.old, lang), new=_division_words(note.new, lang))
    return say(f"note.{note.kind.value}", lang)


@dataclass(frozen=True)
class DiffOp:
    """One step of a character diff.

    ``kind`` is ``"equal"``, ``"insert"`` or ``"delete"``. ``left`` is the
    left-hand text the op covers and ``right`` the right-hand text: an insert
    has ``left == ""``, a delete ``right == ""``. For an equal op the two may
    differ only in width or whitespace (a difference of form, not of words).
    Concatenating ``left`` over all ops rebuilds the left text exactly, and
    likewise ``right``.
    """

    kind: str
    left: str
    right: str


@dataclass(frozen=True)
class ArticleRef:
    """An article as shown in a comparison. ``suffix`` is the N of an
    inserted article's 之N (0 for none), as in :class:`Article`."""

    number: int
    label: str
    divisions: tuple[str, ...]
    blocks: tuple[str, ...]
    suffix: int = 0

    @property
    def key(self) -> ArticleKey:
        """The article's place in the numbering (:class:`ArticleKey`)."""
        return ArticleKey(self.number, self.suffix)


@dataclass(frozen=True)
class ParagraphPair:
    """A paragraph or item matched across the two sides, with its diff.

    ``left`` / ``right`` are (article index in the pair, block index in that
    article), or ``None`` when the block has no counterpart on that side.
    """

    left: tuple[int, int] | None
    right: tuple[int, int] | None
    ops: tuple[DiffOp, ...]


@dataclass(frozen=True)
class Candidate:
    """An article of the other side that may be the counterpart of an
    article the engine left alone: its ``label``, their ``score`` (the
    article similarity), the wording their best-scoring blocks share, and
    ``rule``: the pass that proposed linking them before grading made it a
    candidate ("" when only its score puts it here). No link: a suggestion."""

    label: str
    score: float
    shared: tuple[str, ...]
    rule: str = ""


@dataclass(frozen=True)
class ArticlePair:
    """Corresponding articles (one-to-one, one-to-many, many-to-one) or an
    article on one side only, with how they relate.

    ``score`` is the similarity in [0, 1] defined in :mod:`fagui.align`;
    ``grade`` (:class:`Grade`) how sure the engine is of the correspondence
    or, for an article on one side only, of its having none. ``notes`` are
    short remarks for the reader (e.g. reference updates). ``decision`` is a
    reviewer's decision about the group's links (:class:`Decision`; None:
    none made). ``meanings``: what the change means in law
    (:mod:`fagui.meaning`), in reading order. ``rule``: the alignment pass
    that made the group (for an article alone, the one that graded the
    claim). ``candidates``: for an article on one side only, the closest
    articles of the other side (:class:`Candidate`), best first, at most
    three.
    """

    relation: Relation
    left: tuple[ArticleRef, ...]
    right: tuple[ArticleRef, ...]
    score: float
    paragraphs: tuple[ParagraphPair, ...] = ()
    notes: tuple[Note, ...] = ()
    grade: Grade = Grade.SURE
    decision: Decision | None = None
    meanings: tuple[MeaningChange, ...] = ()
    rule: str = ""
    candidates: tuple[Candidate, ...] = ()

    @property
    def changed(self) -> bool:
        return self.relation not in UNCHANGED_RELATIONS

    @property
    def settled(self) -> bool:
        """Whether the pair counts in figures (counts, adoption, coverage,
        the matrix): graded sure, or confirmed or added by a reviewer.
        Others are counted apart, as 待核."""
        return self.grade == Grade.SURE or self.decision in (Decision.CONFIRMED, Decision.ADDED)


STRENGTHS = {
    Strength.COUNTERPART: "the same provision (possibly reworded, split or merged)",
    Strength.SHARES: "a paragraph or item of one is carried into the other",
}
"""How strongly two linked articles correspond."""


@dataclass(frozen=True)
class Evidence:
    """A block (paragraph or item) of each side that correspond: (article
    label, block index in :meth:`Article.blocks`), their score, and the
    wording they share (runs of at least two characters, in left order).
    ``score`` is, for two blocks the comparison matched inside a counterpart
    group, the **equal share** of their diff (twice the equal characters over
    both sides' characters); for a block link of the alignment (a *shares*
    link's, or one inside a group the matching left out), its cosine score
    (docs/design.md, glossary)."""

    left: tuple[str, int]
    right: tuple[str, int]
    score: float
    shared: tuple[str, ...]


@dataclass(frozen=True)
class ArticleLink:
    """A left article and a right article that correspond, by labels.

    ``strength`` (:class:`Strength`: counterpart or shares, :data:`STRENGTHS`); ``score``
    in [0, 1] is the group's score for a counterpart and, for a shares link,
    the score of its best pair of blocks; ``grade`` (:class:`Grade`) how sure
    the engine is of it; ``evidence`` the blocks that correspond;
    ``decision`` a reviewer's decision about it (:class:`Decision`; None:
    none made); ``meanings``, for a *shares* link, what the change between
    those blocks means in law (a counterpart's are its pair's); ``rule`` the
    alignment pass that made it.
    """

    left: str
    right: str
    strength: Strength
    score: float
    grade: Grade
    evidence: tuple[Evidence, ...]
    decision: Decision | None = None
    meanings: tuple[MeaningChange, ...] = ()
    rule: str = ""

    @property
    def settled(self) -> bool:
        """Whether the link counts in figures (coverage, adoption, the
        matrix): graded sure, or confirmed or added by a reviewer. Others
        are counted apart, as 待核."""
        return self.grade == Grade.SURE or self.decision in (Decision.CONFIRMED, Decision.ADDED)


class CoverageStatus(StrEnum):
    """How much of a reference article the derived text carries (the
    meanings: :data:`COVERAGE_STATUSES`). A ``StrEnum``: it equals, prints
    and serialises as its value."""

    AS_IS = "as_is"
    REWORDED = "reworded"
    PARTLY = "partly"
    NOT_ADOPTED = "not_adopted"
    UNSURE = "unsure"


COVERAGE_STATUSES = {
    CoverageStatus.AS_IS: "every block carried by sure links, each unchanged by its counterpart",
    CoverageStatus.REWORDED: "every block carried by sure links, some reworded or through a shares link",
    CoverageStatus.PARTLY: "some blocks carried by sure links, not all, or none though it has a sure counterpart (a counterpart is never not adopted)",
    CoverageStatus.NOT_ADOPTED: "no block carried and no counterpart, and the engine is sure of it",
    CoverageStatus.UNSURE: "no block carried by sure links and no sure counterpart, but an unsure link carries it or the claim that nothing does is unsure (待核)",
}
"""When a reference article has each status: the rule, stated once.
:func:`fagui.correspondence.coverage_status` applies it; docs/comparison.md,
docs/json-schema.md and docs/report.md quote it (tests/test_docs_follow_code.py)."""


@dataclass(frozen=True)
class Coverage:
    """How much of one left article the right text carries, at block level.

    ``share``: share of the article's characters in blocks that have a
    counterpart block on the right (in its counterpart pair or through a
    shares link) graded sure; ``status`` (:class:`CoverageStatus`);
    ``places``: (left block index, right article label, right block index)
    for each block carried by a sure link; ``unsure_places`` the same for
    links graded unsure (待核), which no figure counts.
    """

    article: str
    share: float
    status: CoverageStatus
    places: tuple[tuple[int, str, int], ...]
    unsure_places: tuple[tuple[int, str, int], ...] = ()


@dataclass(frozen=True)
class DocumentRef:
    """Which text one side of a comparison is: how the corpus names it
    (``id``, ``revision``) and how an office cites it (``title``,
    ``document_number`` 文号, ``promulgated`` 公布 and ``effective`` 施行 dates)."""

    id: str | None
    title: str
    jurisdiction: str | None
    revision: str | None = None
    effective: str | None = None
    document_number: str | None = None
    promulgated: str | None = None

    @classmethod
    def from_metadata(cls, meta, id: str | None = None, revision: str | None = None) -> "DocumentRef":
        """The ref of a regulation whose front matter is ``meta`` (a
        :class:`fagui.model.Metadata`): every field an office cites it by."""
        return cls(id, meta.title, meta.jurisdiction, revision, meta.effective, meta.document_number, meta.promulgated)


@dataclass(frozen=True)
class Summary:
    """Figures for a whole comparison.

    ``counts``: (relation, number of pairs graded sure) for every relation
    of the mode, in the mode's order; ``unsure_counts`` the same for pairs
    graded unsure (待核), counted apart. ``adopted_share``: share of the
    left text's articles that have a sure counterpart on the right.
    ``derived_share``: share of the right text's characters that are equal
    to characters of the left text. ``provision_share``: share of the left
    text's characters in blocks the right text carries through sure links
    (see :class:`Coverage`).
    """

    counts: tuple[tuple[str, int], ...]
    left_articles: int
    right_articles: int
    adopted_share: float
    derived_share: float
    provision_share: float = 0.0
    unsure_counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Everything a renderer needs to show how two regulation texts differ.

    ``flags``: clauses a reviewer should read (:mod:`fagui.meaning.flags`),
    each naming the rule it rests on."""

    mode: Mode
    left: DocumentRef
    right: DocumentRef
    pairs: tuple[ArticlePair, ...]
    summary: Summary
    links: tuple[ArticleLink, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    background: str = ""
    """The name of the stock-phrasing background the comparison was made
    with (:func:`fagui.align.stock_background`)."""
    schema: str = field(default=COMPARISON_SCHEMA)
    flags: tuple[Flag, ...] = ()
