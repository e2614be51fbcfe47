"""A review of regulation changes (fagui.review.Review) as a pull-request
comment in Markdown, or as JSON for bots.

Per regulation: a row of counts; then, per changed article, the compact
inline diff of :mod:`renderers.markdown`. Articles that were only renumbered,
or whose only change follows a renumbering (reference updates), fold into one
line each. Files that fail the canonical-form check come first, as errors.
"""

from __future__ import annotations

import json

from fagui.review import FileChange, Review
from renderers.json import comparison_data
from renderers.markdown import FOLD_AFTER, escape_markdown, render_pair

SUMMARY_RELATIONS = ("added", "amended", "deleted", "renumbered", "reference_update", "moved", "split", "merged")
FOLDED_RELATIONS = ("renumbered", "reference_update")


def render_review_markdown(review: Review) -> str:
    """The review as one Markdown document for a pull-request comment."""
    out = [f"## fagui review: `{review.base_commit[:7]}..{review.head_commit[:7]}`", ""]
    add = out.append
    if not review.changes:
        add("No regulation changes in this range.")
        return "\n".join(out) + "\n"
    problems = [c for c in review.changes if c.problem]
    if problems:
        add(f"**Errors: {len(problems)} file(s) not in canonical form** (run `fagui check`):")
        add("")
        for change in problems:
            add(f"- `{change.path}`: {escape_markdown(change.problem)}")
        add("")
    add("| regulation | file | " + " | ".join(r.replace("_", " ") for r in SUMMARY_RELATIONS) + " |")
    add("|---|---|" + "---:|" * len(SUMMARY_RELATIONS))
    for change in review.changes:
        counts = dict(change.comparison.summary.counts) if change.comparison else {}
        cells = [str(counts.get(r, 0)) if change.comparison else "—" for r in SUMMARY_RELATIONS]
        add(f"| `{change.regulation_id}` | {_status(change)} | " + " | ".join(cells) + " |")
    for change in review.changes:
        if change.comparison is not None:
            _file(out, change)
    return "\n".join(out) + "\n"


def _status(change: FileChange) -> str:
    if change.problem:
        return "**error**"
    if change.status == "renamed":
        return f"renamed from `{change.old_path}`"
    return change.status


def _file(out: list[str], change: FileChange) -> None:
    add = out.append
    comparison = change.comparison
    add("")
    add(f"### {escape_markdown(comparison.right.title)} (`{change.regulation_id}`, {_status(change)})")
    add("")
    for relation in FOLDED_RELATIONS:
        pairs = [p for p in comparison.pairs if p.relation == relation]
        if pairs:
            moves = "，".join(
                "、".join(a.label for a in p.left) + "→" + "、".join(a.label for a in p.right) for p in pairs
            )
            name = "Renumbered only" if relation == "renumbered" else "Reference updates only (they follow the renumbering)"
            add(f"- {name} ({len(pairs)}): {moves}")
    shown = [(i, p) for i, p in enumerate(comparison.pairs, 1) if p.changed and p.relation not in FOLDED_RELATIONS]
    if not shown:
        add("")
        add("No substantive change.")
        return
    add("")
    fold = len(shown) > FOLD_AFTER
    if fold:
        add(f"<details><summary>{len(shown)} changed articles</summary>")
        add("")
    for i, pair in shown:
        render_pair(out, i, pair)
        add("")
    if fold:
        add("</details>")


def render_review_json(review: Review) -> str:
    """The review as JSON (``"schema": "fagui.review/1"``); each file's
    comparison in the ``fagui.comparison/1`` form."""
    data = {
        "schema": "fagui.review/1",
        "base": review.base,
        "base_commit": review.base_commit,
        "head": review.head,
        "head_commit": review.head_commit,
        "changes": [
            {
                "path": c.path,
                "old_path": c.old_path,
                "status": c.status,
                "id": c.regulation_id,
                "problem": c.problem,
                "comparison": comparison_data(c.comparison) if c.comparison else None,
            }
            for c in review.changes
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
