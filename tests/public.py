"""Where the real public texts are: ``../shared/corpus`` beside the project's
root, or the folder ``$FAGUI_PUBLIC_TEXTS`` names.

The project keeps none of them in its own tree (docs/design.md, "Public
texts"): LawRefBook files, flk mirror exports, Word files and saved web
pages from public collections, and the texts of the hand-checked alignment
pairs. Where the folder is absent, a test that reads them is skipped with one
line saying so; under CI (``CI=true``) the run fails instead
(tests/conftest.py), so the check is never silently lost.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PUBLIC_TEXTS = Path(os.environ.get("FAGUI_PUBLIC_TEXTS") or ROOT.parent / "shared" / "corpus").resolve()
"""The one place the tests name the folder of real public texts."""

LAYOUTS = PUBLIC_TEXTS / "layouts"
"""Real files in each public layout (its README.md names where each comes from)."""

ALIGNMENT_TEXTS = PUBLIC_TEXTS / "alignment-texts"
"""The texts of the hand-checked alignment pairs, by the file names the gold uses."""

LAWREFBOOK = PUBLIC_TEXTS / "lawrefbook"
"""The LawRefBook/Laws collection, paths as in that repository."""

MISSING = (
    f"real public texts not found at {PUBLIC_TEXTS} "
    "(../shared/corpus beside the project, or set FAGUI_PUBLIC_TEXTS)"
)
"""The one line a skipped test gives."""


def present() -> bool:
    """Whether the folder of public texts is there, with each of its parts."""
    return all(p.is_dir() for p in (LAYOUTS, ALIGNMENT_TEXTS, LAWREFBOOK))


def require(path: Path) -> Path:
    """``path`` inside the public texts; where they are absent, the test is
    skipped with the one line."""
    if not present():
        pytest.skip(MISSING)
    return path


def layout_file(*parts: str) -> Path:
    """A real file of a public layout (``layout_file("flk", "x.md")``)."""
    return require(LAYOUTS.joinpath(*parts))


def files(folder: Path, pattern: str) -> list:
    """The files matching ``pattern`` in ``folder``, as test parameters; where
    the public texts are absent, one parameter skipped with the one line."""
    if not present():
        return [pytest.param(None, marks=pytest.mark.skip(reason=MISSING), id="missing")]
    return sorted(folder.glob(pattern))
