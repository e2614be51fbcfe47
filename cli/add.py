"""fagui add: ingest raw texts and commit them as versions of a regulation
(thin wrappers over fagui.store: Corpus.add, and fagui.store.batch.add_history
for several files or a folder)."""

from __future__ import annotations

import os
import sys

import click

from cli.options import lang_option, repo_option
from cli.progress import progress_bar
from fagui.errors import FaguiError
from fagui.files import read_bytes
from fagui.store.batch import add_history
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
        _add_tree(raws, regulation_id, effective, source, tag, force, dry_run, message, repo)
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
        entries = add_history(Corpus(repo), list(raws), regulation_id, message=message, progress=bar.update, lang=lang)
    for entry in entries:
        if entry.result is None:
            click.echo(f"{regulation_id}: {visible(entry.name)}: skipped, already recorded ({entry.recorded[:7]})")
        elif entry.result.created:
            click.echo(f"[{entry.result.commit[:7]}] {regulation_id}: {visible(entry.name)}: version effective {entry.result.effective} ({entry.result.changes.describe()})")
            _note_same_title(entry.result)
        else:
            click.echo(f"{regulation_id}: {visible(entry.name)}: unchanged, already the current version ({entry.result.commit[:7]})")


def _add_tree(raws, regulation_id, effective, source, tag, force, dry_run, message, repo) -> None:
    for flag, value in (("--id", regulation_id), ("--effective", effective), ("--source", source), ("--tag", tag), ("--force", force)):
        if value:
            raise FaguiError(f"{flag} does not apply to --tree: each regulation's id comes from its path")
    if len(raws) != 1:
        raise FaguiError("--tree takes one folder")
    regulations = plan_tree(raws[0])
    if dry_run:
        for r in regulations:
            click.echo(f"{r.id}\t{visible(', '.join(str(p.relative_to(raws[0])) for p in r.files))}")
        click.echo(f"{len(regulations)} regulations, {sum(len(r.files) for r in regulations)} files; nothing added (--dry-run)")
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
                entries = add_history(corpus, [str(p) for p in r.files], r.id, message=message, progress=progress)
            except FaguiError as exc:
                failed += 1
                click.echo(f"fagui: error: {r.id}: {visible(str(exc), newlines=False)}", err=True)
                entries = []
            done += len(r.files)
            for entry in entries:
                if entry.result is None:
                    state = f"skipped, already recorded ({entry.recorded[:7]})"
                elif entry.result.created:
                    state = f"[{entry.result.commit[:7]}] version effective {entry.result.effective}"
                else:
                    state = "unchanged, already the current version"
                click.echo(f"{r.id}: {visible(entry.name)}: {state}")
    if failed:
        raise FaguiError(f"{failed} of {len(regulations)} regulations not added (errors above); the others were")


def _note_same_title(result) -> None:
    """A note on stderr when a new id's title is another regulation's: a misspelt --id?"""
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
    tagged = f", tagged {result.tag}" if result.tag else ""
    if result.created:
        click.echo(f"[{result.commit[:7]}] {regulation_id}: version effective {result.effective} ({result.changes.describe()}){tagged}")
        _note_same_title(result)
    else:
        click.echo(f"{regulation_id}: unchanged, this text is already the current version ({result.commit[:7]}){tagged}")
