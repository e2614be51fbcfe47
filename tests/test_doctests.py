"""The examples in the docstrings of the engine, the CLI and the renderers
run as tests (issue 25 item 5), so a docstring cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("fagui", "cli", "renderers")


def modules() -> list[str]:
    names = []
    for package in PACKAGES:
        root = importlib.import_module(package)
        names.append(package)
        names += [m.name for m in pkgutil.walk_packages(root.__path__, f"{package}.") if not m.name.endswith("__main__")]
    return sorted(names)


@pytest.mark.parametrize("name", modules())
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} fail"


def test_the_examples_are_found():
    """A walk that found no example would pass the test above vacuously."""
    found = {name: doctest.testmod(importlib.import_module(name)).attempted for name in ("fagui.text.items", "fagui.text.numerals")}
    assert all(found.values()), found
