"""fagui init, add, log and history: the corpus in git (thin wrappers over fagui.store)."""

from __future__ import annotations

import json
import sys

import click

from cli.options import article_option, color_option, format_option, repo_option, use_color
from fagui.files import read_bytes
from fagui.store.corpus import Corpus
from fagui.store.making import init as init_corpus
from fagui.store.paths import split_spec
from fagui.text.control import visible
from renderers.text import render_article_diff


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


@click.command()
@click.argument("spec", metavar="ID[@REV]")
@article_option("The article's number (12, 十二 or 第十二条) in the version ID[@REV] names.", required=True)
@format_option(("text", "json"), "text")
@color_option
@repo_option
def history(spec, article, fmt, color, repo) -> None:
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
    entries = Corpus(repo).history(regulation_id, article, rev or "HEAD")
    if fmt == "json":
        data = [
            {
                "commit": e.commit,
                "effective": e.effective,
                "label": e.label,
                "previous": e.previous,
                "relation": e.relation,
                "text": e.text,
                "diff": render_article_diff(e.pair) if e.pair is not None else None,
            }
            for e in entries
        ]
        click.echo(json.dumps({"id": regulation_id, "article": article, "versions": data}, ensure_ascii=False, indent=2))
        return
    colored = use_color(color, sys.stdout)
    for e in entries:
        label = f"{e.previous}→{e.label}" if e.previous and e.previous != e.label else e.label
        click.echo(visible(f"{e.commit[:7]}  effective {e.effective or '-'}  {label}  {e.relation.replace('_', ' ')}"))
        if e.pair is None or e.relation == "added":
            body = visible("".join(f"  {line}\n" for line in e.text.split("\n")))
        elif e.relation in ("renumbered", "moved") and all(op.kind == "equal" for pp in e.pair.paragraphs for op in pp.ops):
            body = "  (wording unchanged)\n"
        else:
            body = render_article_diff(e.pair, color=colored)  # control characters made visible there
        click.echo(body, color=colored)
