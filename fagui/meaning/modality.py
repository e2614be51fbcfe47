"""Modality: whether a provision obliges (应当, 必须), permits (可以, 有权),
forbids (不得, 禁止) or encourages (鼓励, 支持), and whom.

A modal verb's *holder* is what its clause says before it, less conjunctions
and adverbs (并, 也, 依法, 及时 ...): 县级以上人民政府应当 -> 县级以上人民政府.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from enum import Enum
from functools import lru_cache
from operator import add

from fagui.meaning.terms import Passage, Term, cached, clause, places, unmatched
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
TAIL_WORDS = ("依法", "及时", "一律", "同时", "也", "均", "都", "还", "并", "仍", "应", "可", "必要时")
"""Adverbs a holder does not end with (依法, 及时 ...), and (:data:`PER`)
依照……规定, 按照……规定 without a clause end in between."""
PER = ("依照", "按照")
_TAIL_AT = {w[0]: tuple(x for x in TAIL_WORDS if x[0] == w[0]) for w in TAIL_WORDS}
_STOPS = "，。；"
NOT_A_VERB = ("提供", "给予", "予以", "的", "和", "、", "及", "与", "或者", "技术", "资金", "政策")
"""What an encouraging word follows when it is a thing given, not the verb
(提供支持, 技术支持)."""
CONTEXT = 16
"""Characters of the clause after a modal verb kept as its wording."""


def holder(text: str, start: int) -> str:
    """Who a modal verb at ``start`` binds: its clause before it, less
    conjunctions and adverbs."""
    a, _ = clause(text, start, start)
    before = text[a:start]
    lead = _LEAD.match(before)
    if lead:
        before = before[lead.end() :]
    return before[: _tail_start(before)]


def _tail_start(text: str) -> int:
    """Where the adverbs a holder ends with start (``len(text)`` when there are
    none): the first position from which the rest of ``text`` is a run of
    :data:`TAIL_WORDS` and 依照/按照……规定 (no clause end inside one). Read
    backwards from the end, stopping where no such run can reach, so the time
    is that of the run, not of the text (a regular expression tried at every
    position was quadratic, and exponential on 依照规定依照规定……)."""
    cut = max(map(text.rfind, _STOPS)) + 1  # no run crosses a clause end
    n = len(text)
    ok = {n}  # positions from which the rest is a run (possibly empty)
    lowest = n
    governs = -1  # the last 规定 that ends where a run starts, once found
    q = n - 1
    while q >= cut:
        if any(q + len(w) in ok and text.startswith(w, q) for w in _TAIL_AT.get(text[q], ())) or (
            governs >= q + 2 and text.startswith(PER, q)
        ):
            ok.add(q)
            lowest = q
        if governs < 0 and q + 2 in ok and text.startswith("规定", q):
            governs = q
        if lowest > q + 2:  # no word can end where a run starts: only 依照/按照 can start one
            if governs < 0:
                break
            # the first 依照/按照 before that 规定: no word ends inside it (照
            # is in none), so the run is read on from there alone
            firsts = [k for k in (text.find(w, cut, governs) for w in PER) if k >= 0]
            if not firsts or min(firsts) >= q:
                break
            q = min(firsts)
            ok, lowest, governs = {q}, q, -1
        q -= 1
    return lowest


@cached
def modal_terms(passage: Passage) -> list[Term]:
    """The modal verbs of a passage, each with its holder (``value``:
    (Modal, holder, the verb)). 支持/鼓励/提倡 count
    only as their sentence's first modal verb, where they are the verb and
    not the thing given (提供支持, 应当支持 are not encouragement) and 支持 not the
    first of a list of verbs (支持、协助 is what a duty asks); 其他应当履行的义务 names
    duties, it does not impose one. 根据需要 with no modal verb in its clause
    is a discretion: a permission. Each verb costs the same whatever the
    length of its clause and sentence (an article of 8,000 应当 took minutes)."""
    out = []
    for place, text in passage.blocks:
        found = list(_MODAL.finditer(text))
        sentences = None  # where sentences end, once asked for
        discretion = None  # for 根据需要: starts of the other modal verbs, once asked for
        for k, m in enumerate(found):
            word = m.group()
            modal = MODAL_WORDS[word]
            if text[max(0, m.start() - 2) : m.start()] == "其他":
                continue  # 其他应当履行的义务: a kind of duty named, not a verb
            a, b = clause(text, m.start(), m.end())
            if modal is Modal.ENCOURAGEMENT:
                sentences = sentences or _sentence_ends(text)
                e = bisect_left(sentences, m.start())
                sentence = sentences[e - 1] + 1 if e else 0
                # another modal verb earlier in its sentence (none straddles a sentence end)
                if (k and found[k - 1].start() >= sentence) or text.endswith(NOT_A_VERB, a, m.start()) or (
                    word == "支持" and text[m.end() : m.end() + 1] in "、和"
                ):
                    continue
            if word == "根据需要":
                if discretion is None:
                    discretion = [x.start() for x in found if x.group() != word]
                if bisect_left(discretion, a) < bisect_left(discretion, b):
                    continue  # 可以根据需要: the modal verb says it
            who = holder(text, m.start())
            wording = text[a : min(b, m.end() + CONTEXT)]
            out.append(Term(wording, (modal, who), place, m.start(), (modal, who, word)))
    return out


def _sentence_ends(text: str) -> list[int]:
    return [m.start() for m in _SENTENCE_END.finditer(text)]


def _says(left: Term, right: Term) -> str:
    (lm, who, lw), (rm, rwho, rw) = left.value, right.value
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
_SENTENCE_END = re.compile(f"[{SENTENCE_END}]")


@lru_cache(maxsize=256)
def same_clause_pairs(left: Passage, right: Passage) -> tuple[tuple[Term, Term, float], ...]:
    """The modal verbs of the two sides that stand in the same provision,
    once those both sides have for the same holder are set aside: paired
    best first where what each governs (its sentence after it) shares
    ``SAME_CLAUSE`` of the shorter's bigrams (``SAME_HOLDER`` less for the
    same holder), each pair with how alike they are.

    Best first is greedy: pairs by how alike, then left, then right, each
    taken unless one of its verbs is. Verbs that govern the same bigrams are
    scored once as a class, and each left verb takes the first free right
    verb of the classes alike enough to it, so an article of thousands of
    verbs governing the same words is not scored pair by pair."""
    lt, rt = unmatched(modal_terms(left), modal_terms(right))
    if not lt or not rt:
        return ()
    classes_l, classes_r = _classes(lt, dict(left.blocks)), _classes(rt, dict(right.blocks))
    levels: dict[float, list[tuple[list[int], list[int], bool]]] = defaultdict(list)
    for gl, members_l in classes_l.items():
        for gr, members_r in classes_r.items():
            overlap = _overlap(gl, gr)
            if overlap + SAME_HOLDER >= SAME_CLAUSE:
                levels[overlap + SAME_HOLDER].append((members_l, members_r, True))
            if overlap + 0.0 >= SAME_CLAUSE:
                levels[overlap + 0.0].append((members_l, members_r, False))
    # free right verbs: [members, index of the first that may be free]
    pools: dict[tuple[int, str | None], list] = {}
    by_holder: dict[int, dict[str, list[int]]] = {}

    def pool(members_r: list[int], who: str | None) -> list:
        key = (id(members_r), who)
        if key not in pools:
            if who is None:
                pools[key] = [members_r, 0]
            else:
                if id(members_r) not in by_holder:
                    by_holder[id(members_r)] = defaultdict(list)
                    for j in members_r:
                        by_holder[id(members_r)][rt[j].value[1]].append(j)
                pools[key] = [by_holder[id(members_r)].get(who, []), 0]
        return pools[key]

    taken_l, taken_r, out = set(), set(), []
    for alike in sorted(levels, reverse=True):
        offers: dict[int, list[tuple[list[int], bool]]] = defaultdict(list)
        for members_l, members_r, same_holder in levels[alike]:
            for i in members_l:
                offers[i].append((members_r, same_holder))
        for i in sorted(offers):
            if i in taken_l:
                continue
            who = lt[i].value[1]
            best = None
            for members_r, same_holder in offers[i]:
                if same_holder and not who:
                    continue
                free = pool(members_r, who if same_holder else None)
                while free[1] < len(free[0]) and free[0][free[1]] in taken_r:
                    free[1] += 1
                if free[1] < len(free[0]) and (best is None or free[0][free[1]] < best):
                    best = free[0][free[1]]
            if best is not None:
                taken_l.add(i)
                taken_r.add(best)
                out.append((lt[i], rt[best], alike))
    return tuple(sorted(out, key=lambda p: (p[1].place.block, p[1].start)))


def _classes(terms: list[Term], texts: dict) -> dict[frozenset[str], list[int]]:
    """The verbs (indices into ``terms``, ascending) by the bigrams of what
    each governs: its sentence after it. Read once per sentence, from its
    end: a verb governs what the next one does and what lies between them."""
    by_sentence: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    ends_of: dict = {}
    for k, t in enumerate(terms):
        text = texts[t.place]
        if t.place not in ends_of:
            ends_of[t.place] = _sentence_ends(text)
        ends = ends_of[t.place]
        end = t.start + len(t.value[2])
        e = bisect_left(ends, end)
        by_sentence[t.place, ends[e] if e < len(ends) else len(text)].append((end, k))
    classes: dict[frozenset[str], list[int]] = defaultdict(list)
    for (place, stop), verbs in by_sentence.items():
        text, grams, known = texts[place], set(), frozenset()
        read_from = stop - 1  # bigrams start before the sentence's last character
        for end, k in sorted(verbs, reverse=True):
            grams.update(map(add, text[end:read_from], text[end + 1 : read_from + 1]))  # the bigrams starting in [end, read_from)
            read_from = min(read_from, end)
            if len(grams) != len(known):
                known = frozenset(grams)
            classes[known].append(k)
    for members in classes.values():
        members.sort()
    return classes


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
