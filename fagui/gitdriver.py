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

from fagui.atomic import write_atomic
from fagui.store.gitcmd import open_checkout, run, succeeds

DRIVER = "fagui"
ATTRIBUTE_LINE = "texts/**/*.md diff=fagui"


def driver_command() -> str:
    """The command git runs: a ``/bin/sh`` wrapper around this installation's
    ``fagui git-diff``, named by absolute path so that git finds it whatever
    PATH holds (a virtual environment not activated): the ``fagui`` script
    installed beside this interpreter, else ``<this interpreter> -P -m cli``
    (``-P``: not the ``cli`` of the folder git runs it in). Where that cannot
    run (the environment was deleted or moved), the wrapper says so in one
    line on stderr and prints ``diff -u`` of the two files, and exits 0 either
    way, so that git never stops with "external diff died"."""
    script = Path(sys.executable).with_name("fagui")
    if script.is_file() and os.access(script, os.X_OK):
        program, run = script, f"{shlex.quote(str(script))} git-diff"
    else:
        program, run = Path(sys.executable), f"{shlex.quote(sys.executable)} -P -m cli git-diff"
    wrapper = (
        f'if [ -x {shlex.quote(str(program))} ] && {run} "$@"; then exit 0; fi; '
        f'echo "fagui git-diff: $1: {program} cannot run (moved or uninstalled? run fagui install-git-driver again): '
        f'a plain diff instead" >&2; '
        'diff -u --label "a/$1" --label "b/${8:-$1}" "$2" "$5"; exit 0'
    )
    return f"/bin/sh -c {shlex.quote(wrapper)} {WRAPPER_NAME}"


WRAPPER_NAME = "fagui-git-diff"
"""The name the wrapper runs as (``$0``): what ``git config diff.fagui.command`` ends with."""


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
    repo = open_checkout(repo_dir)
    changed = []
    key = f"diff.{DRIVER}.command"
    current = run(repo, "config", "--local", "--get", key) if succeeds(repo, "config", "--local", "--get", key) else None
    command = driver_command()
    if current != command:
        run(repo, "config", "--local", key, command)  # git quotes what the wrapper holds
        changed.append(f"set git config {key} to run this installation's fagui git-diff (this repository's .git/config)")
    attributes = Path(repo.working_dir) / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.is_file() and not attributes.is_symlink() else ""
    if ATTRIBUTE_LINE not in text.splitlines():
        prefix = text if not text or text.endswith("\n") else text + "\n"
        write_atomic(".gitattributes", prefix + ATTRIBUTE_LINE + "\n", root=repo.working_dir)
        changed.append(f"modified .gitattributes: added the line '{ATTRIBUTE_LINE}' (not committed; commit it to share it)")
    return changed
