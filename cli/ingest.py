"""fagui ingest, check and show: raw text in, canonical Markdown out, and a look at it."""

from __future__ import annotations

import json
import os
import sys

import click

from cli.main import main
from fagui.atomic import write_atomic
from fagui.check import check_file
from fagui.errors import FaguiError
from fagui.ingest import ingest_bytes
from fagui.store import load
from fagui.textform import format_regulation


def read_bytes(path: str) -> bytes:
    """The bytes of ``path``; FaguiError naming it when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise FaguiError(f"cannot read: {exc.strerror}", path) from None


@main.command()
@click.argument("raw", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the Markdown here (atomically) instead of stdout.")
@click.option("--source", "source_name", help="Name the source (file name or URL) for front matter; default: RAW's file name.")
@click.option("--audit-json", type=click.Path(dir_okay=False), help="Also write the audit as JSON to this file.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print the audit on stderr.")
def ingest(raw: str, output: str | None, source_name: str | None, audit_json: str | None, quiet: bool) -> None:
    """Turn a raw regulation text into canonical Markdown; the audit goes to stderr."""
    data = sys.stdin.buffer.read() if raw == "-" else read_bytes(raw)
    name = source_name or ("<stdin>" if raw == "-" else os.path.basename(raw))
    try:
        result = ingest_bytes(data, name)
    except FaguiError as exc:
        # Name the file as the user typed it.
        raise FaguiError(exc.message, raw, exc.line) from None
    if not quiet:
        for line in result.audit.summary_lines():
            click.echo(line, err=True)
    if audit_json:
        write_atomic(audit_json, json.dumps(result.audit.as_dict(), ensure_ascii=False, indent=2) + "\n")
    if output:
        write_atomic(output, result.markdown)
    else:
        click.echo(result.markdown, nl=False)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
def check(paths: tuple[str, ...]) -> None:
    """Is each file in canonical form? Exit 1 at the first departure, 2 if unreadable.

    With no PATHS, checks every .md file under texts/.
    """
    if not paths:
        paths = tuple(
            os.path.join(root, name)
            for root, _, names in sorted(os.walk("texts"))
            for name in sorted(names)
            if name.endswith(".md")
        )
    failed = False
    for path in paths:
        departure = check_file(path)
        if departure is not None:
            click.echo(f"{path}:{departure.line}: {departure.reason}", err=True)
            failed = True
    if failed:
        sys.exit(1)


@main.command()
@click.argument("spec", metavar="FILE|ID[@REV]")
@click.option("--article", type=int, help="Show only this article (by number).")
@click.option("--repo", default=".", show_default=True, type=click.Path(file_okay=False), help="For an ID: a folder inside the corpus.")
def show(spec: str, article: int | None, repo: str) -> None:
    """Print a regulation as text, or one article of it: a canonical Markdown
    FILE, or a version in the corpus: ID (the last committed), ID@REV (any git
    revision) or ID@YYYY-MM-DD (the version in force that day)."""
    regulation, _ = load(spec, repo)
    click.echo(format_regulation(regulation, article), nl=False)
