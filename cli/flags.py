"""The CLI's words for the engine arguments a message names: its options.

The engine's messages name an argument of the function called
(:func:`fagui.errors.argument`: ``force=True`` to a Python caller); the CLI,
whose user never sees those functions, shows the option that sets it.
"""

from __future__ import annotations

from fagui.errors import FaguiError, worded

OPTIONS = {"force": "--force", "effective": "--effective", "source": "--source", "keep_order": "--keep-order"}
"""Engine argument -> the option of the commands that pass it."""


def as_option(name: str, value: str | None) -> str:
    """An argument as the CLI's user gives it: ``--force``, ``--effective YYYY-MM-DD``."""
    option = OPTIONS[name]
    return option if value in (None, "True") else f"{option} {value}"


def error_line(exc: FaguiError) -> str:
    """An engine error in one line as the CLI says it."""
    return exc.line_for(as_option)


def cli_words(text: str) -> str:
    """An engine note (not an error) with the arguments it names as options."""
    return worded(text, as_option)
