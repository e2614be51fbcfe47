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


START = "from cli.start import main; main()"
"""What the ``fagui`` script runs (its entry point, ``cli.start:main``)."""


def driver_command() -> str:
    """The command git runs: a ``/bin/sh`` wrapper around this installation's
    ``fagui git-diff``, named by absolute path so that git finds it whatever
    PATH holds (a virtual environment not activated): ``<this interpreter>
    -P -c 'from cli.start import main; main()' git-diff``, what the ``fagui``
    script runs, without the ``import re`` the script pip writes does first
    (a quarter of an answer kept in ``.git/fagui-cache/``: git starts one
    process a file) nor ``-m``'s runpy; ``-P``: not the ``cli`` of the folder
    git runs it in. Where that cannot run (the environment deleted or moved,
    fagui uninstalled: the interpreter or ``cli/start.py`` beside this
    package gone, or it fails to start), the wrapper says so in one line on
    stderr and prints ``diff -u`` of the two files, and exits 0 either way,
    so that git never stops with "external diff died"."""
    program = sys.executable
    start = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "cli", "start.py")
    run = f"{shlex.quote(program)} -P -c {shlex.quote(START)} git-diff"
    wrapper = (
        f'if [ -x {shlex.quote(program)} ] && [ -f {shlex.quote(start)} ] && {run} "$@"; then exit 0; fi; '
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
