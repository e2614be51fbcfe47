"""Make git print article-level changes for regulation files.

git runs an external diff command with seven arguments
(``path old-file old-hex old-mode new-file new-hex new-mode``; a missing side
is ``/dev/null``) for paths whose ``diff`` attribute names a driver with a
``diff.<driver>.command``. ``install_git_driver`` sets both up.
"""

from __future__ import annotations

from pathlib import Path

import git

from fagui.atomic import write_atomic
from fagui.errors import FaguiError

DRIVER = "fagui"
ATTRIBUTE_LINE = "texts/**/*.md diff=fagui"
COMMAND = "fagui git-diff"


def install_git_driver(repo_dir: str = ".") -> list[str]:
    """Configure the repository at ``repo_dir`` so that ``git diff``,
    ``git log -p`` and ``git show`` use ``fagui git-diff`` for regulation files.

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
    if current != COMMAND:
        with repo.config_writer() as writer:
            writer.set_value(f'diff "{DRIVER}"', "command", COMMAND)
        changed.append(f"set git config diff.{DRIVER}.command '{COMMAND}' (this repository's .git/config)")
    attributes = Path(repo.working_dir) / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if ATTRIBUTE_LINE not in text.splitlines():
        prefix = text if not text or text.endswith("\n") else text + "\n"
        write_atomic(attributes, prefix + ATTRIBUTE_LINE + "\n")
        changed.append(f"modified .gitattributes: added the line '{ATTRIBUTE_LINE}' (not committed; commit it to share it)")
    return changed
