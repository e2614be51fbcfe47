"""Terminal text: colour only when asked."""

from __future__ import annotations

from dataclasses import replace

from test_render_common import ref, pair, sample, versions_sample

from renderers.text import render_text


def test_plain_has_no_escape_codes_and_marks_changes():
    out = render_text(sample())
    assert "\x1b" not in out
    assert "{+本省行政区域内的+}机关" in out and "[-在国家安全机关的协调和指导下-]" in out
    assert "legend: [-deleted-] {+inserted+}" in out
    assert "  - 国家安全机关可以向有关单位提出反间谍安全防范建议。" in out
    assert "  + 县级以上人民政府应当将反间谍安全防范工作经费列入本级预算。" in out
    assert "#1 identical 1.00  第一条 ↔ 第一条" in out


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
    assert "kept 80%" in out and "reference update 1" in out and "(第三条 → 第四条)" in out
