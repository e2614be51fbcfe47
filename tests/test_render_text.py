"""Terminal text: colour only when asked."""

from __future__ import annotations

from dataclasses import replace

from samples import ref, pair, sample, versions_sample

from fagui.messages import Lang
from fagui.model import ArticlePair, DiffOp, ParagraphPair
from renderers.text import render_text


def test_plain_has_no_escape_codes_and_marks_changes():
    out = render_text(sample())
    assert "\x1b" not in out
    assert "{+本省行政区域内的+}机关" in out and "[-在国家安全机关的协调和指导下-]" in out
    assert "图例：[-删除-] {+新增+}" in out
    assert "legend: [-deleted-] {+inserted+}" in render_text(sample(), lang=Lang.EN)
    assert "  - 国家安全机关可以向有关单位提出反间谍安全防范建议。" in out
    assert "  + 县级以上人民政府应当将反间谍安全防范工作经费列入本级预算。" in out
    assert "序号 1 相同 1.00  第一条 ↔ 第一条" in out
    assert "row 1 identical 1.00  第一条 ↔ 第一条" in render_text(sample(), lang=Lang.EN)


def test_colour_uses_ansi_without_markers():
    out = render_text(sample(), color=True)
    assert "\x1b[32;4m本省行政区域内的\x1b[0m" in out and "\x1b[31;9m在国家安全机关的协调和指导下\x1b[0m" in out
    assert "{+" not in out and "[-" not in out


def test_control_characters_cannot_drive_the_terminal():
    c = sample()
    evil = pair("reworded", (ref(9, "甲\x1b[2J乙"),), (ref(9, "甲\x1b]0;title\x07乙丙"),))
    out = render_text(replace(c, pairs=(evil,)), color=True)
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x07" not in out
    assert "\\x1b" in out


def test_versions_summary_line():
    out = render_text(versions_sample())
    assert "保留 80%" in out and "引用条号更新 1" in out and "（所引条号随重新编号更新）" in out
    assert "序号 5 引用条号更新 0.95  第四条 → 第五条" in out  # versions: old → new
    out = render_text(versions_sample(), lang=Lang.EN)
    assert "kept 80%" in out and "reference update 1" in out and "(references follow the renumbering)" in out


def test_split_articles_read_as_separate_texts():
    """A split pair names both sides old → new, and each new article's
    paragraphs stand under its own label: no paragraph of 第十一条 reads as
    part of 第十条."""
    old = ref(10, "第一款文字。", "第二款文字。")
    first, second = ref(10, "第一款文字。"), ref(11, "第二款文字，有修改。")
    split = ArticlePair(
        "split", (old,), (first, second), 0.9,
        (
            ParagraphPair((0, 0), (0, 0), (DiffOp("equal", "第一款文字。", "第一款文字。"),)),
            ParagraphPair((0, 1), (1, 0), (DiffOp("equal", "第二款文字", "第二款文字"), DiffOp("insert", "", "，有修改"), DiffOp("equal", "。", "。"))),
        ),
    )
    out = render_text(replace(versions_sample(), pairs=(split,)))
    assert "第十条 → 第十条、第十一条" in out
    lines = out.splitlines()
    at = lines.index("  第十条")
    assert lines[at + 1] == "  第一款文字。" and lines[at + 2] == "  第十一条" and lines[at + 3] == "  第二款文字{+，有修改+}。"
