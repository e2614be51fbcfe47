"""Sources in the layouts users bring (LawRefBook Markdown, flk text exports,
Word .docx, saved web pages), recognised by content, through the real CLI
and the engine; and bad input of each kind."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import layouts
import public
import pytest
from click.testing import CliRunner
from conftest import assert_ingest_refuses, source_path
from public import layout_file

from cli.main import main
from fagui.check import check_text
from fagui.errors import FaguiError
from fagui.ingest import ingest_bytes
from fagui.model import HistoryEntry

LAWREFBOOK = public.files(public.LAYOUTS / "lawrefbook", "*.md")
"""Real LawRefBook files (../shared/corpus/layouts/lawrefbook)."""


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def articles(regulation):
    return [(x.divisions, x.article.label, x.article.blocks()) for x in regulation.located_articles()]


MAKERS = {
    "lawrefbook": lambda source, regulation: layouts.lawrefbook(regulation).encode("utf-8"),
    "flk": lambda source, regulation: layouts.flk(source, regulation).encode("utf-8"),
    "docx": layouts.word,
    "html": lambda source, regulation: layouts.web_page(source, regulation).encode("utf-8"),
}


@pytest.mark.parametrize("layout", sorted(MAKERS))
def test_the_same_regulation_in_any_layout_gives_the_same_articles(corpus_id, layout):
    source = source_path(corpus_id).read_text(encoding="utf-8")
    plain = ingest_bytes(source.encode("utf-8"), "plain.txt")
    # No file name to go by: the layout is recognised by content.
    other = ingest_bytes(MAKERS[layout](source, plain.regulation), "download")
    assert other.audit.layout == layout
    assert articles(other.regulation) == articles(plain.regulation)
    assert other.regulation.preamble == plain.regulation.preamble
    assert other.regulation.metadata.title == plain.regulation.metadata.title
    assert check_text(other.markdown) is None
    body = lambda md: md[md.index("\n# ") :]
    assert body(other.markdown) == body(plain.markdown)  # byte-identical below the front matter


def _reasons(result) -> list[str]:
    return [span.reason for span in result.audit.dropped]


def test_lawrefbook_title_history_headings_and_markers():
    path = layout_file("lawrefbook", "仲裁法(2017-09-01).md")
    result = ingest_bytes(path.read_bytes(), path.name)
    meta = result.regulation.metadata
    assert meta.title == "中华人民共和国仲裁法" and "title: 中华人民共和国仲裁法\n" in result.markdown
    assert meta.history == (
        HistoryEntry("1994-08-31", "第八届全国人民代表大会常务委员会第九次会议", "通过"),
        HistoryEntry("2009-08-27", "第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》", "修正"),
        HistoryEntry("2017-09-01", "第十二届全国人民代表大会常务委员会第二十九次会议《关于修改<中华人民共和国法官法>等八部法律的决定》", "修正"),
    )
    assert "history:\n  - date: 1994-08-31\n    body: 第八届全国人民代表大会常务委员会第九次会议\n    action: 通过\n" in result.markdown
    assert [d.heading for d in result.regulation.divisions()][:3] == ["第一章 总则", "第二章 仲裁委员会和仲裁协会", "第三章 仲裁协议"]
    assert "INFO END" not in result.markdown and "\\#" not in result.markdown
    reasons = _reasons(result)
    assert "LawRefBook marker (end of the 题注)" in reasons
    assert "题注 (adoption and amendment history): moved to front matter (history)" in reasons
    assert dict(result.audit.normalisations)["Markdown heading marks"] == 11


def test_lawrefbook_zero_width_lines_and_a_table_of_contents_are_dropped_and_audited():
    zw = layout_file("lawrefbook", "最高人民法院关于知识产权法庭若干问题的规定(2023-10-21).md")
    result = ingest_bytes(zw.read_bytes(), zw.name)
    spans = [s for s in result.audit.dropped if s.reason.startswith("a line of invisible characters")]
    assert spans and all(set(s.text) == {"\u200b"} for s in spans)
    assert "\u200b" not in result.markdown
    toc = layout_file("lawrefbook", "北京中轴线文化遗产保护条例(2022-05-25).md")
    result = ingest_bytes(toc.read_bytes(), toc.name)
    assert "table of contents" in _reasons(result)
    assert [d.heading for d in result.regulation.divisions()] == ["第一章 总则", "第二章 保护规划和保护措施", "第三章 传承利用和公众参与", "第四章 法律责任", "第五章 附则"]


def test_any_markdown_regulation_loses_its_marks():
    text = "# 某某条例\n\n## 第一章　总 则\n\n第一条 为了规定，制定本条例。\n\n## 第二章 附则\n\n第二条 本条例自2025年1月1日起施行。\n"
    result = ingest_bytes(text.encode("utf-8"), "notes")
    assert result.audit.layout == "lawrefbook" and result.regulation.metadata.title == "某某条例"
    assert [d.heading for d in result.regulation.divisions()] == ["第一章 总则", "第二章 附则"]
    assert "#某某" not in result.markdown and "\\#" not in result.markdown


def test_history_fills_the_dates_the_text_does_not_state():
    path = layout_file("lawrefbook", "最高人民法院、最高人民检察院关于办理妨害武装部队制式服装、车辆号牌管理秩序等刑事案件具体应用法律若干问题的解释(2011-07-20).md")
    meta = ingest_bytes(path.read_bytes(), path.name).regulation.metadata
    assert [e.action for e in meta.history] == ["通过", "通过", "公布", "施行"]
    assert (meta.promulgated, meta.effective) == ("2011-07-20", "2011-08-01")


def test_an_amended_text_takes_effect_with_its_amendment_not_its_first_version():
    """version_effective: a 修正 keeps the first version's 自…起施行 clause, so
    a stated date before the latest 修正/修订 is not this version's date."""
    path = layout_file("lawrefbook", "仲裁法(2017-09-01).md")
    result = ingest_bytes(path.read_bytes(), path.name)
    assert (result.regulation.metadata.adopted, result.regulation.metadata.effective) == ("2017-09-01", "2017-09-01")
    [warning] = [w for w in result.audit.warnings if w.message.startswith("effective date")]
    assert "1995-09-01 is the first version's" in warning.message and warning.line == 321
    revised = "# 某某条例\n\n2001年1月1日 通过\n\n2020年6月1日 修订\n\n<!-- INFO END -->\n\n第一条 甲。\n\n第二条 本条例自2020年9月1日起施行。\n"
    result = ingest_bytes(revised.encode("utf-8"), "revised.md")
    assert result.regulation.metadata.effective == "2020-09-01"  # a 修订 states its own date: kept
    assert not [w for w in result.audit.warnings if w.message.startswith("effective date")]


def _counts_from_the_file(text: str) -> tuple[str, int, int]:
    """Title, articles and headings as the LawRefBook file itself has them
    (a table of contents repeats the headings: counted once)."""
    title = text.split("\n", 1)[0].removeprefix("# ").replace(" ", "")
    body = text.split("<!-- INFO END -->", 1)[-1].split("\n")
    arts = sum(1 for line in body if re.match(r"^第[一二三四五六七八九十百零]+条(?:之[一二三四五六七八九十]+)?[ \u3000]", line))
    heads = [line.split()[1] for line in body if re.match(r"^#{2,6} +第[一二三四五六七八九十]+[编章节]", line)]
    if heads and heads[0] in heads[1:]:
        heads = heads[heads.index(heads[0], 1) :]
    return title, arts, len(heads)


@pytest.mark.parametrize(
    "path",
    [p for p in LAWREFBOOK if not isinstance(p, Path) or _counts_from_the_file(p.read_text(encoding="utf-8"))[1]],
    ids=lambda p: p.name[:12] if isinstance(p, Path) else "missing",
)
def test_real_lawrefbook_files_ingest_whole(path):
    text = path.read_text(encoding="utf-8")
    result = ingest_bytes(path.read_bytes(), path.name)
    counts = dict(result.audit.counts)
    title, arts, heads = _counts_from_the_file(text)
    assert (result.regulation.metadata.title, counts["articles"], counts.get("chapters", 0) + counts.get("sections", 0)) == (title, arts, heads)
    assert check_text(result.markdown) is None


def test_flk_header_moves_to_front_matter():
    source = source_path("jilin/counterespionage-work-provisions").read_text(encoding="utf-8")
    plain = ingest_bytes(source.encode("utf-8"), "x.txt").regulation
    result = ingest_bytes(layouts.flk(source, plain).encode("utf-8"), "x.txt")
    meta = result.regulation.metadata
    assert (meta.kind, meta.status, meta.issuer) == ("地方性法规", "现行有效", "吉林省人民政府")
    assert (meta.promulgated, meta.effective) == ("2024-11-08", "2025-01-01")
    assert meta.source == "https://flk.npc.gov.cn/detail2.html?example"
    assert "kind: 地方性法规\nstatus: 现行有效\n" in result.markdown
    reasons = _reasons(result)
    assert reasons[:7] == [f"flk export header: moved to front matter ({f})" for f in ("title", "kind", "issuer", "promulgated", "effective", "status", "source")]
    assert reasons[7] == "flk export header: the rule that ends it"


def test_word_chrome_is_read_and_dropped_with_its_reason():
    source = source_path("jiangxi/counterespionage-work-regulations").read_text(encoding="utf-8")
    plain = ingest_bytes(source.encode("utf-8"), "x.txt").regulation
    result = ingest_bytes(layouts.word(source, plain), "x.docx")
    spans = {s.reason: s.text for s in result.audit.dropped}
    assert spans["Word page header"] == "江西省人民政府公报"
    assert spans["Word page footer"] == "第 1 页 共 9 页"
    assert spans["Word table of contents"].startswith("目录\n第一章 总则\t1\n第二章 工作机制\t1")
    assert result.audit.encoding == "docx"


def test_web_page_chrome_is_read_and_dropped_with_its_reason():
    source = source_path("jilin/counterespionage-work-provisions").read_text(encoding="utf-8")
    plain = ingest_bytes(source.encode("utf-8"), "x.txt").regulation
    result = ingest_bytes(layouts.web_page(source, plain).encode("gb18030"), "page")
    reasons = _reasons(result)
    for reason in ("web page head (title, metadata)", "web page navigation", "web page footer (copyright, ICP registration)", "web page footer"):
        assert reason in reasons
    text = "\n".join(s.text for s in result.audit.dropped)
    assert "ICP备05001234号" in text and "var _hmt" in text and "当前位置" in text
    assert "ICP" not in result.markdown and "首页" not in result.markdown
    assert result.audit.encoding == "html (gb18030)"


# -- bad input ---------------------------------------------------------------


def _encrypted_word() -> bytes:
    """The start of an OLE compound file holding an EncryptedPackage stream,
    which is what Word writes for a password-protected .docx."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512


def _zip_without_word(tmp_path) -> bytes:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return path.read_bytes()


BAD = [
    ("notzip.docx", lambda tmp: "吉林省反间谍工作规定\n第一条 甲。\n".encode("utf-8"), "named .docx but not a Word .docx file (not a zip archive)"),
    ("locked.docx", lambda tmp: _encrypted_word(), "password-protected Word file"),
    ("old.doc", lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024, "an old binary Word (.doc) or other OLE file"),
    ("bundle.docx", _zip_without_word, "a zip archive, not a Word document"),
    ("broken.docx", lambda tmp: b"PK\x03\x04" + b"\x00" * 100, "not a Word .docx file: a damaged zip archive"),
    ("news.html", lambda tmp: "<!DOCTYPE html><html><head><title>新闻</title></head><body><nav>首页</nav><p>今天天气很好。</p></body></html>".encode("utf-8"), "no articles found"),
    ("empty.html", lambda tmp: b"<html><body><script>x()</script></body></html>", "no articles found"),
    ("notes.md", lambda tmp: "# 读书笔记\n\n## 第一章 开始\n\n今天读了一本书。\n".encode("utf-8"), "no articles found"),
    ("case.md", lambda tmp: (layout_file("lawrefbook", "用人单位以规章制度形式否认劳动者加班事实是否有效.md")).read_bytes(), "no articles found"),
]


@pytest.mark.parametrize("name, make, message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_line_exit_2_and_no_output(tmp_path, name, make, message):
    assert_ingest_refuses(tmp_path, name, make, message)


def test_a_2_gb_file_and_dev_zero_are_refused_without_reading_them_whole(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(2 * 1024**3)  # sparse: no disk used
    for path in (str(big), "/dev/zero"):
        result = run("ingest", path, "-o", str(tmp_path / "out.md"))
        assert result.exit_code == 2, result.output
        assert result.stderr == f"fagui: error: {path}: larger than 32 MB: not a regulation text\n"
    assert not (tmp_path / "out.md").exists()


def test_the_audit_json_names_the_layout(tmp_path):
    path = layout_file("lawrefbook", "仲裁法(2017-09-01).md")
    audit = tmp_path / "a.json"
    assert run("ingest", str(path), "-q", "--audit-json", str(audit), "-o", str(tmp_path / "o.md")).exit_code == 0
    assert json.loads(audit.read_text(encoding="utf-8"))["layout"] == "lawrefbook"


def test_an_impossible_date_in_a_lawrefbook_history_names_the_line():
    text = "# 某某条例\n\n2025年2月30日 某会议通过\n\n<!-- INFO END -->\n\n第一条 甲。\n"
    with pytest.raises(FaguiError, match=r"^x.md:3: impossible date 2025年2月30日$"):
        ingest_bytes(text.encode("utf-8"), "x.md")
