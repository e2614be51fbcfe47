"""Markdown for pull-request review."""

from __future__ import annotations

import re

from samples import sample, synthetic, versions_sample

from fagui.messages import Lang
from renderers.markdown import FOLD_AFTER, render_markdown


def test_counts_table_and_inline_diff():
    md = render_markdown(sample())
    assert "| 关系 | 条数 | 含义 |" in md
    assert "| 改写 | 2 |" in md and "| 相同 | 2 |" in md
    english = render_markdown(sample(), lang=Lang.EN)
    assert "| relation | pairs | meaning |" in english
    assert "| reworded | 2 |" in english and "| identical | 2 |" in english
    assert "{+本省行政区域内的+}机关" in md and "[-在国家安全机关的协调和指导下-]" in md
    assert "名录[-。-]{+；+}" in md


def test_unchanged_pairs_are_only_counted():
    md = render_markdown(sample())
    assert "第一条 ↔ 第一条" not in md
    assert "序号 1" not in md and "· 序号 2" in md and "#&#8203;" not in md  # a row number, worded: never read as 第二条 or issue #2


def test_one_sided_pairs_show_their_text():
    md = render_markdown(sample())
    assert "> [-国家安全机关可以向有关单位提出反间谍安全防范建议。-]" in md
    assert "> {+县级以上人民政府应当将反间谍安全防范工作经费列入本级预算。+}" in md


def test_regulation_text_cannot_inject_markup():
    md = render_markdown(sample(xss=True))
    assert not re.search(r"(?<!\\)<(/?script|img)", md)
    assert "\\<script\\>" in md and "\\{\\{ 7\\*7 \\}\\}" in md
    # The only raw HTML is our own <details>, <summary>, <b>.
    assert set(re.findall(r"(?<!\\)</?([a-z]+)", md)) <= {"details", "summary", "b"}


def test_long_sections_fold_into_details():
    md = render_markdown(synthetic(60))
    assert md.count("<details>") == md.count("</details>") >= 3
    assert "<details><summary><b>改写：20</b></summary>\n\n" in md
    assert "<details><summary><b>reworded: 20</b></summary>\n\n" in render_markdown(synthetic(60), lang=Lang.EN)
    small = render_markdown(sample())
    assert "<details>" not in small and "#### 改写：2" in small
    assert FOLD_AFTER == 5


def test_versions_and_no_change():
    md = render_markdown(versions_sample())
    assert "仅引用条号更新" in md and "保留" in md
    english = render_markdown(versions_sample(), lang=Lang.EN)
    assert "Reference updates only" in english and "kept" in english
    from dataclasses import replace

    c = sample()
    quiet = replace(c, pairs=c.pairs[:1], links=c.links[:1])
    assert render_markdown(quiet).rstrip().endswith("没有条文变化。")
    assert render_markdown(quiet, lang=Lang.EN).rstrip().endswith("No article changed.")
