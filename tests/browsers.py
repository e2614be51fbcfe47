"""Headless Chromium for the browser tests: where it is, how it starts
(:data:`ARGS`), and :class:`Watched`, a page that records every request,
console error, page error and dialog. The fixtures ``browser`` and
``watched`` (conftest.py) use it. Not a test module: test modules import from
here, never from each other."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP, PHONE = 1280, 390


def unavailable(reason: str):
    """Skip the test (a developer's machine without a browser); fail it under CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


class Watched:
    """A page with every request, console error, page error and dialog recorded."""

    def __init__(self, browser, width: int):
        self.context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path, anchor: str = ""):
        self.page.goto(path.as_uri() + anchor)
        return self.page

    def check_clean(self):
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside
        assert self.dialogs == [], self.dialogs

    def close(self):
        self.context.close()
