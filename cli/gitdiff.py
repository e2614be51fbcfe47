"""fagui git-diff: the external diff command git runs for regulation files
once ``fagui install-git-driver`` has set it up. Loads no GitPython: git
hands it two files."""

from __future__ import annotations

import os
import sys

import click

from cli.options import use_color
from fagui.errors import FaguiError
from fagui.files import read_text
from fagui.markdown import read_regulation
from fagui.store.changes import compare_versions
from fagui.store.paths import TEXTS
from renderers import render


@click.command("git-diff", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def git_diff(args: tuple[str, ...]) -> None:
    """The external diff git runs for texts/**/*.md (see install-git-driver).

    git passes seven arguments: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE
    NEW-HEX NEW-MODE. You do not run this yourself.

    \b
    Examples (git runs it for you once the driver is installed):
      git diff HEAD~1 -- texts/
      git log -p --ext-diff texts/jilin/counterespionage-work-provisions.md
    """
    if len(args) < 7:
        raise FaguiError(f"git-diff takes the 7 arguments git passes, got {len(args)}")
    path, old_file, old_hex, _, new_file, new_hex, _ = args[:7]
    regulation_id = path.removeprefix(f"{TEXTS}/").removesuffix(".md")
    sides = []
    for file, rev in ((old_file, old_hex), (new_file, new_hex)):
        sides.append(None if file == os.devnull else read_regulation(read_text(file), f"{path}@{rev[:7]}"))
    if sides == [None, None]:
        return
    comparison = compare_versions(regulation_id, *sides, old_hex, new_hex)
    click.echo(f"fagui diff a/{path} b/{path}")
    colored = use_color("auto", sys.stdout)
    click.echo(render(comparison, "text", color=colored), nl=False, color=colored)
