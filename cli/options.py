"""Options several commands share, declared once."""

from __future__ import annotations

import click

repo_option = click.option(
    "--repo",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="A folder inside the corpus (the git repository with texts/).",
)
"""``--repo``: where the corpus is, for commands that read or change it."""


def format_option(choices: tuple[str, ...], default: str):
    """``--format``: one of ``choices``, passed to the command as ``fmt``."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="Output format.")


def output_option(help: str):
    """``-o/--output FILE``: write there (atomically) instead of standard output."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False), help=help)
