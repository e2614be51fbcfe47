"""Where a regulation lives in a corpus, and the checks on the ids, dates and
``ID[@REV]`` specs that name one."""

from __future__ import annotations

import datetime
import re

from fagui.errors import FaguiError
from fagui.files import TEXTS
from fagui.model.regulation import ID_RE

DECISIONS = "decisions"
"""The folder at the top of a corpus that holds the decisions files."""

MAX_ID = 200

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_id(regulation_id: str) -> str:
    """Return ``regulation_id`` if it is a valid id, else raise FaguiError."""
    if len(regulation_id) > MAX_ID or not ID_RE.fullmatch(regulation_id):
        shown = regulation_id if len(regulation_id) <= 60 else regulation_id[:57] + "..."
        raise FaguiError(
            f"bad id {shown!r}: use lower-case letters, digits, '-' and '/' "
            "(like jilin/counterespionage-work-provisions), each part starting with a letter or digit "
            f"and at most 100 characters, {MAX_ID} in all"
        )
    return regulation_id


def check_new_id(regulation_id: str) -> str:
    """:func:`check_id`, and a jurisdiction first: what ``add`` commits is
    ``texts/<jurisdiction>/<name>.md``, so the report can tell national texts
    from local ones (``ssl`` alone would write ``texts/ssl.md``)."""
    check_id(regulation_id)
    if "/" not in regulation_id:
        raise FaguiError(
            f"id {regulation_id!r} names no jurisdiction: use JURISDICTION/NAME "
            f"(like national/{regulation_id} or jilin/{regulation_id})"
        )
    return regulation_id


def markdown_path(regulation_id: str) -> str:
    """``texts/<id>.md``: where a regulation's Markdown lives in a corpus."""
    return f"{TEXTS}/{check_id(regulation_id)}.md"


def source_path(regulation_id: str) -> str:
    """``texts/<id>.source.txt``: where its raw source lives."""
    return f"{TEXTS}/{check_id(regulation_id)}.source.txt"


def check_date(value: str, what: str = "date") -> str:
    """Return ``value`` if it is a real YYYY-MM-DD date, else raise FaguiError."""
    try:
        if DATE_RE.fullmatch(value):
            datetime.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise FaguiError(f"{what} {value!r} is not a date (YYYY-MM-DD)")


def split_spec(spec: str) -> tuple[str, str | None]:
    """``ID[@REV]`` -> (id, rev or None). The id is checked, the rev is not."""
    regulation_id, at, rev = spec.partition("@")
    check_id(regulation_id)
    if at and not rev:
        raise FaguiError(f"{spec!r}: nothing after '@' (give a git revision or a date YYYY-MM-DD)")
    return regulation_id, rev if at else None
