"""fagui.diff: exact rebuilding, width/whitespace folding, Chinese boundaries."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fagui.diff import diff_text
from fagui.text.width import fold

# Text drawn mostly from the characters regulations are made of, so that
# random pairs share material and the diff has something to align.
CJK = "国家安全机关应当反间谍防范工作本规定条例办法第八九十条，。；、：（）"
ALPHABET = st.sampled_from(list(CJK) + list("ab12 ，,１\u3000\n"))
texts = st.one_of(st.text(alphabet=ALPHABET, max_size=60), st.text(max_size=40))


def kinds(ops):
    return [(op.kind, op.left, op.right) for op in ops]


@settings(max_examples=150, deadline=None)
@given(texts, texts)
def test_both_sides_rebuild_exactly(left, right):
    ops = diff_text(left, right)
    assert "".join(op.left for op in ops) == left
    assert "".join(op.right for op in ops) == right
    for op in ops:
        assert op.kind in {"equal", "insert", "delete"}
        if op.kind == "insert":
            assert op.left == "" and op.right
        if op.kind == "delete":
            assert op.right == "" and op.left
        if op.kind == "equal":
            assert fold(op.left) == fold(op.right)
    assert all(a.kind != b.kind for a, b in zip(ops, ops[1:]))


@settings(max_examples=100, deadline=None)
@given(texts)
def test_text_against_itself_is_one_equal_op(text):
    ops = diff_text(text, text)
    assert kinds(ops) == ([("equal", text, text)] if text else [])


def test_width_and_whitespace_are_not_changes():
    left = "提供工作手册,指南等 宣传材料(12339)"
    right = "提供工作手册，指南等宣传材料（１２３３９）"
    assert kinds(diff_text(left, right)) == [("equal", left, right)]


def test_equal_ops_keep_each_sides_original_form():
    ops = diff_text("本规定第8条,施行", "本办法第８条，施行")
    assert kinds(ops) == [
        ("equal", "本", "本"),
        ("delete", "规定", ""),
        ("insert", "", "办法"),
        ("equal", "第8条,施行", "第８条，施行"),
    ]


def test_replacement_is_a_whole_word():
    assert kinds(diff_text("制定本条例。", "制定本办法。")) == [
        ("equal", "制定本", "制定本"),
        ("delete", "条例", ""),
        ("insert", "", "办法"),
        ("equal", "。", "。"),
    ]


def test_a_lone_character_between_edits_joins_them():
    # diff-match-patch alone gives 教育[-培]训[+练].
    assert kinds(diff_text("加强教育培训", "加强教育训练")) == [
        ("equal", "加强教育", "加强教育"),
        ("delete", "培训", ""),
        ("insert", "", "训练"),
    ]


def test_inserted_clause_edges_fall_after_punctuation():
    # The insertion could equally be "，加强协作" after 机制; a reader sees a
    # clause, so it goes after the comma and ends with one.
    ops = diff_text("建立机制，共同做好工作。", "建立机制，加强协作，共同做好工作。")
    assert kinds(ops) == [
        ("equal", "建立机制，", "建立机制，"),
        ("insert", "", "加强协作，"),
        ("equal", "共同做好工作。", "共同做好工作。"),
    ]


def test_whitespace_only_side():
    assert kinds(diff_text("  ", "")) == [("equal", "  ", "")]
    assert kinds(diff_text("", "")) == []
    assert kinds(diff_text("\u3000", "条")) == [("equal", "\u3000", ""), ("insert", "", "条")]
