"""What a national revision means for each province (:class:`fagui.impact.Impact`),
as terminal text (``[-deleted-]{+inserted+}``, or ANSI colour) and as JSON
(``fagui.impact/1``, documented in docs/json-schema.md)."""

from __future__ import annotations

from typing import Any, Iterator

from fagui.impact import ChangedProvision, Impact, ProvinceImpact
from fagui.implements import describe
from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import DocumentRef
from fagui.text.control import visible
from renderers import relation_label
from renderers.html import esc
from renderers.json import Streamed, document_parts
from renderers.text import render_article_diff

SCHEMA = "fagui.impact/1"


def _doc(doc: DocumentRef) -> str:
    when = f"，施行 {doc.effective}" if doc.effective else ""
    return f"{doc.title}（{doc.id}{'@' + doc.revision if doc.revision else ''}{when}）"


def render_impact_text(impact: Impact, color: bool = False) -> str:
    """Per implementing text: the national version it follows, then each
    changed national article with the provincial articles to review and the
    national change as an inline diff."""
    lines = [visible(f"{_doc(impact.newest)}：{impact.versions} 个版本，{len(impact.provinces)} 个实施文本")]
    for p in impact.provinces:
        lines.append("")
        lines.append(visible(f"{_doc(p.derived)}"))
        lines.append(visible(f"  依据版本：{_doc(p.followed)} · 配对依据：{describe(p.pairing)}"))
        if not p.changes:
            same = p.followed.revision == impact.newest.revision
            lines.append("  无需复核：依据的即最新版本" if same else "  无需复核：其承载的国家条文此后未修改")
            continue
        lines.append(f"  需复核 {len(p.changes)} 条国家条文的修改：")
        for c in p.changes:
            now = "、".join(a.label for a in c.change.right) or "—"
            lines.append(visible(f"  · 国家{c.national} → {now}（{relation_label(c.change.relation)}）：地方{'、'.join(c.provincial)}"))
            lines.extend("  " + line for line in render_article_diff(c.change, color).splitlines())
    return "\n".join(lines) + "\n"


def _change(c: ChangedProvision) -> dict[str, Any]:
    pair = c.change
    return {
        "national": c.national,
        "relation": pair.relation,
        "now": [a.label for a in pair.right],
        "provincial": list(c.provincial),
        "before": ["\n".join(a.blocks) for a in pair.left],
        "after": ["\n".join(a.blocks) for a in pair.right],
        "diff": [[[op.kind, op.left, op.right] for op in pp.ops] for pp in pair.paragraphs],
    }


def _ref(doc: DocumentRef) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "revision": doc.revision, "effective": doc.effective}


def _implementing(p: ProvinceImpact) -> dict[str, Any]:
    return {
        "derived": _ref(p.derived),
        "followed": _ref(p.followed),
        "basis": p.pairing.basis.value,
        "changes": [_change(c) for c in p.changes],
    }


def _head(impact: Impact, implementing: Any) -> dict[str, Any]:
    return {"schema": SCHEMA, "national": _ref(impact.newest), "versions": impact.versions, "implementing": implementing}


def impact_data(impact: Impact) -> dict[str, Any]:
    """The ``fagui.impact/1`` form as plain JSON-ready data."""
    return _head(impact, [_implementing(p) for p in impact.provinces])


def impact_json_parts(impact: Impact) -> Iterator[str]:
    """``impact`` as a ``fagui.impact/1`` JSON document, in pieces: the head,
    then each implementing text as it is made, then the end
    (:func:`renderers.json.document_parts`). Joined, exactly
    ``json.dumps(impact_data(impact), ensure_ascii=False, indent=2)`` and a
    newline; but only one text's data and JSON are held at a time, where the
    whole document held every text's copy of the national changes (about
    0.5 MiB a text, measured with benchmarks/bench_impact.py)."""
    return document_parts(impact_streamed(impact), allow_nan=True)


def impact_streamed(impact: Impact) -> dict[str, Any]:
    """:func:`impact_data` with its implementing texts made as they are
    written (a :class:`renderers.json.Streamed` list)."""
    return _head(impact, Streamed(_implementing(p) for p in impact.provinces))


def _inline_html(c: ChangedProvision) -> str:
    """The national change, one line per paragraph: <del> and <ins> marks."""
    lines = []
    for pp in c.change.paragraphs:
        parts = []
        for op in pp.ops:
            if op.kind == "equal":
                parts.append(esc(op.right))
            elif op.kind == "delete":
                parts.append(f"<del>{esc(op.left)}</del>")
            else:
                parts.append(f"<ins>{esc(op.right)}</ins>")
        lines.append("".join(parts))
    if not c.change.right:  # deleted: nothing to diff against
        lines = [f"<del>{esc(block)}</del>" for a in c.change.left for block in a.blocks]
    return "<br>".join(lines)


def render_impact_section(impact: Impact, pages: dict[str, str], lang: Lang = DEFAULT_LANG) -> str:
    """The index's section for one revised national text: per implementing
    text, the national version it follows and each changed article it carries,
    the national change beside the provincial articles, worded in ``lang``.
    ``pages``: derived id -> its comparison page, to link the provincial articles."""
    rows = []
    for p in impact.provinces:
        page = pages.get(p.derived.id or "")
        name = f'<a href="{esc(page)}">{esc(p.derived.title)}</a>' if page else esc(p.derived.title)
        followed = f'{esc(p.followed.effective or "")}<div class="sub mono">{esc(p.followed.revision or "")}</div>'
        if not p.changes:
            same = p.followed.revision == impact.newest.revision
            why = say("impact.follows_newest" if same else "impact.unchanged_since", lang)
            rows.append(f'<tr><td>{name}</td><td>{followed}</td><td colspan="3">{esc(say("impact.no_review", lang, why=why))}</td></tr>')
            continue
        for k, c in enumerate(p.changes):
            now = "、".join(a.label for a in c.change.right) or "—"
            where = "、".join(
                f'<a href="{esc(page)}#R-{esc(label)}">{esc(label)}</a>' if page else esc(label) for label in c.provincial
            )
            head = f'<td rowspan="{len(p.changes)}">{name}</td><td rowspan="{len(p.changes)}">{followed}</td>' if k == 0 else ""
            rows.append(
                f"<tr>{head}<td>{esc(c.national)} → {esc(now)}<div class=sub>{esc(relation_label(c.change.relation, lang))}</div></td>"
                f'<td>{where}</td><td class="change">{_inline_html(c)}</td></tr>'
            )
    n = impact.newest
    heads = "".join(f"<th>{esc(say(f'impact.col_{k}', lang))}</th>" for k in ("text", "followed", "national", "local", "change"))
    return (
        f'<section class="group"><h2 id="impact-{esc(n.id)}">{esc(say("impact.head", lang, title=n.title))} '
        f'<span class="lede">{esc(say("impact.lede", lang, effective=n.effective or "", n=impact.versions))}</span></h2>\n'
        f'<div class="scroll"><table class="list"><thead><tr>{heads}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>\n'
    )
