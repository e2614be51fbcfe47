"""fagui.text.instruments: the one list of the names of kinds of rule, and
the parts of it each rule reads."""

from __future__ import annotations

import pytest

from fagui.align.citations import VIOLATION
from fagui.align.functional import role_of
from fagui.align.versions import INTERNAL_REF
from fagui.implements import _IMPLEMENTING_TITLE
from fagui.ingest.metadata import TITLE_RE
from fagui.meaning.reference import ARTICLE
from fagui.text import instruments
from fagui.text.instruments import INSTRUMENT_NAMES

SUBSETS = ("IMPLEMENTING", "TITLE_ENDINGS", "SELF_REFERENCES", "CITED_SELF", "STATED_SELF", "VIOLATED_SELF")


def test_no_name_is_the_start_of_another_so_order_does_not_matter():
    assert len(set(INSTRUMENT_NAMES)) == len(INSTRUMENT_NAMES)
    assert [(a, b) for a in INSTRUMENT_NAMES for b in INSTRUMENT_NAMES if a != b and b.startswith(a)] == []


@pytest.mark.parametrize("name", SUBSETS)
def test_every_subset_is_part_of_the_one_list(name):
    subset = getattr(instruments, name)
    assert subset and set(subset) <= set(INSTRUMENT_NAMES)


def test_each_rule_reads_the_names_of_its_subset_and_no_other():
    def read(rule, names):
        return {n for n in INSTRUMENT_NAMES if rule(n)} == set(names)

    assert read(lambda n: TITLE_RE.match(f"吉林省反间谍工作{n}"), instruments.TITLE_ENDINGS + instruments.IMPLEMENTING)
    assert read(lambda n: INTERNAL_REF.search(f"依照本{n}第八条"), instruments.SELF_REFERENCES)
    assert read(lambda n: (m := ARTICLE.fullmatch(f"本{n}第八条")) and m.group("own"), instruments.CITED_SELF)
    assert read(lambda n: role_of(f"为了保障安全，制定本{n}。") == "purpose", instruments.STATED_SELF)
    assert read(lambda n: VIOLATION.search(f"违反本{n}"), instruments.VIOLATED_SELF)
    assert read(lambda n: _IMPLEMENTING_TITLE.match(f"中华人民共和国消防法{n}"), instruments.IMPLEMENTING)
