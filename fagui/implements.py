"""Which text of a corpus implements which: the pairs a report compares.

A local regulation (or a national implementing one, 实施条例) says itself what
it implements: in its title (上海市实施《中华人民共和国消防法》办法,
中华人民共和国档案法实施条例) and in its basis clause, the first article
(为了实施《……》, 根据《……》的规定, with the short name it gives,
（以下简称《……》）). :func:`cited_names` reads those names;
:func:`link_texts` matches them against the corpus's titles through an index
(title key -> texts), so finding the pairs costs one look-up per cited name,
never a comparison of every text with every other. The rules, in order:

1. ``declared``: front matter ``implements: [ID, ...]`` overrides the rest;
   an id not in the corpus is a warning, and a text left with none is unpaired.
2. ``title`` / ``basis_clause``: each corpus text named in the title or the
   basis clause is a reference, provided it stands above the citing text
   (:func:`stands_above`: a national text above a local one; within a level,
   a law above what is not a law, then the earlier text). Self-citations are
   ignored; of two texts citing each other only the direction
   :func:`stands_above` allows is kept, so there is never a loop.
3. ``shared_basis``: a local text none of whose named texts is in the corpus is
   paired with the national texts of the corpus that name the same
   higher-level texts in their own title or basis clause (the national rules
   and the provincial rules made under one law: the seed corpus's
   反间谍安全防范工作规定 and the four provinces, all made under
   《中华人民共和国反间谍法》, which the corpus does not hold), keeping those
   that share the most names. 宪法 is shared by too many to count.
4. Otherwise the text is unpaired, listed with what it names. A national text
   naming no higher text (a law made under 宪法 alone) is the top of the
   hierarchy, not unpaired.

Two texts of one title (two ids for two versions): the one in force when
the citing text took its form is chosen (the latest on or before
that date, :func:`made_on`), else the earliest; the pairing's ``note`` says which and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Protocol, Sequence

from fagui.messages import DEFAULT_LANG, Lang, say
from fagui.model import Level, Metadata, Regulation
from fagui.text.instruments import IMPLEMENTING, alternation
from fagui.text.width import fold


class Basis(Enum):
    """Why two texts are compared: the evidence that one implements the other."""

    DECLARED = "declared"
    TITLE = "title"
    BASIS_CLAUSE = "basis_clause"
    SHARED_BASIS = "shared_basis"


CONSTITUTION = "宪法"
"""The key of a name every law cites; never a shared basis."""

_QUOTED = re.compile(r"《([^《》\n]{2,80})》")
_ALIAS = re.compile(r"《([^《》\n]{2,80})》[（(]以下简称《?([^》）)\n]{2,30})》?[）)]")
_IMPLEMENTING_TITLE = re.compile(rf"^(.{{2,80}}?){alternation(IMPLEMENTING)}$")
_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def title_key(name: str) -> str:
    """The key a title and a citation of it share: width folded, without
    《》, a closing note such as （2018年修正）, or the 中华人民共和国 prefix
    (a local title cites 《消防法》 for 中华人民共和国消防法)."""
    key = fold(name).strip("《》")
    key = _NOTE.sub("", key)
    return key.removeprefix("中华人民共和国")


@dataclass(frozen=True)
class Citations:
    """The names a text cites, as written (aliases resolved to the name they
    stand for): ``title`` in its title, ``basis`` in its basis clause (the
    first article), ``body`` anywhere else."""

    title: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()
    body: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.title + self.basis + self.body))


def cited_names(regulation: Regulation) -> Citations:
    """What ``regulation`` cites (see :class:`Citations`); its own title is
    never among them."""
    own = title_key(regulation.metadata.title)
    articles = list(regulation.articles)
    first = "\n".join(articles[0].blocks()) if articles else ""
    rest = "\n".join("\n".join(a.blocks()) for a in articles[1:])
    aliases = {fold(short): full for full, short in _ALIAS.findall(first + "\n" + rest)}

    def names(text: str) -> tuple[str, ...]:
        found = (aliases.get(fold(n), n) for n in _QUOTED.findall(text))
        return tuple(dict.fromkeys(n for n in found if title_key(n) != own))

    title = names(regulation.metadata.title)
    bare = _IMPLEMENTING_TITLE.match(fold(regulation.metadata.title))
    if not title and bare and title_key(bare.group(1)) != own:
        title = (bare.group(1),)
    return Citations(title, names(first), names(rest))


class Listed(Protocol):
    """What :func:`link_texts` reads of a corpus text."""

    id: str
    metadata: Metadata
    citations: Citations


@dataclass(frozen=True)
class Pairing:
    """``derived`` implements ``reference``, because of ``basis``:
    ``evidence`` holds the names (or, declared, the ids) that say so; ``note``
    says which of several same-titled texts was chosen, and why."""

    reference: str
    derived: str
    basis: Basis
    evidence: tuple[str, ...]
    note: str | None = None

    @property
    def name(self) -> str:
        """The comparison's name (the stem of its page), ``REFERENCE--DERIVED``
        with ``/`` as ``-``: the same whatever else is in the corpus."""
        return f"{self.reference}--{self.derived}".replace("/", "-")


class Unpairing(Enum):
    """Why a text is compared with nothing."""

    NONE_IN_CORPUS = "none_in_corpus"  # it names no text of the corpus, and shares no basis with one
    DECLARED_UNKNOWN = "declared_unknown"  # its implements: names no text of the corpus


@dataclass(frozen=True)
class Unpaired:
    """A text compared with nothing, and the names it cites."""

    id: str
    cites: tuple[str, ...]
    reason: Unpairing
    title: str = ""
    """The text's title, as a reader names it (the id is the corpus's name)."""


@dataclass(frozen=True)
class Implementation:
    """The pairs of a corpus, reference order then derived order as the texts
    were listed; the texts left unpaired; warnings (``path-or-id: message``)."""

    pairings: tuple[Pairing, ...]
    unpaired: tuple[Unpaired, ...]
    warnings: tuple[str, ...]


def _level(text: Listed) -> int:
    return 0 if text.metadata.level == Level.NATIONAL else 1


def _is_law(text: Listed) -> bool:
    key = title_key(text.metadata.title)
    return key.endswith("法") and not key.endswith("办法")


def made_on(metadata: Metadata) -> str | None:
    """The day the text we hold took its form: its effective date, else
    adopted, else promulgated. Effective first because ``adopted`` may be
    the first adoption of a text since amended (广东省实施《消防法》办法:
    adopted 2010-07-23, the text in force from 2022-07-01)."""
    return metadata.effective or metadata.adopted or metadata.promulgated


def _date(text: Listed) -> str:
    return made_on(text.metadata) or "9999-99-99"


def stands_above(reference: Listed, derived: Listed) -> bool:
    """May ``reference`` be what ``derived`` implements? A national text
    stands above any other; within a level, a law (a title ending in 法)
    above what is not one, then the earlier text (:func:`made_on`),
    then the smaller id. A strict order, so no two texts stand above each other."""

    def rank(t: Listed) -> tuple:
        return (_level(t), not _is_law(t), _date(t), t.id)

    return reference.id != derived.id and rank(reference) < rank(derived)


def _choose(candidates: list[Listed], derived: Listed) -> tuple[Listed, str | None]:
    """Of several texts sharing a title, the one in force when ``derived``
    took its form (:func:`made_on`), else the earliest; with a note when there was a choice."""
    if len(candidates) == 1:
        return candidates[0], None
    when = _date(derived)
    dated = sorted(candidates, key=lambda t: (_date(t), t.id))
    before = [t for t in dated if _date(t) <= when]
    others = "、".join(t.id for t in dated)
    if before:
        chosen = before[-1]
        why = f"施行于 {_date(chosen)}，为 {derived.id} 施行（{when}）时施行的文本"
    else:
        chosen = dated[0]
        why = f"{derived.id} 施行（{when}）时均未施行，取最早的文本"
    return chosen, f"同名文本 {others}：选用 {chosen.id}（{why}）"


def link_texts(texts: Sequence[Listed], paths: dict[str, str] | None = None) -> Implementation:
    """The pairs to compare in ``texts`` and the texts left unpaired (see the
    module's rules). ``paths`` names each text's file in warnings."""
    paths = paths or {}
    by_id = {t.id: t for t in texts}
    by_title: dict[str, list[Listed]] = {}
    for t in texts:
        by_title.setdefault(title_key(t.metadata.title), []).append(t)
    naming: dict[str, list[Listed]] = {}  # a cited name's key -> the national texts whose title or basis names it
    for t in texts:
        if _level(t) == 0:
            for key in dict.fromkeys(title_key(n) for n in t.citations.title + t.citations.basis):
                if key != CONSTITUTION:
                    naming.setdefault(key, []).append(t)

    found: list[Pairing] = []
    unpaired: list[Unpaired] = []
    warnings: list[str] = []
    for t in texts:
        cited = t.citations.title + t.citations.basis
        if t.metadata.implements:
            pairs = _declared(t, by_id, paths, warnings)
            if not pairs:
                unpaired.append(Unpaired(t.id, t.citations.all(), Unpairing.DECLARED_UNKNOWN, t.metadata.title))
            found += pairs
            continue
        pairs = _named(t, by_title)
        if not pairs and _level(t) != 0:
            pairs = _shared(t, naming)
        if pairs:
            found += pairs
        elif _level(t) != 0 or any(title_key(n) != CONSTITUTION for n in cited):
            unpaired.append(Unpaired(t.id, t.citations.all(), Unpairing.NONE_IN_CORPUS, t.metadata.title))
    order = {t.id: n for n, t in enumerate(texts)}
    found.sort(key=lambda p: (order[p.reference], order[p.derived]))
    return Implementation(tuple(found), tuple(unpaired), tuple(warnings))


def _declared(t: Listed, by_id: dict[str, Listed], paths: dict[str, str], warnings: list[str]) -> list[Pairing]:
    out = []
    for ref in dict.fromkeys(t.metadata.implements):
        where = paths.get(t.id, t.id)
        if ref == t.id:
            warnings.append(f"{where}: implements: {ref} is this text itself; ignored")
        elif ref not in by_id:
            warnings.append(f"{where}: implements: no text {ref} in the corpus")
        else:
            out.append(Pairing(ref, t.id, Basis.DECLARED, (ref,)))
    return out


def _named(t: Listed, by_title: dict[str, list[Listed]]) -> list[Pairing]:
    """Rule 2: the corpus texts named in the title, then the basis clause."""
    out: dict[str, Pairing] = {}
    for basis, names in ((Basis.TITLE, t.citations.title), (Basis.BASIS_CLAUSE, t.citations.basis)):
        for name in names:
            candidates = [c for c in by_title.get(title_key(name), []) if stands_above(c, t)]
            if not candidates:
                continue
            chosen, note = _choose(candidates, t)
            if chosen.id not in out:
                out[chosen.id] = Pairing(chosen.id, t.id, basis, (name,), note)
    return list(out.values())


def _shared(t: Listed, naming: dict[str, list[Listed]]) -> list[Pairing]:
    """Rule 3: the national texts naming the most of the same higher texts."""
    shared: dict[str, list[str]] = {}
    for name in t.citations.title + t.citations.basis:
        for n in naming.get(title_key(name), []):
            if stands_above(n, t) and name not in shared.get(n.id, []):
                shared.setdefault(n.id, []).append(name)
    if not shared:
        return []
    most = max(len(v) for v in shared.values())
    return [Pairing(i, t.id, Basis.SHARED_BASIS, tuple(v)) for i, v in shared.items() if len(v) == most]


def describe(pairing: Pairing, lang: Lang = DEFAULT_LANG) -> str:
    """Why the two texts are compared, in a sentence for the report (Chinese
    by default)."""
    # Ids are listed with 、; book titles stand side by side, as Chinese writes them (《甲》《乙》).
    names = say("list.sep", lang).join(pairing.evidence) if pairing.basis is Basis.DECLARED else "".join(f"《{n}》" for n in pairing.evidence)
    return say(f"pairing.{pairing.basis.value}", lang, names=names)


