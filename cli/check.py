"""fagui check: is each file still in canonical form?"""

from __future__ import annotations

import sys

import click

from fagui.check import check_file, corpus_markdown
from fagui.text.control import visible


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
def check(paths: tuple[str, ...]) -> None:
    """Check that files are in canonical form.

    Exits 1 at the first departure in each file (printed as path:line:
    reason), 2 if a file cannot be read. With no PATHS, checks every .md file
    under texts/ of the corpus around the current folder (from anywhere inside it).

    \b
    Examples:
      fagui check
      fagui check texts/jilin/counterespionage-work-provisions.md
    """
    if not paths:
        paths = tuple(corpus_markdown())
    failed = False
    for path in paths:
        departure = check_file(path)
        if departure is not None:
            click.echo(visible(f"{path}:{departure.line}: {departure.reason}", newlines=False), err=True)
            failed = True
    if failed:
        sys.exit(1)
