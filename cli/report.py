"""fagui report: the comparisons of :func:`fagui.report.plan_report`, written
as a static site by :func:`renderers.report.build_site`, with a progress bar
on a terminal."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import Callable, Iterable, Iterator

import click

from cli.flags import cli_words
from cli.options import lang_option, repo_option
from cli.progress import progress_bar
from fagui.errors import FaguiError
from fagui.impact import Impact
from fagui.model import Comparison, Unreadable
from fagui.pool import Failed, default_jobs, made
from fagui.report import plan_report
from fagui.text.control import visible
from renderers.report import build_site


@click.command()
@click.option("-o", "--output", default="report", show_default=True, type=click.Path(file_okay=False), help="Folder to write the site into.")
@click.option("--force", is_flag=True, help="Write into OUTPUT even if it holds files fagui did not write (they are kept).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Processes making comparisons (default: every core, from 16 comparisons); the site is the same whatever the number.")
@lang_option
@repo_option
def report(output: str, force: bool, jobs: int | None, lang, repo: str) -> None:
    """Compare each text with the higher-level texts it implements, as a static site.

    What a text implements is found from its title (实施《…》办法), its basis
    clause (第一条 根据《…》) or front matter implements: [ID, ...]
    (docs/report.md). Also compares each regulation's consecutive versions
    in git. Writes one self-contained page per comparison into OUTPUT,
    index.html (every comparison, why it was made, its counts, a coverage
    matrix of national articles by province, the texts left unpaired) and
    index.json (the same for programs), then prints the path of index.html. The site is built beside
    OUTPUT and swapped in whole; OUTPUT/.fagui-manifest.json lists its files.
    A folder holding files fagui did not write is refused unless --force.

    \b
    Examples:
      fagui report                  # writes report/index.html
      fagui report -o /tmp/site --repo ~/corpus
      fagui report -j 1             # one process
    """
    plan = plan_report(repo)
    for warning in plan.implementation.warnings:
        click.echo(f"warning: {visible(warning)}", err=True)
    unreadable = list(plan.unreadable)  # build_site reads it last: a comparison that fails is added as it fails
    for u in unreadable:
        _warn_unreadable(u)
    show = sys.stderr.isatty() and len(plan) > 0
    bar = progress_bar("comparing", len(plan)) if show else nullcontext()
    with bar as progress:

        def tick(name: str) -> None:
            if show:
                progress.update(1, name)

        jurisdictions, versions = made(plan, jobs or default_jobs(plan))
        index = build_site(
            output, _made(jurisdictions, tick, unreadable), _made(versions, tick, unreadable),
            force=force, implementation=plan.implementation, unreadable=unreadable,
            impacts=_impacts(plan.impacts, unreadable), lang=lang,
        )
    click.echo(str(index))


def _warn_unreadable(u: Unreadable) -> None:
    where = f"{u.path}:{u.line}" if u.line else u.path
    click.echo(f"warning: {visible(where, newlines=False)}: cannot be read, left out of the report: {visible(u.reason, newlines=False)}", err=True)


def _impacts(makers: Iterable[Callable[[], Impact]], unreadable: list[Unreadable]) -> Iterator[Impact]:
    """Each revision's impact; one that cannot be worked out (a decisions
    file that cannot be read, say) is left out with a warning, once per
    file and line, and the report goes on."""
    for make in makers:
        try:
            yield make()
        except FaguiError as exc:
            u = Unreadable(exc.path or "", cli_words(exc.message), exc.line)
            if u not in unreadable:
                unreadable.append(u)
                _warn_unreadable(u)


def _made(
    results: Iterable[tuple[str, Comparison | Failed]], tick: Callable[[str], None], unreadable: list[Unreadable]
) -> Iterator[tuple[str, Comparison]]:
    """Each comparison made; one whose text cannot be read (a version in git,
    say) is added to ``unreadable`` and left out, and the report goes on."""
    for name, comparison in results:
        if isinstance(comparison, Failed):
            unreadable.append(Unreadable(comparison.path or name, cli_words(comparison.message), comparison.line))
            _warn_unreadable(unreadable[-1])
            continue
        yield name, comparison
        tick(visible(name))  # resumed: its page and 对照表 are written
