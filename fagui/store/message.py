"""The commit message of a new version, for people reading ``git log`` and
for scripts reading its trailers."""

from __future__ import annotations

from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import Regulation, relation_words
from fagui.store.changes import MAIN_RELATIONS, REPORTED_RELATIONS, Changes


def commit_message(regulation_id: str, regulation: Regulation, found: Changes, note: str | None = None, lang: Lang = DEFAULT_LANG) -> str:
    """The commit message of a new version: a subject (``ID: 自2026-01-01起施行的版本``
    / ``ID: version effective 2026-01-01``: the id and ``": "`` first in
    either language), a body naming the
    articles by relation in ``lang`` (拆分（1）：第十条 → 第二十六条、第四十三条;
    Chinese by default), and trailers (``Effective``, ``Source``,
    ``Source-SHA256``, ``Articles-<Relation>`` counts, their keys fixed for
    scripts) that ``git log --format='%(trailers)'`` reads."""
    meta = regulation.metadata
    paragraphs = [say("commit.subject", lang, id=regulation_id, effective=meta.effective)]
    if note and note.strip():
        paragraphs.append(note.strip())
    if found.first:
        paragraphs.append(say("commit.first", lang, title=meta.title, n=len(regulation.articles)))
    elif found.relations:
        paragraphs.append(
            "\n".join(
                say("commit.relation", lang, relation=relation_words(relation, lang).capitalize(), n=len(labels), labels=_listed(labels, lang))
                for relation, labels in found.relations
            )
        )
    else:
        paragraphs.append(say("md.no_change", lang))
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


def _listed(labels: tuple[str, ...], lang: Lang) -> str:
    """Articles in a list as Chinese lists them, with 、 (第十二条、第四十二条);
    split and merged groups, which hold a 、 of their own (第十条 → 第二十六条、
    第四十三条), with ；. Nothing reads the list back: scripts read the trailers."""
    key = "list.semicolon" if any("、" in label for label in labels) else "list.sep"
    return say(key, lang).join(labels)
