"""fagui add: ingest raw texts and commit them as versions of a regulation
(thin wrappers over fagui.store: Corpus.add, and fagui.store.batch.add_versions
for several files or a folder)."""

from __future__ import annotations

import os
import sys

import click

from cli.flags import error_line
from cli.options import lang_option, repo_option
from cli.progress import progress_bar
from fagui.errors import FaguiError
from fagui.files import read_bytes
from fagui.messages import say
from fagui.store.batch import add_versions
from fagui.store.corpus import Corpus
from fagui.store.tree import plan_tree
from fagui.text.control import visible


@click.command()
@click.argument("raws", metavar="RAW...", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--id", "regulation_id", help="The regulation's id, e.g. jilin/counterespionage-work-provisions (not with --tree).")
@click.option("--effective", metavar="YYYY-MM-DD", help="Effective date; overrides the one the text states (one RAW only).")
@click.option("--source", metavar="URL", help="Where the text came from; overrides the link the text names (one RAW only).")
@click.option("-m", "--message", help="A note for the commit body (of every version added).")
@click.option("--tag", help="Also tag the version's commit with this name (one RAW only).")
@click.option("--force", is_flag=True, help="Discard uncommitted changes to texts/ID.md and its source.")
@click.option("--tree", is_flag=True, help="RAW is a folder tree of many regulations: one id per file, from its path.")
@click.option("--dry-run", is_flag=True, help="With --tree: print each id and its files, add nothing.")
@lang_option
@repo_option
def add(raws, regulation_id, effective, source, message, tag, force, tree, dry_run, lang, repo) -> None:
    """Ingest raw texts and commit each as a version of a regulation.

    Writes texts/ID.md and texts/ID.source.txt from RAW (a file, - for
    standard input) and commits only those two files; whatever else is staged
    or changed stays as it is. Several files, or a folder of them, are a
    regulation's history: one commit per version, oldest first (by the
    effective date each text states, else the date in a file name such as
    仲裁法(2017-09-01).md), each checked before anything is committed; a text
    already recorded (the same bytes) is skipped, so adding twice adds
    nothing. A progress bar shows on a terminal. A note on stderr says when
    a new ID has the title of another regulation in the corpus (a misspelt ID?).

    \b
    Examples:
      fagui add jilin-2024.txt --id jilin/counterespionage-work-provisions --effective 2024-05-01
      fagui add amended.txt --id national/counterespionage-security-provisions --tag v2 -m "2025 amendment"
      fagui add ~/Laws/仲裁法*.md --id national/arbitration-law
      fagui add downloads/arbitration/ --id national/arbitration-law
      fagui add --tree ~/LawRefBook --dry-run   # the ids a tree would get
    """
    if tree:
        _add_tree(raws, regulation_id, effective, source, tag, force, dry_run, message, repo, lang)
        return
    if dry_run:
        raise FaguiError("--dry-run applies to --tree")
    if not regulation_id:
        raise FaguiError("--id ID is required (or --tree for a folder of many regulations)")
    if len(raws) == 1 and not os.path.isdir(raws[0]):
        _add_one(raws[0], regulation_id, effective, source, message, tag, force, repo, lang)
        return
    for flag, value in (("--effective", effective), ("--source", source), ("--tag", tag), ("--force", force)):
        if value:
            raise FaguiError(f"{flag} applies to one text; add several files or a folder without it")
    if "-" in raws:
        raise FaguiError("standard input (-) can only be added alone")
    with _ProgressBar("adding") as bar:
        entries = add_versions(Corpus(repo), list(raws), regulation_id, message=message, progress=bar.update, lang=lang)
    for entry in entries:
        click.echo(_entry_line(regulation_id, entry, lang))
        if entry.result is not None and entry.result.created:
            _notes(entry.result, entry.name, lang)


def _entry_line(regulation_id: str, entry, lang) -> str:
    """What became of one file of several: added, skipped or unchanged."""
    name = f": {visible(entry.name)}"
    if entry.result is None:
        return say("add.skipped", lang, id=regulation_id, name=name, commit=entry.recorded[:7])
    return _result_line(entry.result, lang, name)


def _result_line(result, lang, name: str = "") -> str:
    """One line for a text added: the new version's commit, when it takes
    effect and what changed, or that it was already the current version."""
    tagged = say("add.tagged", lang, tag=result.tag) if result.tag else ""
    if result.created:
        return say(
            "add.version", lang, commit=result.commit[:7], id=result.id, name=name,
            effective=result.effective, changes=result.changes.describe(lang), tagged=tagged,
        )
    return say("add.unchanged", lang, id=result.id, name=name, commit=result.commit[:7], tagged=tagged)


def _add_tree(raws, regulation_id, effective, source, tag, force, dry_run, message, repo, lang) -> None:
    for flag, value in (("--id", regulation_id), ("--effective", effective), ("--source", source), ("--tag", tag), ("--force", force)):
        if value:
            raise FaguiError(f"{flag} does not apply to --tree: each regulation's id comes from its path")
    if len(raws) != 1:
        raise FaguiError("--tree takes one folder")
    regulations = plan_tree(raws[0])
    if dry_run:
        for r in regulations:
            click.echo(f"{r.id}\t{visible(', '.join(str(p.relative_to(raws[0])) for p in r.files))}")
        click.echo(say("add.dry_run", lang, regulations=len(regulations), files=sum(len(r.files) for r in regulations)))
        return
    corpus = Corpus(repo)
    total = sum(len(r.files) for r in regulations)
    done = 0
    failed = 0
    with _ProgressBar("adding") as bar:
        for r in regulations:

            def progress(name: str, k: int, n: int) -> None:
                bar.update(name, done + k, total)

            try:
                entries = add_versions(corpus, [str(p) for p in r.files], r.id, message=message, progress=progress, lang=lang)
            except FaguiError as exc:
                failed += 1
                click.echo(f"fagui: error: {r.id}: {visible(error_line(exc), newlines=False)}", err=True)
                entries = []
            done += len(r.files)
            for entry in entries:
                click.echo(_entry_line(r.id, entry, lang))
    if failed:
        raise FaguiError(f"{failed} of {len(regulations)} regulations not added (errors above); the others were")


def _notes(result, name: str, lang) -> None:
    """Notes on stderr about a version just added from the file ``name``:
    the warnings ``fagui ingest`` gives on it (article numbering that jumps:
    a missing article?), one line each, an effective date older than the
    text's own adoption or promulgation (the first version's?), and a new id
    with another regulation's title (a misspelt --id?)."""
    for warning in result.warnings:
        click.echo(visible(f"{name}: {warning}", newlines=False), err=True)
    if result.enacted_later:
        what, later = result.enacted_later
        click.echo(
            visible(say("add.effective_early", lang, id=result.id, day=result.effective, what=say(f"date.{what}", lang), later=later)),
            err=True,
        )
    if result.same_title:
        click.echo(
            f"note: {result.same_title} has the same title: if this text is a version of it, "
            f"it belongs there (--id {result.same_title}); this commit started {result.id}",
            err=True,
        )


class _ProgressBar:
    """A progress bar on stderr when it is a terminal (nothing otherwise),
    made when the first item is done and the total known."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None

    def __enter__(self):
        return self

    def update(self, name: str, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None:
            self.bar = progress_bar(self.label, total)
            self.bar.__enter__()
        self.bar.update(1, name)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _add_one(raw, regulation_id, effective, source, message, tag, force, repo, lang) -> None:
    data = read_bytes(raw)
    result = Corpus(repo).add(
        data,
        regulation_id,
        effective=effective,
        source=source,
        name="<stdin>" if raw == "-" else raw,
        message=message,
        tag=tag,
        force=force,
        lang=lang,
    )
    click.echo(_result_line(result, lang))
    if result.created:
        _notes(result, "<stdin>" if raw == "-" else raw, lang)
