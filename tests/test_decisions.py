"""Reviewer decisions kept in git: the decisions file (read as written,
refused with file and line), the rule that applies them to an alignment, the
commands that commit them, and how they follow a regulation's new versions."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepos import NATIONAL, ZHEJIANG

from cli.main import main
from fagui.align import align_articles
from fagui.decisions import parse_decisions, record_line
from fagui.errors import FaguiError
from fagui.markdown import read_regulation
from fagui.model import Decision, PlacedDecision, Strength, Verdict, article_fingerprint
from fagui.text.labels import label_text
from fagui.text.numerals import to_int

ROOT = Path(__file__).resolve().parent.parent
FILE = f"decisions/{NATIONAL}/{ZHEJIANG}.jsonl"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(decisions_repo) -> Path:
    """Here every test's repository is the seed pair (conftest's ``decisions_repo``)."""
    return decisions_repo


def fagui(repo: Path, *args: str):
    return CliRunner().invoke(main, [*args, "--repo", str(repo)], catch_exceptions=False)


def link(repo: Path, verb: str, left: str, right: str, *more: str):
    return fagui(repo, "link", verb, NATIONAL, ZHEJIANG, "--left", left, "--right", right, *more)


def diff(repo: Path) -> dict:
    result = CliRunner().invoke(main, ["diff", NATIONAL, ZHEJIANG, "--format", "json", "--repo", str(repo)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def links(data: dict) -> dict[tuple[str, str, str], str | None]:
    return {(x["left"], x["right"], x["strength"]): x["decision"] for x in data["links"]}


def engine_links(repo: Path) -> dict:
    return links(diff(repo))


# -- the file ------------------------------------------------------------------------

HEADER = json.dumps({"schema": "fagui.decisions/1", "left": NATIONAL, "right": ZHEJIANG})
LINE = {
    "decision": "confirmed", "left": "第八条", "right": "第十七条", "strength": "counterpart",
    "left_version": "0fcd4e3", "right_version": None, "left_text": "0123456789abcdef", "right_text": "fedcba9876543210", "note": "见说明",
}


def test_a_hand_edited_file_reads_as_the_written_one():
    written = parse_decisions(HEADER + "\n" + json.dumps(LINE, ensure_ascii=False) + "\n", "w.jsonl")
    by_hand = "# reviewed by 张三\n\n" + json.dumps(json.loads(HEADER), indent=None, separators=(",", ":")) + "\n" + json.dumps(
        dict(reversed(list(LINE.items()))), separators=(" ,", " : ")
    ) + "\n\n"
    read = parse_decisions(by_hand, "h.jsonl")
    assert [r.__class__(**{**r.__dict__, "line": 0}) for r in read.records] == [
        r.__class__(**{**r.__dict__, "line": 0}) for r in written.records
    ]
    assert (read.left_id, read.right_id) == (NATIONAL, ZHEJIANG)
    assert read.records[0].line == 4 and record_line(read.records[0]) == json.dumps(LINE, ensure_ascii=False)


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "not a JSON object"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({**LINE, "decision": "maybe"}), "decision must be one of confirmed, rejected"),
        (json.dumps({**LINE, "left": "8"}), "left must be an article label"),
        (json.dumps({**LINE, "strength": "weak"}), "strength must be one of counterpart, shares"),
        (json.dumps({**LINE, "left_version": "HEAD"}), "left_version must be a commit"),
        (json.dumps({**LINE, "right_text": "abc"}), "right_text must be an article fingerprint"),
        (json.dumps({**LINE, "who": "me"}), "unknown key 'who'"),
        (json.dumps({k: v for k, v in LINE.items() if k != "right"}), "missing key 'right'"),
    ],
)
def test_a_malformed_line_is_named_with_its_file_and_line(line, message):
    with pytest.raises(FaguiError) as caught:
        parse_decisions(f"{HEADER}\n{json.dumps(LINE)}\n{line}\n", "d.jsonl")
    assert str(caught.value).startswith("d.jsonl:3: ") and message in str(caught.value)


def test_a_file_without_its_header_is_refused():
    with pytest.raises(FaguiError, match=r"^d.jsonl:1: not a decisions file"):
        parse_decisions(json.dumps(LINE) + "\n", "d.jsonl")


# -- the rule ------------------------------------------------------------------------


def texts():
    read = lambda rid: read_regulation((ROOT / "texts" / f"{rid}.md").read_text(encoding="utf-8"), rid)
    return read(NATIONAL), read(ZHEJIANG)


def placed(left, right, strength=Strength.COUNTERPART, verdict=Verdict.CONFIRMED, current=True):
    return PlacedDecision(left, right, strength, verdict, current)


def labelled(alignment, left, right):
    la, ra = left.located_articles(), right.located_articles()
    groups = {(la[i].article.label, ra[j].article.label) for g in alignment.groups for i in g.left for j in g.right}
    shares = {(la[x.left].article.label, ra[x.right].article.label) for x in alignment.links}
    marks = {(la[i].article.label, ra[j].article.label): m for i, j, _, m in alignment.decided}
    return groups, shares, marks


def test_reviewer_decisions_confirm_add_reject_and_distrust():
    left, right = texts()
    groups, shares, _ = labelled(align_articles(left, right, "jurisdictions"), left, right)
    kept = next(g for g in sorted(groups) if g[0] not in ("第三十一条", "第二十条") and g[1] not in ("第一条", "第二条"))
    assert ("第三十一条", "第一条") not in groups
    decisions = (
        placed(*kept),
        placed("第三十一条", "第一条"),
        placed("第二十条", "第二条", Strength.SHARES),
    )
    groups2, shares2, marks = labelled(align_articles(left, right, "jurisdictions", decisions=decisions), left, right)
    assert kept in groups2 and marks[kept] is Decision.CONFIRMED
    assert ("第三十一条", "第一条") in groups2 and marks["第三十一条", "第一条"] is Decision.ADDED
    assert not any(l == "第三十一条" and r != "第一条" for l, r in groups2), "it left its own group"
    assert ("第二十条", "第二条") in shares2 and marks["第二十条", "第二条"] is Decision.ADDED
    # Rejected: the link is gone; the same rejection after the wording changed is not trusted.
    rejected = labelled(align_articles(left, right, "jurisdictions", decisions=(placed(*kept, verdict=Verdict.REJECTED),)), left, right)
    assert kept not in rejected[0] and kept not in rejected[2]
    stale = labelled(align_articles(left, right, "jurisdictions", decisions=(placed(*kept, verdict=Verdict.REJECTED, current=False),)), left, right)
    assert kept in stale[0] and stale[2][kept] is Decision.NEEDS_REVIEW


# -- the commands --------------------------------------------------------------------


def test_confirm_commits_only_its_file_and_every_output_applies_it(repo):
    before = engine_links(repo)
    confirmed = next(k for k, v in before.items() if k[2] == "counterpart")
    (repo / "README.md").write_text("mine\n", encoding="utf-8")
    git(repo, "add", "README.md")
    (repo / "notes.txt").write_text("unstaged\n", encoding="utf-8")
    head = git(repo, "rev-parse", "HEAD")
    result = link(repo, "confirm", confirmed[0], confirmed[1], "--note", "同一条款")
    assert result.exit_code == 0, result.output
    assert git(repo, "rev-parse", "HEAD~1") == head
    assert git(repo, "show", "--name-only", "--format=", "HEAD") == FILE
    assert git(repo, "diff", "--cached", "--name-only") == "README.md", "the user's staged work is still staged"
    assert git(repo, "status", "--porcelain", "--", FILE) == ""
    assert "同一条款" in git(repo, "log", "-1", "--format=%B")
    data = diff(repo)
    assert links(data)[confirmed] == "confirmed"
    assert any(p["decision"] == "confirmed" for p in data["pairs"] if confirmed[0] in [a["label"] for a in p["left"]])
    for fmt in ("text", "markdown", "html"):
        out = fagui(repo, "diff", NATIONAL, ZHEJIANG, "--format", fmt).stdout
        assert "已确认" in out, fmt
    # Confirming twice is one decision, and commits nothing.
    again = link(repo, "confirm", confirmed[0], confirmed[1], "--note", "同一条款")
    assert again.exit_code == 0 and "未变，已是这一决定" in again.stdout
    assert git(repo, "rev-parse", "HEAD~1") == head
    # Given provincial first, as diff takes them: the same decision.
    swapped = fagui(repo, "link", "confirm", ZHEJIANG, NATIONAL, "--left", confirmed[1], "--right", confirmed[0], "--note", "同一条款")
    assert swapped.exit_code == 0 and "未变，已是这一决定" in swapped.stdout
    listed = fagui(repo, "link", "list", NATIONAL, ZHEJIANG).stdout
    assert listed.startswith(f"已确认\t{confirmed[0]} ↔ {confirmed[1]}\t对应\t第 2 行  同一条款")  # Chinese throughout (no "counterpart")


def test_a_rejected_link_never_appears_and_an_added_one_is_a_link(repo):
    before = engine_links(repo)
    rejected = next(k for k in before if k[2] == "shares")
    assert link(repo, "reject", rejected[0], rejected[1], "--strength", "shares").exit_code == 0
    assert link(repo, "confirm", "第三十一条", "第一条").exit_code == 0
    after = links(diff(repo))
    assert rejected not in after
    assert after["第三十一条", "第一条", "counterpart"] == "added"
    # Re-deciding the same two articles replaces the decision: one line each.
    assert link(repo, "reject", "第三十一条", "第一条").exit_code == 0
    lines = (repo / FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and '"rejected", "left": "第三十一条"' in lines[2]
    assert ("第三十一条", "第一条", "counterpart") not in links(diff(repo))


def test_bad_input_is_one_line_exit_2_and_changes_nothing(repo, tmp_path):
    assert link(repo, "confirm", "第一条", "第一条").exit_code == 0
    head = git(repo, "rev-parse", "HEAD")
    good = (repo / FILE).read_text(encoding="utf-8")
    version = git(repo, "rev-parse", "--short", "HEAD~1")

    def refused(result, where: str):
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and where in lines[0], lines
        assert git(repo, "rev-parse", "HEAD") == head

    refused(link(repo, "confirm", "第九十九条", "第一条"), "no 第九十九条")
    first = json.loads(good.splitlines()[1])
    cases = {
        "malformed.jsonl": good + "{oops\n",
        "missing.jsonl": good + json.dumps({**first, "left": "第九十九条"}, ensure_ascii=False) + "\n",
        "other.jsonl": good.replace(ZHEJIANG, "jilin/counterespionage-work-provisions", 1),
        "version.jsonl": good + json.dumps({**first, "left_version": "deadbeef"}, ensure_ascii=False) + "\n",
        "reversed.jsonl": json.dumps({"schema": "fagui.decisions/1", "left": ZHEJIANG, "right": NATIONAL}) + "\n",
        "unknown.jsonl": "# made by hand\n" + json.dumps({"schema": "fagui.decisions/1", "left": NATIONAL, "right": "beijing/none"}) + "\n",
    }
    lines_of = {"other.jsonl": 1, "reversed.jsonl": 1, "unknown.jsonl": 2}
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        line = lines_of.get(name, len(text.splitlines()))
        refused(fagui(repo, "link", "apply", str(path)), f"{path}:{line}: ")
    # The corpus's own file, edited by hand into a fault: diff and list name it and its line.
    (repo / FILE).write_text(good + "{oops\n", encoding="utf-8")
    refused(fagui(repo, "diff", NATIONAL, ZHEJIANG), f"{FILE}:3: not a JSON object")
    refused(fagui(repo, "link", "list", NATIONAL, ZHEJIANG), f"{FILE}:3: ")
    refused(link(repo, "confirm", "第二条", "第二条"), "uncommitted changes")
    assert (repo / FILE).read_text(encoding="utf-8") == good + "{oops\n", "the user's edit is kept"
    (repo / FILE).write_text(good.replace(ZHEJIANG, "jilin/counterespionage-work-provisions", 1), encoding="utf-8")
    refused(fagui(repo, "diff", NATIONAL, ZHEJIANG), f"{FILE}:1: made for {NATIONAL} ↔ jilin/")


def test_apply_commits_a_downloaded_file_and_fills_in_the_version(repo, tmp_path):
    right = read_regulation((repo / "texts" / f"{ZHEJIANG}.md").read_text(encoding="utf-8"), ZHEJIANG)
    left = read_regulation((repo / "texts" / f"{NATIONAL}.md").read_text(encoding="utf-8"), NATIONAL)
    fingerprint = lambda reg, label: article_fingerprint(next(a for a in reg.articles if a.label == label).blocks())
    line = {**LINE, "left": "第三十一条", "right": "第一条", "left_version": None, "right_version": None,
            "left_text": fingerprint(left, "第三十一条"), "right_text": fingerprint(right, "第一条"), "note": ""}
    path = tmp_path / "decisions.jsonl"
    path.write_text(HEADER + "\n" + json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = fagui(repo, "link", "apply", str(path))
    assert result.exit_code == 0, result.output
    written = json.loads((repo / FILE).read_text(encoding="utf-8").splitlines()[1])
    assert written["left_version"] == written["right_version"] == git(repo, "rev-parse", "--short", "HEAD~1")
    assert links(diff(repo))["第三十一条", "第一条", "counterpart"] == "added"
    assert "unchanged, already decided so" in fagui(repo, "link", "apply", str(path), "--lang", "en").stdout


# -- new versions ----------------------------------------------------------------------


def renumbered(markdown: str, new_first: str) -> str:
    """``markdown`` with a new 第一条 before every article, the others one up."""
    def up(m):
        return f"{m.group(1)}{label_text('条', to_int(m.group(2)) + 1)}"

    text = re.sub(r"^(#+ )第(.+?)条$", lambda m: up(re.match(r"(#+ )第(.+?)条", m.group(0))), markdown, flags=re.M)
    heading = re.search(r"^#+ 第二条$", text, flags=re.M)
    level = heading.group(0).split(" ")[0]
    return text[: heading.start()] + f"{level} 第一条\n\n{new_first}\n\n" + text[heading.start():]


def test_decisions_follow_a_renumbering_and_a_changed_wording_needs_review(repo):
    assert link(repo, "confirm", "第二条", "第二条").exit_code == 0
    assert link(repo, "confirm", "第三条", "第三条").exit_code == 0
    md = repo / "texts" / f"{ZHEJIANG}.md"
    text = renumbered(md.read_text(encoding="utf-8"), "本办法所称重点单位，由省国家安全机关确定。")
    # The old 第三条, now 第四条, is reworded; the old 第二条, now 第三条, is not.
    text = text.replace("坚持积极防范、标本兼治。", "坚持积极防范、依法防范、标本兼治。")
    md.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "a new version")
    got = links(diff(repo))
    assert got["第二条", "第三条", "counterpart"] == "confirmed"
    assert got["第三条", "第四条", "counterpart"] == "needs_review"
    listed = fagui(repo, "link", "list", NATIONAL, ZHEJIANG).stdout.splitlines()
    assert listed[0].startswith("已确认\t第二条 ↔ 第三条（决定时为 第二条 ↔ 第二条）\t对应\t第 ")
    assert listed[1].startswith("需复核\t第三条 ↔ 第四条（决定时为 第三条 ↔ 第三条）\t对应\t第 ")
    english = fagui(repo, "link", "list", NATIONAL, ZHEJIANG, "--lang", "en").stdout.splitlines()
    assert english[0].startswith("confirmed\t第二条 ↔ 第三条 (decided as 第二条 ↔ 第二条)\tcounterpart\tline ")
    assert english[1].startswith("needs review\t第三条 ↔ 第四条 (decided as 第三条 ↔ 第三条)\tcounterpart\tline ")
    # The comparison of the version the decisions were made on is as it was.
    old = CliRunner().invoke(main, ["diff", NATIONAL, f"{ZHEJIANG}@HEAD~1", "--format", "json", "--repo", str(repo)])
    assert links(json.loads(old.stdout))["第二条", "第二条", "counterpart"] == "confirmed"


def test_review_shows_who_decided_what_in_a_range(repo):
    assert link(repo, "confirm", "第一条", "第一条", "--note", "目的条款").exit_code == 0
    base = git(repo, "rev-parse", "HEAD")
    assert link(repo, "reject", "第一条", "第一条").exit_code == 0
    assert link(repo, "confirm", "第三十一条", "第一条").exit_code == 0
    text = fagui(repo, "review", f"{base}..HEAD", "--lang", "en").stdout
    assert "**Reviewer decisions** (`fagui link`):" in text and "No regulation changes in this range." in text
    assert f"2 added, 1 removed" in text
    assert "  - + rejected 第一条 ↔ 第一条 (counterpart)" in text
    assert "  - − confirmed 第一条 ↔ 第一条 (counterpart) · 目的条款" in text
    text = fagui(repo, "review", f"{base}..HEAD").stdout  # Chinese by default
    assert "**审核决定**（`fagui link`）：" in text and "此范围内没有法规变化。" in text
    assert "新增 2 项，撤销 1 项" in text
    assert "  - + 已否决 第一条 ↔ 第一条 (对应)" in text
    assert "  - − 已确认 第一条 ↔ 第一条 (对应) · 目的条款" in text
    data = json.loads(fagui(repo, "review", f"{base}..HEAD", "--format", "json").stdout)
    (change,) = data["decisions"]
    assert (change["path"], change["left"], change["right"]) == (FILE, NATIONAL, ZHEJIANG)
    assert [d["decision"] for d in change["added"]] == ["rejected", "confirmed"] and change["removed"][0]["note"] == "目的条款"


def test_reviewing_decisions_alone_loads_no_comparison_engine(repo, tmp_path):
    """A range that changes only decisions is reviewed without the engine:
    reading a decisions file needs the model, not fagui.compare (the real
    CLI in a fresh interpreter, its modules listed when it is done)."""
    base = git(repo, "rev-parse", "HEAD")
    assert link(repo, "confirm", "第一条", "第一条").exit_code == 0
    probe = "import json, sys\nfrom cli.main import main\ntry:\n    main(sys.argv[2:], prog_name='fagui')\nexcept SystemExit:\n    pass\nopen(sys.argv[1], 'w').write(json.dumps(sorted(sys.modules)))\n"
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", probe, str(out), "review", f"{base}..HEAD", "--format", "json", "--repo", str(repo)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    assert json.loads(done.stdout)["decisions"][0]["added"][0]["decision"] == "confirmed"
    modules = json.loads(out.read_text())
    assert "fagui.decisions" in modules
    assert [m for m in modules if m.split(".")[:2] in (["fagui", "compare"], ["fagui", "align"], ["fagui", "diff"])] == []


# -- invariants ---------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

LEFT, RIGHT = texts()
LABELS_L = [a.label for a in LEFT.articles]
LABELS_R = [a.label for a in RIGHT.articles]
DECISIONS = st.lists(
    st.builds(
        PlacedDecision, st.sampled_from(LABELS_L), st.sampled_from(LABELS_R), st.sampled_from(list(Strength)),
        st.sampled_from(list(Verdict)), st.booleans(),
    ),
    max_size=8,
)


@settings(max_examples=15, deadline=None)
@given(DECISIONS)
def test_any_decisions_leave_each_article_in_one_group_and_the_last_word_stands(decisions):
    alignment = align_articles(LEFT, RIGHT, "jurisdictions", decisions=tuple(decisions))
    for side in ("left", "right"):
        seen = [i for g in alignment.groups for i in getattr(g, side)]
        assert sorted(seen) == list(range(len(LEFT.articles if side == "left" else RIGHT.articles)))
    groups, shares, marks = labelled(alignment, LEFT, RIGHT)
    latest: dict = {}
    for d in decisions:  # the last word on two articles, in the order it was said
        latest.pop((d.left, d.right), None)
        latest[d.left, d.right] = d
    last = list(latest.values())
    trusted = [d for d in last if d.current]
    for d in last:
        linked = (d.left, d.right) in (groups if d.strength is Strength.COUNTERPART else shares)
        # Decided alone (no other decision on either article), a decision holds as made.
        alone = sum(x.left == d.left or x.right == d.right for x in last) == 1
        if d.current and d.verdict is Verdict.CONFIRMED:
            assert marks[d.left, d.right] in (Decision.CONFIRMED, Decision.ADDED)
            assert linked or not alone
        elif d.current:
            assert (d.left, d.right) not in marks and (not linked or not alone)
        elif d.verdict is Verdict.CONFIRMED:
            assert marks[d.left, d.right] is Decision.NEEDS_REVIEW
            assert linked or not alone
    confirmed = [d for d in trusted if d.verdict is Verdict.CONFIRMED]
    if confirmed:  # the last trusted word always stands
        d = confirmed[-1]
        assert (d.left, d.right) in (groups if d.strength is Strength.COUNTERPART else shares)


@settings(max_examples=50, deadline=None)
@given(
    st.sampled_from(list(Verdict)), st.sampled_from(LABELS_L), st.sampled_from(LABELS_R), st.sampled_from(list(Strength)),
    st.one_of(st.none(), st.from_regex(r"[0-9a-f]{7,40}", fullmatch=True)), st.text(max_size=30),
)
def test_a_decision_reads_back_as_written(verdict, left, right, strength, version, note):
    from fagui.decisions import DecisionRecord, empty_file, file_text, header_line

    record = DecisionRecord(verdict, left, right, strength, version, None, "0" * 16, "f" * 16, note)
    text = header_line(NATIONAL, ZHEJIANG) + "\n" + record_line(record) + "\n"
    assert "\n" not in record_line(record) and "\r" not in record_line(record)
    (read,) = parse_decisions(text, "d.jsonl").records
    assert read == DecisionRecord(verdict, left, right, strength, version, None, "0" * 16, "f" * 16, note, line=2)


# -- killed ----------------------------------------------------------------------------

import os  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402

from fagui.store.journal import PAUSE  # noqa: E402


@pytest.mark.parametrize("step", ["index", "refs"])
def test_a_killed_link_leaves_the_old_state_or_the_new_and_the_next_one_recovers(repo, step):
    (repo / "README.md").write_text("staged by someone\n", encoding="utf-8")
    git(repo, "add", "README.md")
    head = git(repo, "rev-parse", "HEAD")
    command = [sys.executable, "-m", "cli", "link", "confirm", NATIONAL, ZHEJIANG, "--left", "1", "--right", "1", "--repo", str(repo)]
    proc = subprocess.Popen(command, env={**os.environ, PAUSE: step}, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT)
    assert proc.stderr.readline().strip() == f"fagui: paused at {step}"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    committed = git(repo, "rev-parse", "HEAD") != head
    assert committed == (step == "refs"), "the branch moves at the commit point only"
    assert "README.md" in git(repo, "diff", "--cached", "--name-only"), "the user's staged work is still staged"
    again = link(repo, "confirm", "第一条", "第一条")
    assert again.exit_code == 0, again.output
    assert ("未变，已是这一决定" in again.stdout) == committed
    assert git(repo, "rev-parse", "HEAD~1") == head
    assert len((repo / FILE).read_text(encoding="utf-8").splitlines()) == 2
    assert git(repo, "status", "--porcelain", "--", FILE) == ""
    assert git(repo, "diff", "--cached", "--name-only") == "README.md"
    assert not [p.name for p in (repo / ".git").iterdir() if p.name.startswith("fagui-") or p.name.endswith(".lock")]


def test_a_confirmed_unsure_link_counts_in_the_figures(repo):
    before = diff(repo)
    pair = next((p for p in before["pairs"] if p["left"] and p["right"] and p["grade"] == "unsure"), None)
    if pair is None:
        pytest.skip("the engine grades every counterpart of this pair sure")
    relation = pair["relation"]
    assert link(repo, "confirm", pair["left"][0]["label"], pair["right"][0]["label"]).exit_code == 0
    after = diff(repo)
    assert after["summary"]["counts"][relation] == before["summary"]["counts"][relation] + 1
    assert after["summary"]["unsure_counts"][relation] == before["summary"]["unsure_counts"][relation] - 1
