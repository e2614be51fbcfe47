"""Which version of a higher-level text a local text was made under.

A national text revised in git (two or more versions of one id) is not the
text a province implemented years before: a province is compared with the
version in force when its own text took its form
(:func:`fagui.implements.made_on`: effective, else adopted), not always the
newest. What changed since is :mod:`fagui.impact`.
"""

from __future__ import annotations

from fagui.errors import FaguiError
from fagui.implements import made_on
from fagui.model import Metadata
from fagui.store.corpus import Corpus
from fagui.store.versions import Version


def followed_version(corpus: Corpus | None, reference_id: str, derived: Metadata) -> Version | None:
    """The version of ``reference_id`` in force when the text of ``derived``
    took its form; the earliest when none was in force yet, the newest when
    ``derived`` states no date. ``None`` when the reference has fewer than two
    versions in git (or there is no git): then the text in ``texts/`` is it."""
    if corpus is None:
        return None
    try:
        versions = corpus.versions(reference_id)
    except FaguiError:
        return None  # not committed
    if len(versions) < 2:
        return None
    when = made_on(derived)
    if when is None:
        return versions[0]
    try:
        return corpus.in_force(reference_id, when)
    except FaguiError:
        return versions[-1]
