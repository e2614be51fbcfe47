"""Amended versions of a corpus regulation, built the way a real amendment is:
articles inserted, amended, deleted, split or moved, then every article
renumbered in reading order and every 本规定第N条 reference following the
renumbering."""

from __future__ import annotations

import dataclasses
import re

from fagui.text.numerals import to_chinese, to_int
from fagui.model import Article, Division, Paragraph, Regulation

_REFERENCE_RE = re.compile(r"(本(?:规定|条例|办法)第)([一二三四五六七八九十百]+)(条)")


def amend(
    original: Regulation,
    *,
    insert_after: dict[int, str] | None = None,
    amend: dict[int, str] | None = None,
    delete: set[int] = frozenset(),
    split: set[int] = frozenset(),
    move_to_end_of_chapter: dict[int, int] | None = None,
) -> Regulation:
    """``original`` with, by original article number: a new one-paragraph
    article inserted after each key of ``insert_after``; the first paragraph
    of each key of ``amend`` replaced; the articles in ``delete`` removed;
    those in ``split`` split into one article per paragraph; each key of
    ``move_to_end_of_chapter`` moved to the end of the chapter numbered by its
    value. Then renumbered, with cross-references updated."""
    insert_after, amend, moves = insert_after or {}, amend or {}, move_to_end_of_chapter or {}

    def edit(node):
        if isinstance(node, Division):
            children = [x for child in node.children for x in edit(child)]
            children += [original.article(n) for n, chapter in moves.items() if chapter == node.number]
            return [dataclasses.replace(node, children=tuple(children))]
        n = node.number
        if n in delete or n in moves:
            return []
        if n in amend:
            node = dataclasses.replace(node, paragraphs=(Paragraph(amend[n]),) + node.paragraphs[1:])
        out = [dataclasses.replace(node, paragraphs=(p,)) for p in node.paragraphs] if n in split else [node]
        if n in insert_after:
            out.append(Article(0, "", (Paragraph(insert_after[n]),)))
        return out

    body = [x for node in original.body for x in edit(node)]
    numbers: dict[int, int] = {}
    counter = iter(range(1, 10_000))

    def renumber(node):
        if isinstance(node, Division):
            return dataclasses.replace(node, children=tuple(renumber(c) for c in node.children))
        new = next(counter)
        if node.number:
            numbers.setdefault(node.number, new)
        return dataclasses.replace(node, number=new, label=f"第{to_chinese(new)}条")

    body = [renumber(node) for node in body]

    def reference(m: re.Match) -> str:
        old = to_int(m.group(2))
        return m.group(1) + to_chinese(numbers.get(old, old)) + m.group(3)

    def fix(node):
        if isinstance(node, Division):
            return dataclasses.replace(node, children=tuple(fix(c) for c in node.children))
        paragraphs = tuple(dataclasses.replace(p, text=_REFERENCE_RE.sub(reference, p.text)) for p in node.paragraphs)
        return dataclasses.replace(node, paragraphs=paragraphs)

    return dataclasses.replace(original, body=tuple(fix(node) for node in body))
