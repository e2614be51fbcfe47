"""The ``fagui`` command: a thin layer over the engine in :mod:`fagui`.

Each sub-command lives in its own module and registers itself on ``main``.
"""

from __future__ import annotations

import click

from fagui.errors import FaguiError


class FaguiGroup(click.Group):
    """Turns engine errors into one line on stderr and exit code 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FaguiError as exc:
            click.echo(f"fagui: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=FaguiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="fagui")
def main() -> None:
    """Track Chinese regulations article by article: ingest, store, compare, report."""


# Each module adds its commands to ``main`` when imported.
from cli import diff, ingest, report, review, store  # noqa: E402,F401
