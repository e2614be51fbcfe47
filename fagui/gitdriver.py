"""Make git print article-level changes for regulation files.

git runs an external diff command with seven arguments
(``path old-file old-hex old-mode new-file new-hex new-mode``; a missing side
is ``/dev/null``) for paths whose ``diff`` attribute names a driver with a
``diff.<driver>.command``. ``install_git_driver`` sets both up.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import git

from fagui.atomic import write_atomic
from fagui.errors import FaguiError

DRIVER = "fagui"
ATTRIBUTE_LINE = "texts/**/*.md diff=fagui"


def driver_command() -> str:
    """The command git runs, by absolute path so that git finds it whatever
    PATH holds (a virtual environment not activated): the ``fagui`` script
    installed beside this interpreter, else ``<this interpreter> -P -m cli``
    (``-P``: not the ``cli`` of the folder git runs it in)."""
    script = Path(sys.executable).with_name("fagui")
    if script.is_file() and os.access(script, os.X_OK):
        return f"{shlex.quote(str(script))} git-diff"
    return f"{shlex.quote(sys.executable)} -P -m cli git-diff"


def install_git_driver(repo_dir: str = ".") -> list[str]:
    """Configure the repository at ``repo_dir`` so that ``git diff`` (and
    ``git log -p --ext-diff``, ``git show --ext-diff``) use ``fagui git-diff``
    for regulation files, run by this interpreter's absolute path
    (:func:`driver_command`; an older bare ``fagui git-diff`` is replaced).

    Sets ``diff.fagui.command`` in the repository's own config and adds the
    attribute line to ``.gitattributes`` (atomically, keeping its other
    lines), without staging or committing it. Idempotent: returns what it
    changed, one sentence each, empty when nothing was needed.
    """
    try:
        repo = git.Repo(repo_dir, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise FaguiError("not a git repository", repo_dir) from None
    changed = []
    with repo.config_reader("repository") as reader:
        section = f'diff "{DRIVER}"'
        current = reader.get_value(section, "command") if reader.has_option(section, "command") else None
    command = driver_command()
    if current != command:
        with repo.config_writer() as writer:
            writer.set_value(f'diff "{DRIVER}"', "command", command)
        changed.append(f"set git config diff.{DRIVER}.command '{command}' (this repository's .git/config)")
    attributes = Path(repo.working_dir) / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.is_file() and not attributes.is_symlink() else ""
    if ATTRIBUTE_LINE not in text.splitlines():
        prefix = text if not text or text.endswith("\n") else text + "\n"
        write_atomic(".gitattributes", prefix + ATTRIBUTE_LINE + "\n", root=repo.working_dir)
        changed.append(f"modified .gitattributes: added the line '{ATTRIBUTE_LINE}' (not committed; commit it to share it)")
    return changed
