"""fagui init, add, log and history: the corpus in git (thin wrappers over fagui.store)."""

from __future__ import annotations

import json
import sys

import click

from cli.ingest import read_bytes
from cli.main import main
from fagui.store import Changes, Corpus, init as init_corpus, split_spec

REPO_OPTION = click.option(
    "--repo",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="A folder inside the corpus (a git repository with texts/).",
)


def describe(changes: Changes) -> str:
    """``1 added, 2 amended`` or ``first version, 42 articles``."""
    if changes.first:
        return f"first version, {changes.count('added')} articles"
    counts = changes.counts()
    return ", ".join(f"{n} {relation.replace('_', ' ')}" for relation, n in counts.items()) or "no article changed"


@main.command("init")
@click.argument("directory", type=click.Path(file_okay=False))
def init_command(directory: str) -> None:
    """Make a new corpus in DIRECTORY (new or empty): a git repository with
    texts/, a README and a first commit."""
    corpus = init_corpus(directory)
    click.echo(f"made a fagui corpus in {directory} (commit {corpus.repo.head.commit.hexsha[:7]})")


@main.command()
@click.argument("raw", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--id", "regulation_id", required=True, help="The regulation's id, e.g. jilin/counterespionage-work-provisions.")
@click.option("--effective", metavar="YYYY-MM-DD", help="Effective date; overrides the one the text states.")
@click.option("--source", metavar="URL", help="Where the text came from; overrides the link the text names.")
@click.option("-m", "--message", help="A note for the commit body.")
@click.option("--tag", help="Also tag the version's commit with this name.")
@click.option("--force", is_flag=True, help="Discard uncommitted changes to texts/ID.md and its source.")
@REPO_OPTION
def add(raw, regulation_id, effective, source, message, tag, force, repo) -> None:
    """Ingest RAW and commit it as a new version of regulation ID.

    Writes texts/ID.md and texts/ID.source.txt and commits only those two
    files; whatever else is staged or changed stays as it is.
    """
    data = sys.stdin.buffer.read() if raw == "-" else read_bytes(raw)
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
        click.echo(f"[{result.commit[:7]}] {regulation_id}: version effective {result.effective} ({describe(result.changes)}){tagged}")
    else:
        click.echo(f"{regulation_id}: unchanged, this text is already the current version ({result.commit[:7]}){tagged}")


@main.command()
@click.argument("regulation_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@REPO_OPTION
def log(regulation_id, fmt, repo) -> None:
    """The versions of regulation ID, newest first: commit, dates, document
    number and how many articles each added, amended, deleted, renumbered."""
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
            describe(v.changes),
        ]
        click.echo("  ".join(fields))


@main.command()
@click.argument("spec", metavar="ID[@REV]")
@click.option("--article", type=int, required=True, help="The article's number in that version (default: HEAD's).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@REPO_OPTION
def history(spec, article, fmt, repo) -> None:
    """Every version in which one article's wording changed, newest first,
    following the article back through renumbering."""
    regulation_id, rev = split_spec(spec)
    entries = Corpus(repo).history(regulation_id, article, rev or "HEAD")
    if fmt == "json":
        data = [
            {"commit": e.commit, "effective": e.effective, "label": e.label, "relation": e.relation, "text": e.text}
            for e in entries
        ]
        click.echo(json.dumps({"id": regulation_id, "article": article, "versions": data}, ensure_ascii=False, indent=2))
        return
    for e in entries:
        click.echo(f"{e.commit[:7]}  effective {e.effective or '-'}  {e.label}  {e.relation.replace('_', ' ')}")
        click.echo("\n".join("  " + line for line in e.text.split("\n")) + "\n")
