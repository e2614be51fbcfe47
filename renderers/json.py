"""The versioned JSON form of a comparison: ``fagui.comparison/3``.

Documented in ``docs/json-schema.md``. Every field of the model is written, in
a fixed order (the model's own), so the same comparison always gives the same
bytes: two-space indentation, UTF-8 text as is (``ensure_ascii=False``), one
final newline. :func:`json_parts` gives the same bytes in pieces, one pair
(link, coverage entry) at a time, for a writer that streams them: the
document of 20,000 articles is some 100 MB, and the stdlib's indenting
encoder held every piece of it in a list, several times the document, before
joining them.
"""

from __future__ import annotations

import json as _json
from typing import Any, Callable, Iterable, Iterator

from fagui.model import (
    ArticleLink,
    ArticlePair,
    ArticleRef,
    Comparison,
    Coverage,
    Decision,
    DocumentRef,
    Evidence,
    Flag,
    MeaningChange,
    ParagraphPair,
    Place,
    Summary,
    note_words,
)
from fagui.messages import Lang


def render_json(comparison: Comparison) -> str:
    """``comparison`` as a ``fagui.comparison/3`` JSON document."""
    return "".join(json_parts(comparison))


def json_parts(comparison: Comparison) -> Iterator[str]:
    """:func:`render_json` in pieces, made as they are asked for: joined,
    the same text; in between, one pair's data and JSON are held, not the
    document's."""
    return document_parts(_fields(comparison, Streamed))


def comparison_data(c: Comparison) -> dict[str, Any]:
    """The ``fagui.comparison/3`` form as plain JSON-ready data."""
    return _fields(c, list)


def _fields(c: Comparison, listed: Callable[[Iterable[Any]], Any]) -> dict[str, Any]:
    """The document's fields, each list of the model's parts made by ``listed``."""
    return {
        "schema": c.schema,
        "mode": c.mode,
        "left": _document(c.left),
        "right": _document(c.right),
        "background": c.background,
        "summary": _summary(c.summary),
        "pairs": listed(_pair(p) for p in c.pairs),
        "links": listed(_link(x) for x in c.links),
        "coverage": listed(_coverage(x) for x in c.coverage),
        "flags": listed(_flag(f) for f in c.flags),
    }


class Streamed:
    """A list of a JSON document whose items are made and written one at a
    time by :func:`document_parts`."""

    def __init__(self, items: Iterable[Any]):
        self.items = items


def document_parts(document: dict[str, Any], *, allow_nan: bool = False) -> Iterator[str]:
    """``json.dumps(document, ensure_ascii=False, indent=2, allow_nan=...)``
    and a newline, in pieces: a :class:`Streamed` value, at any depth (in
    dicts with str keys, or in a Streamed list), is written as a list one
    item at a time, each item a piece of its own; what lies between them is
    joined into one piece. The same bytes as the stdlib's: every other value
    is encoded on its own and indented by its depth, which is safe because
    a newline in indented JSON is always between tokens (a string's own are
    escaped)."""
    encoder = _json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=allow_nan)
    pending: list[str] = []  # what comes before the next streamed item, or the end, as one piece
    for text, alone in _encoded(document, 0, encoder):
        if alone:
            if pending:
                yield "".join(pending)
                pending = []
            yield text
        else:
            pending.append(text)
    pending.append("\n")
    yield "".join(pending)


def _encoded(value: Any, depth: int, encoder: _json.JSONEncoder) -> Iterator[tuple[str, bool]]:
    """``value`` as JSON at ``depth`` levels of indentation, in pieces, each
    with whether it is a streamed item, whole."""
    indent = "\n" + "  " * (depth + 1)
    if isinstance(value, Streamed):
        n = 0
        for n, item in enumerate(value.items, 1):
            lead = ("[" if n == 1 else ",") + indent
            if _streams(item):
                yield lead, False
                yield from _encoded(item, depth + 1, encoder)
            else:
                yield lead + encoder.encode(item).replace("\n", indent), True
        yield ("\n" + "  " * depth + "]" if n else "[]"), False
    elif isinstance(value, dict) and _streams(value):
        for k, (key, item) in enumerate(value.items()):
            yield ("," if k else "{") + indent + encoder.encode(key) + ": ", False
            yield from _encoded(item, depth + 1, encoder)
        yield "\n" + "  " * depth + "}", False
    else:
        yield encoder.encode(value).replace("\n", "\n" + "  " * depth), False


def _streams(value: Any) -> bool:
    """Whether ``value`` is, or holds in its dicts, a :class:`Streamed` list."""
    return isinstance(value, Streamed) or isinstance(value, dict) and any(_streams(v) for v in value.values())


def _document(d: DocumentRef) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "jurisdiction": d.jurisdiction,
        "revision": d.revision,
        "effective": d.effective,
        "document_number": d.document_number,
        "promulgated": d.promulgated,
    }


def _summary(s: Summary) -> dict[str, Any]:
    return {
        "counts": {relation: n for relation, n in s.counts},
        "left_articles": s.left_articles,
        "right_articles": s.right_articles,
        "adopted_share": _number(s.adopted_share),
        "derived_share": _number(s.derived_share),
        "provision_share": _number(s.provision_share),
        "unsure_counts": {relation: n for relation, n in s.unsure_counts},
    }


def _article(a: ArticleRef) -> dict[str, Any]:
    return {
        "number": a.number,
        "suffix": a.suffix,
        "label": a.label,
        "divisions": list(a.divisions),
        "blocks": list(a.blocks),
    }


def _paragraph(p: ParagraphPair) -> dict[str, Any]:
    return {
        "left": list(p.left) if p.left is not None else None,
        "right": list(p.right) if p.right is not None else None,
        "ops": [{"kind": op.kind, "left": op.left, "right": op.right} for op in p.ops],
    }


def _pair(p: ArticlePair) -> dict[str, Any]:
    return {
        "relation": p.relation,
        "changed": p.changed,
        "score": _number(p.score),
        "grade": p.grade,
        "rule": p.rule,
        "left": [_article(a) for a in p.left],
        "right": [_article(a) for a in p.right],
        "paragraphs": [_paragraph(pp) for pp in p.paragraphs],
        "notes": [{"kind": n.kind.value, "old": list(n.old), "new": list(n.new), "text": note_words(n, Lang.EN)} for n in p.notes],
        "decision": _decision(p.decision),
        "meanings": [_meaning(m) for m in p.meanings],
        "candidates": [
            {"label": x.label, "score": _number(x.score), "shared": list(x.shared), "rule": x.rule} for x in p.candidates
        ],
    }


def _evidence(e: Evidence) -> dict[str, Any]:
    return {
        "left": list(e.left),
        "right": list(e.right),
        "score": _number(e.score),
        "shared": list(e.shared),
    }


def _link(x: ArticleLink) -> dict[str, Any]:
    return {
        "left": x.left,
        "right": x.right,
        "strength": x.strength,
        "score": _number(x.score),
        "grade": x.grade,
        "rule": x.rule,
        "evidence": [_evidence(e) for e in x.evidence],
        "decision": _decision(x.decision),
        "meanings": [_meaning(m) for m in x.meanings],
    }


def _coverage(x: Coverage) -> dict[str, Any]:
    return {
        "article": x.article,
        "share": _number(x.share),
        "status": x.status,
        "places": [{"block": b, "right": label, "right_block": c} for b, label, c in x.places],
        "unsure_places": [{"block": b, "right": label, "right_block": c} for b, label, c in x.unsure_places],
    }


def _decision(d: Decision | None) -> str | None:
    return d.value if d is not None else None


def _place(p: Place | None) -> dict[str, Any] | None:
    return None if p is None else {"article": p.article, "block": p.block}


def _where(where: tuple[Place | None, Place | None]) -> dict[str, Any]:
    return {"left": _place(where[0]), "right": _place(where[1])}


def _meaning(m: MeaningChange) -> dict[str, Any]:
    return {
        "kind": m.kind.value,
        "left": m.left,
        "right": m.right,
        "direction": m.direction.value,
        "where": _where(m.where),
        "rule": m.rule,
        "says": m.says,
    }


def _flag(f: Flag) -> dict[str, Any]:
    return {
        "rule": f.rule.value,
        "basis": f.basis,
        "left": f.left,
        "right": f.right,
        "where": _where(f.where),
        "says": f.says,
    }


def _number(x: float) -> float:
    """A float as is: Python writes the shortest text that reads back to the
    same value, so this is both lossless and deterministic."""
    return float(x)
