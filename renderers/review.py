"""A review of regulation changes (fagui.model.review.Review) as a pull-request
comment in Markdown, or as JSON for bots.

Per regulation: a row of counts; then what changed in its front matter (the
effective date, the document number), a note when its text departs from its
source, and per changed article the compact inline diff of
:mod:`renderers.markdown`. Articles that were only renumbered, or whose only
change follows a renumbering (reference updates), fold into one line each.
Files that fail the canonical-form check come first, as errors; amendments
of existing regulations come before new regulations (the order of
:func:`fagui.review.review_range`).
The Markdown is capped at GitHub's comment limit (:data:`MAX_CHARS`),
shortened between articles when it would exceed it; the JSON is never capped.
"""

from __future__ import annotations

import json

from fagui.decisions import record_line
from fagui.messages import CATALOGUE, DEFAULT_LANG, Lang, count, say
from fagui.model import Relation, relation_words
from fagui.model.review import FileChange, MetadataChange, Review
from renderers.json import comparison_data
from renderers.markdown import FOLD_AFTER, FOLDED_RELATIONS, Said, code_span, escape_markdown, folded_lines, render_pair

SUMMARY_RELATIONS = (Relation.ADDED, Relation.AMENDED, Relation.DELETED, Relation.RENUMBERED, Relation.REFERENCE_UPDATE, Relation.MOVED, Relation.SPLIT, Relation.MERGED, Relation.SHARED)

MAX_CHARS = 65_536
"""Default cap on the Markdown: GitHub rejects a comment body longer than
65,536 characters. GitHub counts characters, not bytes (a Chinese character
is one, not three); here they are counted as Python ``str`` characters (code
points), the same count for all text in the Basic Multilingual Plane. A
caller that adds to the body (the workflow's marker line) must leave room
for it with a lower limit."""


def render_review_markdown(review: Review, max_chars: int | None = MAX_CHARS, lang: Lang = DEFAULT_LANG) -> str:
    """The review as one Markdown document for a pull-request comment.

    At most ``max_chars`` characters (``len`` of the returned ``str``;
    GitHub counts a comment's length in characters). ``None`` or ``0``: no
    cap. Output that fits is returned unchanged. Output that does not is
    shortened whole pieces at a time, never inside a Markdown construct: the
    head, the errors and the table of counts are always kept; then each
    regulation's section and its changed articles, in order, while they fit;
    then a closing note says how many articles (and regulations) were left
    out and how to see everything. Only a head that alone is longer than
    ``max_chars`` (hundreds of files) can still exceed it.
    """
    head, sections = _document(review, lang)
    full = _join(head + [line for section in sections for line in section.lines()])
    if not max_chars or len(full) <= max_chars:
        return full
    return _shorten(review, head, sections, max_chars, lang)


class _Section:
    """One regulation's part: ``opening`` (heading, folded renumbering lines,
    the <details> opener), one line list per changed article, ``closing``."""

    def __init__(self, change: FileChange, opening: list[str], articles: list[list[str]], closing: list[str]):
        self.change, self.opening, self.articles, self.closing = change, opening, articles, closing

    def lines(self) -> list[str]:
        return self.opening + [line for article in self.articles for line in article] + self.closing


def _join(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def _size(lines: list[str]) -> int:
    """len(_join(lines)), piece by piece."""
    return sum(len(line) + 1 for line in lines)


def _document(review: Review, lang: Lang) -> tuple[list[str], list[_Section]]:
    """The head (title, errors, counts) and one section per compared file."""
    out = [say("review.title", lang, base=review.base_commit[:7], head=review.head_commit[:7]), ""]
    add = out.append
    out += _decisions(review, lang)
    if not review.changes:
        add(say("review.nothing", lang))
        return out, []
    problems = [c for c in review.changes if c.problem]
    if problems:
        add(say("review.errors", lang, n=len(problems)))
        add("")
        for change in problems:
            add(f"- {code_span(change.path)}: {escape_markdown(change.problem)}")
        add("")
    columns = [say("review.col_regulation", lang), say("review.col_file", lang)] + [relation_words(r, lang) for r in SUMMARY_RELATIONS]
    add("| " + " | ".join(columns + [say("review.col_front_matter", lang)]) + " |")
    add("|---|---|" + "---:|" * len(SUMMARY_RELATIONS) + "---|")
    unsure_shown = False
    for change in review.changes:
        counts = dict(change.comparison.summary.counts) if change.comparison else {}
        unsure = dict(change.comparison.summary.unsure_counts) if change.comparison else {}
        unsure_shown |= any(unsure.get(r, 0) for r in SUMMARY_RELATIONS)
        cells = [_count_cell(counts.get(r, 0), unsure.get(r, 0), lang) if change.comparison else "—" for r in SUMMARY_RELATIONS]
        fields = say("list.sep", lang).join(_field_name(m.field, lang) for m in change.metadata) if change.status in ("modified", "renamed") else ""
        cells.append(fields or "—")
        add(f"| {code_span(change.regulation_id, in_table=True)} | {_status(change, lang, in_table=True)} | " + " | ".join(cells) + " |")
    if unsure_shown:
        add("")
        add(say("review.unsure_note", lang))
    return out, [_file(change, lang) for change in review.changes if change.comparison is not None]


def _count_cell(sure: int, unsure: int, lang: Lang) -> str:
    """A count of the table: the sure ones, and the unsure (待核) apart
    when there are any, so the cells add up to what the commit message
    and ``fagui log`` count (删除 13 + 待核 8 where the commit says 删除（21）)."""
    return say("review.count_unsure", lang, n=sure, unsure=unsure) if unsure else str(sure)



DECISIONS_SHOWN = 30
"""At most this many decisions are listed per file (the JSON has them all)."""


def _decisions(review: Review, lang: Lang) -> list[str]:
    """The reviewers' decisions the range adds or removes (``fagui link``),
    file by file: who decided is the commit's author, what is here."""
    if not review.decisions:
        return []
    out = [say("review.decisions", lang), ""]
    for change in review.decisions:
        pair = f" ({code_span(change.left_id)} ↔ {code_span(change.right_id)})" if change.left_id else ""
        if change.problem:
            out.append(f"- {code_span(change.path)}: {say('review.error', lang)}: {escape_markdown(change.problem)}")
            continue
        out.append(f"- {code_span(change.path)}{pair}: {say('review.decision_counts', lang, added=len(change.added), removed=len(change.removed))}")
        marked = [("+", r) for r in change.added] + [("−", r) for r in change.removed]
        for sign, r in marked[:DECISIONS_SHOWN]:
            note = f" · {escape_markdown(r.note)}" if r.note else ""
            verdict = say(f"verdict.{r.verdict.value}", lang)
            out.append(f"  - {sign} {verdict} {escape_markdown(r.left)} ↔ {escape_markdown(r.right)} ({say('strength.' + r.strength.value, lang)}){note}")
        if len(marked) > DECISIONS_SHOWN:
            out.append(f"  - {say('review.decisions_more', lang, n=len(marked) - DECISIONS_SHOWN)}")
    out.append("")
    return out


def _status(change: FileChange, lang: Lang, in_table: bool = False) -> str:
    if change.problem:
        return say("review.error", lang)
    if change.status == "renamed":
        return say("review.renamed", lang, old=code_span(change.old_path, in_table=in_table))
    return say(f"review.{change.status}", lang)


def _field_name(name: str, lang: Lang) -> str:
    """A front-matter field as a reader names it: 施行日期 / effective."""
    if Lang(lang) is Lang.EN or f"field.{name}" not in CATALOGUE:
        return name.replace("_", " ")
    return say(f"field.{name}", lang)


def _file(change: FileChange, lang: Lang) -> _Section:
    opening: list[str] = []
    add = opening.append
    comparison = change.comparison
    add("")
    add(f"### {escape_markdown(comparison.right.title)} ({code_span(change.regulation_id)}, {_status(change, lang)})")
    add("")
    if change.source_note:
        add(say("review.source_note", lang, note=escape_markdown(change.source_note)))
        add("")
    if change.metadata and change.status != "deleted":
        key = "review.front_matter" if change.status == "added" else "review.front_matter_changed"
        add(say(key, lang, fields="; ".join(_field(m, change.status, lang) for m in change.metadata)))
    opening += folded_lines(comparison, lang)
    shown = [(i, p) for i, p in enumerate(comparison.pairs, 1) if p.changed and p.relation not in FOLDED_RELATIONS]
    if not shown:
        add("")
        add(say("review.only_front_matter", lang) if change.metadata else say("md.no_substantive", lang))
        return _Section(change, opening, [], [])
    add("")
    fold = len(shown) > FOLD_AFTER
    if fold:
        add(f"<details><summary>{say('review.changed_articles', lang, n=len(shown))}</summary>")
        add("")
    articles = []
    said = Said.of(comparison, lang)
    for i, pair in shown:
        lines: list[str] = []
        render_pair(lines, i, pair, lang, comparison.mode, said)
        lines.append("")
        articles.append(lines)
    return _Section(change, opening, articles, ["</details>"] if fold else [])


def _field(m: MetadataChange, status: str, lang: Lang) -> str:
    """``施行日期`` `2026-03-01` → `2026-04-01`; for a new file, only the value."""
    name = _field_name(m.field, lang)
    if status == "added":
        return f"{name} {code_span(m.new)}"
    none = say("review.none", lang)
    return f"{name} {code_span(m.old) if m.old is not None else none} → {code_span(m.new) if m.new is not None else none}"


def _shorten(review: Review, head: list[str], sections: list[_Section], max_chars: int, lang: Lang) -> str:
    """``head``, then whole sections and articles in order for as long as
    they, the lines closing the section they stop in and the note all fit."""
    total = sum(len(s.articles) for s in sections)
    out = list(head)
    size = _size(out)
    shown = 0  # articles
    done: list[_Section] = []  # sections begun
    current: _Section | None = None  # the section begun and not yet closed
    in_current = 0  # its articles shown

    def tail(section: _Section | None, kept: int, articles: int, sections_begun: int) -> list[str]:
        """What ends the output if it stops here: the open section's closing
        (after a line saying how many of its articles are left out), the note."""
        lines = []
        if section is not None:
            if kept < len(section.articles):
                lines.append(say("review.left_out_here", lang, more=count("count.more_changed", len(section.articles) - kept, lang)))
                if section.closing:
                    lines += [""] + section.closing
            else:
                lines += section.closing
        partly = section if section is not None and kept < len(section.articles) else None
        return lines + _note(review, max_chars, total - articles, total, partly, sections[sections_begun:], lang)

    for section in sections:
        cost = _size(section.opening)
        if size + cost + _size(tail(section, 0, shown, len(done) + 1)) > max_chars:
            break
        out += section.opening
        size += cost
        done.append(section)
        current, in_current = section, 0
        for article in section.articles:
            cost = _size(article)
            if size + cost + _size(tail(section, in_current + 1, shown + 1, len(done))) > max_chars:
                break
            out += article
            size += cost
            in_current += 1
            shown += 1
        if in_current < len(section.articles):
            break
        out += section.closing
        size += _size(section.closing)
        current = None
    return _join(out + tail(current, in_current, shown, len(done)))


def _note(
    review: Review, max_chars: int, left_out: int, total: int, partly: _Section | None, omitted: list[_Section], lang: Lang
) -> list[str]:
    """The closing note of a shortened review: how much was left out (of
    ``partly`` some articles, of ``omitted`` whole sections), and the commands
    that show everything."""
    where = []
    if partly is not None:
        where.append(say("review.in_part", lang, id=code_span(partly.change.regulation_id)))
    if omitted:
        where.append(say("review.entirely", lang, regulations=count("count.regulation", len(omitted), lang)))
    limit = say("review.limit", lang, n=f"{max_chars:,}")
    if max_chars == MAX_CHARS:
        limit += say("review.github_limit", lang)
    base, head = review.base_commit[:7], review.head_commit[:7]
    everything = say("review.everything", lang, base=base, head=head)
    if any(s.change.status == "modified" for s in ([partly] if partly else []) + omitted):
        everything += say("review.in_place", lang, base=base, head=head)
    parts = say("review.where", lang, parts="; ".join(where)) if where else ""
    return [
        "",
        "---",
        "",
        say("review.shortened", lang, limit=limit, left_out=left_out, total=count("count.changed", total, lang), where=parts),
        "",
        everything + ("。" if Lang(lang) is Lang.ZH else "."),
    ]


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
                "metadata": [{"field": m.field, "old": m.old, "new": m.new} for m in c.metadata],
                "source_note": c.source_note,
                "comparison": comparison_data(c.comparison) if c.comparison else None,
            }
            for c in review.changes
        ],
        "decisions": [
            {
                "path": d.path,
                "left": d.left_id,
                "right": d.right_id,
                "problem": d.problem,
                "added": [_record_data(r) for r in d.added],
                "removed": [_record_data(r) for r in d.removed],
            }
            for d in review.decisions
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _record_data(record) -> dict:
    """A decision as its line of the decisions file reads, as JSON data."""
    return json.loads(record_line(record))
