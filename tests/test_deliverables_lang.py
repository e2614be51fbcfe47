"""Deliverables in Chinese by default and English on request, through the
real CLI (``python -m cli``): the text and Markdown of ``fagui diff`` and the
Word 对照表 as a drafting office circulates it (文号 and dates in its header,
no corpus id or git hash, the notes column in words, the engine's figures
only with ``--details``)."""

from __future__ import annotations

import io
from pathlib import Path
import string
import subprocess
import sys

import docx
from conftest import markdown_path

from fagui.messages import CATALOGUE

NATIONAL = str(markdown_path("national/counterespionage-security-provisions"))
JILIN = str(markdown_path("jilin/counterespionage-work-provisions"))


def fagui(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True, timeout=120)


def test_every_message_has_both_languages_with_the_same_placeholders():
    for key, (zh, en) in CATALOGUE.items():
        assert zh and en, key
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (zh, en)]
        assert fields[0] == fields[1], key


def test_diff_text_and_markdown_are_chinese_by_default_english_on_request():
    zh = fagui("diff", NATIONAL, JILIN, "--color", "never")
    assert zh.returncode == 0, zh.stderr
    assert "图例：[-删除-] {+新增+}" in zh.stdout and "地方新增" in zh.stdout and "legend" not in zh.stdout
    en = fagui("diff", NATIONAL, JILIN, "--color", "never", "--lang", "en")
    assert "legend: [-deleted-] {+inserted+}" in en.stdout and "provincial only" in en.stdout and "图例" not in en.stdout
    md = fagui("diff", NATIONAL, JILIN, "--format", "markdown")
    assert "| 关系 | 条数 | 含义 |" in md.stdout and "图例" in md.stdout
    md_en = fagui("diff", NATIONAL, JILIN, "--format", "markdown", "--lang", "en")
    assert "| relation | pairs | meaning |" in md_en.stdout
    bad = fagui("diff", NATIONAL, JILIN, "--lang", "fr")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_the_duizhaobiao_cites_texts_as_an_office_does(tmp_path):
    out = tmp_path / "对照表.docx"
    done = fagui("diff", NATIONAL, JILIN, "--format", "docx", "-o", str(out))
    assert done.returncode == 0, done.stderr
    document = docx.Document(io.BytesIO(out.read_bytes()))
    facts = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert ["文号", "国家安全部令2021年第1号", "吉林省人民政府令第283号"] in facts
    assert any(r[0] == "公布日期" for r in facts) and any(r[0] == "施行日期" for r in facts)
    cells = "".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "national/" not in cells and "版本" not in cells
    notes = [row.cells[2].text for row in document.tables[-1].rows[1:]]
    # No engine figures; an unsure row only says it is to be checked, in words.
    assert not any("相似度" in n or "待核" in n.replace("（待核）", "") for n in notes)
    assert any(n.startswith("由第") and "合并" in n for n in notes)  # a merge, in words
    detailed = tmp_path / "详.docx"
    assert fagui("diff", NATIONAL, JILIN, "--format", "docx", "-o", str(detailed), "--details").returncode == 0
    notes = [row.cells[2].text for row in docx.Document(str(detailed)).tables[-1].rows[1:]]
    assert any("相似度" in n for n in notes) and any("待核" in n for n in notes)
    english = tmp_path / "en.docx"
    assert fagui("diff", NATIONAL, JILIN, "--format", "docx", "-o", str(english), "--lang", "en").returncode == 0
    document = docx.Document(str(english))
    assert document.paragraphs[0].text.endswith("comparison table")
    assert ["Document number", "国家安全部令2021年第1号", "吉林省人民政府令第283号"] in [[c.text for c in r.cells] for r in document.tables[0].rows]


def test_report_pages_and_duizhaobiao_follow_lang(tmp_path):
    import shutil

    corpus = tmp_path / "corpus"
    for path in (NATIONAL, JILIN):
        target = corpus / "texts" / Path(path).parent.name / Path(path).name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for lang, relation, title_end in (("zh", "地方新增", "对照表"), ("en", "provincial only", "comparison table")):
        out = tmp_path / f"site-{lang}"
        done = fagui("report", "--repo", str(corpus), "-o", str(out), "--lang", lang)
        assert done.returncode == 0, done.stderr
        page = next(out.glob("*.docx")).with_suffix(".html")  # the comparison's page beside its 对照表
        assert f'<span class="rl">{relation}</span>' in page.read_text(encoding="utf-8")
        document = docx.Document(str(page.with_suffix(".docx")))
        assert document.paragraphs[0].text.endswith(title_end)
