"""docs/design.md's layers are the house as it is: every import of fagui,
cli and renderers goes from a row of that table to a row below it (or stays
inside one package), and every module is in some row."""

from __future__ import annotations

import re
from pathlib import Path

from test_imports import import_graph

ROOT = Path(__file__).resolve().parent.parent


def layers() -> dict[str, int]:
    """Each place the table names ("fagui/model/", "fagui/errors.py",
    "cli/") -> its row."""
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    table = text[text.index("Layers, lowest first") :].split("```")[1]
    out = {}
    for line in table.strip().splitlines():
        row, _, items = line.strip().partition(" ")
        items = re.sub(r"\([^)]*\)", "", items)
        folder = ""
        for item in (x.strip() for x in items.split(",")):
            if item.split("/")[0] in ("fagui", "cli", "renderers"):  # from the top; what follows is beside it
                folder = item.split("/")[0] + "/"
                place = item
            else:
                place = folder + item
            out[place] = int(row)
    return out


def place_of(module: str, places: dict[str, int]) -> str | None:
    """The place of the table a dotted module falls in."""
    path = module.replace(".", "/")
    for place in sorted(places, key=len, reverse=True):
        if place.endswith("/") and (path + "/").startswith(place) or place == path + ".py":
            return place
    return None


def test_every_module_is_in_a_row():
    places = layers()
    assert len(places) > 20
    missing = [m for m in import_graph(ROOT) if m not in ("fagui",) and place_of(m, places) is None]
    assert missing == []


def test_every_import_goes_down_the_rows():
    places = layers()
    wrong = []
    for module, targets in import_graph(ROOT).items():
        here = place_of(module, places)
        for target in targets:
            there = place_of(target, places)
            if here is None or there is None or here == there:
                continue
            if places[there] >= places[here]:
                wrong.append(f"{module} (row {places[here]}) imports {target} (row {places[there]})")
    assert wrong == []
