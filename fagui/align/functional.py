"""Articles that do the same job in any regulation: its purpose and legal
basis (为了……，根据……，制定本办法), its scope (适用本条例), its entry into force
(自……起施行).

Their wording owes little to each other -- a province's 第一条 cites the
national text instead of restating its aims -- so content scores miss them,
yet a reader expects each text's purpose article beside the other's.
"""

from __future__ import annotations

import re

from fagui.align.context import Context, State
from fagui.text.instruments import STATED_SELF, alternation

_INSTRUMENT = alternation(STATED_SELF)
ROLES = {
    "purpose": re.compile(rf"制定本{_INSTRUMENT}"),
    "scope": re.compile(rf"(?:本{_INSTRUMENT}适用于|适用本{_INSTRUMENT}|遵守.{{0,24}}本{_INSTRUMENT})"),
    "entry_into_force": re.compile(r"(?:自.{1,30}起施行|起施行。$)"),
}
"""Each job an article may do, and the wording that says so."""


def role_of(text: str) -> str | None:
    """The one job an article's (folded) text says it does, or None (none,
    or more than one: an article that both states its purpose and its scope
    is no clear partner for either)."""
    found = [name for name, pattern in ROLES.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def functional_articles(ctx: Context, state: State) -> State:
    """The left and the right article doing the same job (purpose, scope,
    entry into force: :data:`ROLES`) are linked, in place of any earlier
    one-to-one link of either: what an article is for outweighs the stock
    wording it may share with another. Where several articles of a text say
    they do a job, the first does it (the last, for entry into force): a
    later 适用本规定的有关规定 extends the scope, it does not set it."""
    matches = state.matches()
    matched_to = {j: i for i, j in matches.items()}
    for i, j in sorted(functional_pairs(ctx)):
        if matches.get(i) == j:
            continue
        matched_to.pop(matches.pop(i, None), None)
        matches.pop(matched_to.pop(j, None), None)
        matches[i], matched_to[j] = j, i
    return state.with_matches(matches)


def functional_pairs(ctx: Context) -> set[tuple[int, int]]:
    """The (left, right) articles :func:`functional_articles` links (found
    once per comparison: five passes ask)."""
    if "functional" not in ctx._cache:
        right = _roles(ctx.texts_r)
        ctx._cache["functional"] = {(i, right[role]) for role, i in _roles(ctx.texts_l).items() if role in right}
    return ctx._cache["functional"]


def _roles(texts: list[str]) -> dict[str, int]:
    """{role: index of the article doing it}."""
    seen: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        role = role_of(text)
        if role:
            seen.setdefault(role, []).append(k)
    return {role: ks[-1] if role == "entry_into_force" else ks[0] for role, ks in seen.items()}
