"""The plain data every part of fagui reads and returns.

Two families of frozen dataclasses, one module each:

* the **regulation** model (:mod:`fagui.model.regulation`: ``Regulation`` and its parts), produced by ingestion
  and by reading canonical Markdown back;
* the **comparison** model (:mod:`fagui.model.comparison`: ``Comparison`` and its parts), produced by the
  comparison engine and read by every renderer, with what a change means in law
  (:mod:`fagui.model.meaning`: ``MeaningChange``, ``Flag``).

Nothing here does I/O, printing or formatting for a terminal or a browser.
"""

from __future__ import annotations

from fagui.model.comparison import (
    ArticleLink,
    ArticlePair,
    ArticleRef,
    COMPARISON_SCHEMA,
    Candidate,
    COVERAGE_STATUSES,
    CoverageStatus,
    Comparison,
    Coverage,
    DiffOp,
    DocumentRef,
    Evidence,
    Grade,
    JURISDICTION_RELATIONS,
    MODES,
    Note,
    NoteKind,
    ParagraphPair,
    STRENGTHS,
    Summary,
    UNCHANGED_RELATIONS,
    VERSION_RELATIONS,
    note_words,
    relation_meaning,
    relation_words,
)
from fagui.model.decisions import Decision, PlacedDecision, Strength, Verdict, article_fingerprint
from fagui.model.meaning import (
    Direction,
    Flag,
    FlagRule,
    MeaningChange,
    MeaningKind,
    Place,
)
from fagui.model.regulation import (
    Article,
    ArticleKey,
    DIVISION_KINDS,
    Division,
    HISTORY_KEYS,
    HistoryEntry,
    Item,
    LocatedArticle,
    METADATA_FIELDS,
    Metadata,
    Paragraph,
    Regulation,
    Unreadable,
)

__all__ = [
    "Unreadable",
    "Article",
    "ArticleKey",
    "ArticleLink",
    "ArticlePair",
    "ArticleRef",
    "COMPARISON_SCHEMA",
    "Candidate",
    "COVERAGE_STATUSES",
    "CoverageStatus",
    "Comparison",
    "Coverage",
    "DIVISION_KINDS",
    "Decision",
    "DiffOp",
    "Direction",
    "Division",
    "DocumentRef",
    "Evidence",
    "Flag",
    "FlagRule",
    "Grade",
    "HISTORY_KEYS",
    "HistoryEntry",
    "Item",
    "JURISDICTION_RELATIONS",
    "LocatedArticle",
    "METADATA_FIELDS",
    "MeaningChange",
    "MeaningKind",
    "MODES",
    "Note",
    "NoteKind",
    "Metadata",
    "Paragraph",
    "ParagraphPair",
    "PlacedDecision",
    "Place",
    "Regulation",
    "STRENGTHS",
    "Strength",
    "Summary",
    "UNCHANGED_RELATIONS",
    "VERSION_RELATIONS",
    "Verdict",
    "article_fingerprint",
    "note_words",
    "relation_meaning",
    "relation_words",
]
