"""The structure read from a source's lines: which lines open articles and
divisions, the drafts of articles being built, and how drafts become the
model's Articles and Divisions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from fagui.model import Article, ArticleKey, Division, Paragraph
from fagui.text.items import nest_items, parse_marker
from fagui.text.labels import Label

DIVISION_TITLE_RE = re.compile(r"^[ \t\u3000]*([^。，；：]{0,40})$")
"""What may follow a division's label on its line: its title, nothing else."""
EFFECTIVE_CLAUSE_RE = re.compile(r"自.{0,40}起(?:施行|执行|生效)。$")
LAST_WORDS_RE = re.compile(
    r"^[^\n]{0,200}(?:本(?:法|规定|条例|办法|细则|规则|决定|解释|准则|意见|实施办法|实施细则)|废止|失效|停止执行|不再执行|作废)[^\n]*。$"
)
"""A paragraph after the effective-date clause that is still the last
article's: it speaks of the regulation itself or of what it repeals
(本解释施行后尚未终审的……适用本解释。 ……《某某办法》同时废止。)."""
HEADING_TAIL_RE = re.compile(r"^[^。；：;:！？]{1,30}$")
"""The rest of a heading the source wrapped onto a line of its own
(### 第四章 犯罪嫌疑人、被告人逃匿、死亡案件 / 违法所得的没收程序): short, no sentence
punctuation; a comma only where the heading broke off after one (……乡长、 / 副乡长，镇长……)."""
GROUP_HEADING_RE = re.compile(
    r"^[一二三四五六七八九十]{1,3}、[^，。；：！？\s]{1,20}"
    r"(?<!本法)(?<!本条例)(?<!本规定)(?<!本办法)(?<!本细则)(?<!本解释)(?<!违反)(?<!依照)(?<!按照)(?<!参照)(?<!根据)(?<!依据)$"
)
"""一、受理和管辖: the heading of a group of articles (judicial interpretations have them),
when an article follows it. No division holds it, so it is dropped and audited, never glued to
the article before. Not when it ends where a reference would go on (一、违反本条例 / 第三条规定施工的)."""
TERMINAL = "。；：！？…”’」』）)》"
"""Characters that may end a paragraph; a line ending otherwise before a line
that is not a new structural unit was split by a page break."""


def ends_paragraph(text: str) -> bool:
    """Whether a paragraph may end with ``text``: on a character of :data:`TERMINAL`."""
    return text[-1:] in TERMINAL


GROUP_HEADING_REASON = "heading of a group of articles (一、受理和管辖): no division holds it"


def group_heading(text: str, following: Label | None) -> bool:
    """Whether ``text`` is the heading of a group of articles
    (:data:`GROUP_HEADING_RE`): the next line opens with an article's label."""
    return following is not None and following.kind == "条" and bool(GROUP_HEADING_RE.match(text))


def last_words(text: str) -> bool:
    """Whether a paragraph after the effective-date clause is still the last
    article's (:data:`LAST_WORDS_RE`)."""
    return bool(LAST_WORDS_RE.match(text))


def heading_tail(title: str, text: str, following: str) -> bool:
    """Whether ``text``, on the line after a heading titled ``title``, is the
    rest of that title (:data:`HEADING_TAIL_RE`): not an item, and followed
    by a line of kind ``following`` that is an article or another heading."""
    if not HEADING_TAIL_RE.match(text) or parse_marker(text) is not None or following not in ("article", "division"):
        return False
    return not re.search("[，,]", text) or title[-1:] in "，、,"


@dataclass
class Block:
    """A paragraph or item being built: its text and where it came from."""

    text: str
    line: int
    last_line: int
    marker: str | None = None
    style: str | None = None
    number: int = 0


@dataclass
class ArticleDraft:
    """An article being built: its number, canonical label, first line and blocks so far."""

    number: int
    label: str
    line: int
    blocks: list[Block] = field(default_factory=list)
    suffix: int = 0

    @property
    def key(self) -> ArticleKey:
        return ArticleKey(self.number, self.suffix)


@dataclass
class DivisionDraft:
    """A division (编, 分编, 章, 节) being built: its kind, number, canonical
    label and title (which may grow by a line the source wrapped), and the
    divisions and articles it holds so far."""

    kind: str
    number: int
    label: str
    title: str
    children: list[DivisionDraft | ArticleDraft] = field(default_factory=list)


def opens_article(text: str, label: Label | None) -> bool:
    """Whether a line opens an article: its label, then a space of any width
    (U+3000, U+2002 as web pages set it, ...) or nothing. A label read through
    spaces (第 三 条, a letter-spaced line) opens one only where the parser
    finds one due, as a label glued to its text does: mid-sentence it is a
    cross-reference a page break split."""
    if label is None or label.kind != "条" or any(text[i].isspace() for i in label.invisible):
        return False
    after = text[label.end : label.end + 1]
    return after == "" or after.isspace()


REFERENCE_GOES_ON_RE = re.compile(r"^(?:的|规定|之规定|所称|所列|中|至|和|及|或者|、|，|,|第)")
"""What follows 第一条 in a cross-reference (第一条的规定, 第一条第二款, 第一条、第三条), not an article's text."""


def opens_first_article(text: str, label: Label | None) -> bool:
    """Whether a line opens the first article with its text glued to the
    label (第一条为了……): 第一条 is always due, unless what follows goes on
    with a reference (……《某某法》 / 第一条的规定，……)."""
    return label is not None and label.kind == "条" and label.key == (1, 0) and not REFERENCE_GOES_ON_RE.match(text[label.end :])


def division_title(text: str, label: Label | None, heading: bool = False) -> str | None:
    """The title of a division heading line (may be ""), or None for a line
    that is no division heading. On a line the source marks as a heading the
    title may have any punctuation (第五节 生活、卫生。)."""
    if label is None or label.kind == "条":
        return None
    if heading:
        return text[label.end :].strip(" \t\u3000")
    m = DIVISION_TITLE_RE.match(text[label.end :])
    return m.group(1) if m else None


def key_text(key: ArticleKey) -> str:
    return f"{key[0]}之{key[1]}" if key[1] else str(key[0])


def build_paragraphs(draft: ArticleDraft) -> tuple[tuple[Paragraph, ...], list[str]]:
    paragraphs: list[tuple[str, list]] = []
    for block in draft.blocks:
        if block.marker is None or not paragraphs:
            if block.marker is not None:
                # An item with no introducing paragraph: keep it as a paragraph.
                paragraphs.append((block.marker + block.text, []))
            else:
                paragraphs.append((block.text, []))
        else:
            paragraphs[-1][1].append((block.style, block.number, block.marker, block.text))
    out = []
    warnings: list[str] = []
    for text, items in paragraphs:
        nested, item_warnings = nest_items(items)
        warnings.extend(item_warnings)
        out.append(Paragraph(text, nested))
    return tuple(out), warnings


DIVISION_COUNTS = {"编": "parts", "分编": "subparts", "章": "chapters", "节": "sections"}
"""What the audit counts a division of each kind as."""

COUNT_ORDER = ("articles", "parts", "subparts", "chapters", "sections", "paragraphs", "items")
"""The audit's counts in the order it lists them (divisions only when there are any)."""


def ordered_counts(counts: Counter) -> tuple[tuple[str, int], ...]:
    """``counts`` as the audit lists them (:data:`COUNT_ORDER`)."""
    return tuple((k, counts[k]) for k in COUNT_ORDER if k in ("articles", "paragraphs", "items") or counts[k])


def count_items(items) -> int:
    return sum(1 + count_items(i.items) for i in items)


def freeze(node: DivisionDraft | ArticleDraft, articles: dict, counts: Counter) -> Division | Article:
    """The model's Division or Article of a draft (``articles`` holds each
    article draft's Article, by id); ``counts`` counts the divisions by kind
    and the articles."""
    if isinstance(node, ArticleDraft):
        counts["articles"] += 1
        return articles[id(node)]
    counts[DIVISION_COUNTS[node.kind]] += 1
    return Division(node.kind, node.number, node.label, node.title, tuple(freeze(c, articles, counts) for c in node.children))
