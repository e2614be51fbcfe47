"""The ``fagui`` command: a thin layer over the engine in :mod:`fagui`.

This module defines the group and registers every command in
:data:`COMMANDS`. A command's module is imported only when that command runs
(or its own --help is asked for), so a command loads only what it uses and
``fagui --help`` loads none of them. Command modules never import this one.
"""

from __future__ import annotations

import importlib

import click

from fagui.errors import FaguiError

COMMANDS: dict[str, tuple[str, str]] = {
    "report": ("cli.report:report", "Compare each text with the higher-level texts it implements, as a static site."),
    "impact": ("cli.impact:impact_command", "Show which provincial articles to review after a national text changed."),
    "diff": ("cli.diff:diff_command", "Compare two regulation texts article by article."),
    "ingest": ("cli.ingest:ingest", "Turn a raw regulation text into canonical Markdown."),
    "check": ("cli.check:check", "Check that files are in canonical form."),
    "show": ("cli.show:show", "Print a regulation, or one article of it, as text."),
    "init": ("cli.store:init_command", "Make a new corpus: a git repository with texts/."),
    "add": ("cli.add:add", "Ingest raw texts and commit each as a version of a regulation."),
    "log": ("cli.store:log", "List the versions of a regulation, newest first."),
    "history": ("cli.history:history", "Show every version in which one article was added, changed or deleted."),
    "link": ("cli.link:link", "Confirm, reject and list article links; decisions are committed to the corpus."),
    "review": ("cli.review:review", "Summarise the regulation changes in a commit range, for a pull request."),
    "install-git-driver": ("cli.gitdriver:install_git_driver_command", "Make git diff print article-level changes for texts/."),
    "git-diff": ("cli.gitdiff:git_diff", "The external diff git runs for texts/**/*.md (see install-git-driver)."),
}
"""Command name -> ("module:attribute" of its click command, the one-line
summary ``fagui --help`` lists; the first line of the command's own help)."""


class FaguiGroup(click.Group):
    """Loads each command from :data:`COMMANDS` on first use, and turns engine
    errors and mistakes on the command line (a bad option value, a missing
    argument, a folder for a file) into one line on stderr and exit code 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            import difflib  # only on this path: --help must stay light

            close = difflib.get_close_matches(name, list(COMMANDS), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            ctx.fail(f"No such command '{name}'.{hint}")
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, _, attribute = COMMANDS[name][0].partition(":")
        return getattr(importlib.import_module(module), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in COMMANDS.items()])

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else ctx.command_path
            click.echo(f"fagui: error: {exc.format_message()} (see '{where} --help')", err=True)
            ctx.exit(2)
        except (FaguiError, OSError) as exc:
            # OSError is a backstop: the engine names the file for the errors it expects.
            if isinstance(exc, OSError):
                exc = FaguiError(exc.strerror or str(exc), exc.filename)
            from cli.flags import error_line  # only on this path: --help must stay light
            from fagui.text.control import visible

            click.echo(f"fagui: error: {visible(error_line(exc), newlines=False)}", err=True)
            ctx.exit(2)


@click.group(cls=FaguiGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="fagui")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Track Chinese regulations article by article: ingest, store, compare, report.

    \b
    Examples:
      fagui report -o report       # each text against the texts it implements; open report/index.html
      fagui diff national/counterespionage-security-provisions jiangxi/counterespionage-work-regulations
      fagui show jilin/counterespionage-work-provisions@2025-06-01 --article 三

    Run fagui COMMAND --help for a command's options and examples.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
