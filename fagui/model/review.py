"""A review of regulation changes in a git commit range, as plain data:
what :func:`fagui.review.review_range` returns and :mod:`renderers.review`
turns into a pull-request comment or JSON. Here, in the model, so that a
renderer reads a review without loading git."""

from __future__ import annotations

from dataclasses import dataclass

from fagui.model.comparison import Comparison
from fagui.model.decisions import DecisionRecord


@dataclass(frozen=True)
class MetadataChange:
    """One front-matter field whose value differs (None: not stated)."""

    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class FileChange:
    """One regulation file changed in the range.

    ``status`` is added, modified, deleted or renamed. ``problem`` is
    ``path:line: reason`` when the new version is not canonical Markdown (or
    cannot be read); ``comparison`` is then None. ``metadata``: the
    front-matter fields that changed, in canonical order (for an added file,
    every field it states). ``source_note``: why the new version's text is
    not what its ``.source.txt`` gives, when it is not.
    """

    path: str
    old_path: str | None
    status: str
    regulation_id: str
    comparison: Comparison | None
    problem: str | None = None
    metadata: tuple[MetadataChange, ...] = ()
    source_note: str | None = None


@dataclass(frozen=True)
class DecisionsChange:
    """A reviewers' decisions file (``fagui link``) changed in the range:
    the pair it is for, the decisions the head's file has and the base's had
    not (``added``: new or changed) and those it no longer has
    (``removed``), each as its file wrote it; ``problem`` when the head's
    file cannot be read (file:line: reason)."""

    path: str
    left_id: str | None
    right_id: str | None
    added: tuple[DecisionRecord, ...] = ()
    removed: tuple[DecisionRecord, ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class Review:
    base: str  # the revision as given, and its commit
    base_commit: str
    head: str
    head_commit: str
    changes: tuple[FileChange, ...]
    decisions: tuple[DecisionsChange, ...] = ()
