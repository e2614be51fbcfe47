"""The seed regulations written in the layouts users bring: LawRefBook
Markdown, an flk text export, a Word .docx and a saved web page.

Each is made from a seed's raw source (or, for LawRefBook, from its
canonical text), the way those sources lay a regulation out, with the noise
each kind of source has.
"""

from __future__ import annotations

import html
import io
import re

import docx
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

from fagui.model import Article, Regulation


def lawrefbook(regulation: Regulation) -> str:
    """A LawRefBook file: ``#`` title, 题注, INFO END, ``##`` chapter headings
    written with a space inside a two-character title (总 则), articles as
    ``第一条 …`` lines, a line of zero-width spaces."""
    meta = regulation.metadata
    out = [f"# {meta.title}", ""]
    for date, what in ((meta.adopted, "会议通过"), (meta.promulgated, "公布"), (meta.effective, "施行")):
        if date:
            y, m, d = (int(x) for x in date.split("-"))
            out += [f"{y}年{m}月{d}日 {what}", ""]
    out += ["<!-- INFO END -->", ""]
    out += [p for paragraph in regulation.preamble for p in (paragraph, "")]
    out += ["\u200b", ""]

    def walk(nodes, level: int) -> None:
        for node in nodes:
            if isinstance(node, Article):
                blocks = node.blocks()
                out.extend([f"{node.label} {blocks[0]}", ""] + [x for b in blocks[1:] for x in (b, "")])
            else:
                title = " ".join(node.title) if len(node.title) == 2 else node.title
                out.extend([f"{'#' * level} {node.label}\u3000{title}", ""])
                walk(node.children, level + 1)

    walk(regulation.body, 2)
    return "\n".join(out)


def flk(source: str, regulation: Regulation) -> str:
    """An flk text export: the header, a rule, then the text."""
    meta = regulation.metadata
    header = [
        f"标题: {meta.title}",
        "类型: 地方性法规" if meta.level == "provincial" else "类型: 部门规章",
        f"发布机关: {meta.issuer or '某机关'}",
        f"发布日期: {meta.promulgated or meta.effective}",
        f"生效日期: {meta.effective}",
        "状态: 有效",
        "来源: https://flk.npc.gov.cn/detail2.html?example",
        "=" * 50,
        "",
    ]
    return "\n".join(header) + source


def _paragraph(document, text: str, style_id: str | None = None):
    paragraph = document.add_paragraph()
    if style_id:
        p_pr = paragraph._p.get_or_add_pPr()
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), style_id)
        p_pr.insert(0, style)
    return paragraph


def word(source: str, regulation: Regulation) -> bytes:
    """A .docx: a page header and footer, a table of contents in Word's TOC
    styles, article labels in runs of their own (bold) and, for every third
    article, in a paragraph of their own; two lines joined by a line break."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{regulation.metadata.jurisdiction}人民政府公报"
    section.footer.paragraphs[0].text = "第 1 页 共 9 页"
    lines = source.split("\n")
    headings = [d.heading for d in regulation.divisions()]
    chapter = re.compile(r"^[ \u3000]*第[一二三四五六七八九十]+章")
    first_heading = next((i for i, line in enumerate(lines) if chapter.match(line)), None)
    count = 0
    for i, line in enumerate(lines):
        if i == first_heading:
            _paragraph(document, "目录", "TOCHeading").add_run("目录")
            for heading in headings:
                _paragraph(document, heading, "TOC1").add_run(f"{heading}\t1")
        stripped = line.strip(" \u3000")
        if stripped.startswith("第") and "条" in stripped[:8] and ("　" in stripped[:10] or " " in stripped[:10]):
            label, _, rest = stripped.replace("　", " ", 1).partition(" ")
            count += 1
            if count % 3 == 0:
                _paragraph(document, label).add_run(label).bold = True
                _paragraph(document, rest).add_run(rest)
            else:
                paragraph = _paragraph(document, stripped)
                paragraph.add_run(label).bold = True
                paragraph.add_run("　" + rest)
            continue
        _paragraph(document, line).add_run(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def web_page(source: str, regulation: Regulation) -> str:
    """A saved government web page: head with script and style, navigation,
    a breadcrumb, a toolbar, the text in <p> elements (two lines in one <p>
    with <br>), and a footer with an ICP line."""
    title = regulation.metadata.title
    body = []
    lines = [l for l in source.split("\n")]
    k = 0
    while k < len(lines):
        if k + 1 < len(lines) and k % 7 == 3 and lines[k].strip() and lines[k + 1].strip():
            body.append(f"<p>{html.escape(lines[k])}<br>\n{html.escape(lines[k + 1])}</p>")
            k += 2
            continue
        body.append(f"<p>\n  {html.escape(lines[k])}\n</p>")
        k += 1
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}_政府信息公开</title>"
        "<script>var _hmt = _hmt || []; document.write('统计');</script><style>p{margin:0}</style></head>\n"
        "<body><nav><a href=\"/\">首页</a> | <a href=\"/zc\">政策</a> | <a href=\"/hd\">互动</a></nav>\n"
        "<div class=\"crumb\">当前位置：首页 &gt; 政策法规 &gt; 规章</div>\n"
        "<div class=\"tools\">【字体：大 中 小】 打印本页</div>\n"
        f"<div class=\"article\">{''.join(body)}</div>\n"
        "<div class=\"bottom\"><p>主办单位：某省人民政府办公厅</p><p>版权所有 © 某省人民政府</p><p>某ICP备05001234号</p></div>\n"
        "<footer>网站标识码 1100000001 联系我们</footer></body></html>\n"
    )
