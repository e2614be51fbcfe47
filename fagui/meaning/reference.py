"""References: a law cited by name (《中华人民共和国消防法》, 《消防法》) and
an article cited by number (《…》第十二条, 本法第八条, 本条例第三十条第二款).

A cited law's name is read without 中华人民共和国, so 《中华人民共和国消防法》
and 《消防法》 are one law. Between versions an internal reference that only
follows the renumbering (本法第八条 -> 本法第九条, where 第八条 became 第九条) is
no change of meaning: the caller passes the renumbering.
"""

from __future__ import annotations

import re

from fagui.meaning.terms import Passage, Term, cached, pair_by, places, scan, unmatched
from fagui.model.meaning import Direction, MeaningChange, MeaningKind
from fagui.text.instruments import CITED_SELF, alternation
from fagui.text.numerals import NUMERAL_CHARS

_ARTICLE_ONLY = re.compile(r"第[^条第]+条(?:之[一二三四五六七八九十]+)?")
_NUM = rf"第[{NUMERAL_CHARS}\d]+条(?:之[一二三四五六七八九十]+)?(?:第[{NUMERAL_CHARS}\d]+款)?(?:第[{NUMERAL_CHARS}\d]+项)?"
LAW = re.compile(r"《(?P<law>[^》]{2,60})》")
ARTICLE = re.compile(rf"(?:《(?P<law>[^》]{{2,60}})》|(?P<own>本{alternation(CITED_SELF)}))?(?P<num>{_NUM}(?:[、和至到]{_NUM})*)")


def law_name(title: str) -> str:
    """A cited law's name as compared: without 中华人民共和国."""
    return title.removeprefix("中华人民共和国")


@cached
def law_terms(passage: Passage) -> list[Term]:
    """The laws a passage cites by name, once each."""
    seen: set[str] = set()

    def make(m: re.Match, text: str, place) -> Term | None:
        name = law_name(m.group("law"))
        if name in seen:
            return None
        seen.add(name)
        return Term(m.group(), name, place, m.start())

    return scan(passage, LAW, make)


def cited_law_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """A law cited by name on one side and not the other: paired in order, a
    cited law *changed* (《条例》 -> 《办法》); unpaired, *added* or *removed*."""
    lt, rt = law_terms(left), law_terms(right)
    lt, rt = unmatched(lt, rt)
    out = []
    for a, b in pair_by(lt, rt, group=lambda t: None):
        d = Direction.CHANGED if a and b else Direction.ADDED if b else Direction.REMOVED
        says = f"引用由{a.wording}改为{b.wording}" if a and b else f"{'新增' if b else '删去'}引用{(a or b).wording}"
        out.append(MeaningChange(MeaningKind.REFERENCE, a.wording if a else "", b.wording if b else "", d, places(a, b), "cited_law_changed", says))
    return tuple(out)


@cached
def article_terms(passage: Passage) -> list[Term]:
    """Articles cited by number, keyed by the law (its name, or "本" for the
    text itself, "" when unnamed: 第N条 alone, 前款) and the numbers. With the
    passage's ``renumbered`` (old label -> new label) its internal references
    are read as the numbers they became."""
    renumbered = passage.renumbered.labels

    def make(m: re.Match, text: str, place) -> Term:
        law = law_name(m.group("law")) if m.group("law") else ("本" if m.group("own") else "")
        num = m.group("num")
        # value: the articles it cites as they are numbered on the other side
        became = tuple(renumbered.get(x, x) for x in _ARTICLE_ONLY.findall(num)) if law in ("本", "") else ()
        return Term(m.group(), (law, num), place, m.start(), became)

    return scan(passage, ARTICLE, make, "条")  # every citation by number ends its number in 条


def cited_article_changed(left: Passage, right: Passage) -> tuple[MeaningChange, ...]:
    """An article cited by number on one side and not the other (the same
    numbers of the same law are no change): one that cites the same
    article under the number it now has is *renumbered* (with the passage's
    ``renumbered``, between versions); the rest paired in order with one of
    the same law, *changed*; unpaired, *added* or *removed*. Articles of a law only one
    side cites are left to :func:`cited_law_changed`."""
    laws = {t.key for t in law_terms(left)} ^ {t.key for t in law_terms(right)}
    lt, rt = (
        [t for t in article_terms(p) if t.key[0] not in laws]
        for p in (left, right)
    )
    lt, rt = unmatched(lt, rt)
    out = []
    # A reference that cites, under its new number, the article it cited
    # (本条例第三十三条 -> 本条例第二十七条, where 第三十三条 became 第二十七条).
    cites = {id(t): tuple(_ARTICLE_ONLY.findall(t.key[1])) for t in lt + rt}
    for a in [t for t in lt if t.value and t.value != cites[id(t)]]:
        b = next((b for b in rt if b.key[0] == a.key[0] and cites[id(b)] == a.value), None)
        if b is not None:
            lt.remove(a)
            rt.remove(b)
            says = f"引用随条文重新编号由{a.wording}改为{b.wording}"
            out.append(MeaningChange(MeaningKind.REFERENCE, a.wording, b.wording, Direction.RENUMBERED, places(a, b), "cited_article_changed", says))
    for a, b in pair_by(lt, rt, group=lambda t: t.key[0]):
        d = Direction.CHANGED if a and b else Direction.ADDED if b else Direction.REMOVED
        says = f"引用由{a.wording}改为{b.wording}" if a and b else f"{'新增' if b else '删去'}引用{(a or b).wording}"
        out.append(MeaningChange(MeaningKind.REFERENCE, a.wording if a else "", b.wording if b else "", d, places(a, b), "cited_article_changed", says))
    return tuple(out)


RULES = (("cited_law_changed", cited_law_changed), ("cited_article_changed", cited_article_changed))
