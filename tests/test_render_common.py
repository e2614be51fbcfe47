"""Tests of the renderers' shared helpers and of the hand-built comparisons
(:mod:`samples`) the renderer tests use."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import assert_pair_rebuilds
from samples import decided_sample, label, sample

from fagui.text.items import parse_marker
from renderers import BINARY_FORMATS, FORMATS, block_name, render, score_histogram


def test_labels_in_chinese_numerals():
    assert [label(n) for n in (1, 10, 11, 20, 31, 100, 105, 123, 4999)] == [
        "第一条", "第十条", "第十一条", "第二十条", "第三十一条", "第一百条", "第一百零五条", "第一百二十三条", "第四千九百九十九条",
    ]


def test_builder_ops_rebuild_both_sides():
    c = sample()
    for p in c.pairs:
        assert_pair_rebuilds(p)


def test_histogram_counts_two_sided_pairs_only():
    c = sample()
    bins = score_histogram(c)
    assert len(bins) == 10 and sum(bins) == sum(1 for p in c.pairs if p.left and p.right)
    assert bins[-1] == 2 + 0  # two identical pairs score 1.0 and fall in the last bin


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_dispatches_every_format(fmt):
    out = render(sample(), fmt)
    if fmt in BINARY_FORMATS:
        import io

        import docx

        assert isinstance(out, bytes)
        out = "".join(cell.text for table in docx.Document(io.BytesIO(out)).tables for cell in table._cells)
    assert isinstance(out, str) and "吉林省" in out


def test_render_rejects_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        render(sample(), "pdf")


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_shares_links_escape_what_the_texts_share(fmt):
    c = sample(xss=True)
    shares = [x for x in c.links if x.strength == "shares"]
    assert any("<script>" in w for x in shares for ev in x.evidence for w in ev.shared), "the hostile text is shared"
    out = render(c, fmt)
    # HTML entity-escapes it (the page's one script is its own); Markdown
    # backslash-escapes every < so nothing opens a tag.
    if fmt == "html":
        assert out.count("<script") == 1 and "<img" not in out
    else:
        assert not re.search(r"(?<!\\)<(?:script|img)", out)


def test_blocks_are_named_as_a_reader_names_them():
    blocks = ("单位应当履行下列义务：", "（一）开展教育；", "（二）报告情况。", "违反前款规定的，依法处理。")
    assert [block_name(blocks, k) for k in range(4)] == ["第1款", "第1款（一）", "第1款（二）", "第2款"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_shows_a_reviewers_decisions(fmt):
    out = render(decided_sample(), fmt)
    assert "已确认" in out and "需复核" in out and "已添加" in out
    assert "已确认" not in render(sample(), fmt) and "需复核" not in render(sample(), fmt)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["（一）甲；", "（二）乙。", "县级以上人民政府应当负责。", "1. 某某", "一、总则", "", "（三）丙"]), min_size=1, max_size=8))
def test_a_block_is_named_by_the_paragraphs_up_to_it_and_its_marker(blocks):
    """第N款: N counts the blocks up to this one that are not items (1 when
    the article opens with an item); an item adds its marker as written."""
    blocks = tuple(blocks)
    for k, block in enumerate(blocks):
        marker = parse_marker(block)
        paragraph = sum(parse_marker(b) is None for b in blocks[: k + 1]) or 1
        assert block_name(blocks, k) == f"第{paragraph}款" + (marker[2] if marker else "")
