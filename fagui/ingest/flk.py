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

The header moves to front matter; every line of it is listed in the audit.
"""

from __future__ import annotations

import re

from fagui.errors import FaguiError
from fagui.ingest import metadata as meta
from fagui.ingest.layout import LineDrop, Prepared

_FIELD_RE = re.compile(r"^[ \t\u3000]*([^\s:：]{2,8})[ \t\u3000]*[:：][ \t\u3000]*(.*?)[ \t\u3000]*$")
_RULE_RE = re.compile(r"^[ \t\u3000]*(?:={3,}|-{3,}|＝{3,})[ \t\u3000]*$")
_FIELDS = {
    "标题": "title", "名称": "title", "法规名称": "title",
    "类型": "kind", "法律性质": "kind", "效力级别": "kind",
    "发布机关": "issuer", "制定机关": "issuer",
    "发布日期": "promulgated", "公布日期": "promulgated",
    "生效日期": "effective", "施行日期": "effective",
    "状态": "status", "时效性": "status",
    "来源": "source", "原文链接": "source",
}
_STATUS = {"有效": "现行有效", "现行有效": "现行有效", "已修改": "已修改", "已被修改": "已修改", "已废止": "已废止", "废止": "已废止", "失效": "已废止", "尚未生效": "尚未生效"}
_ISO_RE = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$")
_HEADER_LINES = 20


def recognise(lines: list[str]) -> bool:
    """A 标题 field first and a ==== rule after a few more fields."""
    content = [line for line in lines[: _HEADER_LINES + 5] if line.strip()]
    if not content or not (m := _FIELD_RE.match(content[0])) or _FIELDS.get(m.group(1)) != "title":
        return False
    return any(_RULE_RE.match(line) for line in content[1 : _HEADER_LINES + 1])


def prepare(text: str, encoding: str, line_ends: str, source: str) -> Prepared:
    """The flk export ``text`` made ready for the parser: the header lines
    dropped (their fields moved to front matter). Raises FaguiError naming
    the line for a date that does not exist."""
    lines = text.split("\n")
    rule = next(i for i, line in enumerate(lines) if _RULE_RE.match(line))
    found: dict = {}
    drops: list[LineDrop] = []
    for i in range(rule):
        line = lines[i]
        m = _FIELD_RE.match(line)
        field = _FIELDS.get(m.group(1)) if m else None
        if not line.strip():
            continue
        if field is None or not m.group(2):
            drops.append(LineDrop(i + 1, i + 1, "flk export header: a field front matter has no place for"))
            continue
        value = m.group(2)
        if field in ("promulgated", "effective"):
            value = _date(value, source, i + 1)
            if value is None:
                drops.append(LineDrop(i + 1, i + 1, f"flk export header: {m.group(1)} is not a date"))
                continue
        elif field == "status":
            value = _STATUS.get(value, value)
        elif field == "title":
            value = value.replace(" ", "").replace("\u3000", "")
        found.setdefault(field, value)
        drops.append(LineDrop(i + 1, i + 1, f"flk export header: moved to front matter ({field})"))
    drops.append(LineDrop(rule + 1, rule + 1, "flk export header: the rule that ends it"))
    return Prepared(text, encoding, line_ends, "flk", tuple(drops), (), tuple(found.items()))


def _date(value: str, source: str, line: int) -> str | None:
    m = _ISO_RE.match(value)
    try:
        if m:
            return meta.iso_date(f"{m.group(1)}年{m.group(2)}月{m.group(3)}日")
        return meta.iso_date(value) if meta.DATE_LINE_RE.match(value) else None
    except meta.ImpossibleDate as exc:
        raise FaguiError(str(exc), source, line) from None
