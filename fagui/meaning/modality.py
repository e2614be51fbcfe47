"""Modality: whether a provision obliges (应当, 必须), permits (可以, 有权),
forbids (不得, 禁止) or encourages (鼓励, 支持), and whom.

A modal verb's *holder* is what its clause says before it, less conjunctions
and adverbs (并, 也, 依法, 及时 ...): 县级以上人民政府应当 -> 县级以上人民政府.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from fagui.meaning.terms import Passage, Term, cached, clause, places, scan, unmatched
from fagui.meaning.similar import dice
from fagui.model.meaning import Direction, MeaningChange, MeaningKind


class Modal(str, Enum):
    DUTY = "duty"
    PERMISSION = "permission"
    PROHIBITION = "prohibition"
    ENCOURAGEMENT = "encouragement"


MODAL_WORDS = {
    "不应当": Modal.PROHIBITION,
    "不应": Modal.PROHIBITION,
    "不得": Modal.PROHIBITION,
    "禁止": Modal.PROHIBITION,
    "严禁": Modal.PROHIBITION,
    "不准": Modal.PROHIBITION,
    "应当": Modal.DUTY,
    "必须": Modal.DUTY,
    "应予": Modal.DUTY,
    "可以": Modal.PERMISSION,
    "有权": Modal.PERMISSION,
    "根据需要": Modal.PERMISSION,
    "鼓励": Modal.ENCOURAGEMENT,
    "提倡": Modal.ENCOURAGEMENT,
    "支持": Modal.ENCOURAGEMENT,
}
"""Modal verbs and what each makes of a provision."""

MODAL_NAMES = {Modal.DUTY: "义务", Modal.PERMISSION: "授权", Modal.PROHIBITION: "禁止", Modal.ENCOURAGEMENT: "鼓励"}
BINDING = frozenset({Modal.DUTY, Modal.PROHIBITION})

_MODAL = re.compile("|".join(sorted(MODAL_WORDS, key=len, reverse=True)))
_LEAD = re.compile(r"^(?:并且|同时|另外|此外|其中|并|也|还|均|都|但|而|且)+")
_TAIL = re.compile(r"(?:依法|依照[^，。；]*?规定|按照[^，。；]*?规定|及时|一律|同时|也|均|都|还|并|仍|应|可|必要时)+$")
_NOT_A_VERB = re.compile(r"(?:提供|给予|予以|的|和|、|及|与|或者|技术|资金|政策)$")
CONTEXT = 16
"""Characters of the clause after a modal verb kept as its wording."""


def holder(text: str, start: int) -> str:
    """Who a modal verb at ``start`` binds: its clause before it, less
    conjunctions and adverbs."""
    a, _ = clause(text, start, start)
    before = text[a:start]
    before = _TAIL.sub("", _LEAD.sub("", before))
    return before


@cached
def modal_terms(passage: Passage) -> list[Term]:
    """The modal verbs of a passage, each with its holder (``value``:
    (Modal, holder, clause without the verb, the verb)). 支持/鼓励/提倡 count
    only as their sentence's first modal verb, where they are the verb and
    not the thing given (提供支持, 应当支持 are not encouragement) and 支持 not the
    first of a list of verbs (支持、协助 is what a duty asks); 其他应当履行的义务 names
    duties, it does not impose one. 根据需要 with no modal verb in its clause
    is a discretion: a permission."""

    def make(m: re.Match, text: str, place) -> Term | None:
        word = m.group()
        modal = MODAL_WORDS[word]
        if text[max(0, m.start() - 2) : m.start()] == "其他":
            return None  # 其他应当履行的义务: a kind of duty named, not a verb
        a, b = clause(text, m.start(), m.end())
        sentence = max(text.rfind(ch, 0, m.start()) for ch in "。；") + 1
        if modal is Modal.ENCOURAGEMENT and (
            _MODAL.search(text, sentence, m.start()) or _NOT_A_VERB.search(text[a : m.start()]) or (word == "支持" and text[m.end() : m.end() + 1] in "、和")
        ):
            return None
        if word == "根据需要" and any(x.group() != word for x in _MODAL.finditer(text, a, b)):
            return None  # 可以根据需要: the modal verb says it
        who = holder(text, m.start())
        rest = text[a : m.start()] + text[m.end() : b]
        wording = text[a : min(b, m.end() + CONTEXT)]
        return Term(wording, (modal, who), place, m.start(), (modal, who, rest, word))

    return scan(passage, _MODAL, make)


def _says(left: Term, right: Term) -> str:
    (lm, who, _, lw), (rm, rwho, _, rw) = left.value, right.value
    whom = rwho or who or "（未写明主体）"
    return f"{whom}：“{lw}”改为“{rw}”（{MODAL_NAMES[lm]}变为{MODAL_NAMES[rm]}）"


def _direction(left: Modal, right: Modal) -> Direction:
    if left in BINDING and right not in BINDING:
        return Direction.WEAKENED
    if right in BINDING and left not in BINDING:
        return Direction.STRENGTHENED
    return Direction.CHANGED


SAME_CLAUSE = 0.25
"""Two modal verbs stand in the same provision when what they govern shares
this much (bigrams, of the shorter's), counting ``SAME_HOLDER`` more when
their holders are the same."""
SAME_HOLDER = 0.1
"""What the same holder adds: a little, since most provisions of a text
bind the same few bodies (国家安全机关应当…)."""


def modal_verb_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A modal verb replaced by one of another kind in the same provision:
    应当 -> 可以 (a duty became a permission: *weakened*), 可以 -> 应当
    (*strengthened*), 应当 -> 不得 (*changed*). Verbs both sides have for the
    same holder are no change; a verb of the same kind for another holder is
    an actor change, not this. Two verbs stand in the same provision when
    their holders are the same or what each governs is alike (the shorter
    shares ``SAME_CLAUSE`` of its bigrams with the other), best pairs
    first."""
    return tuple(_change(lt, rt, "modal_verb_changed") for lt, rt, _ in changed_modals(left, right))


SENTENCE_END = "。；"


def _predicate(text: str, start: int, end: int) -> str:
    """What a modal verb governs: its sentence after it."""
    ends = [k for k in (text.find(ch, end) for ch in SENTENCE_END) if k >= 0]
    return text[end : min(ends) if ends else len(text)]


@lru_cache(maxsize=64)
def same_clause_pairs(left: Passage, right: Passage) -> tuple[tuple[Term, Term, float], ...]:
    """The modal verbs of the two sides that stand in the same provision,
    once those both sides have for the same holder are set aside: paired
    best first where what each governs (its sentence after it) shares
    ``SAME_CLAUSE`` of the shorter's bigrams (``SAME_HOLDER`` less for the
    same holder), each pair with how alike they are."""
    lt, rt = unmatched(modal_terms(left), modal_terms(right))
    if not lt or not rt:
        return ()
    ltext, rtext = dict(left.blocks), dict(right.blocks)
    pl = [_grams(_predicate(ltext[t.place], t.start, t.start + len(t.value[3]))) for t in lt]
    pr = [_grams(_predicate(rtext[t.place], t.start, t.start + len(t.value[3]))) for t in rt]
    candidates = []
    for i, a in enumerate(lt):
        for j, b in enumerate(rt):
            same_holder = bool(a.value[1]) and a.value[1] == b.value[1]
            alike = _overlap(pl[i], pr[j]) + (SAME_HOLDER if same_holder else 0.0)
            if alike >= SAME_CLAUSE:
                candidates.append((alike, i, j))
    taken_l, taken_r, out = set(), set(), []
    for alike, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in taken_l and j not in taken_r:
            taken_l.add(i)
            taken_r.add(j)
            out.append((lt[i], rt[j], alike))
    return tuple(sorted(out, key=lambda p: (p[1].place.block, p[1].start)))


def _grams(text: str) -> frozenset[str]:
    return frozenset(text[k : k + 2] for k in range(len(text) - 1))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def changed_modals(left: Passage, right: Passage) -> tuple[tuple[Term, Term, float], ...]:
    """The modal verbs replaced by one of another kind in the same provision
    (see :func:`same_clause_pairs`), each pair with how alike they are."""
    return tuple(p for p in same_clause_pairs(left, right) if p[0].value[0] is not p[1].value[0])


def _change(left: Term, right: Term, rule: str) -> MeaningChange:
    direction = _direction(left.value[0], right.value[0])
    return MeaningChange(
        MeaningKind.MODALITY,
        left.wording if left else "",
        right.wording if right else "",
        direction,
        places(left, right),
        rule,
        _says(left, right),
    )


RULES = (("modal_verb_changed", modal_verb_changed),)
