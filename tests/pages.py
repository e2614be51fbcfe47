"""The links of the HTML pages a report writes: every link must lead to a
file of the report and every anchor to an id on its page
(``assert_links_resolve``). Not a test module: test modules import from here,
never from each other."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "href" in a:
            self.hrefs.append(a["href"])
        if "id" in a:
            self.ids.append(a["id"])


def links(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def assert_links_resolve(folder: Path) -> None:
    """Every link of every page in ``folder`` leads to a file there, and
    every anchor to an id on that page."""
    pages = {page.name: links(page) for page in sorted(folder.glob("*.html"))}
    assert pages
    ids = {name: set(parsed.ids) for name, parsed in pages.items()}
    for name, parsed in pages.items():
        for href in parsed.hrefs:
            target, _, anchor = href.partition("#")
            target = target or name
            assert (folder / target).is_file(), (name, href)
            if anchor:
                assert anchor in ids[target], (name, href)
