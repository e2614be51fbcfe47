"""Hand-marked legal-meaning changes (tests/fixtures/meaning/*.json) and the
figures the recognisers are held to against them.

The gold marks, for every link of a hand alignment (tests/fixtures/alignment),
every change of legal meaning between its left and right article, by kind,
with each side's wording (see tests/fixtures/meaning/README.md). The
recognisers are run on the same links: a counterpart group's articles (the
counterpart links joined into groups, as the engine pairs them) and a shares
link's blocks. This measures the recognisers alone: the engine's own
alignment has errors of its own, measured elsewhere.

A found change is right when the gold has a change of the same kind on the
same group (or shares link) whose wording shares a run of at least two
characters with the found one on either side (the match the annotators'
agreement was counted with), each gold change matched once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from gold import load_gold, text_of

from fagui.meaning import RULES, Passage, meanings
from fagui.meaning.flags import FLAG_RULES, Texts, flags_between, texts_of
from fagui.model import Flag, MeaningChange, MeaningKind, Place

FIXTURES = Path(__file__).parent / "fixtures" / "meaning"
HELD_OUT = FIXTURES / "held-out"
"""Gold marked after the recognisers were written: measured, never tuned on."""
KINDS = [k.value for k in MeaningKind]


def meaning_pairs() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.json"))


def held_out_pairs() -> list[str]:
    return sorted(p.stem for p in HELD_OUT.glob("*.json"))


def load_meaning_gold(name: str) -> dict:
    path = FIXTURES / f"{name}.json"
    return json.loads((path if path.exists() else HELD_OUT / f"{name}.json").read_text("utf-8"))


@dataclass(frozen=True)
class Unit:
    """What the recognisers read for some gold links: ``links`` (left label,
    right label), and each side's passage."""

    links: frozenset[tuple[str, str]]
    left: Passage
    right: Passage


def units(name: str) -> list[Unit]:
    """The counterpart groups and shares links of pair ``name``'s hand alignment, as passages."""
    align = load_gold(name)
    left, right = text_of(align["left"]), text_of(align["right"])
    la = {a.label: a for a in left.articles}
    ra = {a.label: a for a in right.articles}
    counterparts = [(x["left"], x["right"]) for x in align["links"] if x["strength"] == "counterpart"]
    # Counterpart links joined into groups (one-to-many or many-to-one).
    group: dict[tuple[str, str], int] = {}
    members: list[set[tuple[str, str]]] = []
    for side, label in [("L", l) for l, _ in counterparts] + [("R", r) for _, r in counterparts]:
        if (side, label) not in group:
            group[side, label] = len(members)
            members.append({(side, label)})
    for l, r in counterparts:
        a, b = group["L", l], group["R", r]
        if a != b:
            members[a] |= members[b]
            for node in members[b]:
                group[node] = a
            members[b] = set()
    renumbered = ()
    if align["mode"] == "versions":
        one = [(l, r) for l, r in counterparts if sum(x == l for x, _ in counterparts) == 1 and sum(y == r for _, y in counterparts) == 1]
        renumbered = tuple((l, r) for l, r in one if l != r)
    # Blocks a shares link carries and the counterpart link does not list are
    # the shares link's (as the engine leaves them to the link).
    listed = defaultdict(set)
    for x in align["links"]:
        for side, label, blocks in (("L", x["left"], x["left_blocks"]), ("R", x["right"], x["right_blocks"])):
            listed[x["strength"], side, label] |= {b - 1 for b in blocks}

    def own(side: str, label: str, b: int) -> bool:
        return b not in listed["shares", side, label] or b in listed["counterpart", side, label]

    out = []
    for nodes in members:
        if not nodes:
            continue
        lefts = sorted((lab for s, lab in nodes if s == "L"), key=lambda x: la[x].key)
        rights = sorted((lab for s, lab in nodes if s == "R"), key=lambda x: ra[x].key)
        links = frozenset((l, r) for l, r in counterparts if l in lefts)
        lp = Passage(tuple((Place(lab, b), t) for lab in lefts for b, t in enumerate(la[lab].blocks()) if own("L", lab, b)), renumbered)
        rp = Passage(tuple((Place(lab, b), t) for lab in rights for b, t in enumerate(ra[lab].blocks()) if own("R", lab, b)))
        out.append(Unit(links, lp, rp))
    for x in align["links"]:
        if x["strength"] == "shares":
            lb, rb = la[x["left"]].blocks(), ra[x["right"]].blocks()
            lp = Passage(tuple((Place(x["left"], b - 1), lb[b - 1]) for b in x["left_blocks"]), renumbered)
            rp = Passage(tuple((Place(x["right"], b - 1), rb[b - 1]) for b in x["right_blocks"]))
            out.append(Unit(frozenset({(x["left"], x["right"])}), lp, rp))
    return out


def _overlap(a: str, b: str) -> int:
    if not a or not b:
        return 0
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


@dataclass(frozen=True)
class Counts:
    """Per kind: right (found and in the gold), wrong (found, not in the
    gold), missed (in the gold, not found); and the wrong and missed ones."""

    right: dict[str, int]
    wrong: dict[str, list]
    missed: dict[str, list]

    def precision(self, kind: str) -> float | None:
        n = self.right[kind] + len(self.wrong[kind])
        return self.right[kind] / n if n else None

    def recall(self, kind: str) -> float | None:
        n = self.right[kind] + len(self.missed[kind])
        return self.right[kind] / n if n else None


def measure(names: list[str], rules=None) -> Counts:
    """The recognisers (or ``rules``) against the gold of pairs ``names``."""
    right: dict[str, int] = defaultdict(int)
    wrong: dict[str, list] = defaultdict(list)
    missed: dict[str, list] = defaultdict(list)
    for name in names:
        gold = load_meaning_gold(name)
        for unit in units(name):
            found = list(meanings(unit.left, unit.right, rules or RULES))
            expected = [c for c in gold["changes"] if (c["left_article"], c["right_article"]) in unit.links]
            for kind in KINDS:
                f = [c for c in found if c.kind.value == kind]
                g = [c for c in expected if c["kind"] == kind]
                scored = sorted(
                    ((max(_overlap(a.left, b["left"]), _overlap(a.right, b["right"])), i, j) for i, a in enumerate(f) for j, b in enumerate(g)),
                    reverse=True,
                )
                used_f, used_g = set(), set()
                for size, i, j in scored:
                    if size >= 2 and i not in used_f and j not in used_g:
                        used_f.add(i)
                        used_g.add(j)
                right[kind] += len(used_f)
                wrong[kind] += [(name, f[i]) for i in range(len(f)) if i not in used_f]
                missed[kind] += [(name, g[j]) for j in range(len(g)) if j not in used_g]
    return Counts(right, wrong, missed)


def gold_flags(name: str) -> list[Flag]:
    """The flags the flag rules raise on pair ``name``'s hand-aligned links."""
    align = load_gold(name)
    left, right = text_of(align["left"]), text_of(align["right"])
    texts = texts_of(left.metadata, right.metadata, align["mode"])
    return [f for unit in units(name) for f in flags_between(unit.left, unit.right, texts)]
