"""Regulation <-> canonical Markdown.

The canonical form (docs/canonical-markdown.md): YAML front matter, ``#``
title, the preamble as paragraphs, divisions as headings (编 ``##``, then one
level deeper for each contained kind), each article a heading of its own whose
text is exactly its label (第七条), one level below its container, and each
paragraph (款), item (项) and sub-item (目) a Markdown paragraph on one line.
``write_regulation(read_regulation(text)) == text`` for canonical text.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator

from fagui.errors import FaguiError
from fagui.model.regulation import ID_RE
from fagui.model import HISTORY_KEYS, METADATA_FIELDS, Article, ArticleKey, Division, HistoryEntry, Metadata, Paragraph, Regulation
from fagui.text.items import nest_items, parse_marker
from fagui.text.labels import MalformedLabel, read_label

# A paragraph line that would otherwise open a Markdown block construct
# (heading, quote, list, code, HTML, thematic break) gets a backslash.
_BLOCK_START_RE = re.compile(r"^(?:[#>*+\-=_~`<|\\]|\d+[.)])")
_PLAIN_VALUE_RE = re.compile(r"^[^\s'\"#:{}\[\],&*!|>%@`-][^#]*$")

DATE_FIELDS = ("adopted", "promulgated", "effective", "date")
"""Front-matter fields (and the history key) that hold a date."""

_md = None
"""markdown-it's CommonMark parser, made on first use (:func:`_parsed_blocks`:
text laid out as canonical Markdown is read without it). The reader takes
each heading's and paragraph's source text (an inline token's ``content``,
set by the block parse) and never its parsed children, so the inline parse,
a quarter of the reading time, is not run (tests/test_markdown.py checks the
same Regulation, or the same error, as a full CommonMark parse gives)."""

_OTHER_BLOCK_RE = re.compile(r"[#>*+\-=_~`<|\[]|\d+[.)]")
"""How a line opens that CommonMark may read as something other than a
paragraph of that line (a heading, quote, list, break, fence, HTML, link
reference definition): :func:`_canonical_blocks` leaves such a body to
markdown-it (the writer escapes these in a paragraph: ``\\#``)."""


# -- writing -----------------------------------------------------------------

CANONICAL_START = b"---\ntitle:"
"""How canonical Markdown opens: front matter whose first field is the
title (an flk mirror's YAML, which opens with its record id, is a raw source)."""


def is_canonical(raw: bytes) -> bool:
    """Whether ``raw`` opens as canonical Markdown does (a UTF-8 BOM aside):
    front matter whose first field is the title and every field one canonical
    Markdown has (a mirror of flk.npc.gov.cn may open with ``title:`` too,
    then has ``office:``, ``publish:`` ...: a raw source)."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    if not raw.startswith(CANONICAL_START):
        return False
    head = raw[4:].split(b"\n---\n", 1)[0]
    keys = {line.split(b":", 1)[0].decode("utf-8", "replace") for line in head.split(b"\n") if line[:1] not in (b" ", b"-", b"")}
    return keys <= {*METADATA_FIELDS, "history"}


def write_regulation(regulation: Regulation) -> str:
    """The canonical Markdown of a regulation (UTF-8 text, LF, final newline).

    A front-matter value that holds a line break or another control
    character is written JSON-quoted (``"https://x\\n---"``), so it cannot end
    the front matter or open a heading. A title, heading, label or paragraph
    that holds a line break cannot be written as one line: FaguiError."""
    _check_lines(regulation)
    blocks: list[str] = ["---\n" + _front_matter(regulation.metadata) + "---"]
    blocks.append(f"# {regulation.metadata.title}")
    blocks.extend(_escape(p) for p in regulation.preamble)

    def walk(nodes, level: int) -> None:
        for node in nodes:
            if isinstance(node, Article):
                blocks.append(f"{'#' * level} {node.label}")
                blocks.extend(_escape(b) for b in node.blocks())
            else:
                blocks.append(f"{'#' * level} {node.heading}")
                walk(node.children, level + 1)

    walk(regulation.body, 2)
    return "\n\n".join(blocks) + "\n"


def _front_matter(metadata: Metadata) -> str:
    lines = [f"{k}: {_yaml_value(v)}\n" for k, v in metadata.items()]
    if metadata.implements:
        lines.append(f"implements: [{', '.join(metadata.implements)}]\n")
    if metadata.history:
        lines.append("history:\n")
        for entry in metadata.history:
            lines += [
                f"{'  - ' if i == 0 else '    '}{key}: {_yaml_value(getattr(entry, key))}\n"
                for i, key in enumerate(HISTORY_KEYS)
            ]
    return "".join(lines)


_LINE_BREAK_RE = re.compile(r"[\n\r]")
"""What ends a line for the reader (CommonMark: LF, CR)."""
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""What a plain front-matter value must not hold (JSON-quoted, each as \\uXXXX)."""


def _check_lines(regulation: Regulation) -> None:
    """Refuse a title, heading, label or paragraph holding a line break:
    written, it would split into lines that read as other headings or articles."""
    def check(what: str, text: str) -> None:
        if _LINE_BREAK_RE.search(text):
            raise FaguiError(f"the {what} holds a line break, which would be read as more lines of the text: {text!r}")

    check("title", regulation.metadata.title)
    for line in regulation.preamble:
        check("preamble", line)

    def walk(nodes) -> None:
        for node in nodes:
            if isinstance(node, Article):
                check("article label", node.label)
                for block in node.blocks():
                    check(f"text of {node.label}", block)
            else:
                check("heading", node.heading)
                walk(node.children)

    walk(regulation.body)


def _read_as_markup(line: str) -> bool:
    """Whether CommonMark could read ``line``, alone between blank lines, as
    something other than a paragraph of that text: a heading, quote, list,
    break, fence, HTML or table line (:data:`_BLOCK_START_RE`), or a link
    reference definition, which a reader drops (``[label]: destination``:
    a ``[`` line holding ``]:``)."""
    return bool(_BLOCK_START_RE.match(line)) or (line.startswith("[") and "]:" in line)


def _escape(line: str) -> str:
    return "\\" + line if _read_as_markup(line) else line


def _yaml_value(value: str) -> str:
    if _CONTROL_RE.search(value):
        return _CONTROL_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or (_PLAIN_VALUE_RE.match(value) and ": " not in value and value.strip() == value):
        return value
    return json.dumps(value, ensure_ascii=False)


# -- reading -----------------------------------------------------------------

def read_regulation(text: str, path: str | None = None) -> Regulation:
    """Parse canonical (or near-canonical) Markdown into a Regulation.

    Raises FaguiError, naming ``path`` and the line, when the text has no
    front matter, no title, no articles, a duplicate article, or content
    outside the structure (a list, a table, text before the title).
    """
    where = path or "<markdown>"
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    fields, body, offset = _split_front_matter(text, where)
    blocks = _canonical_blocks(body, offset)
    title: str | None = None
    preamble: list[str] = []
    stack: list[tuple[int, list]] = [(1, [])]  # (heading level, children)
    divisions: list[tuple[str, int, str, str, list]] = []  # (kind, number, label, title, children)
    article: dict | None = None
    seen: dict[ArticleKey, int] = {}
    for heading, level, content, line in _parsed_blocks(body, offset, where) if blocks is None else blocks:
        if heading:
            content = content.strip()
            if level == 1:
                if title is not None:
                    raise FaguiError("a second title (# heading)", where, line)
                title = content
                continue
            if title is None:
                raise FaguiError("heading before the # title", where, line)
            article = _close_article(article, stack)
            try:
                label = read_label(content)
            except MalformedLabel as exc:
                raise FaguiError(str(exc), where, line) from None
            if label is not None and label.kind == "条" and label.end == len(content):
                if label.key in seen:
                    raise FaguiError(f"duplicate article {label.text} (first at line {seen[label.key]})", where, line)
                seen[label.key] = line
                while len(stack) > 1 and stack[-1][0] >= level:
                    _close_division(stack, divisions)
                article = {"key": label.key, "label": label.text, "blocks": [], "line": line}
                continue
            rest = content[label.end :] if label is not None else ""
            if label is None or label.kind == "条" or not (rest == "" or (rest[0] == " " and rest[1:].strip())):
                raise FaguiError(f"heading is neither an article nor a division: {content!r}", where, line)
            while len(stack) > 1 and stack[-1][0] >= level:
                _close_division(stack, divisions)
            children: list = []
            divisions.append((label.kind, label.number, label.text, rest[1:], children))
            stack.append((level, children))
            continue
        content = _unescape(content)
        if "\n" in content:
            raise FaguiError("a paragraph must be one line", where, line)
        if article is not None:
            article["blocks"].append(content)
        elif title is not None and len(stack) == 1:
            preamble.append(content)
        else:
            raise FaguiError("text outside any article", where, line)
    if title is None:
        raise FaguiError("no # title", where)
    _close_article(article, stack)
    while len(stack) > 1:
        _close_division(stack, divisions)
    if not seen:
        raise FaguiError("no articles (no heading 第…条)", where)
    if fields.get("title") not in (None, title):
        raise FaguiError(f"front matter title {fields['title']!r} differs from the # title {title!r}", where, 2)
    fields["title"] = title
    return Regulation(Metadata(**fields), tuple(preamble), tuple(stack[0][1]))


def _canonical_blocks(body: str, offset: int) -> list[tuple[bool, int, str, int]] | None:
    """The blocks of ``body`` (the text after the front matter, which ends
    on line ``offset``) as :func:`_parsed_blocks` gives them, read without
    markdown-it, when the body is laid out as the writer lays it out: a blank
    line, then lines each followed by one blank line (the last by the end of
    the text), each an ATX heading (``#`` to ``######``, one space, text that
    neither starts nor ends with a space nor ends with ``#``) or a line no
    Markdown block but a paragraph can open (:data:`_OTHER_BLOCK_RE`), with
    no space at either end, no CR and no NUL (which CommonMark reads as a
    line break and U+FFFD). Anything else: None, and markdown-it reads it.
    Why: markdown-it's import and parse are a sixth of a first ``fagui
    diff``; the property tests in tests/test_markdown.py check that this
    gives what markdown-it gives for any body it accepts."""
    if not (body.startswith("\n") and body.endswith("\n")) or "\r" in body or "\0" in body:
        return None
    blocks = []
    line = offset + 2
    for block in body[1:-1].split("\n\n"):
        if not block or "\n" in block or block != block.strip():
            return None
        if block[0] == "#":
            level = len(block) - len(block.lstrip("#"))
            content = block[level + 1 :]
            if level > 6 or block[level : level + 1] != " " or content != content.strip() or not content or content[-1] == "#":
                return None
            blocks.append((True, level, content, line))
        elif _OTHER_BLOCK_RE.match(block):
            return None
        else:
            blocks.append((False, 0, block, line))
        line += 2
    return blocks


def _parsed_blocks(body: str, offset: int, where: str) -> Iterator[tuple[bool, int, str, int]]:
    """Each heading and paragraph of ``body`` (the text after the front
    matter, which ends on line ``offset``) as markdown-it reads it, in order:
    (whether a heading, its level, its source text, its line). Any other
    Markdown block: FaguiError naming its line, when the reader gets there."""
    global _md
    if _md is None:
        from markdown_it import MarkdownIt  # here: canonical text is read without it (_canonical_blocks)

        _md = MarkdownIt("commonmark").disable("inline")
    tokens = _md.parse(body)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = offset + (tok.map[0] + 1 if tok.map else 0)
        if tok.type in ("heading_open", "paragraph_open"):
            heading = tok.type == "heading_open"
            yield heading, int(tok.tag[1]) if heading else 0, tokens[i + 1].content, line
            i += 3
            continue
        raise FaguiError(f"unexpected Markdown ({tok.type.replace('_open', '')}) in a regulation", where, line)


def _split_front_matter(text: str, where: str) -> tuple[dict, str, int]:
    if not text.startswith("---\n"):
        raise FaguiError("no front matter (the file must start with ---)", where, 1)
    end = text.find("\n---\n", 3)
    if end < 0:
        raise FaguiError("front matter is not closed by ---", where, 1)
    fields: dict = {}
    lines = text[4:end].split("\n")
    n = 0
    while n < len(lines):
        line, number = lines[n], n + 2
        n += 1
        if line == "history:" and "history" not in fields:
            entries = []
            while n < len(lines) and lines[n].startswith("  - "):
                entry = {}
                for i, key in enumerate(HISTORY_KEYS):
                    prefix = ("  - " if i == 0 else "    ") + key + ": "
                    if n >= len(lines) or not lines[n].startswith(prefix):
                        raise FaguiError(f"history entry: expected {prefix.strip()!r}", where, n + 2)
                    entry[key] = _value(lines[n][len(prefix) :], key, where, n + 2)
                    n += 1
                entries.append(HistoryEntry(**entry))
            if not entries:
                raise FaguiError("history: no entries ('  - date: ...')", where, number)
            fields["history"] = tuple(entries)
            continue
        key, sep, value = line.partition(": ")
        if key == "implements" and sep and "implements" not in fields:
            fields["implements"] = _id_list(value, where, number)
            continue
        if not sep or key not in METADATA_FIELDS:
            raise FaguiError(f"front matter line is not 'field: value' with a known field: {line!r}", where, number)
        if key in fields:
            raise FaguiError(f"front matter field {key} twice", where, number)
        fields[key] = _value(value, key, where, number)
    body = text[end + 5 :]
    return fields, body, text[: end + 5].count("\n")


def _id_list(written: str, where: str, line: int) -> tuple[str, ...]:
    """``[ID, ID, ...]``: a flow list of corpus ids (``national/fire-law``)."""
    if not (written.startswith("[") and written.endswith("]")):
        raise FaguiError("implements: expected a list of ids, [national/some-law, ...]", where, line)
    ids = tuple(x.strip() for x in written[1:-1].split(",") if x.strip())
    for regulation_id in ids:
        if not ID_RE.fullmatch(regulation_id):
            raise FaguiError(f"implements: {regulation_id!r} is not an id (jurisdiction/slug in a-z, 0-9, -)", where, line)
    return ids


def _value(written: str, key: str, where: str, line: int) -> str:
    """A front-matter value as written (plain or JSON-quoted), checked."""
    value = written
    if written.startswith('"'):
        try:
            value = json.loads(written)
        except ValueError:
            raise FaguiError(f"bad quoted value for {key}", where, line) from None
    if key in DATE_FIELDS and not _is_date(value):
        raise FaguiError(f"{key} {value!r} is not a date (YYYY-MM-DD) that exists", where, line)
    return value


def _is_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _unescape(content: str) -> str:
    return content[1:] if content.startswith("\\") and _read_as_markup(content[1:]) else content


def _close_article(article: dict | None, stack: list) -> None:
    if article is None:
        return None
    # Items follow the paragraph that introduces them.
    paragraphs: list[tuple[str, list]] = []
    for block in article["blocks"]:
        marker = parse_marker(block)
        if marker is not None and paragraphs:
            paragraphs[-1][1].append(marker)
        else:
            paragraphs.append((block, []))
    built = tuple(Paragraph(text, nest_items(items)[0]) for text, items in paragraphs)
    number, suffix = article["key"]
    stack[-1][1].append(Article(number, article["label"], built, suffix))
    return None


def _close_division(stack: list, divisions: list) -> None:
    _, children = stack.pop()
    kind, number, label, title, _ = next(d for d in reversed(divisions) if d[4] is children)
    stack[-1][1].append(Division(kind, number, label, title, tuple(children)))
