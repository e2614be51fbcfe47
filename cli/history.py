"""fagui history: one article through a regulation's versions, each with its
inline diff (a thin wrapper over fagui.store.corpus.Corpus.history)."""

from __future__ import annotations

import sys

import click

from cli.options import article_option, color_option, format_option, lang_option, repo_option
from cli.terminal import use_color
from fagui.messages import say
from fagui.model import relation_words
from fagui.store.corpus import Corpus
from fagui.store.paths import split_spec
from fagui.text.control import visible
from renderers import pair_heading
from renderers.text import render_article_diff
from renderers.versions import render_history_json


@click.command()
@click.argument("spec", metavar="ID[@REV]")
@article_option("The article's number (12, 十二, 第十二条 or 第十条之一) in the version ID[@REV] names.", required=True)
@format_option(("text", "json"), "text")
@color_option
@lang_option
@repo_option
def history(spec, article, fmt, color, lang, repo) -> None:
    """Show every version in which one article was added, changed or deleted.

    Newest first, each with its inline diff against the version before:
    amended wording ([-deleted-]{+inserted+}), a new number (第十一条→第十二条),
    the version that deleted it. The article is followed by identity across
    renumbering, forward to the newest version and back to the one that
    introduced it. --article numbers it as the version named by ID[@REV]
    does: ID (the last committed), ID@REV (a git revision) or ID@YYYY-MM-DD
    (in force that day).

    \b
    Examples:
      fagui history jilin/counterespionage-work-provisions --article 12
      fagui history jilin/counterespionage-work-provisions@2025-06-01 --article 第三条 --format json
    """
    regulation_id, rev = split_spec(spec)
    entries = Corpus(repo).article_versions(regulation_id, article, rev or "HEAD")
    if fmt == "json":
        click.echo(render_history_json(regulation_id, article, entries))
        return
    colored = use_color(color, sys.stdout)
    for e in entries:
        if e.pair is not None and (len(e.pair.left) > 1 or len(e.pair.right) > 1):
            label = pair_heading(e.pair)  # a split or merge: both sides, old → new
        else:
            label = f"{e.previous}→{e.label}" if e.previous and e.previous != e.label else e.label
        click.echo(visible(say("history.line", lang, commit=e.commit[:7], effective=e.effective or "-", label=label, relation=relation_words(e.relation, lang))))
        if e.pair is None or e.relation == "added":
            body = visible("".join(f"  {line}\n" for line in e.text.split("\n")))
        elif e.relation in ("renumbered", "moved") and all(op.kind == "equal" for pp in e.pair.paragraphs for op in pp.ops):
            body = f"  {say('history.wording_unchanged', lang)}\n"
        else:
            body = render_article_diff(e.pair, color=colored)  # control characters made visible there
        click.echo(body, color=colored)
