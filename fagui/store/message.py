"""The commit message of a new version, for people reading ``git log`` and
for scripts reading its trailers."""

from __future__ import annotations

from fagui.messages import Lang
from fagui.model import Regulation, relation_words
from fagui.store.changes import MAIN_RELATIONS, REPORTED_RELATIONS, Changes


def commit_message(regulation_id: str, regulation: Regulation, found: Changes, note: str | None = None) -> str:
    """The commit message of a new version: a subject, a body naming the
    articles by relation, and trailers (``Effective``, ``Source``,
    ``Source-SHA256``, ``Articles-<Relation>`` counts) that
    ``git log --format='%(trailers)'`` reads."""
    meta = regulation.metadata
    paragraphs = [f"{regulation_id}: version effective {meta.effective}"]
    if note and note.strip():
        paragraphs.append(note.strip())
    if found.first:
        paragraphs.append(f"First version in the corpus: {meta.title}, {len(regulation.articles)} articles.")
    elif found.relations:
        paragraphs.append("\n".join(f"{relation_words(relation, Lang.EN).capitalize()} ({len(labels)}): {'，'.join(labels)}" for relation, labels in found.relations))
    else:
        paragraphs.append("No article changed.")
    trailers = [("Effective", meta.effective)]
    if meta.source:
        trailers.append(("Source", meta.source))
    if meta.source_sha256:
        trailers.append(("Source-SHA256", meta.source_sha256))
    for relation in REPORTED_RELATIONS:
        if relation in MAIN_RELATIONS or found.count(relation):
            trailers.append(("Articles-" + "-".join(w.capitalize() for w in relation.split("_")), str(found.count(relation))))
    paragraphs.append("\n".join(f"{key}: {' '.join(value.split())}" for key, value in trailers))
    return "\n\n".join(paragraphs)
