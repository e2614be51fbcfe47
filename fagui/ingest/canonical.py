"""Canonical Markdown as an input layout: a text fagui wrote itself (a
``texts/ID.md`` copied out of another corpus, what ``fagui ingest`` printed)
is read as what it is, by :func:`fagui.markdown.read_regulation`, not parsed
as raw text (where its ``### 第一条`` headings would read as no article at
all). Its front matter is its metadata; nothing is dropped or normalised,
and a file that opens like one but is not in canonical form is refused at
the line where it departs from it, as ``fagui check`` would."""

from __future__ import annotations

from collections import Counter

from fagui.check import check_text
from fagui.errors import FaguiError
from fagui.files import decode_utf8
from fagui.ingest.audit import Audit
from fagui.ingest.structure import DIVISION_COUNTS, count_items, ordered_counts
from fagui.markdown import is_canonical, read_regulation
from fagui.model import Article, Division, Regulation

__all__ = ["is_canonical", "read"]


def read(raw: bytes, source: str) -> tuple[Regulation, Audit]:
    """The regulation canonical Markdown ``raw`` holds, and an audit that
    keeps every character (the front matter is the metadata, the rest the
    body). Raises FaguiError naming ``source`` and the line at fault."""
    text = decode_utf8(raw, source).removeprefix("\ufeff")
    departure = check_text(text, source)
    if departure is not None:
        raise FaguiError(f"opens as canonical Markdown but is not in canonical form: {departure.reason} (see fagui check)", source, departure.line)
    regulation = read_regulation(text, source)
    counts: Counter = Counter()
    _count(regulation.body, counts)
    for article in regulation.articles:
        counts["paragraphs"] += len(article.paragraphs)
        counts["items"] += sum(count_items(p.items) for p in article.paragraphs)
    audit = Audit(
        source=source,
        encoding="utf-8",
        line_ends="LF",
        source_sha256="",
        source_lines=text.count("\n"),
        source_chars=len(text),
        counts=ordered_counts(counts),
        normalisations=(),
        dropped=(),
        joins=(),
        warnings=(),
        layout="canonical",
    )
    return regulation, audit


def _count(nodes, counts: Counter) -> None:
    for node in nodes:
        if isinstance(node, Article):
            counts["articles"] += 1
        elif isinstance(node, Division):
            counts[DIVISION_COUNTS[node.kind]] += 1
            _count(node.children, counts)
