"""fagui install-git-driver: article-level changes in git's own diff, log -p
and show (git then runs ``fagui git-diff``, :mod:`cli.gitdiff`)."""

from __future__ import annotations

import click

from cli.options import repo_option
from fagui.gitdriver import install_git_driver


@click.command("install-git-driver")
@repo_option
def install_git_driver_command(repo: str) -> None:
    """Make git diff print article-level changes for texts/.

    Sets diff.fagui.command in the repository's config to this
    installation's fagui by absolute path (so it runs without the virtual
    environment on PATH), adds "texts/**/*.md diff=fagui" to .gitattributes
    (idempotent), and says what it changed. .gitattributes is left modified,
    not committed: commit it yourself.

    Then git diff (between commits, the index and the work tree) prints
    changes article by article; git log -p and git show do only with
    --ext-diff; git format-patch, git stash show and --no-ext-diff never do.
    A file the driver cannot read as a regulation gets a plain diff.

    \b
    Examples:
      fagui install-git-driver
      fagui install-git-driver --repo ~/corpus && git -C ~/corpus diff HEAD~1
      git log -p --ext-diff -- texts/
    """
    changed = install_git_driver(repo)
    for line in changed:
        click.echo(line)
    if not changed:
        click.echo("already installed: nothing changed")
