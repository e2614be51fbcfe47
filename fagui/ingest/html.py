"""Saved web pages, read with lxml's HTML parser.

Block elements (p, div, li, headings, table rows) and ``<br>`` end lines;
the text inside a block is joined with HTML's whitespace rules (runs of
spaces and line ends are one space; ideographic spaces and no-break spaces
are kept, so indentation is seen and counted as such). Page chrome is read
and dropped with its reason, so the audit lists it: the head, scripts and
styles, navigation, headers, footers, forms; lines before the regulation's
title (breadcrumbs, site names); and toolbar, copyright and ICP lines.
"""

from __future__ import annotations

import re

from fagui.errors import FaguiError
from fagui.ingest import metadata as meta
from fagui.ingest.layout import Prepared, Source, from_lines
from fagui.text.normalise import normalise

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|h[1-6]|table|section|article)\b", re.I | re.S
)
"""A page, or a page's body saved alone (a wiki's or an editor's HTML: ``<p>`` first)."""
_COMMENT_TITLE_RE = re.compile(r"^[ \t]*title[ \t]*[:：][ \t]*(\S.*?)[ \t]*$", re.M)
_BLOCKS = {
    "address", "article", "blockquote", "center", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody", "td", "th",
    "thead", "tfoot", "tr", "ul",
}
_CHROME = {
    "head": "web page head (title, metadata)",
    "script": "web page script",
    "style": "web page style sheet",
    "noscript": "web page script fallback",
    "template": "web page template",
    "nav": "web page navigation",
    "header": "web page header",
    "footer": "web page footer",
    "aside": "web page sidebar",
    "form": "web page form",
    "button": "web page button",
    "select": "web page form",
    "iframe": "web page frame",
    "svg": "web page image",
}
_TOOLBAR_RE = re.compile(r"^[【\[]?\s*(?:字[体号]|打印本页|关闭窗口|收藏本页|分享到|【打印】|【关闭】|上一篇|下一篇|返回顶部|返回$)")
_FOOTER_RE = re.compile(r"ICP[备证]|公网安备|网站标识码|版权所有|Copyright|©|主办单位|承办单位|技术支持|网站地图|联系我们|建议使用.{0,20}浏览器")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NUMBER_ONLY_RE = re.compile(r"^\d{1,4}$")
"""A line of nothing but a number: an article's anchor or a page number, never a regulation's text."""
_ARTICLE_RE = re.compile(r"^第[^条]{1,12}条")
_PART_NAME_RE = re.compile(r"^(?:总则|分则|附则)$")
"""A code's parts as a page heads them (合同法: 总则, 分则, 附则): no division holds them."""
_EDITION_RE = re.compile(r"[（(]\d{4}年(?:版|修订|修正)?[）)]$")
"""An edition note a wiki adds to a page's name: 土地调查条例（2018年版）."""


def recognise(source: Source) -> bool:
    """Whether the text is an HTML page: it opens (after comments) with a doctype,
    an html, head, body, meta or title tag, or a block such as ``<p>``."""
    return bool(_HTML_START.match(source.decoded.text[:4096]))


def prepare(source: Source) -> Prepared:
    """The regulation's lines of a saved web page. Raises FaguiError when the
    page has no text at all."""
    text, encoding, source = source.decoded.text, source.decoded.encoding, source.name
    import lxml.html  # loaded only for web pages

    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml's ParserError, and ValueError for an empty document
        raise FaguiError(f"not a readable web page ({type(exc).__name__})", source) from None
    lines: list[tuple[str, str | None]] = []
    current: list[str] = []
    in_heading = [0]  # a <br> inside h1-h6 wraps the heading, which stays one line
    headings: set[int] = set()  # lines the page marks as headings (h1-h6)

    def flush() -> None:
        line = "".join(current).strip(" ")
        current.clear()
        if line:
            if in_heading[0]:
                headings.add(len(lines))
            lines.append((line, None))

    def walk(element) -> None:
        if isinstance(element, lxml.html.HtmlComment):
            flush()
            lines.extend((line, "web page comment") for line in (element.text or "").split("\n") if line.strip())
            return
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _CHROME:
            flush()
            chrome = _SPACES.sub(" ", element.text_content()).strip()
            if chrome:
                lines.append((chrome, _CHROME[tag]))
            return
        block = tag in _BLOCKS or (tag == "br" and not in_heading[0])
        if block:
            flush()
        if tag and element.text:
            current.append(_SPACES.sub(" ", element.text))
        in_heading[0] += tag in _HEADINGS
        for child in element:
            walk(child)
            if child.tail:
                current.append(_SPACES.sub(" ", child.tail))
        if block:
            flush()
        in_heading[0] -= tag in _HEADINGS

    # Comments before the root: a wiki's front matter (<!-- title: … -->).
    comments = [c for c in root.itersiblings(preceding=True) if isinstance(c, lxml.html.HtmlComment)]
    for comment in reversed(comments):
        walk(comment)
    walk(root)
    flush()
    if not lines:
        raise FaguiError("a web page with no text", source)
    stated = _comment_title(comments)
    marked = _mark_chrome(lines, _page_title(root) + (stated or ""), headings)
    found = (("title", stated),) if stated and not _has_title_line(marked, stated) else ()
    return from_lines(marked, f"html ({encoding})", "html", found, headings)


def _page_title(root) -> str:
    titles = root.xpath("//title/text() | //h1//text()")
    return "".join(_SPACES.sub("", t) for t in titles)


def _comment_title(comments) -> str | None:
    """The title a front-matter comment states (``title: …`` in the
    ``<!-- … -->`` Wiki.js and other wikis put before a page's body)."""
    for comment in comments:
        m = _COMMENT_TITLE_RE.search(comment.text or "")
        if m:
            title = _EDITION_RE.sub("", normalise(m.group(1))[0].replace(" ", ""))
            return title if meta.TITLE_RE.match(title) else None
    return None


def _has_title_line(lines: list[tuple[str, str | None]], title: str) -> bool:
    """Whether the page's text has a line that is the title (the parser then reads it there)."""
    return any(reason is None and normalise(line)[0].replace(" ", "") == title for line, reason in lines)


def _mark_chrome(lines: list[tuple[str, str | None]], page_title: str, headings: set[int]) -> list[tuple[str, str | None]]:
    """Mark what is kept but no part of a regulation: lines before its title,
    toolbars, numbers standing alone, the heading of a table of contents
    given as navigation, headings after the title that name a code's part
    (总则, 分则, 附则: no division holds them, and as text they would join an
    article; other headings are read as a plain text's lines are), and
    copyright and ICP lines after its last article."""
    kept = [i for i, (_, reason) in enumerate(lines) if reason is None]
    squeezed = {i: normalise(lines[i][0])[0].replace(" ", "") for i in kept}
    first_article = min((i for i in kept if _ARTICLE_RE.match(squeezed[i])), default=len(lines))
    # A title comes before the first article and is no heading (第一节 一般规定 ends like a title).
    titles = [i for i in kept if i < first_article and meta.TITLE_RE.match(squeezed[i])]
    title = next((i for i in titles if squeezed[i] in page_title), titles[0] if titles else None)
    # An order line (…令), number or date before the title starts the text too.
    header = next((i for i in kept if meta.header_kind(squeezed[i]) not in (None, "title")), None)
    start = header if title is not None and header is not None and header < title else title
    last_article = max((i for i in kept if _ARTICLE_RE.match(squeezed[i])), default=len(lines))
    heads_from = title if title is not None else first_article  # headings before it may be order lines
    out = []
    for i, (line, reason) in enumerate(lines):
        if reason is None:
            if start is not None and i < start:
                reason = "web page text before the regulation's title (navigation, site name)"
            elif len(line) <= 60 and _TOOLBAR_RE.match(squeezed[i]):
                reason = "web page toolbar"
            elif squeezed[i] == "目录" and i + 1 < len(lines) and lines[i + 1][1] == _CHROME["nav"]:
                reason = "web page table of contents (its heading; the list is navigation)"
            elif i in headings and i > heads_from and _PART_NAME_RE.match(squeezed[i]):
                reason = "web page heading naming a code's part (总则, 分则, 附则): no division holds it"
            elif _NUMBER_ONLY_RE.match(squeezed[i]):
                reason = "web page number (an article's anchor or a page number)"
            elif i > last_article and len(line) <= 200 and _FOOTER_RE.search(line):
                reason = "web page footer (copyright, ICP registration)"
        out.append((line, reason))
    return out
