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

    Sets diff.fagui.command in the repository's config and adds
    "texts/**/*.md diff=fagui" to .gitattributes (idempotent), and says what
    it changed. .gitattributes is left modified, not committed: commit it
    yourself. git diff, git log -p and git show then print changes article by
    article.

    \b
    Examples:
      fagui install-git-driver
      fagui install-git-driver --repo ~/corpus && git -C ~/corpus diff HEAD~1
    """
    changed = install_git_driver(repo)
    for line in changed:
        click.echo(line)
    if not changed:
        click.echo("already installed: nothing changed")
