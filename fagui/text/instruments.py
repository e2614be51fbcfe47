"""The names of the kinds of rule (法, 条例, 规定, 办法, 细则, ...): the one list,
and the named parts of it each rule reads.

A title ends with one (吉林省反间谍工作规定) and a text calls itself by one
(本规定第八条, 制定本办法). Each rule that reads them takes a named subset of
:data:`INSTRUMENT_NAMES` rather than its own list, so that a name is added in
one place. The subsets differ because the rules were written for different
texts and have been measured as they are: giving every rule the whole list
would change what they find (本意见第三条 would become a reference to be
renumbered, 违反本法 a violation clause), a change of behaviour for a commit
of its own, with its own evidence. Each subset is a part of the one list (a
test checks).
"""

from __future__ import annotations

INSTRUMENT_NAMES = (
    "法", "条例", "规定", "办法", "细则", "规则", "决定", "解释", "准则", "意见",
    "章程", "规程", "通则", "总则", "实施条例", "实施细则", "实施办法",
)
"""Every name of a kind of rule fagui knows. No name is the start of another
(a test checks), so in an alternation their order does not matter."""

IMPLEMENTING = ("实施条例", "实施细则", "实施办法")
"""The names of a text that implements the law its title names
(消防法实施条例): :mod:`fagui.implements`."""

TITLE_ENDINGS = tuple(n for n in INSTRUMENT_NAMES if n not in IMPLEMENTING)
"""What a regulation's title ends with, as :mod:`fagui.ingest.metadata`
recognises a title (实施条例 ends with 条例 anyway)."""

SELF_REFERENCES = tuple(n for n in INSTRUMENT_NAMES if n not in ("意见", "章程", "规程", "通则", "总则"))
"""What a text calls itself in a reference to its own articles (本规定第八条,
本法第十条之一) that follows a renumbering: :mod:`fagui.align.versions`."""

CITED_SELF = ("法", "条例", "规定", "办法", "细则", "规则", "决定", "实施细则")
"""What a text calls itself where :mod:`fagui.meaning.reference` reads a
citation of its own articles (本条例第十条)."""

STATED_SELF = CITED_SELF + ("实施办法",)
"""What a text calls itself in the wording that gives an article its job
(制定本办法: purpose; 本条例适用于: scope): :mod:`fagui.align.functional`."""

VIOLATED_SELF = ("条例", "规定", "办法", "细则")
"""What a text calls itself after 违反 in a penalty clause (违反本条例第十条):
:mod:`fagui.align.citations`."""


def alternation(names: tuple[str, ...]) -> str:
    """``names`` as a regular-expression group: ``(?:法|条例|...)``."""
    return "(?:" + "|".join(names) + ")"
