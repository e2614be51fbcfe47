"""``fagui log`` and ``fagui history`` for programs: a regulation's versions
(:meth:`fagui.store.corpus.Corpus.versions`) and one article through them
(:meth:`fagui.store.corpus.Corpus.history`) as JSON, indented, Chinese as is.
"""

from __future__ import annotations

import json

from fagui.model import ArticleKey
from fagui.text.labels import label_text
from renderers.text import render_article_diff

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from fagui.store.articles import ArticleVersion
    from fagui.store.versions import Version


def render_log_json(regulation_id: str, versions: list[Version]) -> str:
    """Each version of ``regulation_id``, newest first: its commit, the dates
    and document number it states, and what it changed (counts, and the
    article labels of each relation)."""
    data = {
        "id": regulation_id,
        "versions": [
            {
                "commit": v.commit,
                "committed": v.committed,
                "subject": v.subject,
                "title": v.title,
                "adopted": v.adopted,
                "effective": v.effective,
                "promulgated": v.promulgated,
                "document_number": v.document_number,
                "first": v.changes.first,
                "counts": v.changes.counts(),
                "articles": {relation: list(labels) for relation, labels in v.changes.relations},
            }
            for v in versions
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_history_json(regulation_id: str, article: ArticleKey, entries: list[ArticleVersion]) -> str:
    """Article ``article`` of ``regulation_id`` in each version that added,
    changed or deleted it, newest first, with its diff against the version
    before as text (:func:`renderers.text.render_article_diff`, no colour)."""
    data = [
        {
            "commit": e.commit,
            "effective": e.effective,
            "label": e.label,
            "previous": e.previous,
            "relation": e.relation,
            "text": e.text,
            "diff": render_article_diff(e.pair) if e.pair is not None else None,
        }
        for e in entries
    ]
    number, suffix = article
    head = {"id": regulation_id, "article": number, "suffix": suffix, "label": label_text("条", number, suffix)}
    return json.dumps({**head, "versions": data}, ensure_ascii=False, indent=2)
