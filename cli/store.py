"""fagui init and log: the corpus in git (thin wrappers over fagui.store)."""

from __future__ import annotations

import click

from cli.options import format_option, lang_option, repo_option
from fagui.messages import say
from fagui.model import Relation, relation_words
from fagui.store.corpus import Corpus
from fagui.store.making import init as init_corpus
from fagui.store.versions import enacted_after_effective
from fagui.text.control import visible


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False))
@lang_option
def init_command(directory: str, lang) -> None:
    """Make a new corpus: a git repository with texts/.

    DIRECTORY must be new or empty; it gets texts/, a README and a first
    commit (in Chinese; --lang en: in English).

    \b
    Examples:
      fagui init my-corpus
      cd my-corpus && fagui add ~/Downloads/jilin.txt --id jilin/counterespionage-work-provisions
    """
    corpus = init_corpus(directory, lang)
    click.echo(visible(say("init.done", lang, directory=directory, commit=corpus.repo.head.commit.hexsha[:7])))


STRUCTURAL = (Relation.SPLIT, Relation.MERGED)
"""Relations ``log`` names article by article under a version, both sides
old → new (the counts alone hide which article became which)."""


@click.command()
@click.argument("regulation_id", metavar="ID")
@format_option(("text", "json"), "text")
@lang_option
@repo_option
def log(regulation_id, fmt, lang, repo) -> None:
    """List the versions of a regulation, newest first.

    For each version of regulation ID: commit, the dates it states (effective,
    promulgated, adopted), document number and how many articles it added,
    amended, deleted or renumbered; under it each split and merge, old → new
    (split: 第六条 → 第六条、第七条).

    \b
    Examples:
      fagui log jilin/counterespionage-work-provisions
      fagui log jilin/counterespionage-work-provisions --format json
    """
    versions = Corpus(repo).versions(regulation_id)
    if fmt == "json":
        from renderers.versions import render_log_json  # only here: the text log loads no renderer

        click.echo(render_log_json(regulation_id, versions))
        return
    for v in versions:
        # Only the dates the version states: a law adopted and in force from
        # its promulgation has no separate promulgation date to show.
        # The adopted date is the latest 通过, 修订 or 修正: named as what it was.
        adoption = {"adopted": v.adoption.key}
        dates = [
            say(f"log.{adoption.get(what, what)}", lang, day=day)
            for what, day in (("effective", v.effective), ("promulgated", v.promulgated), ("adopted", v.adopted)) if day
        ]
        early = enacted_after_effective(v.effective, v.adopted, v.promulgated)
        if early:  # no text takes effect before it is made: say so where the date stands
            what = say(f"date.{adoption.get(early[0], early[0])}", lang)
            dates[0] = say("log.effective_early", lang, day=v.effective, what=what, later=early[1])
        fields = [v.commit[:7], *dates, *([v.document_number] if v.document_number else []), v.changes.describe(lang)]
        click.echo(visible("  ".join(fields)))
        for relation in STRUCTURAL:  # name both sides of each split and merge
            for label in v.changes.labels(relation):
                click.echo(visible(f"  {relation_words(relation, lang)}{say('list.colon', lang)}{label}"))
