"""Repetition of higher-level law across a report (:mod:`fagui.repetition`):
per derived text the articles repeating a text it implements nearly word for
word, as a share and a list; a table on the index sorted by that share, and
the same as CSV for Excel (UTF-8 with BOM, CRLF, formula-looking cells made
inert, :func:`renderers.inert`, as the coverage CSV's)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Sequence

from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import DocumentRef
from fagui.repetition import REPEAT_SHARE, Repeat, Repetition
from renderers import inert
from renderers.html import esc

CSV_NAME = "repetition.csv"


@dataclass(frozen=True)
class TextRepetition:
    """One derived text's repeats over every text it implements."""

    derived: DocumentRef
    articles: int
    repeats: tuple[tuple[Repeat, DocumentRef], ...]

    @property
    def share(self) -> float:
        return len(self.repeats) / self.articles if self.articles else 0.0


def by_text(found: Sequence[Repetition]) -> list[TextRepetition]:
    """Per derived text (an article repeating two references counts once),
    the highest share first, then by id."""
    texts: dict[str, TextRepetition] = {}
    for r in found:
        key = r.derived.id or r.derived.title
        old = texts.get(key, TextRepetition(r.derived, r.articles, ()))
        seen = {x.article for x, _ in old.repeats}
        more = tuple((x, r.reference) for x in r.repeats if x.article not in seen)
        texts[key] = TextRepetition(r.derived, r.articles, old.repeats + more)
    return sorted(texts.values(), key=lambda t: (-t.share, t.derived.id or ""))


def _sources(repeat: Repeat, reference: DocumentRef) -> str:
    return f"{reference.title}{'、'.join(repeat.reference)}"


def render_repetition_section(texts: Sequence[TextRepetition], pages: dict[tuple[str, str], str], lang: Lang = DEFAULT_LANG) -> str:
    """The index's table, worded in ``lang``; ``pages``: (reference id, derived id) -> comparison page."""
    rows = []
    for t in texts:
        items = []
        for repeat, reference in t.repeats:
            page = pages.get((reference.id or "", t.derived.id or ""))
            label = f'<a href="{esc(page)}#R-{esc(repeat.article)}">{esc(repeat.article)}</a>' if page else esc(repeat.article)
            items.append(label + esc(say("repetition.item", lang, label="", sources=_sources(repeat, reference), share=f"{repeat.share * 100:.0f}%")))
        rows.append(
            f'<tr><td>{esc(t.derived.title)}<div class="sub">{esc(t.derived.id or "")}</div></td>'
            f'<td class="n">{len(t.repeats)}/{t.articles}</td><td class="n">{t.share * 100:.1f}%</td>'
            f'<td>{say("list.semicolon", lang).join(items)}</td></tr>'
        )
    heads = "".join(f"<th>{esc(say(f'repetition.col_{k}', lang))}</th>" for k in ("text", "count", "share", "articles"))
    return (
        f'<section class="group"><h2 id="repetition">{esc(say("repetition.head", lang))} '
        f'<span class="lede">{esc(say("repetition.lede", lang, share=f"{REPEAT_SHARE * 100:.0f}%"))}</span></h2>\n'
        f'<p class="lede"><a class="dl" href="{CSV_NAME}" download>{esc(say("repetition.csv", lang))}</a>{esc(say("repetition.csv_note", lang))}</p>\n'
        f'<div class="scroll"><table class="list"><thead><tr>{heads}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></section>\n'
    )


def render_repetition_csv(texts: Sequence[TextRepetition]) -> bytes:
    """One row per repeating article (a text with none: one row with its
    share 0%), texts in the table's order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["文本", "id", "条数", "重复条数", "重复比例", "条文", "上位文本", "上位条文", "相同字符比例"])
    for t in texts:
        head = [t.derived.title, t.derived.id or "", str(t.articles), str(len(t.repeats)), f"{t.share * 100:.1f}%"]
        if not t.repeats:
            writer.writerow([inert(x) for x in head + ["", "", "", ""]])
        for repeat, reference in t.repeats:
            row = head + [repeat.article, reference.title, "、".join(repeat.reference), f"{repeat.share * 100:.0f}%"]
            writer.writerow([inert(x) for x in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def repetition_data(texts: Sequence[TextRepetition]) -> list[dict]:
    """For index.json: per text, its share and repeating articles."""
    return [
        {
            "id": t.derived.id,
            "articles": t.articles,
            "share": t.share,
            "repeats": [
                {"article": r.article, "reference": ref.id, "reference_articles": list(r.reference), "share": r.share}
                for r, ref in t.repeats
            ],
        }
        for t in texts
    ]
