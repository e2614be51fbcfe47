"""A reviewer's decisions about article links: the file they are kept in,
and how each is placed on the texts being compared.

One file per pair of regulations (:mod:`fagui.store.decisions` keeps it in
the corpus, ``decisions/<left id>/<right id>.jsonl``), JSON Lines so that a
pull request shows one decision per line. The first line names the pair;
every other non-blank line not starting with ``#`` is one decision::

    {"schema": "fagui.decisions/1", "left": "national/x", "right": "jilin/y"}
    {"decision": "confirmed", "left": "第八条", "right": "第十七条", "strength": "counterpart", "left_version": "0fcd4e3", "right_version": "0fcd4e3", "left_text": "9f2c…", "right_text": "41ab…", "note": ""}

``left_version`` / ``right_version`` name the commit whose text the
decision was made on (null: the text as it stands), ``left_text`` /
``right_text`` the fingerprint of each article's wording then
(:func:`fagui.model.article_fingerprint`). A decision follows its articles
through later versions by the version alignment, and is *current* only
while both articles still read as they did. A file edited by hand is read
exactly as one the command wrote; any fault is a FaguiError naming the file
and line.

This module needs only the model: the earlier versions a decision was made
on, and how they align with the texts compared, come from the caller
(:class:`Versions`; :class:`fagui.store.decisions.CorpusDecisions` reads
them from git and aligns them with :func:`fagui.compare.compare`), so that
reading or writing a decisions file (``fagui review``) loads no comparison
engine.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Protocol

from fagui.errors import FaguiError
from fagui.model import ArticlePair, PlacedDecision, Regulation, Strength, Verdict, article_fingerprint
from fagui.model.decisions import DecisionRecord

DECISIONS_SCHEMA = "fagui.decisions/1"

FIELDS = ("decision", "left", "right", "strength", "left_version", "right_version", "left_text", "right_text", "note")
"""The keys of one decision, in the order they are written."""

_VERSION_RE = re.compile(r"[0-9a-f]{7,40}")
_FINGERPRINT_RE = re.compile(r"[0-9a-f]{16}")
_LABEL_RE = re.compile(r"第[〇零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?")



class Versions(Protocol):
    """The versions of the regulations decided on, for placing a decision
    made on one version on another."""

    def read_version(self, regulation_id: str, version: str) -> Regulation:
        """That version's text; raises FaguiError when there is none."""

    def version_pairs(self, earlier: Regulation, current: Regulation) -> tuple[ArticlePair, ...]:
        """The pairs of the version alignment of two texts of one regulation
        (which article became which)."""


@dataclass(frozen=True)
class DecisionFile:
    """A decisions file: the pair it is for, its decisions, and its lines as
    written (comments and blank lines are kept when it is rewritten).
    ``name`` names it in errors."""

    name: str
    left_id: str
    right_id: str
    records: tuple[DecisionRecord, ...]
    lines: tuple[str, ...]


def header_line(left_id: str, right_id: str) -> str:
    return json.dumps({"schema": DECISIONS_SCHEMA, "left": left_id, "right": right_id}, ensure_ascii=False)


def record_line(record: DecisionRecord) -> str:
    """One decision as its file writes it: keys in :data:`FIELDS` order."""
    values = {
        "decision": record.verdict.value,
        "left": record.left,
        "right": record.right,
        "strength": record.strength.value,
        "left_version": record.left_version,
        "right_version": record.right_version,
        "left_text": record.left_text,
        "right_text": record.right_text,
        "note": record.note,
    }
    return json.dumps(values, ensure_ascii=False)


def empty_file(name: str, left_id: str, right_id: str) -> DecisionFile:
    return DecisionFile(name, left_id, right_id, (), (header_line(left_id, right_id),))


def file_text(book: DecisionFile) -> str:
    return "".join(line + "\n" for line in book.lines)


def parse_decisions(text: str, name: str) -> DecisionFile:
    """Read a decisions file; FaguiError naming ``name`` and the line of the
    first fault (not JSON, a key missing or unknown, a value of the wrong
    form)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = None
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        data = _json_object(line, name, n)
        if header is None:
            header = _header(data, name, n)
            continue
        records.append(_record(data, name, n))
    if header is None:
        raise FaguiError(f'no header line: the first line must be {{"schema": "{DECISIONS_SCHEMA}", "left": ID, "right": ID}}', name, 1)
    return DecisionFile(name, header[0], header[1], tuple(records), tuple(lines))


def _json_object(line: str, name: str, n: int) -> dict:
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise FaguiError(f"not a JSON object: {exc.msg} (column {exc.colno})", name, n) from None
    if not isinstance(data, dict):
        raise FaguiError("not a JSON object: each line is one {...}", name, n)
    return data


def _header(data: dict, name: str, n: int) -> tuple[str, str]:
    if data.get("schema") != DECISIONS_SCHEMA:
        raise FaguiError(f'not a decisions file: its first line must name "schema": "{DECISIONS_SCHEMA}"', name, n)
    if set(data) != {"schema", "left", "right"} or not all(isinstance(data[k], str) for k in ("left", "right")):
        raise FaguiError('the header names the pair: {"schema": …, "left": ID, "right": ID} and nothing else', name, n)
    return data["left"], data["right"]


def _record(data: dict, name: str, n: int) -> DecisionRecord:
    unknown = [k for k in data if k not in FIELDS]
    if unknown:
        raise FaguiError(f"unknown key {unknown[0]!r} (a decision has {', '.join(FIELDS)})", name, n)
    missing = [k for k in FIELDS if k not in data and k != "note"]
    if missing:
        raise FaguiError(f"missing key {missing[0]!r}", name, n)

    def choice(key, enum):
        try:
            return enum(data[key])
        except (ValueError, TypeError):
            raise FaguiError(f"{key} must be one of {', '.join(e.value for e in enum)}, not {data[key]!r}", name, n) from None

    def matching(key, pattern, what, nullable=False):
        value = data[key]
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise FaguiError(f"{key} must be {what}, not {value!r}", name, n)
        return value

    note = data.get("note", "")
    if not isinstance(note, str):
        raise FaguiError(f"note must be a string, not {note!r}", name, n)
    return DecisionRecord(
        verdict=choice("decision", Verdict),
        left=matching("left", _LABEL_RE, "an article label such as 第八条"),
        right=matching("right", _LABEL_RE, "an article label such as 第八条"),
        strength=choice("strength", Strength),
        left_version=matching("left_version", _VERSION_RE, "a commit (7 to 40 hex digits) or null", True),
        right_version=matching("right_version", _VERSION_RE, "a commit (7 to 40 hex digits) or null", True),
        left_text=matching("left_text", _FINGERPRINT_RE, "an article fingerprint (16 hex digits)"),
        right_text=matching("right_text", _FINGERPRINT_RE, "an article fingerprint (16 hex digits)"),
        note=note,
        line=n,
    )


def check_pair(book: DecisionFile, left_id: str, right_id: str) -> None:
    """Refuse a file made for another pair of regulations than ``left_id`` ↔ ``right_id``."""
    if (book.left_id, book.right_id) != (left_id, right_id):
        raise FaguiError(
            f"made for {book.left_id} ↔ {book.right_id}, not for {left_id} ↔ {right_id}", book.name, header_number(book)
        )


def header_number(book: DecisionFile) -> int:
    """The line of the file's header (comments and blank lines may come first)."""
    return next(n for n, line in enumerate(book.lines, 1) if line.strip() and not line.lstrip().startswith("#"))


class _Follower:
    """Places labels of one regulation's past versions on one text of it:
    the same label when the articles are all as they were, else through the
    version alignment (the article that was 第八条 is now 第九条), each
    earlier version compared once."""

    def __init__(self, regulation_id: str, current: Regulation, versions: Versions, name: str):
        self.id = regulation_id
        self.current = current
        self.versions = versions
        self.name = name
        self.labels = {a.label: a for a in current.articles}
        self._pairs: dict[str, tuple[ArticlePair, ...] | None] = {}

    def __call__(self, label: str, version: str | None, text: str, line: int) -> tuple[str | None, bool]:
        """(the label of that article in the current text, None if it was
        deleted; whether its wording is still ``text``)."""
        if version is None:
            if label not in self.labels:
                raise FaguiError(f"{self.id} has no {label}", self.name, line)
            target = label
        else:
            try:
                made = self.versions.read_version(self.id, version)
            except FaguiError as exc:
                raise FaguiError(f"{self.id}@{version}: {exc.message}", self.name, line) from None
            if not any(a.label == label for a in made.articles):
                raise FaguiError(f"{self.id}@{version} has no {label}", self.name, line)
            target = self._follow(made, version, label)
        if target is None:
            return None, False
        return target, article_fingerprint(self.labels[target].blocks()) == text

    def _follow(self, made: Regulation, version: str, label: str) -> str | None:
        if made.articles == self.current.articles:
            return label
        if version not in self._pairs:
            self._pairs[version] = self.versions.version_pairs(made, self.current)
        for pair in self._pairs[version]:
            if any(ref.label == label for ref in pair.left):
                # An article split into several is followed through the first of them.
                return pair.right[0].label if pair.right else None
        return None


@dataclass(frozen=True)
class Placement:
    """A decision of a file placed on two texts: ``placed`` None when an
    article of it is no longer there (deleted since)."""

    record: DecisionRecord
    placed: PlacedDecision | None


def placements(book: DecisionFile, left: Regulation, right: Regulation, versions: Versions) -> tuple[Placement, ...]:
    """Every decision of ``book`` placed on ``left`` and ``right`` (texts of
    the file's two regulations, any versions): each article followed from the
    version the decision was made on (``versions`` gives that), and the decision
    current while both still read as they did. FaguiError naming the file
    and line when a decision names an article its version does not have, or
    a version that does not hold the regulation."""
    follow_l = _Follower(book.left_id, left, versions, book.name)
    follow_r = _Follower(book.right_id, right, versions, book.name)
    out = []
    for r in book.records:
        lab_l, same_l = follow_l(r.left, r.left_version, r.left_text, r.line)
        lab_r, same_r = follow_r(r.right, r.right_version, r.right_text, r.line)
        placed = None
        if lab_l is not None and lab_r is not None:
            placed = PlacedDecision(lab_l, lab_r, r.strength, r.verdict, same_l and same_r, r.note)
        out.append(Placement(r, placed))
    return tuple(out)


def place(book: DecisionFile, left: Regulation, right: Regulation, versions: Versions) -> tuple[PlacedDecision, ...]:
    """The decisions of ``book`` that still have both articles, placed on
    ``left`` and ``right`` (:func:`placements`), for :func:`fagui.compare.compare`."""
    return tuple(p.placed for p in placements(book, left, right, versions) if p.placed is not None)


def new_record(
    verdict: Verdict, strength: Strength, left: Regulation, left_label: str, left_version: str | None,
    right: Regulation, right_label: str, right_version: str | None, note: str = "",
    names: tuple[str, str] | None = None,
) -> DecisionRecord:
    """A decision on two articles of these texts (labels as the texts write
    them); FaguiError when either text has no such article (``names``: how
    to name the texts then, default their titles)."""
    texts = []
    names = names or (left.metadata.title, right.metadata.title)
    for regulation, label, name in ((left, left_label, names[0]), (right, right_label, names[1])):
        article = next((a for a in regulation.articles if a.label == label), None)
        if article is None:
            raise FaguiError(f"no {label} in this text", name)
        texts.append(article_fingerprint(article.blocks()))
    return DecisionRecord(verdict, left_label, right_label, strength, left_version, right_version, texts[0], texts[1], note)


def with_record(book: DecisionFile, record: DecisionRecord, versions: Versions) -> DecisionFile:
    """``book`` with ``record`` as the one decision on its two articles: a
    decision already there that lands on the same two articles of the texts
    ``record`` was made on is replaced in place (so deciding twice is one
    decision, and the same decision twice changes nothing), else ``record``
    is appended."""
    left = _read(versions, book.left_id, record.left_version, book.name)
    right = _read(versions, book.right_id, record.right_version, book.name)
    same = {
        p.record.line
        for p in placements(book, left, right, versions)
        if p.placed is not None and (p.placed.left, p.placed.right) == (record.left, record.right)
    }
    lines: list[str] = []
    placed = False
    for n, line in enumerate(book.lines, 1):
        if n in same:
            if not placed:
                lines.append(record_line(record))
                placed = True
            continue
        lines.append(line)
    if not placed:
        lines.append(record_line(record))
    book = replace(book, lines=tuple(lines))
    return parse_decisions(file_text(book), book.name)


def _read(versions: Versions, regulation_id: str, version: str | None, name: str) -> Regulation:
    try:
        return versions.read_version(regulation_id, version or "HEAD")
    except FaguiError as exc:
        raise FaguiError(exc.message, name) from None
