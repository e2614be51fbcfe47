"""fagui init, add and log: the corpus in git (thin wrappers over fagui.store)."""

from __future__ import annotations

import json

import click

from cli.options import format_option, repo_option
from fagui.files import read_bytes
from fagui.store.corpus import Corpus
from fagui.store.making import init as init_corpus
from fagui.text.control import visible


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False))
def init_command(directory: str) -> None:
    """Make a new corpus: a git repository with texts/.

    DIRECTORY must be new or empty; it gets texts/, a README and a first
    commit.

    \b
    Examples:
      fagui init my-corpus
      cd my-corpus && fagui add ~/Downloads/jilin.txt --id jilin/counterespionage-work-provisions
    """
    corpus = init_corpus(directory)
    click.echo(f"made a fagui corpus in {directory} (commit {corpus.repo.head.commit.hexsha[:7]})")


@click.command()
@click.argument("raw", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--id", "regulation_id", required=True, help="The regulation's id, e.g. jilin/counterespionage-work-provisions.")
@click.option("--effective", metavar="YYYY-MM-DD", help="Effective date; overrides the one the text states.")
@click.option("--source", metavar="URL", help="Where the text came from; overrides the link the text names.")
@click.option("-m", "--message", help="A note for the commit body.")
@click.option("--tag", help="Also tag the version's commit with this name.")
@click.option("--force", is_flag=True, help="Discard uncommitted changes to texts/ID.md and its source.")
@repo_option
def add(raw, regulation_id, effective, source, message, tag, force, repo) -> None:
    """Ingest a raw text and commit it as a new version of a regulation.

    Writes texts/ID.md and texts/ID.source.txt from RAW (a file, or - for
    standard input) and commits only those two files; whatever else is staged
    or changed stays as it is.

    \b
    Examples:
      fagui add jilin-2024.txt --id jilin/counterespionage-work-provisions --effective 2024-05-01
      fagui add amended.txt --id national/counterespionage-security-provisions --tag v2 -m "2025 amendment"
    """
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
    )
    tagged = f", tagged {result.tag}" if result.tag else ""
    if result.created:
        click.echo(f"[{result.commit[:7]}] {regulation_id}: version effective {result.effective} ({result.changes.describe()}){tagged}")
    else:
        click.echo(f"{regulation_id}: unchanged, this text is already the current version ({result.commit[:7]}){tagged}")


@click.command()
@click.argument("regulation_id", metavar="ID")
@format_option(("text", "json"), "text")
@repo_option
def log(regulation_id, fmt, repo) -> None:
    """List the versions of a regulation, newest first.

    For each version of regulation ID: commit, dates, document number and how
    many articles it added, amended, deleted or renumbered.

    \b
    Examples:
      fagui log jilin/counterespionage-work-provisions
      fagui log jilin/counterespionage-work-provisions --format json
    """
    versions = Corpus(repo).versions(regulation_id)
    if fmt == "json":
        data = {
            "id": regulation_id,
            "versions": [
                {
                    "commit": v.commit,
                    "committed": v.committed,
                    "subject": v.subject,
                    "title": v.title,
                    "effective": v.effective,
                    "promulgated": v.promulgated,
                    "document_number": v.document_number,
                    "first": v.changes.first,
                    "counts": v.changes.counts(),
                    "articles": {relation: list(labels) for relation, labels in v.changes.relations},
                }
                for v in versions
            ],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for v in versions:
        fields = [
            v.commit[:7],
            f"effective {v.effective or '-'}",
            f"promulgated {v.promulgated or '-'}",
            v.document_number or "-",
            v.changes.describe(),
        ]
        click.echo(visible("  ".join(fields)))
