"""fagui review, git-diff and install-git-driver: reviewing changes to the corpus."""

from __future__ import annotations

import os
import sys

import click

from cli.main import main
from fagui.errors import FaguiError
from fagui.gitdriver import install_git_driver
from fagui.markdown import read_regulation
from fagui.review import compare_versions, parse_range, review_range
from renderers import render
from renderers.review import MAX_CHARS, render_review_json, render_review_markdown


@main.command()
@click.argument("commit_range", required=False, metavar="[BASE..HEAD]")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
@click.option(
    "--max-chars",
    type=click.IntRange(min=0),
    default=MAX_CHARS,
    show_default=True,
    metavar="N",
    help="Shorten the Markdown to at most N characters (GitHub's comment limit), ending with a note on what was left out; 0: no limit. JSON is never shortened.",
)
@click.option("--repo", default=".", type=click.Path(file_okay=False), help="The corpus repository.")
def review(commit_range: str | None, fmt: str, max_chars: int, repo: str) -> None:
    """Article-level summary of regulation changes in BASE..HEAD, for a pull-request comment.

    Default range: from the merge base with the default branch to HEAD.
    Exits 0 whenever it ran, whatever it found.
    """
    base, head = parse_range(commit_range, repo)
    result = review_range(base, head, repo)
    click.echo(render_review_json(result) if fmt == "json" else render_review_markdown(result, max_chars), nl=False)


@main.command("git-diff", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def git_diff(args: tuple[str, ...]) -> None:
    """External diff for git (diff.fagui.command): PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE."""
    if len(args) < 7:
        raise FaguiError(f"git-diff takes the 7 arguments git passes, got {len(args)}")
    path, old_file, old_hex, _, new_file, new_hex, _ = args[:7]
    regulation_id = path.removeprefix("texts/").removesuffix(".md")
    sides = []
    for file, rev in ((old_file, old_hex), (new_file, new_hex)):
        text = None if file == os.devnull else _read(file)
        sides.append(None if text is None else read_regulation(text, f"{path}@{rev[:7]}"))
    if sides == [None, None]:
        return
    comparison = compare_versions(regulation_id, *sides, old_hex, new_hex)
    click.echo(f"fagui diff a/{path} b/{path}")
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    click.echo(render(comparison, "text", color=color), nl=False)


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise FaguiError(f"cannot read: {exc}", path) from None


@main.command("install-git-driver")
@click.option("--repo", default=".", type=click.Path(file_okay=False), help="The repository to configure.")
def install_git_driver_command(repo: str) -> None:
    """Make git diff / log -p / show print article-level changes for texts/**/*.md (idempotent)."""
    changed = install_git_driver(repo)
    for line in changed:
        click.echo(f"set {line}")
    if not changed:
        click.echo("already installed: nothing changed")
