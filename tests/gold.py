"""Hand-checked alignments (tests/fixtures/alignment/*.json) and the figures
the engine is held to against them.

Each fixture was made by two annotators reading the texts independently,
neither seeing the other's work nor the engine's output, then reconciled by a
third reader (see tests/fixtures/alignment/README.md). A link joins a left
article to a right article by label, with a strength (counterpart or shares),
the blocks that correspond (1-based) and ``sure``: recall is counted over
sure links, precision counts every gold link (sure or not) as right.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import public

from fagui.ingest import ingest_bytes
from fagui.markdown import read_regulation
from fagui.model import Comparison, Grade, Regulation

FIXTURES = Path(__file__).parent / "fixtures" / "alignment"
CORPUS = Path(__file__).parent.parent / "texts"

SEED_FILES = {
    "national.md": "national/counterespionage-security-provisions",
    "jilin.md": "jilin/counterespionage-work-provisions",
    "zhejiang.md": "zhejiang/counterespionage-security-measures",
    "jiangxi.md": "jiangxi/counterespionage-work-regulations",
    "heilongjiang.md": "heilongjiang/counterespionage-security-regulations",
}


def gold_pairs() -> list[str]:
    """The names of the hand-aligned pairs."""
    return sorted(p.stem for p in FIXTURES.glob("*.json"))


def load_gold(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))


LAWREFBOOK_FILES = {
    "consumer-law.md": "民法商法/消费者权益保护法(2013-10-25).md",
    "zhejiang-consumer.md": "DLC/浙江地方法规/地方性法规/浙江/浙江省实施《消费者权益保护法》办法(2017-03-31).md",
    "women-2018.md": "社会法/妇女权益保障法(2018-10-26).md",
    "women-2022.md": "社会法/妇女权益保障法(2022-10-30).md",
}
"""Gold texts not (yet) in ../shared/corpus/alignment-texts: their LawRefBook
files, ingested as they are (the canonical text the annotators read was made
the same way)."""


def text_of(file_name: str) -> Regulation:
    """A gold file's text: a seed from the corpus, else a real public text
    from ../shared/corpus (skipped with one line where that is absent)."""
    if file_name in SEED_FILES:
        return read_regulation((CORPUS / f"{SEED_FILES[file_name]}.md").read_text("utf-8"))
    path = public.ALIGNMENT_TEXTS / file_name
    if file_name in LAWREFBOOK_FILES and not path.exists():
        source = public.require(public.LAWREFBOOK / LAWREFBOOK_FILES[file_name])
        return ingest_bytes(source.read_bytes(), source.name).regulation
    return read_regulation(public.require(path).read_text("utf-8"))


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Figures:
    """How a comparison's links compare with a gold alignment."""

    counterpart_precision: float | None
    counterpart_recall: float | None
    shares_precision: float | None
    shares_recall: float | None
    strict_f1: float
    lax_f1: float
    wrong_one_sided: tuple[str, ...]
    """Articles the engine calls not adopted / provincial-only (or deleted /
    added) although the gold links them surely. A figure with nothing to
    count (no predicted shares link, no sure gold shares link) is None."""


def figures(gold: dict, comparison: Comparison) -> Figures:
    """Counterpart links: precision (right when gold has the link, any
    strength: a counterpart the gold calls shares still pairs the right
    articles) and recall over the gold's sure counterpart links. Shares
    links: precision (gold has the link, any strength) and recall over the
    gold's sure shares links found as any link (a carried provision shown as
    counterpart is still shown). Strict F1: article links of any strength
    against the gold's links (precision over all, recall over sure). Lax F1
    (as Bertalign and Vecalign count it): a predicted counterpart group is
    right when it overlaps a gold counterpart group on both sides, recall
    likewise. Wrong one-sided claims are counted against sure gold links: an
    unsure link is defensible, not required."""
    links = {(l.left, l.right): l.strength for l in comparison.links}
    every = {(g["left"], g["right"]): g for g in gold["links"]}
    sure = {k for k, g in every.items() if g["sure"]}
    counterpart = {k for k, s in links.items() if s == "counterpart"}
    shares = {k for k, s in links.items() if s == "shares"}
    gold_counterpart_sure = {k for k in sure if every[k]["strength"] == "counterpart"}
    gold_shares_sure = {k for k in sure if every[k]["strength"] == "shares"}

    def share(part: set, whole: set) -> float | None:
        return len(part & whole) / len(whole) if whole else None

    strict_p, strict_r = share(set(every), set(links)) or 0.0, share(set(links), sure) or 0.0
    lax_p, lax_r = _lax(comparison, gold)
    one_sided = {"not_adopted", "provincial_only", "deleted", "added"}
    linked_l = {k[0] for k in sure}
    linked_r = {k[1] for k in sure}
    wrong = tuple(
        sorted(
            ["L" + a.label for p in comparison.pairs if p.relation in one_sided for a in p.left if a.label in linked_l]
            + ["R" + a.label for p in comparison.pairs if p.relation in one_sided for a in p.right if a.label in linked_r]
        )
    )
    return Figures(
        counterpart_precision=share(set(every), counterpart),
        counterpart_recall=share(counterpart, gold_counterpart_sure),
        shares_precision=share(set(every), shares),
        shares_recall=share(set(links), gold_shares_sure),
        strict_f1=_f1(strict_p, strict_r),
        lax_f1=_f1(lax_p, lax_r),
        wrong_one_sided=wrong,
    )


@dataclass(frozen=True)
class GradeFigures:
    """How far a comparison's grades can be trusted, against a gold
    alignment: (precision, number) of the links graded sure, of those graded
    unsure and of all links shown (sure and unsure; None when there is none);
    the share of the gold's agreed links shown, and shown or first among an
    article alone's candidates; the claims that an article
    has no correspondence (not adopted, provincial-only, deleted, added)
    graded sure that the gold contradicts (it links the article surely), and
    all such claims that it contradicts, of how many."""

    sure: tuple[float | None, int]
    unsure: tuple[float | None, int]
    shown: tuple[float | None, int]
    recall: float | None
    recall_with_candidates: float | None
    wrong_sure_claims: int
    wrong_claims: int
    claims: int


def grade_figures(gold: dict, comparison: Comparison) -> GradeFigures:
    """The :class:`GradeFigures` of ``comparison`` against ``gold``: a link
    is right when the gold links the two articles (any strength)."""
    every = {(g["left"], g["right"]) for g in gold["links"]}
    agreed = {(g["left"], g["right"]) for g in gold["links"] if g.get("agreed")}
    sure_l = {g["left"] for g in gold["links"] if g["sure"]}
    sure_r = {g["right"] for g in gold["links"] if g["sure"]}
    sure = [(x.left, x.right) for x in comparison.links if x.grade == Grade.SURE]
    unsure = [(x.left, x.right) for x in comparison.links if x.grade == Grade.UNSURE]
    one_sided = {"not_adopted", "provincial_only", "deleted", "added"}
    claims = [
        (p.grade, a.label not in (sure_l if p.left else sure_r))
        for p in comparison.pairs
        if p.relation in one_sided
        for a in p.left + p.right
    ]

    firsts = {
        (p.left[0].label, p.candidates[0].label) if p.left else (p.candidates[0].label, p.right[0].label)
        for p in comparison.pairs
        if p.candidates
    }
    found = set(sure + unsure) | firsts

    def precision(xs: list) -> tuple[float | None, int]:
        return (sum(x in every for x in xs) / len(xs), len(xs)) if xs else (None, 0)

    return GradeFigures(
        sure=precision(sure),
        unsure=precision(unsure),
        shown=precision(sure + unsure),
        recall=len(agreed & set(sure + unsure)) / len(agreed) if agreed else None,
        recall_with_candidates=len(agreed & found) / len(agreed) if agreed else None,
        wrong_sure_claims=sum(1 for g, ok in claims if g == Grade.SURE and not ok),
        wrong_claims=sum(1 for _, ok in claims if not ok),
        claims=len(claims),
    )


def _groups(pairs: list[tuple[str, str]]) -> list[tuple[set, set]]:
    """Connected components of counterpart links: (left labels, right labels)."""
    groups: list[tuple[set, set]] = []
    for left, right in pairs:
        touching = [g for g in groups if left in g[0] or right in g[1]]
        merged = ({left}, {right})
        for g in touching:
            groups.remove(g)
            merged[0].update(g[0])
            merged[1].update(g[1])
        groups.append(merged)
    return groups


def _lax(comparison: Comparison, gold: dict) -> tuple[float, float]:
    predicted = [({a.label for a in p.left}, {a.label for a in p.right}) for p in comparison.pairs if p.left and p.right]
    wanted = _groups([(g["left"], g["right"]) for g in gold["links"] if g["strength"] == "counterpart"])
    sure = _groups([(g["left"], g["right"]) for g in gold["links"] if g["strength"] == "counterpart" and g["sure"]])

    def overlaps(a, b) -> bool:
        return bool(a[0] & b[0]) and bool(a[1] & b[1])

    p = sum(any(overlaps(x, y) for y in wanted) for x in predicted) / len(predicted) if predicted else 1.0
    r = sum(any(overlaps(y, x) for x in predicted) for y in sure) / len(sure) if sure else 1.0
    return p, r
