"""fagui diff LEFT RIGHT: compare two regulation texts (a thin wrapper over
fagui.compare and the renderers)."""

from __future__ import annotations

import sys

import click

from cli.diffcache import Keeper
from cli.flags import cli_words
from cli.options import ArticleNumber, color_option, format_option, lang_option, output_option, repo_option
from cli.terminal import use_color
from fagui.model import ArticleKey, Mode
from fagui.orientation import compare_oriented
from fagui.store.load import load
from fagui.text.control import visible
from fagui.errors import FaguiError
from renderers import BINARY_FORMATS, FORMATS, render, render_parts


@click.command("diff")
@click.argument("left")
@click.argument("right")
@click.option("--mode", type=click.Choice([m.value for m in Mode]), help="Default: versions for two texts of one regulation, else jurisdictions.")
@format_option(FORMATS, "text")
@output_option("Write here (atomically) instead of standard output; required for docx (a Word 对照表).")
@click.option("--keep-order", is_flag=True, help="Compare LEFT and RIGHT as given, even a provincial text on the left of a national one.")
@click.option("--details", is_flag=True, help="docx: add the engine's figures (similarity, 待核) to the notes column.")
@click.option("--explain", type=ArticleNumber(), help="Print, for this article (8, 八, 第八条), every candidate on the other side with its scores and what each alignment rule did with its links, in the order the rules ran.")
@lang_option
@color_option
@repo_option
def diff_command(
    left: str, right: str, mode: str | None, fmt: str, output: str | None, keep_order: bool, details: bool,
    explain: ArticleKey | None, lang, color: str, repo: str
) -> None:
    """Compare two regulation texts article by article.

    Each side is a canonical Markdown file, a raw source in any layout
    `fagui ingest` reads, or a regulation id with an optional revision (ID,
    ID@HEAD~1, ID@2025-01-01). Versions of one regulation are compared as
    versions; a national text against a province's as jurisdictions, the
    national text on the left whichever order they are given in (by `level`
    in their front matter; a note on stderr says when it swapped them, or
    when a level is missing). What is stock phrasing is judged against
    statistics of thousands of real regulations shipped with fagui, so the
    same two texts give the same comparison in any corpus or none. Two
    regulations named by id show the reviewers' decisions on them (fagui
    link): a confirmed link as 已确认, a rejected one not at all, a decision
    whose articles changed since as 需复核.

    \b
    Examples:
      fagui diff national/counterespionage-security-provisions jiangxi/counterespionage-work-regulations
      fagui diff jilin/counterespionage-work-provisions@HEAD~1 jilin/counterespionage-work-provisions --format markdown
      fagui diff national/counterespionage-security-provisions jilin/counterespionage-work-provisions --format docx -o 对照表.docx
    """
    if explain is not None and (fmt != "text" or output):
        raise FaguiError("--explain prints its account as text on standard output: drop --format and -o (redirect it: > FILE)")
    if fmt in BINARY_FORMATS and not output:
        raise FaguiError(f"--format {fmt} writes a file: give it with -o FILE (e.g. -o 对照表.{fmt})")
    left_regulation, left_ref = load(left, repo)
    right_regulation, right_ref = load(right, repo)
    decide = None
    if left_ref.id and right_ref.id:
        from fagui.store.decisions import decisions_at  # two files: no git, no decisions

        decide = decisions_at(repo)
    comparison, note = compare_oriented(
        left_regulation, right_regulation, mode, left_ref, right_ref, keep_order=keep_order, decide=decide,
    )
    note_line = f"fagui: note: {visible(cli_words(note))}\n" if note else ""
    if note_line:
        click.echo(note_line, err=True, nl=False)
    if explain is not None:
        if comparison.left != left_ref:  # compared the other way round
            (left_regulation, left_ref), (right_regulation, right_ref) = (right_regulation, right_ref), (left_regulation, left_ref)
        from fagui.explain import explain as explain_article  # here: only --explain needs them
        from renderers.explain import render_explanation

        decisions = decide(left_regulation, left_ref, right_regulation, right_ref) if decide else ()
        found = explain_article(left_regulation, right_regulation, comparison.mode, explain, decisions)
        click.echo(render_explanation(found, left_ref.title, right_ref.title, lang), nl=False)
        return
    if output:
        from fagui.atomic import write_atomic  # here: printing needs neither it nor the ctypes it loads

        write_atomic(output, render_parts(comparison, fmt, lang=lang, details=details))
        return
    colored = fmt == "text" and use_color(color, sys.stdout)
    out = render(comparison, fmt, color=colored, lang=lang, details=details)
    click.echo(out, nl=False, color=colored)  # color=: click would strip it off a terminal
    keeper = click.get_current_context().find_root().obj
    if isinstance(keeper, Keeper):  # run as the fagui command: the same command line answers from the cache next time
        keeper.keep(note_line, out)
