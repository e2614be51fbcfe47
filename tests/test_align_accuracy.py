"""The engine against hand-checked alignments (tests/fixtures/alignment):
floors per pair, so a change that costs accuracy fails. The figures and what
they mean are in docs/comparison.md; how the gold was made in
tests/fixtures/alignment/README.md."""

from __future__ import annotations

from functools import cache

import pytest
from gold import CORPUS, figures, gold_pairs, load_gold, text_of

from fagui.background import background_at
from fagui.compare import compare


@cache
def background():
    """What the product uses: the corpus in texts/ tells stock phrasing."""
    return background_at(CORPUS.parent)

# Measured figures rounded down to 0.05 (docs/comparison.md has them exact):
# (counterpart precision, counterpart recall, shares precision, shares recall,
# strict F1, lax F1, wrong one-sided claims at most); None where there is
# nothing to keep (the gold has no shares link, or the engine finds none of
# them yet).
FLOORS = {
    "animal-beijing": (0.75, 0.8, 0.25, 0.7, 0.7, 0.8, 4),
    "archives": (0.8, 0.6, 0.55, 0.7, 0.7, 0.75, 8),
    "audit-2017-2023": (1.0, 0.95, None, None, 0.9, 1.0, 1),
    "consumer-zhejiang": (0.75, 0.75, 0.4, 0.55, 0.7, 0.85, 6),
    "earthquake-shanghai": (0.8, 0.8, 0.25, 0.5, 0.75, 0.9, 2),
    "fire-guangdong": (0.75, 0.7, 0.45, 0.7, 0.7, 0.7, 4),
    "income-tax": (0.75, 0.7, 0.5, 0.7, 0.65, 0.45, 6),
    "labour-contract": (0.5, 0.55, 0.55, 0.7, 0.65, 0.4, 3),
    "legislation-2015-2023": (1.0, 1.0, None, None, 0.95, 1.0, 0),
    "meteorology-beijing": (0.85, 0.85, 0.8, 1.0, 0.9, 0.9, 2),
    "meteorology-shanghai": (1.0, 0.75, 1.0, 0.5, 0.9, 0.9, 3),
    "national-heilongjiang": (0.9, 0.85, 0.8, 0.35, 0.8, 0.85, 7),
    "national-jiangxi": (0.9, 0.9, 0.2, 0.35, 0.7, 0.95, 3),
    "national-jilin": (0.9, 0.9, 0.65, 0.8, 0.85, 0.85, 2),
    "national-zhejiang": (1.0, 1.0, 0.4, 0.8, 0.9, 0.95, 0),
    "water-2019-2022": (1.0, 0.95, None, None, 0.95, 1.0, 1),
    "women-2018-2022": (0.95, 0.85, 0.45, 1.0, 0.9, 0.95, 2),
    "wildlife-shandong": (0.85, 0.85, None, 0.25, 0.75, 0.9, 6),
}


def test_every_gold_pair_has_floors():
    assert sorted(FLOORS) == gold_pairs()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_against_hand_alignment(name):
    gold = load_gold(name)
    comparison = compare(text_of(gold["left"]), text_of(gold["right"]), gold["mode"], background=background())
    got = figures(gold, comparison)
    floors = dict(zip(("counterpart_precision", "counterpart_recall", "shares_precision", "shares_recall"), FLOORS[name]))
    *_, strict, lax, wrong = FLOORS[name]
    for figure, floor in floors.items():
        value = getattr(got, figure)
        # A floor of None: no floor (nothing to keep; precision is what
        # strict F1 already counts).
        if floor is not None:
            assert value is not None and value >= floor, f"{name}: {figure} {value}"
    assert got.strict_f1 >= strict, f"{name}: strict F1 {got.strict_f1:.2f}"
    assert got.lax_f1 >= lax, f"{name}: lax F1 {got.lax_f1:.2f}"
    assert len(got.wrong_one_sided) <= wrong, f"{name}: wrong one-sided claims {got.wrong_one_sided}"


@pytest.mark.parametrize("name", gold_pairs())
def test_hand_alignments_are_well_formed(name):
    gold = load_gold(name)
    left, right = text_of(gold["left"]), text_of(gold["right"])
    blocks_l = {a.label: len(a.blocks()) for a in left.articles}
    blocks_r = {a.label: len(a.blocks()) for a in right.articles}
    keys = [(x["left"], x["right"]) for x in gold["links"]]
    assert len(keys) == len(set(keys))
    for x in gold["links"]:
        assert x["strength"] in ("counterpart", "shares") and x["why"].strip()
        assert all(1 <= b <= blocks_l[x["left"]] for b in x["left_blocks"]), x
        assert all(1 <= b <= blocks_r[x["right"]] for b in x["right_blocks"]), x
    # Every article is in a link or listed as one-sided, never both.
    assert {k[0] for k in keys} | set(gold["left_only"]) == set(blocks_l)
    assert {k[1] for k in keys} | set(gold["right_only"]) == set(blocks_r)
    assert not {k[0] for k in keys} & set(gold["left_only"])
    assert not {k[1] for k in keys} & set(gold["right_only"])
    # No many-to-many counterpart group.
    counterpart = [k for k, x in zip(keys, gold["links"]) if x["strength"] == "counterpart"]
    for left_label, right_label in counterpart:
        fan_out = {r for l, r in counterpart if l == left_label}
        fan_in = {l for l, r in counterpart if r == right_label}
        assert len(fan_out) == 1 or len(fan_in) == 1, (left_label, right_label)
