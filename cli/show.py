"""fagui show: a regulation, or one article of it, as text."""

from __future__ import annotations

import click

from cli.options import article_option, lang_option, repo_option
from fagui.messages import say
from fagui.model import ArticleKey
from fagui.store.load import load
from fagui.text.control import visible
from renderers.regulation import format_regulation


@click.command()
@click.argument("spec", metavar="FILE|ID[@REV]")
@article_option("Show only this article: 12, 十二, 第十二条 or 第十条之一.")
@lang_option
@repo_option
def show(spec: str, article: ArticleKey | None, lang, repo: str) -> None:
    """Print a regulation, or one article of it, as text.

    SPEC is a canonical Markdown FILE, or a version in the corpus: ID (the
    last committed), ID@REV (any git revision) or ID@YYYY-MM-DD (the version
    in force that day). For a version in the corpus the first line says which
    version it is (the commit that last changed its file, as ``fagui log``
    names it) and when that version took effect.

    \b
    Examples:
      fagui show jilin/counterespionage-work-provisions@2025-06-01 --article 三
      fagui show texts/national/counterespionage-security-provisions.md
    """
    regulation, ref = load(spec, repo)
    text = format_regulation(regulation, article)  # before any output: a missing article prints nothing
    if ref.revision is not None:
        click.echo(visible(say("show.version", lang, spec=spec, revision=ref.revision, effective=ref.effective or "-")))
    click.echo(visible(text), nl=False)
