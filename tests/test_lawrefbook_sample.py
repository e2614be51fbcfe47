"""The LawRefBook benchmark as a test: a random sample of 200 files of the
collection (../shared/corpus/lawrefbook, tests/public.py) ingest whole
(>= 98%), and every file without articles is refused with one line."""

from __future__ import annotations

import sys
from pathlib import Path

import public

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_lawrefbook  # noqa: E402


def test_a_random_sample_of_lawrefbook_ingests_whole():
    outcomes, share = bench_lawrefbook.run(str(public.require(public.LAWREFBOOK)), 200, seed=11)
    assert len(outcomes) == 200
    assert not [o for o in outcomes if o.verdict == "accepted-no-articles"]
    assert share >= bench_lawrefbook.TARGET, [o for o in outcomes if o.verdict != "whole"]
    refused = [o for o in outcomes if o.verdict == "refused-no-articles"]
    assert refused and all(o.detail.endswith("no articles found (no line starts with 第…条): not a regulation") for o in refused)


def test_the_expected_counts_come_from_the_file():
    text = "# 某某条例\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n## 第二章 附则\n\n## 第一章 总则\n\n第一条 甲。\n\n第一条之一 乙。\n\n## 第二章 附则\n\n第二条 丙。\n"
    assert bench_lawrefbook.expected(text) == ("某某条例", 3, 2)
    assert bench_lawrefbook.check("x.md", text.encode("utf-8")).verdict == "whole"
    assert bench_lawrefbook.check("y.md", "# 笔记\n\n今天。\n".encode("utf-8")).verdict == "refused-no-articles"
