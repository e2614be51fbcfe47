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

import json
from typing import Sequence

from fagui.impact import Impact
from fagui.implements import Implementation, describe
from fagui.model import Unreadable
from renderers.impact import impact_data
from renderers.repetition import TextRepetition, repetition_data
from renderers.site import Entry

SCHEMA = "fagui.report-index/1"


def render_index_json(
    jurisdictions: Sequence[Entry],
    versions: Sequence[Entry],
    implementation: Implementation,
    unreadable: Sequence[Unreadable] = (),
    impacts: Sequence[Impact] = (),
    repetitions: Sequence[TextRepetition] = (),
) -> str:
    """The index of a report written from its entries (as :func:`renderers.site.entry` makes them)."""
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
        "impacts": [impact_data(i) for i in impacts],
        "repetition": repetition_data(repetitions),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
