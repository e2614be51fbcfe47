"""fagui.diff: exact rebuilding, width/whitespace folding, Chinese boundaries."""

from __future__ import annotations

import random

from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

from fagui.diff import _DIFF, diff_text
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


# -- diff-match-patch and the Chinese boundary rule -------------------------

def edited(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each (position, length, replacement) applied, positions
    taken modulo the current length."""
    for position, length, replacement in edits:
        k = position % (len(text) + 1)
        text = text[:k] + replacement + text[k + length :]
    return text


edit_lists = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8), st.text(alphabet=ALPHABET, max_size=8)), max_size=6)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=20, max_size=300), edit_lists)
def test_an_edited_text_rebuilds_exactly(text, edits):
    # Pairs that share most of their text, so clause and phrase matching and
    # the semantic cleanup all have work to do.
    other = edited(text, edits)
    ops = diff_text(text, other)
    assert "".join(op.left for op in ops) == text
    assert "".join(op.right for op in ops) == other
    assert all(fold(op.left) == fold(op.right) for op in ops if op.kind == "equal")


edited_pairs = st.builds(lambda text, edits: (text, edited(text, edits)), st.text(alphabet=ALPHABET, max_size=200), edit_lists)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.tuples(texts, texts), edited_pairs))
def test_the_cpp_diff_is_the_librarys_diff(pair):
    # fagui.diff runs the library's diff through its C++ build; a second
    # implementation is only acceptable if it gives the same ops.
    left, right = pair
    reference = diff_match_patch()
    reference.Diff_Timeout = 0
    assert _DIFF.diff_main(left, right, False) == reference.diff_main(left, right, False)


LAWS = "根据《中华人民共和国安全生产法》、《中华人民共和国消防法》、《中华人民共和国消防法实施条例》等法律法规，制定本办法。"


def test_a_deleted_citation_is_cut_after_the_enumeration_comma():
    # diff-match-patch's own scoring gives 《[-中华人民共和国消防法》、《]中华…: the
    # same texts, but a cut through two titles. Scoring an edge after 、 best
    # (the boundary rule) deletes the whole title with its comma.
    shorter = LAWS.replace("《中华人民共和国消防法》、", "")
    assert kinds(diff_text(LAWS, shorter)) == [
        ("equal", "根据《中华人民共和国安全生产法》、", "根据《中华人民共和国安全生产法》、"),
        ("delete", "《中华人民共和国消防法》、", ""),
        ("equal", shorter[17:], shorter[17:]),
    ]
    assert kinds(diff_text(shorter, LAWS)) == [
        ("equal", "根据《中华人民共和国安全生产法》、", "根据《中华人民共和国安全生产法》、"),
        ("insert", "", "《中华人民共和国消防法》、"),
        ("equal", shorter[17:], shorter[17:]),
    ]


def test_edges_score_best_after_chinese_punctuation():
    score = _DIFF.diff_cleanupSemanticScore
    assert score("", "条") == score("条", "") == 6  # the ends of the text
    for mark in "。；：，、！？）》":
        assert score("规定" + fold(mark), "条例") == 4  # after punctuation
    assert score("规定", "《条例") == 3  # before an opening bracket
    assert score("规定", fold("，") + "条例") == 2  # before punctuation
    assert score("规定", "条例") == 0  # inside a run of ideographs


# -- huge paragraphs: clauses first ---------------------------------------------

def test_a_long_paragraph_edited_throughout_rebuilds_and_keeps_unchanged_clauses():
    # 2,000 distinct clauses (about 40,000 characters) in one paragraph; every
    # 25th clause reworded, a stretch of 40 clauses rewritten, clauses inserted
    # and deleted. Matching clauses first keeps every unchanged clause whole
    # in an equal op, and the ops rebuild both sides exactly.
    rng = random.Random(7)
    words = [CJK[k : k + 2] for k in range(0, 40, 2)]

    def clause(n: int) -> str:
        return f"第{n}项" + "".join(rng.choice(words) for _ in range(rng.randrange(4, 12))) + rng.choice("，。；、：")

    old = [clause(n) for n in range(2000)]
    new = list(old)
    for k in range(0, 2000, 25):
        new[k] = new[k][:3] + "修改" + new[k][3:]
    new[1000:1040] = [clause(n) for n in range(5000, 5040)]
    del new[1500:1510]
    new[300:300] = [clause(n) for n in range(6000, 6005)]
    left, right = "".join(old), "".join(new)
    ops = diff_text(left, right)
    assert "".join(op.left for op in ops) == left
    assert "".join(op.right for op in ops) == right
    equal = set()  # positions in ``left`` inside equal ops
    position = 0
    for op in ops:
        if op.kind == "equal":
            equal.update(range(position, position + len(op.left)))
        position += len(op.left)
    starts = [0]
    for c in old:
        starts.append(starts[-1] + len(c))
    unchanged = [k for k, c in enumerate(old) if c in new]
    assert len(unchanged) > 1800
    assert all(set(range(starts[k], starts[k + 1])) <= equal for k in unchanged)
    changed = sum(len(op.left) + len(op.right) for op in ops if op.kind != "equal")
    assert changed < 0.1 * (len(left) + len(right))
