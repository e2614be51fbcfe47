"""fagui impact: what the newest version of a national text means for each
text implementing it (a thin wrapper over :func:`fagui.impact.impact`)."""

from __future__ import annotations

import sys

import click

from cli.options import color_option, format_option, repo_option
from cli.terminal import use_color
from fagui.impact import impact
from fagui.text.control import visible
from renderers.impact import impact_json_parts, render_impact_text


@click.command("impact")
@click.argument("national_id", metavar="ID")
@format_option(("text", "json"), "text")
@color_option
@repo_option
def impact_command(national_id, fmt, color, repo) -> None:
    """Show which provincial articles to review after a national text changed.

    For each text implementing ID (found as fagui report finds it): the
    version of ID in force when that text took its form, and each national
    article changed since (amended, deleted, split, merged) that the text
    carries, with the provincial articles carrying it and the national
    change beside them ([-deleted-]{+inserted+}). ID needs its versions
    committed in git (fagui add).

    \b
    Examples:
      fagui impact national/wildlife-law
      fagui impact national/wildlife-law --format json > impact.json
    """
    found = impact(repo, national_id)
    for u in found.unreadable:
        where = f"{u.path}:{u.line}" if u.line else u.path
        click.echo(f"warning: {visible(where, newlines=False)}: cannot be read, left out: {visible(u.reason, newlines=False)}", err=True)
    if fmt == "json":
        for part in impact_json_parts(found):  # one implementing text at a time: the whole would hold them all
            click.echo(part, nl=False)
    else:
        click.echo(render_impact_text(found, use_color(color, sys.stdout)), nl=False)
