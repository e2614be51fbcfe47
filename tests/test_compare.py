"""fagui.compare on the corpus and on an amended version built from it."""

from __future__ import annotations

import gc
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import assert_pair_rebuilds, markdown_path
from hypothesis import given, settings
from hypothesis import strategies as st
from regulations import NATIONAL, amended_national, corpus

from fagui.compare import _dice, _grams, compare
from fagui.correspondence import shared_wording
from fagui.diff import diff_text
from fagui.text.width import fold
from fagui.text.numerals import to_chinese
from fagui.markdown import read_regulation
from fagui.messages import Lang
from fagui.model import (
    NoteKind,
    note_words,
    JURISDICTION_RELATIONS,
    VERSION_RELATIONS,
    Article,
    DocumentRef,
    Metadata,
    Paragraph,
    Regulation,
)

ZHEJIANG = "zhejiang/counterespionage-security-measures"


@pytest.fixture(scope="module")
def versions():
    old = corpus(NATIONAL)
    return old, compare(old, amended_national(old))


def relation_of(comparison, left_number=None, right_number=None):
    for pair in comparison.pairs:
        if (left_number is None or left_number in [a.number for a in pair.left]) and (
            right_number is None or right_number in [a.number for a in pair.right]
        ):
            return pair
    raise AssertionError(f"no pair for {left_number} / {right_number}")


def test_every_version_relation_comes_out_right(versions):
    old, comparison = versions
    assert comparison.mode == "versions"
    got = {(tuple(a.number for a in p.left), tuple(a.number for a in p.right)): p.relation for p in comparison.pairs}
    expected = {}
    for n in range(1, 8):
        expected[((n,), (n,))] = "unchanged"
    expected[((), (8,))] = "added"
    expected[((8,), (9,))] = "renumbered"
    expected[((9,), (10,))] = "reference_update"  # 本规定第八条 -> 第九条
    expected[((10,), (11,))] = "reference_update"  # 第八条 -> 第九条, 第九条 -> 第十条
    expected[((11,), (12,))] = "renumbered"
    expected[((12,), (13,))] = "amended"
    expected[((13,), ())] = "deleted"
    for n in range(14, 19):
        expected[((n,), (n,))] = "unchanged"
    expected[((19,), (19, 20))] = "split"
    for n in range(20, 28):
        expected[((n,), (n + 1,))] = "renumbered"
    expected[((29,), (29,))] = "moved"
    expected[((28,), (30,))] = "renumbered"
    expected[((30,), (31,))] = "renumbered"
    expected[((31,), (32,))] = "renumbered"
    assert got == expected


def test_reference_updates_are_noted_not_amended(versions):
    _, comparison = versions
    pair = relation_of(comparison, left_number=10)
    assert pair.relation == "reference_update" and pair.notes
    changed = [op for para in pair.paragraphs for op in para.ops if op.kind != "equal"]
    assert {op.left + op.right for op in changed} <= {"八", "九", "十"}
    moved = relation_of(comparison, left_number=29)
    assert any(note.kind is NoteKind.MOVED and note.new[0].startswith("第四章") for note in moved.notes)
    assert any(note_words(note).startswith("调整位置：由第") and note_words(note).endswith("移至第四章") for note in moved.notes)
    assert any(note_words(note, Lang.EN).startswith("moved from 第") for note in moved.notes)


def test_summary_counts_every_relation_in_order(versions):
    old, comparison = versions
    summary = comparison.summary
    assert [name for name, _ in summary.counts] == list(VERSION_RELATIONS)
    assert dict(summary.counts)["renumbered"] == 13
    assert summary.left_articles == 31 and summary.right_articles == 32
    assert summary.adopted_share == pytest.approx(30 / 31)
    assert 0.9 < summary.derived_share < 1.0


def test_pairs_read_in_order_on_both_sides(versions):
    _, comparison = versions
    rights = [a.number for p in comparison.pairs for a in p.right]
    assert rights == list(range(1, 33))
    deleted = [k for k, p in enumerate(comparison.pairs) if p.relation == "deleted"]
    assert [a.number for a in comparison.pairs[deleted[0] - 1].left] == [12]


def test_identical_texts():
    national = corpus(NATIONAL)
    for mode, relation in (("versions", "unchanged"), ("jurisdictions", "identical")):
        comparison = compare(national, national, mode)
        assert {p.relation for p in comparison.pairs} == {relation}
        assert all(p.score == 1.0 for p in comparison.pairs)
        assert comparison.summary.derived_share == 1.0


def test_mode_defaults_from_title_or_id():
    national, zhejiang = corpus(NATIONAL), corpus(ZHEJIANG)
    assert compare(national, zhejiang).mode == "jurisdictions"
    assert compare(national, national).mode == "versions"
    ref = lambda id: DocumentRef(id, "t", None)  # noqa: E731
    assert compare(national, zhejiang, left_ref=ref("a"), right_ref=ref("a")).mode == "versions"
    assert compare(national, national, left_ref=ref("a"), right_ref=ref("b")).mode == "jurisdictions"


def test_jurisdictions_summary_and_pairs():
    national, zhejiang = corpus(NATIONAL), corpus(ZHEJIANG)
    comparison = compare(national, zhejiang)
    assert [name for name, _ in comparison.summary.counts] == list(JURISDICTION_RELATIONS)
    for pair in comparison.pairs:
        assert 0.0 <= pair.score <= 1.0
        assert bool(pair.left) or bool(pair.right)
        # Every block of the pair's articles is shown once, and rebuilt exactly.
        assert_pair_rebuilds(pair)
        shown = sorted(p.left for p in pair.paragraphs if p.left is not None)
        assert shown == [(k, b) for k, a in enumerate(pair.left) for b in range(len(a.blocks))]
    lefts = sorted(a.number for p in comparison.pairs for a in p.left)
    assert lefts == list(range(1, 32))


def test_blocks_are_matched_in_order_by_similarity():
    def article(number, *texts):
        return Article(number, f"第{to_chinese(number)}条", tuple(Paragraph(t) for t in texts))

    left = Regulation(Metadata("甲"), body=(article(1, "国家安全机关负责反间谍安全防范工作的指导。", "本规定自公布之日起施行。"),))
    right = Regulation(
        Metadata("甲"),
        body=(article(1, "县级以上人民政府应当加强领导。", "国家安全机关负责本省反间谍安全防范工作的指导。", "本规定自公布之日起施行。"),),
    )
    (pair,) = compare(left, right).pairs
    assert [(p.left, p.right) for p in pair.paragraphs] == [(None, (0, 0)), ((0, 0), (0, 1)), ((0, 1), (0, 2))]
    assert [op.kind for op in pair.paragraphs[0].ops] == ["insert"]
    assert [(op.kind, op.right) for op in pair.paragraphs[1].ops if op.kind != "equal"] == [("insert", "本省")]


def test_compare_reads_its_thresholds_from_the_params_it_is_given():
    """compare() takes Params: the block matching and the shared wording
    follow the thresholds passed, not constants of their own."""
    from dataclasses import replace

    from fagui.model.params import PARAMS

    def article(number, *texts):
        return Article(number, f"第{to_chinese(number)}条", tuple(Paragraph(t) for t in texts))

    left = Regulation(Metadata("甲"), body=(article(1, "国家安全机关负责反间谍安全防范工作的指导。"),))
    right = Regulation(Metadata("甲"), body=(article(1, "国家安全机关负责本省反间谍安全防范工作的指导。"),))
    (pair,) = compare(left, right).pairs
    assert [(p.left, p.right) for p in pair.paragraphs] == [((0, 0), (0, 0))]
    (pair,) = compare(left, right, params=replace(PARAMS, block_match=1.01)).pairs
    assert [(p.left, p.right) for p in pair.paragraphs] == [((0, 0), None), (None, (0, 0))]
    (link,) = compare(left, right).links
    assert link.evidence[0].shared == ("国家安全机关负责", "反间谍安全防范工作的指导。")
    (link,) = compare(left, right, params=replace(PARAMS, shared_run=9)).links
    assert link.evidence[0].shared == ("反间谍安全防范工作的指导。",)


def test_engine_benchmark_still_runs_at_a_small_size():
    # benchmarks/bench_engine.py is a script; running it tiny keeps it from rotting.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import bench_engine

    lines: list[str] = []
    bench_engine.run([20], repeat=1, out=lines.append)
    assert any("national vs jiangxi" in line for line in lines)
    synthetic = [line.split() for line in lines if line.strip().startswith("20 ")]
    assert [row[1] for row in synthetic] == ["versions", "jurisdictions"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="国家安全机关国家机关，。ab", max_size=30), st.text(alphabet="国家安全机关国家机关，。ab", max_size=30))
def test_block_similarity_is_the_dice_of_bigram_multisets(x, y):
    def multiset(s):
        return Counter(s[i : i + 2] for i in range(len(s) - 1)) if len(s) > 1 else Counter([s] if s else [])

    a, b = multiset(x), multiset(y)
    total = sum(a.values()) + sum(b.values())
    expected = 2 * sum((a & b).values()) / total if total else 1.0
    assert _dice(_grams(x), _grams(y)) == expected


def test_a_comparison_leaves_no_reference_cycles_and_the_collector_as_it_was():
    """compare() pauses Python's cycle collector while it runs: that keeps
    memory flat only because nothing it drops is in a reference cycle (a
    function nested in Paragraph.walk and in located_articles referred to
    itself: 20,000 cycles per 1,000 articles). Both modes, with meanings
    (and the flag rules, which run on a national text against a local one)."""
    national, zhejiang = corpus(NATIONAL), corpus(ZHEJIANG)
    amended = amended_national(national)
    gc.collect()
    gc.disable()
    try:
        jurisdictions, versions = compare(national, zhejiang), compare(national, amended)
        assert any(p.meanings for p in jurisdictions.pairs) and versions.mode == "versions"
        assert gc.collect() == 0  # no object compare made and dropped was left unreachable in a cycle
        assert not gc.isenabled()  # paused before: left paused
    finally:
        gc.enable()
    compare(national, zhejiang)
    assert gc.isenabled()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="国家安全机关，。１Ａab \u3000\t\n\xa0", max_size=30), st.text(alphabet="国家安全机关，。１Ａab \u3000\t\n\xa0", max_size=30), st.integers(0, 4))
def test_shared_wording_is_each_equal_run_at_least_shortest_once_folded(x, y, shortest):
    """shared_wording measures a run without folding it: the same runs as
    measuring the folded run (fold drops whitespace and keeps every other
    character one for one)."""
    ops = diff_text(x, y)
    assert shared_wording(ops, shortest) == tuple(op.left for op in ops if op.kind == "equal" and len(fold(op.left)) >= shortest)


@pytest.mark.parametrize("province", ["jilin/counterespionage-work-provisions", "zhejiang/counterespionage-security-measures"])
def test_coverage_and_counts_agree_on_what_is_not_adopted(province):
    """A "not adopted" claim the engine is unsure of is 待核 in the coverage
    (and so in the report's matrix), as it is in the counts: the matrix
    showed ✕ 未采纳 in cells the counts left out."""
    national = read_regulation(markdown_path("national/counterespionage-security-provisions").read_text("utf-8"))
    comparison = compare(national, read_regulation(markdown_path(province).read_text("utf-8")), "jurisdictions")
    alone = {p.left[0].label: p for p in comparison.pairs if p.relation == "not_adopted"}
    status = {c.article: c.status for c in comparison.coverage}
    assert alone
    for label, pair in alone.items():
        assert status[label] == ("not_adopted" if pair.settled else "unsure"), label
    assert sum(s == "not_adopted" for s in status.values()) == dict(comparison.summary.counts)["not_adopted"]
