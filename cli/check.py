"""fagui check: is each file still in canonical form?"""

from __future__ import annotations

import sys

import click

from fagui.check import check_file, files_to_check
from fagui.text.control import visible


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
def check(paths: tuple[str, ...]) -> None:
    """Check that files are in canonical form.

    Exits 1 at the first departure in each file (printed as path:line:
    reason), 2 if a file cannot be read; says how many files are in canonical
    form when all are. A folder means the .md files under it. With no PATHS,
    checks every .md file under texts/ of the corpus around the current folder
    (from anywhere inside it).

    \b
    Examples:
      fagui check
      fagui check texts/
      fagui check texts/jilin/counterespionage-work-provisions.md
    """
    files = files_to_check(list(paths))
    departures = [(path, check_file(path)) for path in files]
    failed = [(path, d) for path, d in departures if d is not None]
    for path, departure in failed:
        click.echo(visible(f"{path}:{departure.line}: {departure.reason}", newlines=False), err=True)
    if failed:
        sys.exit(1)
    click.echo(f"{len(files)} file{'s' if len(files) != 1 else ''} in canonical form")
