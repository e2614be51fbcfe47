"""fagui review: the regulation changes in a commit range, for a pull request."""

from __future__ import annotations

import click

from cli.options import format_option, lang_option, repo_option
from fagui.review import parse_range, review_range
from renderers.review import MAX_CHARS, render_review_json, render_review_markdown


@click.command()
@click.argument("commit_range", required=False, metavar="[BASE..HEAD]")
@format_option(("markdown", "json"), "markdown")
@click.option(
    "--max-chars",
    type=click.IntRange(min=0),
    default=MAX_CHARS,
    show_default=True,
    metavar="N",
    help="Shorten the Markdown to at most N characters (GitHub's comment limit), ending with a note on what was left out; 0: no limit. JSON is never shortened.",
)
@lang_option
@repo_option
def review(commit_range: str | None, fmt: str, max_chars: int, lang, repo: str) -> None:
    """Summarise the regulation changes in a commit range, for a pull request.

    Article by article, for every texts/**/*.md added, changed, renamed or
    deleted in BASE..HEAD (default: from the merge base with the default
    branch to HEAD). Exits 0 whenever it ran, whatever it found.

    \b
    Examples:
      fagui review                              # this branch against main
      fagui review v1..v2 --format json
      fagui review origin/main..HEAD --max-chars 0 > review.md
    """
    base, head = parse_range(commit_range, repo)
    result = review_range(base, head, repo)
    click.echo(render_review_json(result) if fmt == "json" else render_review_markdown(result, max_chars, lang), nl=False)
