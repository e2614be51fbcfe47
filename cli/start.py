"""The ``fagui`` console script (and ``python -m cli``): answers ``fagui``,
``fagui --help`` and ``fagui -h`` with the pre-rendered
:data:`cli.grouphelp.GROUP_HELP`, ``fagui git-diff`` and ``fagui diff`` with
an answer kept from before when there is one (:mod:`cli.gitdiffcache`,
:mod:`cli.diffcache`), and hands everything else to the click group
:data:`cli.main.main`.

Why: importing click costs more than the interpreter's own start, and the
group's help is what a new user runs first. The pre-rendered text is used
only where click would print exactly it (run as ``fagui``, a terminal of 80
columns or more, or no terminal); anywhere else click renders it.
"""

from __future__ import annotations

import os
import sys

HELP_ARGS = ([], ["--help"], ["-h"])
"""The command lines whose whole answer is the group's help."""

RENDERED_COLUMNS = 80
"""click wraps help to min(terminal columns, 80) - 2, so one text serves
every terminal at least this wide."""


def main() -> None:
    if sys.argv[1:] in HELP_ARGS and _program_name() == "fagui" and _columns() >= RENDERED_COLUMNS:
        from cli.grouphelp import GROUP_HELP

        try:
            sys.stdout.write(GROUP_HELP)
            sys.stdout.flush()
        except BrokenPipeError:  # fagui --help | head: as click ends, quietly with 1
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        return
    if sys.argv[1:2] == ["git-diff"]:
        from cli.gitdiffcache import print_cached_answer

        if print_cached_answer(sys.argv[2:]):
            return
    keeper = None
    if sys.argv[1:2] == ["diff"]:
        from cli.diffcache import Keeper, print_kept_answer

        if print_kept_answer(sys.argv[2:]):
            return
        keeper = Keeper(sys.argv[2:])
    from cli.main import main as group

    group(obj=keeper)


def _program_name() -> str:
    """The name click shows in ``Usage:``: the script's file name when run as
    a script, otherwise (``python -m cli``) something else, which click renders."""
    if getattr(sys.modules["__main__"], "__package__", None) not in (None, ""):
        return ""
    return os.path.basename(sys.argv[0])


def _columns() -> int:
    """The terminal width as :func:`shutil.get_terminal_size` gives it (the
    COLUMNS variable, else the terminal of stdout, else 80), without
    importing shutil."""
    try:
        columns = int(os.environ.get("COLUMNS", 0))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or RENDERED_COLUMNS
