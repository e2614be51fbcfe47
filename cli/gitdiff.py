"""fagui git-diff: the external diff command git runs for regulation files
once ``fagui install-git-driver`` has set it up. Loads no GitPython: git
hands it two files.

It never stops git: a file it cannot read as a regulation (binary, not
UTF-8, a README, a hand edit half done) gets a plain line diff instead; one
it cannot read at all (over 32 MB) or any other failure gets ``diff -u``
with one line on stderr; a reader that closed the pipe (``git diff |
head``) ends it quietly; and it exits 0 whatever it found. The command git
runs is a shell wrapper (:func:`fagui.gitdriver.driver_command`) that falls
back to ``diff -u`` itself when this cannot start at all."""

from __future__ import annotations

import os
import subprocess
import sys

import click

from cli.flags import error_line
from cli.gitdiffcache import store_answer
from cli.terminal import use_color
from fagui.errors import FaguiError
from fagui.files import decode_utf8, read_bytes
from fagui.markdown import read_regulation
from fagui.plaindiff import plain_diff
from fagui.store.changes import compare_versions
from fagui.store.paths import TEXTS
from fagui.text.control import visible
from fagui.check import check_text
from fagui.messages import DEFAULT_LANG, say
from renderers.text import render_text


@click.command("git-diff", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def git_diff(args: tuple[str, ...]) -> None:
    """The external diff git runs for texts/**/*.md (see install-git-driver).

    git passes seven arguments, PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE
    NEW-HEX NEW-MODE, and two more for a rename: NEW-PATH and a note. git
    diff runs it (between commits, the index and the work tree); git log -p
    and git show run it only with --ext-diff; git format-patch, git stash
    show and git diff --no-ext-diff never do. You do not run this yourself.

    \b
    Examples (git runs it for you once the driver is installed):
      git diff HEAD~1 -- texts/
      git log -p --ext-diff texts/jilin/counterespionage-work-provisions.md
    """
    if len(args) not in (7, 9):
        raise FaguiError(f"git-diff takes the 7 arguments git passes (9 for a rename), got {len(args)}")
    path, old_file, old_hex, _, new_file, new_hex, _ = args[:7]
    new_path = args[7] if len(args) == 9 else path
    old_label, new_label = f"a/{path}", f"b/{new_path}"
    colored = use_color("auto", sys.stdout)
    try:
        raw = [None if file == os.devnull else read_bytes(file) for file in (old_file, new_file)]
        try:
            text = _article_diff(path, new_path, raw, old_hex, new_hex, colored)
            store_answer(args, text)
        except Exception as exc:  # noqa: BLE001 -- not a regulation: a plain diff, said in the diff
            text = visible(f"fagui: {_reason(exc)}: a plain diff instead\n" + plain_diff(*raw, old_label, new_label))
    except Exception as exc:  # noqa: BLE001 -- not even that (over 32 MB, unreadable): git must still get a diff
        click.echo(visible(f"fagui git-diff: {_reason(exc)}: a plain diff by diff -u instead", newlines=False), err=True)
        _system_diff(old_file, new_file, old_label, new_label)
        return
    try:
        click.echo(text, nl=False, color=colored)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader has gone (git diff | head): nothing more to say, and git must not stop.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _reason(exc: Exception) -> str:
    return error_line(exc) if isinstance(exc, FaguiError) else f"{type(exc).__name__}: {exc}"


def _system_diff(old_file: str, new_file: str, old_label: str, new_label: str) -> None:
    """``diff -u`` of the two files, straight to our stdout (streamed: any size)."""
    sys.stdout.flush()
    try:
        subprocess.run(["diff", "-u", "--label", old_label, "--label", new_label, old_file, new_file], stdout=sys.stdout.fileno(), check=False)
    except OSError as exc:
        click.echo(f"fagui git-diff: diff -u cannot run either ({exc.strerror}): no diff shown", err=True)


def _article_diff(path: str, new_path: str, raw: list[bytes | None], old_hex: str, new_hex: str, colored: bool) -> str:
    sides = []
    for data, name, rev in ((raw[0], path, old_hex), (raw[1], new_path, new_hex)):
        sides.append(None if data is None else read_regulation(decode_utf8(data, name), f"{name}@{rev[:7]}"))
    if sides == [None, None]:
        return ""
    regulation_id = new_path.removeprefix(f"{TEXTS}/").removesuffix(".md")
    comparison = compare_versions(regulation_id, *sides, old_hex, new_hex)
    head = f"fagui diff a/{path} b/{new_path}" + (f" (renamed from {path})" if new_path != path else "")
    note = ""
    if raw[1] is not None:
        departure = check_text(decode_utf8(raw[1], new_path), new_path)
        if departure is not None:
            note = say("driver.not_canonical", DEFAULT_LANG, path=f"b/{new_path}", line=departure.line, reason=departure.reason) + "\n"
    return visible(head) + "\n" + visible(note) + render_text(comparison, color=colored, changed_only=True)
