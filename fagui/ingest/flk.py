"""Plain-text exports of the national database (flk.npc.gov.cn).

Tools that save a regulation from the database as text put a header of
``field: value`` lines and a ``====`` rule before the text:

```
标题: 中华人民共和国仲裁法
类型: 法律
发布机关: 全国人民代表大会常务委员会
发布日期: 2017-09-01
生效日期: 2018-01-01
状态: 有效
来源: https://flk.npc.gov.cn/detail2.html?...
==================================================
```

Tools that mirror the database as Markdown (whthomas/china-laws, for one)
write its record as YAML front matter, then the text under a ``# title``
line, with ``#`` before chapter headings:

```
---
id: "ZmY4MDgw…"
title: "专利代理条例"
office: "国务院"
publish: "2018-11-06 00:00:00"
effective_date: ""
type: "行政法规"
status: "有效"
url: "https://flk.npc.gov.cn/detail2.html?ZmY4MDgw…"
download_link_word: "https://wb.flk.npc.gov.cn/xzfg/WORD/….docx"
---

# 专利代理条例

# 第一章　总则
```

Either header moves to front matter; every line of it is listed in the audit.
"""

from __future__ import annotations

import json
import re

from fagui.errors import FaguiError
from fagui.ingest import lawrefbook
from fagui.ingest import metadata as meta
from fagui.ingest.layout import LineDrop, Prepared, Source
from fagui.text.normalise import LINE_SPACE

_FIELD_RE = re.compile(rf"^[{LINE_SPACE}]*([^\s:：]{{2,8}})[{LINE_SPACE}]*[:：][{LINE_SPACE}]*(.*?)[{LINE_SPACE}]*$")
_YAML_FIELD_RE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$")
_YAML_RULE = "---"
_RULE_RE = re.compile(rf"^[{LINE_SPACE}]*(?:={{3,}}|-{{3,}}|＝{{3,}})[{LINE_SPACE}]*$")
_FIELDS = {
    "标题": "title", "名称": "title", "法规名称": "title",
    "类型": "kind", "法律性质": "kind", "效力级别": "kind",
    "发布机关": "issuer", "制定机关": "issuer",
    "发布日期": "promulgated", "公布日期": "promulgated",
    "生效日期": "effective", "施行日期": "effective",
    "状态": "status", "时效性": "status",
    "来源": "source", "原文链接": "source",
    # the database's own field names, as mirrors write them in YAML
    "title": "title", "office": "issuer", "publish": "promulgated", "effective_date": "effective",
    "type": "kind", "status": "status", "url": "source",
}
_STATUS = {"有效": "现行有效", "现行有效": "现行有效", "已修改": "已修改", "已被修改": "已修改", "已废止": "已废止", "废止": "已废止", "失效": "已废止", "尚未生效": "尚未生效"}
_ISO_RE = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
"""2018-11-06, and 2018-11-06 00:00:00 as the database's API gives it."""
_HEADER_LINES = 20
_LINE_BREAK_RE = re.compile(r"[\n\r\x85\u2028\u2029]")


def recognise(source: Source) -> bool:
    """A 标题 field first and a ==== rule after a few more fields; or YAML
    front matter naming the database's fields (title, and a flk.npc.gov.cn
    url, office or publish)."""
    lines = source.lines
    content = [line for line in lines[: _HEADER_LINES + 5] if line.strip()]
    if content and content[0].strip() == _YAML_RULE:
        header = _yaml_header(lines)
        return header is not None and "title" in header[1] and (
            "flk.npc.gov.cn" in header[1].get("url", "") or {"office", "publish"} <= header[1].keys()
        )
    if not content or not (m := _FIELD_RE.match(content[0])) or _FIELDS.get(m.group(1)) != "title":
        return False
    return any(_RULE_RE.match(line) for line in content[1 : _HEADER_LINES + 1])


def _yaml_header(lines: list[str]) -> tuple[int, dict[str, str]] | None:
    """The index of the closing ``---`` of YAML front matter opened on the
    first line, with its ``key: value`` fields (quotes removed); None when
    the first line opens none."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != _YAML_RULE:
        return None
    fields: dict[str, str] = {}
    for i in range(first + 1, min(len(lines), first + 2 + _HEADER_LINES)):
        if lines[i].strip() == _YAML_RULE:
            return i, fields
        m = _YAML_FIELD_RE.match(lines[i])
        if m:
            fields[m.group(1)] = _unquote(m.group(2))
    return None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return json.loads(value)
        except ValueError:
            return value[1:-1]
    return value.strip("'")


def prepare(source: Source) -> Prepared:
    """The flk export made ready for the parser: the header lines
    dropped (their fields moved to front matter). Raises FaguiError naming
    the line for a date that does not exist."""
    text, encoding, line_ends = source.decoded.text, source.decoded.encoding, source.decoded.line_ends
    lines, source = source.lines, source.name
    if _yaml_header(lines) is not None:
        return _prepare_yaml(lines, text, encoding, line_ends, source)
    rule = next(i for i, line in enumerate(lines) if _RULE_RE.match(line))
    found: dict = {}
    drops: list[LineDrop] = []
    for i in range(rule):
        line = lines[i]
        m = _FIELD_RE.match(line)
        if not line.strip():
            continue
        _take_field(m.group(1) if m else "", m.group(2) if m else "", i, found, drops, source)
    drops.append(LineDrop(rule + 1, rule + 1, "flk export header: the rule that ends it"))
    return Prepared(text, encoding, line_ends, "flk", tuple(drops), (), tuple(found.items()))


def _prepare_yaml(lines: list[str], text: str, encoding: str, line_ends: str, source: str) -> Prepared:
    """A mirror's Markdown: YAML front matter, ``# title``, ``#`` headings."""
    end, fields = _yaml_header(lines)
    first = next(i for i, line in enumerate(lines) if line.strip())
    found: dict = {}
    drops = [LineDrop(first + 1, first + 1, "flk export header: the rule that opens it")]
    for i in range(first + 1, end):
        m = _YAML_FIELD_RE.match(lines[i])
        if not lines[i].strip():
            continue
        key = m.group(1) if m else ""
        _take_field(key, fields.get(key, ""), i, found, drops, source)
    drops.append(LineDrop(end + 1, end + 1, "flk export header: the rule that ends it"))
    body = next((i for i in range(end + 1, len(lines)) if lines[i].strip()), None)
    start = end + 1
    if body is not None and (title := lawrefbook.title_line(lines[body])) is not None:
        found.setdefault("title", title)
        drops.append(LineDrop(body + 1, body + 1, "title: moved to the # heading and front matter (title)"))
        start = body + 1
    body_drops, marks, inline = lawrefbook.markdown_body(lines, start)
    return Prepared(text, encoding, line_ends, "flk", tuple(drops + body_drops), tuple(marks), tuple(found.items()), inline)


def _take_field(name: str, value: str, i: int, found: dict, drops: list[LineDrop], source: str) -> None:
    """Move header field ``name`` (line index ``i``) to ``found``, or record
    why it is dropped."""
    field = _FIELDS.get(name)
    if field is not None and _LINE_BREAK_RE.search(value):
        raise FaguiError(f"flk export header: {name} holds a line break (a quoted \\n?): the value must be one line", source, i + 1)
    if field is None or not value:
        reason = "a field front matter has no place for" if field is None else f"{name} is empty"
        drops.append(LineDrop(i + 1, i + 1, f"flk export header: {reason}"))
        return
    if field in ("promulgated", "effective"):
        value = _date(value, source, i + 1)
        if value is None:
            drops.append(LineDrop(i + 1, i + 1, f"flk export header: {name} is not a date"))
            return
    elif field == "status":
        value = _STATUS.get(value, value)
    elif field == "title":
        value = value.replace(" ", "").replace("\u3000", "")
    found.setdefault(field, value)
    drops.append(LineDrop(i + 1, i + 1, f"flk export header: moved to front matter ({field})"))


def _date(value: str, source: str, line: int) -> str | None:
    m = _ISO_RE.match(value)
    try:
        if m:
            return meta.iso_date(f"{m.group(1)}年{m.group(2)}月{m.group(3)}日")
        return meta.iso_date(value) if meta.DATE_LINE_RE.match(value) else None
    except meta.ImpossibleDate as exc:
        raise FaguiError(str(exc), source, line) from None
