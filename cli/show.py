"""fagui show: a regulation, or one article of it, as text."""

from __future__ import annotations

import click

from cli.options import repo_option
from fagui.store.load import load
from fagui.textform import format_regulation
from fagui.text.control import visible


@click.command()
@click.argument("spec", metavar="FILE|ID[@REV]")
@click.option("--article", type=int, help="Show only this article (by number).")
@repo_option
def show(spec: str, article: int | None, repo: str) -> None:
    """Print a regulation, or one article of it, as text.

    SPEC is a canonical Markdown FILE, or a version in the corpus: ID (the
    last committed), ID@REV (any git revision) or ID@YYYY-MM-DD (the version
    in force that day).

    \b
    Examples:
      fagui show jilin/counterespionage-work-provisions@2024-01-01 --article 3
      fagui show texts/national/counterespionage-security-provisions.md
    """
    regulation, _ = load(spec, repo)
    click.echo(visible(format_regulation(regulation, article)), nl=False)
