"""The project keeps no public text of another repository (docs/design.md,
"Public texts"): they are read from ../shared/corpus (tests/public.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import public

BINARY_OR_PAGE = re.compile(r"\.(?:docx?|html?|pdf|xhtml)$", re.I)
ARTICLE_LINE = re.compile(r"^(?:#+ *)?[\s\u3000]*第[一二三四五六七八九十百千零〇]+条(?:之[一二三四五六七八九十]+)?(?:\s*$|[\s\u3000]+\S.*。$)")
"""A line opening an article as a regulation's text has it: a heading alone
(## 第一条) or a label and a sentence (第一条 为了……，制定本法。)."""


def _tracked_under_tests() -> list[str]:
    listing = subprocess.run(
        ["git", "-c", "core.quotepath=off", "ls-files", "-z", "tests"], cwd=public.ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [p for p in listing.split("\0") if p]


def test_no_word_file_web_page_or_pdf_is_committed_under_tests():
    files = _tracked_under_tests()
    assert files, "git lists nothing under tests/: not a checkout?"
    assert [p for p in files if BINARY_OR_PAGE.search(p)] == []


def test_no_regulation_text_is_committed_under_tests():
    """A tracked file with three or more lines opening an article is a
    regulation's text: the tests make theirs from the seeds or inline."""
    texts = []
    for path in _tracked_under_tests():
        if path.endswith((".md", ".txt", ".json", ".xml")):
            lines = (public.ROOT / path).read_text("utf-8", errors="replace").splitlines()
            if sum(1 for line in lines if ARTICLE_LINE.match(line)) >= 3:
                texts.append(path)
    assert texts == []


def test_the_check_catches_what_it_is_for():
    assert BINARY_OR_PAGE.search("tests/fixtures/layouts/docx/刑法.docx")
    assert BINARY_OR_PAGE.search("tests/x/page.HTML")
    assert not BINARY_OR_PAGE.search("tests/test_html.py")
    regulation = "# 某某条例\n\n## 第一条\n\n甲。\n\n## 第二条\n\n乙。\n\n第三条 丙。\n"
    assert sum(1 for line in regulation.splitlines() if ARTICLE_LINE.match(line)) == 3
    notes = "第六条（三） comes from national 第十二条, not 第二十七条.\n第四条→heilongjiang 第六条\n"
    assert not any(ARTICLE_LINE.match(line) for line in notes.splitlines())


def _pytest_without_public_texts(tmp_path, ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"FAGUI_PUBLIC_TEXTS": str(tmp_path / "absent")}
    if ci:
        env["CI"] = "true"
    test = "tests/test_real_layouts.py::test_at_least_five_real_files_of_each_layout"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", test], cwd=public.ROOT, env=env, capture_output=True, text=True
    )


def test_without_the_public_texts_their_tests_skip_with_one_line(tmp_path):
    done = _pytest_without_public_texts(tmp_path, ci=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 skipped" in done.stdout
    assert f"real public texts not found at {tmp_path / 'absent'}" in done.stdout


def test_under_ci_missing_public_texts_fail_the_run(tmp_path):
    done = _pytest_without_public_texts(tmp_path, ci=True)
    assert done.returncode != 0
    assert f"CI=true and real public texts not found at {tmp_path / 'absent'}" in done.stdout + done.stderr
