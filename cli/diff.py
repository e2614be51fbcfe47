"""fagui diff LEFT RIGHT: compare two regulation texts (a thin wrapper over
fagui.compare and the renderers)."""

from __future__ import annotations

import os
import sys

import click

from cli.main import main
from fagui.atomic import write_atomic
from fagui.compare import compare
from fagui.model import MODES, DocumentRef, Regulation
from fagui.store import load
from renderers import FORMATS, render


def load_side(spec: str, repo: str = ".") -> tuple[Regulation, DocumentRef]:
    """One side of a comparison: a canonical Markdown file, or ``ID[@REV]``
    in the corpus around ``repo``. Raises FaguiError for anything else."""
    return load(spec, repo)


@main.command("diff")
@click.argument("left")
@click.argument("right")
@click.option("--mode", type=click.Choice(MODES), help="Default: versions for two texts of one regulation, else jurisdictions.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of standard output.")
@click.option("--repo", default=".", show_default=True, type=click.Path(file_okay=False), help="The corpus for ID[@REV] sides.")
def diff_command(left: str, right: str, mode: str | None, fmt: str, output: str | None, repo: str) -> None:
    """Compare LEFT with RIGHT article by article.

    Each side is a canonical Markdown file or a regulation id with an optional
    revision (ID, ID@HEAD~1, ID@2025-01-01). Versions of one regulation are
    compared as versions; a national text against a province's as jurisdictions.
    """
    left_regulation, left_ref = load_side(left, repo)
    right_regulation, right_ref = load_side(right, repo)
    comparison = compare(left_regulation, right_regulation, mode, left_ref, right_ref)
    if output:
        write_atomic(output, render(comparison, fmt))
        return
    color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    click.echo(render(comparison, fmt, color=color), nl=False)
