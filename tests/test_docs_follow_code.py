"""The docs quote the engine's rules from the code, and fail here when they
drift: every threshold of ``Params`` with its value and meaning, each figure
the docs give beside the field it comes from, the pages' sentence on scores,
and when a reference article has each coverage status.

To bring a doc back in line, change the code (the value or docstring of a
``Params`` field, ``COVERAGE_STATUSES``) and paste what the failing test
prints."""

from __future__ import annotations

import ast
import re
from dataclasses import fields, replace
from pathlib import Path

import pytest

from fagui.correspondence import coverage_status
from fagui.model import COVERAGE_STATUSES, CoverageStatus
from fagui.model.params import PARAMS
from fagui.messages import Lang
from renderers import COVERAGE, SAME_PROVISION_READING, coverage_name, score_meaning

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]

FIGURE_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?),? \(`(\w+)`\)|(\d[\d,]*(?:\.\d+)?),? `(\w+)`")
"""A figure the docs quote beside the field it comes from: ``0.15 (`min_score`)``
or ``0.3, `block_match```."""


def _docstrings() -> dict[str, str]:
    """Field -> its docstring, read from the source of ``Params``."""
    tree = ast.parse((ROOT / "fagui" / "model" / "params.py").read_text(encoding="utf-8"))
    body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Params").body
    out = {}
    for node, after in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            out[node.target.id] = after.value.value
    return out


def _markdown(docstring: str) -> str:
    """A docstring on one line of a Markdown table: reST roles and double
    backquotes as Markdown code, pipes escaped."""
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", " ".join(docstring.split()))
    return text.replace("``", "`").replace("|", "\\|")


def _value(value) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def params_table() -> str:
    """The table of every threshold docs/comparison.md holds."""
    docs = _docstrings()
    rows = [f"| `{f.name}` | {_value(getattr(PARAMS, f.name))} | {_markdown(docs[f.name])} |" for f in fields(PARAMS)]
    return "\n".join(["| field | value | meaning |", "| --- | --- | --- |", *rows])


def test_every_field_has_a_docstring():
    assert set(_docstrings()) == {f.name for f in fields(PARAMS)}


def test_comparison_md_lists_every_threshold_with_its_value_and_meaning():
    table = params_table()
    assert table in (ROOT / "docs" / "comparison.md").read_text(encoding="utf-8"), "docs/comparison.md should hold:\n" + table


def test_every_figure_quoted_beside_a_field_is_that_fields_value():
    names = {f.name for f in fields(PARAMS)}
    quoted = []
    for path in DOCS:
        for match in FIGURE_RE.finditer(path.read_text(encoding="utf-8")):
            figure, name = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            if name in names:
                quoted.append((path.name, name, figure))
    assert len(quoted) >= 25  # the docs do quote them this way
    wrong = [f"{doc}: {figure} ({name}) but Params.{name} is {_value(getattr(PARAMS, name))}" for doc, name, figure in quoted if float(figure.replace(",", "")) != getattr(PARAMS, name)]
    assert wrong == []


def test_the_figure_check_sees_a_wrong_figure():
    """Not vacuous: a figure that is not its field's value is caught."""
    match = FIGURE_RE.search(f"at least {PARAMS.min_score + 0.01} (`min_score`)")
    assert match and match.group(2) == "min_score" and float(match.group(1)) != PARAMS.min_score


@pytest.mark.parametrize("lang", list(Lang))
def test_the_pages_quote_the_score_thresholds_from_params(lang):
    meaning = score_meaning(lang)
    for figure in (PARAMS.min_score, SAME_PROVISION_READING):
        assert str(figure) in meaning
    moved = score_meaning(lang, replace(PARAMS, min_score=0.2))
    assert "0.2–0.5" in moved and "0.15" not in moved


def test_the_docs_give_when_each_coverage_status_holds_as_the_model_states_it():
    comparison = (ROOT / "docs" / "comparison.md").read_text(encoding="utf-8")
    schema = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    report = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    assert list(COVERAGE_STATUSES) == list(CoverageStatus) == list(COVERAGE)
    row = "| `status` | string | " + "; ".join(f'`"{s}"`: {m}' for s, m in COVERAGE_STATUSES.items()) + " |"
    assert row in schema, "docs/json-schema.md should hold:\n" + row
    for status, meaning in COVERAGE_STATUSES.items():
        assert f"- `{status}`: {meaning}" in comparison, f"docs/comparison.md should list - `{status}`: {meaning}"
        line = f"| {COVERAGE[status]} {coverage_name(status, Lang.ZH)} | `{status}` | {meaning} |"
        assert line in report, "docs/report.md should hold:\n" + line


@pytest.mark.parametrize(
    "blocks, carried, unchanged, counterpart, doubted, status",
    [
        (2, 2, True, True, False, CoverageStatus.AS_IS),
        (2, 2, False, True, False, CoverageStatus.REWORDED),
        (2, 2, False, False, False, CoverageStatus.REWORDED),  # every block through shares links
        (3, 1, True, True, False, CoverageStatus.PARTLY),
        (3, 0, True, True, True, CoverageStatus.PARTLY),  # a sure counterpart is never not adopted
        (3, 0, True, False, False, CoverageStatus.NOT_ADOPTED),
        (3, 0, True, False, True, CoverageStatus.UNSURE),
        (3, 1, True, False, True, CoverageStatus.PARTLY),  # a sure link carries a block: not 待核
    ],
)
def test_coverage_status_is_the_rule_the_model_states(blocks, carried, unchanged, counterpart, doubted, status):
    assert coverage_status(blocks, carried, unchanged=unchanged, counterpart=counterpart, doubted=doubted) == status
