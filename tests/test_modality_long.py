"""Modal verbs read in time linear in the text: an article of thousands of
modal verbs (8,000 应当 took minutes), and holders read without a regular
expression tried at every position (依照规定依照规定……甲应当 was
exponential). The fast readings are checked against the plain definitions
of the rules, written out here, on generated provisions."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from fagui.meaning.modality import SAME_CLAUSE, SAME_HOLDER, holder, modal_terms, modal_verb_changed, same_clause_pairs
from fagui.meaning.terms import Passage, clause, unmatched
from fagui.model import Direction, Place


def side(*blocks: str) -> Passage:
    return Passage(tuple((Place("第一条", k), b) for k, b in enumerate(blocks)))


# -- the rules as written: a holder by two regular expressions, the pairs best first over every pair

_LEAD = re.compile(r"^(?:并且|同时|另外|此外|其中|并|也|还|均|都|但|而|且)+")
_TAIL = re.compile(r"(?:依法|依照[^，。；]*?规定|按照[^，。；]*?规定|及时|一律|同时|也|均|都|还|并|仍|应|可|必要时)+$")


def plain_holder(text: str, start: int) -> str:
    a, _ = clause(text, start, start)
    return _TAIL.sub("", _LEAD.sub("", text[a:start]))


def plain_pairs(left: Passage, right: Passage) -> list[tuple[int, int, float]]:
    """(start of the left verb, start of the right verb, how alike), best first."""
    lt, rt = unmatched(modal_terms(left), modal_terms(right))

    def governs(t, blocks):
        text = dict(blocks)[t.place]
        end = t.start + len(t.value[2])
        stops = [k for k in (text.find(ch, end) for ch in "。；") if k >= 0]
        p = text[end : min(stops) if stops else len(text)]
        return frozenset(p[k : k + 2] for k in range(len(p) - 1))

    pl, pr = [governs(t, left.blocks) for t in lt], [governs(t, right.blocks) for t in rt]
    candidates = []
    for i, a in enumerate(lt):
        for j, b in enumerate(rt):
            overlap = len(pl[i] & pr[j]) / min(len(pl[i]), len(pr[j])) if pl[i] and pr[j] else 0.0
            alike = overlap + (SAME_HOLDER if a.value[1] and a.value[1] == b.value[1] else 0.0)
            if alike >= SAME_CLAUSE:
                candidates.append((alike, i, j))
    taken_l, taken_r, out = set(), set(), []
    for alike, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in taken_l and j not in taken_r:
            taken_l.add(i)
            taken_r.add(j)
            out.append((lt[i], rt[j], alike))
    out.sort(key=lambda p: (p[1].place.block, p[1].start))
    return [(a.start, b.start, s) for a, b, s in out]


PIECES = ["应当", "可以", "不得", "支持", "鼓励", "根据需要", "其他", "依照", "按照", "规定", "依法", "及时", "必要时",
          "并", "也", "应", "可", "单位", "个人", "政府", "报告", "提供", "技术", "、", "和", "，", "。", "；", "\n"]
provision = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(provision)
def test_a_holder_is_the_clause_before_its_verb_less_conjunctions_and_adverbs(text):
    text += "应当"
    assert holder(text, len(text) - 2) == plain_holder(text, len(text) - 2)


@settings(max_examples=300, deadline=None)
@given(st.lists(provision, min_size=1, max_size=3), st.lists(provision, min_size=1, max_size=3))
def test_verbs_are_paired_best_first_as_over_every_pair(left, right):
    l, r = side(*left), side(*right)
    assert [(a.start, b.start, s) for a, b, s in same_clause_pairs(l, r)] == plain_pairs(l, r)


def test_an_article_of_8000_modal_verbs_is_read_in_linear_time():
    """Each of these took from a minute to hours (quadratic, or exponential
    for the last); now well under a second each on a quiet machine."""
    cases = [
        ("应当" * 8000, "可以" * 8000),
        ("单位应当报告，" * 8000, "个人可以报告，" * 8000),
        ("单位应当报告。" * 8000, "单位可以报告。" * 8000),
        ("依照规定" * 40 + "甲应当报告。", "依照规定" * 40 + "甲可以报告。"),
    ]
    started = time.process_time()
    found = [modal_verb_changed(side(a), side(b)) for a, b in cases]
    assert time.process_time() - started < 3.0
    # no verb governs what another does in the bare runs; elsewhere every duty became a permission
    assert [len(f) for f in found] == [0, 8000, 8000, 1]
    assert {c.direction for f in found for c in f} == {Direction.WEAKENED}
