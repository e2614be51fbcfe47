"""What the terminal is owed: whether to colour. Imports nothing heavy, so
that the git driver's cached answers (:mod:`cli.gitdiffcache`) can use it
without loading click."""

from __future__ import annotations

import os


def use_color(choice: str, stream) -> bool:
    """Whether to colour output to ``stream``. ``always`` / ``never`` win;
    ``auto`` follows the conventions of no-color.org and force-color.org:
    a non-empty FORCE_COLOR forces colour, a non-empty NO_COLOR turns it
    off, otherwise colour on a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()
