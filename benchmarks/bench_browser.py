"""How a comparison page behaves in a real browser as it grows: open, filter,
show all, and 20 presses of j (next change), in headless Chromium.

The baseline is the same page with 500 rows, measured in the same browser in
the same run; the figures are the 5,000-row page's times as ratios to it
(10 would be linear growth). Absolute milliseconds are printed too.

    python benchmarks/bench_browser.py               # 500 and 5,000 rows, best of 3
    python benchmarks/bench_browser.py --rows 500 20000

Needs Chromium at /usr/bin/chromium and Playwright (pip install -e '.[test]').
The test suite checks what the page does with 5,000 rows
(tests/test_browser.py); how long it takes is measured here, not there.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_browser import ARGS, CHROMIUM  # noqa: E402
from test_render_common import synthetic  # noqa: E402

from renderers.html import render_side_by_side  # noqa: E402

TARGETS = {"open": 15.0, "filter": 15.0, "show_all": 15.0, "jumps": 15.0}
"""Largest acceptable ratio of the big page's time to the 500-row page's
(for 10 times the rows: a little worse than linear, never quadratic)."""

FILTER = """() => { const t0 = performance.now();
    document.querySelector('button.only[data-only="provincial_only"]').click(); document.body.offsetHeight;
    const t1 = performance.now();
    document.getElementById('show-all').click(); document.body.offsetHeight;
    return [t1 - t0, performance.now() - t1]; }"""


def measure(browser, page_path: Path) -> dict[str, float]:
    """Milliseconds to open ``page_path``, filter, show all, and press j 20 times."""
    page = browser.new_page()
    start = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    opened = (time.perf_counter() - start) * 1000
    filtered, shown = page.evaluate(FILTER)
    start = time.perf_counter()
    for _ in range(20):
        page.keyboard.press("j")
    jumps = (time.perf_counter() - start) * 1000
    page.close()
    return {"open": opened, "filter": filtered, "show_all": shown, "jumps": jumps}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs=2, default=(500, 5000), metavar=("BASE", "BIG"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        paths = []
        for rows in args.rows:
            path = Path(tmp) / f"rows-{rows}.html"
            path.write_text(render_side_by_side(synthetic(rows)), encoding="utf-8")
            paths.append(path)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        best = [{}, {}]
        for _ in range(args.repeat):
            for k, path in enumerate(paths):
                for name, ms in measure(browser, path).items():
                    best[k][name] = min(ms, best[k].get(name, float("inf")))
        browser.close()
    failed = False
    print(f"{'':10} {args.rows[0]:>8} rows {args.rows[1]:>8} rows   ratio  target")
    for name, target in TARGETS.items():
        base, big = best[0][name], best[1][name]
        ratio = big / max(base, 0.1)
        failed |= ratio > target
        print(f"{name:10} {base:10.0f} ms {big:10.0f} ms {ratio:7.1f}  <= {target:g}{'' if ratio <= target else '  MISSED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
