"""``index.json``: a report's index for programs, ``fagui.report-index/1``.

Every comparison of the report (both texts' ids, its page, and for a text
against one it implements, why the two were paired: :class:`fagui.implements.Basis`
and the names that say so), every text compared with nothing (with what it
cites), the warnings, the texts that could not be read, and per revised
reference text its impact (``fagui.impact/1``, :mod:`renderers.impact`).
Documented in docs/json-schema.md; same input, same
bytes.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from fagui.impact import Impact
from fagui.implements import Implementation, describe
from fagui.model import Unreadable
from renderers.impact import impact_streamed
from renderers.json import Streamed, document_parts
from renderers.repetition import TextRepetition, repetition_data
from renderers.site import Entry

SCHEMA = "fagui.report-index/1"


def index_json_parts(
    jurisdictions: Sequence[Entry],
    versions: Sequence[Entry],
    implementation: Implementation,
    unreadable: Sequence[Unreadable] = (),
    impacts: Sequence[Impact] = (),
    repetitions: Sequence[TextRepetition] = (),
) -> Iterator[str]:
    """The index of a report written from its entries (as
    :func:`renderers.site.entry` makes them), in pieces
    (:func:`renderers.json.document_parts`): joined, exactly
    ``json.dumps(..., ensure_ascii=False, indent=2)`` and a newline of the
    whole; but each impact's implementing texts are made one at a time, where
    the whole document held every text's copy of the national changes (about
    0.5 MiB a province)."""
    why = {(p.reference, p.derived): p for p in implementation.pairings}
    comparisons = []
    for e in jurisdictions:
        item = {"page": e.href, "mode": e.mode, "reference": e.left.id, "reference_revision": e.left.revision, "derived": e.right.id}
        pairing = why.get((e.left.id, e.right.id))
        if pairing is not None:
            item |= {
                "basis": pairing.basis.value,
                "evidence": list(pairing.evidence),
                "explanation": describe(pairing),
                "note": pairing.note,
            }
        comparisons.append(item)
    for e in versions:
        comparisons.append(
            {"page": e.href, "mode": e.mode, "reference": e.left.id, "derived": e.right.id,
             "from_revision": e.left.revision, "to_revision": e.right.revision}
        )
    data = {
        "schema": SCHEMA,
        "comparisons": comparisons,
        "unpaired": [{"id": u.id, "reason": u.reason.value, "cites": list(u.cites)} for u in implementation.unpaired],
        "warnings": list(implementation.warnings),
        "unreadable": [{"path": u.path, "line": u.line, "reason": u.reason} for u in unreadable],
        "impacts": Streamed(impact_streamed(i) for i in impacts),
        "repetition": repetition_data(repetitions),
    }
    return document_parts(data, allow_nan=True)
