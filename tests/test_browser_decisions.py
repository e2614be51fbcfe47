"""Reviewer decisions in a real browser: the 确认 / 否决 buttons of a
comparison page keep what a reviewer clicks (localStorage), 下载决定 saves a
decisions file, and ``fagui link apply`` commits it so that every output
shows it. Headless Chromium, as in test_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from gitrepos import NATIONAL, ZHEJIANG, git

from cli.main import main


def fagui(corpus: Path, *args: str):
    result = CliRunner().invoke(main, [*args, "--repo", str(corpus)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_reviewer_decides_in_the_browser_and_apply_commits_it(decisions_repo, watched, tmp_path):
    repo = decisions_repo
    page_file = tmp_path / "page.html"
    fagui(repo, "diff", NATIONAL, ZHEJIANG, "--format", "html", "-o", str(page_file))
    w = watched()
    page = w.open(page_file)
    assert page.inner_text("#decide-count") == "本页尚无决定"
    assert page.is_disabled("#decide-download")
    counterpart = page.locator('.rh .dec[data-strength="counterpart"]').first
    shares = page.locator('.shares .dec[data-strength="shares"]').first
    confirmed = (counterpart.get_attribute("data-left"), counterpart.get_attribute("data-right"))
    rejected = (shares.get_attribute("data-left"), shares.get_attribute("data-right"))
    candidate = page.locator(".cands .dec").first  # where the engine says nothing: its closest article
    suggested = (candidate.get_attribute("data-left"), candidate.get_attribute("data-right"))
    counterpart.locator("button.ok").click()
    shares.locator("button.no").click()
    candidate.locator("button.ok").click()
    assert counterpart.locator("button.ok").get_attribute("aria-pressed") == "true"
    assert "已决定 3 项" in page.inner_text("#decide-count")
    # Kept in the browser: a reload shows them again; a second click takes one back.
    page.reload()
    assert "已决定 3 项" in page.inner_text("#decide-count")
    assert page.locator('.shares .dec[data-strength="shares"]').first.locator("button.no").get_attribute("aria-pressed") == "true"
    page.locator('.rh .dec[data-strength="counterpart"]').nth(1).locator("button.ok").click()
    page.locator('.rh .dec[data-strength="counterpart"]').nth(1).locator("button.ok").click()
    assert "已决定 3 项" in page.inner_text("#decide-count")
    with page.expect_download() as info:
        page.click("#decide-download")
    saved = tmp_path / "decisions.jsonl"
    info.value.save_as(saved)
    w.check_clean()
    lines = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {"schema": "fagui.decisions/1", "left": NATIONAL, "right": ZHEJIANG}
    assert {(d["decision"], d["left"], d["right"]) for d in lines[1:]} == {("confirmed", *confirmed), ("rejected", *rejected), ("confirmed", *suggested)}
    # A reviewer who never opens a terminal hands the file over; one command commits it.
    head = git(repo, "rev-parse", "HEAD")
    out = fagui(repo, "link", "apply", str(saved))
    assert out.count("] decisions/") == 3 and git(repo, "rev-parse", "HEAD~1") == head
    data = json.loads(fagui(repo, "diff", NATIONAL, ZHEJIANG, "--format", "json"))
    links = {(x["left"], x["right"], x["strength"]): x["decision"] for x in data["links"]}
    assert links[(*confirmed, "counterpart")] == "confirmed"
    assert (*rejected, "shares") not in links
    assert links[(*suggested, "counterpart")] == "added", "a candidate confirmed is a link"
    # The page made now shows the committed decision.
    fagui(repo, "diff", NATIONAL, ZHEJIANG, "--format", "html", "-o", str(page_file))
    page = w.open(page_file)
    assert "已确认" in page.inner_text("#rows")
    w.check_clean()


def test_a_page_of_two_files_has_no_decision_buttons(watched, tmp_path):
    root = Path(__file__).resolve().parent.parent / "texts"
    page_file = tmp_path / "files.html"
    result = CliRunner().invoke(
        main, ["diff", str(root / f"{NATIONAL}.md"), str(root / f"{ZHEJIANG}.md"), "--format", "html", "-o", str(page_file), "--repo", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    w = watched()
    page = w.open(page_file)
    assert page.locator("#decide").count() == 0 and page.locator(".dec").count() == 0
    w.check_clean()
