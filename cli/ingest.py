"""fagui ingest: raw text in, canonical Markdown out, the audit on stderr."""

from __future__ import annotations

import json
import os

import click

from cli.options import output_option
from fagui.atomic import write_atomic
from fagui.errors import FaguiError
from fagui.files import read_bytes
from fagui.ingest import ingest_bytes
from fagui.text.control import visible


@click.command()
@click.argument("raw", type=click.Path(dir_okay=False, allow_dash=True))
@output_option("Write the Markdown here (atomically) instead of standard output.")
@click.option("--source", "source_name", help="Name the source (file name or URL) for front matter; default: RAW's file name.")
@click.option("--audit-json", type=click.Path(dir_okay=False), help="Also write the audit as JSON to this file.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print the audit on stderr.")
def ingest(raw: str, output: str | None, source_name: str | None, audit_json: str | None, quiet: bool) -> None:
    """Turn a raw regulation text into canonical Markdown.

    RAW is a file or - for standard input: plain text (UTF-8, UTF-16 with
    BOM or GB18030), LawRefBook Markdown, an flk text export, a Word .docx,
    a saved web page or a PDF with a text layer, recognised by content. The
    audit (what was dropped, joined or normalised, and why) goes to stderr.

    \b
    Examples:
      fagui ingest downloaded.txt -o texts/jilin/counterespionage-work-provisions.md
      curl -s URL | fagui ingest - --source URL --audit-json audit.json > out.md
    """
    data = read_bytes(raw)
    name = source_name or ("<stdin>" if raw == "-" else os.path.basename(raw))
    try:
        result = ingest_bytes(data, name)
    except FaguiError as exc:
        # Name the file as the user typed it.
        raise FaguiError(exc.message, raw, exc.line) from None
    if not quiet:
        for line in result.audit.summary_lines():
            click.echo(visible(line), err=True)
    # The Markdown first: when it cannot be written, no audit is left behind.
    if output:
        write_atomic(output, result.markdown)
    if audit_json:
        write_atomic(audit_json, json.dumps(result.audit.as_dict(), ensure_ascii=False, indent=2) + "\n")
    if not output:
        click.echo(result.markdown, nl=False)
