"""fagui.store on real git repositories made in temporary folders.

The history used throughout is three versions of the Jilin provisions, made by
hand from the seed source in texts/: v2 inserts an article after 第八条 (so the
rest renumber), v3 amends 第十二条 and deletes 第三十条.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from gitrepos import AMENDED, JILIN, SEED, V1, V2, V3, git, make_repo, snapshot

from fagui.errors import FaguiError
from fagui.store.corpus import Corpus
from fagui.store.load import load
from fagui.store.making import init
from fagui.store.paths import check_id

pytestmark = pytest.mark.usefixtures("isolated_git")


# -- adding versions ----------------------------------------------------------


def test_three_versions_commit_one_file_pair_each(built):
    repo, commits = built
    log = git(repo, "log", "--format=%H", "main").split()
    assert log[:3] == commits[::-1] and len(log) == 4
    for commit in commits:
        files = git(repo, "show", "--name-only", "--format=", commit).split()
        assert files == [f"texts/{JILIN}.md", f"texts/{JILIN}.source.txt"]
    assert (repo / "texts" / f"{JILIN}.source.txt").read_bytes() == V3
    assert git(repo, "cat-file", "blob", f"{commits[0]}:texts/{JILIN}.source.txt").encode() == V1
    assert git(repo, "status", "--porcelain") == ""
    assert not [p for p in (repo / ".git").iterdir() if p.name.startswith("fagui-") or p.name.endswith(".lock")]


def test_commit_message_subject_body_and_trailers(built):
    repo, commits = built
    assert git(repo, "log", "-1", "--format=%s", commits[2]).strip() == f"{JILIN}: 自2026-01-01起施行的版本"
    trailers = dict(
        line.split(": ", 1) for line in git(repo, "log", "-1", "--format=%(trailers)", commits[2]).splitlines() if line
    )
    assert trailers["Effective"] == "2026-01-01"
    assert trailers["Source"] == "https://www.pkulaw.com/lar/c4cddf9e686d3fe71b2c5e2b647b780abdfb.html"
    assert trailers["Source-SHA256"] == __import__("hashlib").sha256(V3).hexdigest()
    assert trailers["Articles-Amended"] == "2" and trailers["Articles-Deleted"] == "1"
    assert trailers["Articles-Added"] == "0" and trailers["Articles-Renumbered"] == "12"
    body = git(repo, "log", "-1", "--format=%b", commits[2])
    # The last article states the effective date, so it is amended too.
    assert "修改（2）：第十二条、第四十三条→第四十二条\n" in body and "删除（1）：第三十条\n" in body
    assert "调整顺序（12）：第三十一条→第三十条、" in body
    first = git(repo, "log", "-1", "--format=%B", commits[0])
    assert "语料库中的第一个版本：吉林省反间谍工作规定，共42条。" in first and "Articles-Added: 42" in first


def test_versions_newest_first_with_dates_and_counts(built):
    repo, commits = built
    versions = Corpus(repo).versions(JILIN)
    assert [v.commit for v in versions] == commits[::-1]
    assert [(v.effective, v.promulgated, v.document_number) for v in versions] == [
        ("2026-01-01", "2025-10-15", "吉林省人民政府令第301号"),
        ("2025-07-01", "2025-05-20", "吉林省人民政府令第290号"),
        ("2025-01-01", "2024-11-08", "吉林省人民政府令第283号"),
    ]
    v3, v2, v1 = (v.changes for v in versions)
    assert v1.first and v1.counts() == {"added": 42}
    # An inserted article is one addition, and the articles after it are renumbered, not amended.
    assert v2.labels("added") == ("第九条",) and v2.count("renumbered") == 33
    assert v2.labels("renumbered")[0] == "第九条→第十条"
    assert v2.labels("amended") == ("第四十二条→第四十三条",)  # its effective date
    assert v3.labels("amended") == ("第十二条", "第四十三条→第四十二条") and v3.labels("deleted") == ("第三十条",)
    assert v3.count("renumbered") == 12 and v3.count("added") == 0


def test_re_adding_the_current_text_is_a_no_op(history):
    repo, commits = history
    before = snapshot(repo)
    result = Corpus(repo).add(V3, JILIN, name="again.txt")
    assert not result.created and result.commit == commits[2]
    assert snapshot(repo) == before


def test_effective_date_from_text_override_or_error(repo):
    corpus = Corpus(repo)
    assert corpus.add(V1, JILIN, effective="2025-02-01").effective == "2025-02-01"
    assert corpus.read(JILIN).metadata.effective == "2025-02-01"
    no_date = re.sub(r"自\d{4}年\d{1,2}月\d{1,2}日起施行", "", SEED).encode("utf-8")
    before = snapshot(repo)
    with pytest.raises(FaguiError, match=r"^nodate\.txt: the text states no effective date.*effective=\"YYYY-MM-DD\""):
        corpus.add(no_date, "zhejiang/x", name="nodate.txt")
    with pytest.raises(FaguiError, match="is not a date"):
        corpus.add(V1, "zhejiang/x", effective="2025-02-30")
    assert snapshot(repo) == before
    assert corpus.add(no_date, "zhejiang/x", effective="2024-01-01").created


def test_source_override_and_tag(repo):
    corpus = Corpus(repo)
    result = corpus.add(V1, JILIN, source="https://example.org/jilin", tag="jilin-2025")
    assert corpus.read(JILIN).metadata.source == "https://example.org/jilin"
    assert git(repo, "rev-parse", "jilin-2025^{commit}").strip() == result.commit
    before = snapshot(repo)
    with pytest.raises(FaguiError, match="tag 'jilin-2025' exists already"):
        corpus.add(V2, JILIN, tag="jilin-2025")
    with pytest.raises(FaguiError, match="not a valid tag name"):
        corpus.add(V2, JILIN, tag="bad..tag")
    assert snapshot(repo) == before


def test_bad_input_names_the_file_and_writes_nothing(repo):
    before = snapshot(repo)
    with pytest.raises(FaguiError, match=r"^news\.txt"):
        Corpus(repo).add("吕梁市第一人民医院正式开诊了。\n".encode("utf-8"), JILIN, name="news.txt")
    assert snapshot(repo) == before


def test_first_version_in_a_repository_without_commits(tmp_path):
    repo = tmp_path / "empty"
    (repo / "texts").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "trunk", "--template=")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    result = Corpus(repo).add(V1, JILIN)
    assert git(repo, "rev-parse", "trunk").strip() == result.commit
    assert git(repo, "status", "--porcelain", "--untracked-files=no") == ""


# -- other people's work --------------------------------------------------------


def test_others_staged_and_unstaged_work_survives(history):
    repo, _ = history
    (repo / "notes.txt").write_text("staged by someone\n", encoding="utf-8")
    git(repo, "add", "notes.txt")
    (repo / "README.md").write_text("edited, not staged\n", encoding="utf-8")
    (repo / "scratch.txt").write_text("untracked\n", encoding="utf-8")
    status = git(repo, "status", "--porcelain")
    result = Corpus(repo).add(V1, "national/other", effective="2024-01-01")
    assert git(repo, "show", "--name-only", "--format=", result.commit).split() == [
        "texts/national/other.md",
        "texts/national/other.source.txt",
    ]
    assert git(repo, "status", "--porcelain") == status
    assert git(repo, "diff", "--cached", "--name-only").split() == ["notes.txt"]


def test_uncommitted_changes_are_refused_unless_forced(history):
    repo, commits = history
    md = repo / "texts" / f"{JILIN}.md"
    md.write_text(md.read_text(encoding="utf-8") + "\n一个修改\n", encoding="utf-8")
    before = snapshot(repo)
    with pytest.raises(FaguiError, match=rf"^texts/{JILIN}\.md: has uncommitted changes.*force=True"):
        Corpus(repo).add(V2, JILIN)
    assert snapshot(repo) == before
    git(repo, "add", str(md.relative_to(repo)))
    before = snapshot(repo)
    with pytest.raises(FaguiError, match="has uncommitted changes"):
        Corpus(repo).add(V2, JILIN)
    assert snapshot(repo) == before
    result = Corpus(repo).add(V2, JILIN, force=True)
    assert result.created and git(repo, "status", "--porcelain") == ""


def test_forced_no_op_restores_the_file(history):
    repo, commits = history
    md = repo / "texts" / f"{JILIN}.md"
    md.write_text("scribbled over\n", encoding="utf-8")
    result = Corpus(repo).add(V3, JILIN, force=True)
    assert not result.created and git(repo, "status", "--porcelain") == ""


def test_untracked_file_at_the_path_is_refused(repo):
    (repo / "texts" / "jilin").mkdir()
    (repo / "texts" / f"{JILIN}.source.txt").write_bytes(b"my own notes")
    before = snapshot(repo)
    with pytest.raises(FaguiError, match=rf"^texts/{JILIN}\.source\.txt: has uncommitted changes"):
        Corpus(repo).add(V1, JILIN)
    assert snapshot(repo) == before


def conflicting_branches(repo, start: str) -> None:
    """A branch "side" from ``start`` and a new commit on "main", both
    changing README.md differently: merging or rebasing them stops halfway."""
    git(repo, "checkout", "-q", "-b", "side", start)
    (repo / "README.md").write_text("side\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "side")
    git(repo, "checkout", "-q", "main")
    (repo / "README.md").write_text("main\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main")


def test_mid_merge_is_refused(history):
    repo, _ = history
    conflicting_branches(repo, "HEAD")
    git(repo, "merge", "side", check=False)
    before = snapshot(repo)
    with pytest.raises(FaguiError, match="in the middle of a merge"):
        Corpus(repo).add(V1, JILIN)
    assert snapshot(repo) == before


def test_mid_rebase_is_refused(history):
    repo, _ = history
    conflicting_branches(repo, "HEAD~1")
    git(repo, "rebase", "side", check=False)
    assert (repo / ".git" / "rebase-merge").is_dir() or (repo / ".git" / "rebase-apply").is_dir()
    before = snapshot(repo)
    with pytest.raises(FaguiError, match="in the middle of a rebase"):
        Corpus(repo).add(V1, JILIN)
    assert snapshot(repo) == before


def test_detached_head_is_refused(history):
    repo, _ = history
    git(repo, "checkout", "-q", "--detach", "HEAD~1")
    before = snapshot(repo)
    with pytest.raises(FaguiError, match="HEAD is detached"):
        Corpus(repo).add(V1, JILIN)
    assert snapshot(repo) == before


def test_locked_index_is_refused(history):
    repo, _ = history
    (repo / ".git" / "index.lock").write_bytes(b"")
    before = snapshot(repo)
    with pytest.raises(FaguiError, match="index is locked by another git process"):
        Corpus(repo).add(V1, JILIN)
    assert snapshot(repo) == before and (repo / ".git" / "index.lock").exists()


@pytest.mark.parametrize("bad", ["../x", "/etc/passwd", "jilin/../../x", "Jilin/x", "jilin//x", "jilin/x.md", "jilin/x/", "", "a b", "jilin\\x"])
def test_bad_ids_are_refused(repo, bad):
    before = snapshot(repo)
    with pytest.raises(FaguiError, match="bad id"):
        Corpus(repo).add(V1, bad)
    assert snapshot(repo) == before


def test_good_ids():
    assert check_id("national/counterespionage-security-provisions") and check_id("x") and check_id("a/b/c-1")


def test_not_a_corpus(tmp_path):
    with pytest.raises(FaguiError, match="not in a git repository"):
        Corpus(tmp_path)
    git(tmp_path, "init", "-q")
    with pytest.raises(FaguiError, match="no texts/ folder"):
        Corpus(tmp_path)


def test_the_corpus_is_found_one_way_with_git_or_without(tmp_path):
    """Corpus (add, log, show) and corpus_root (check, the report) find the
    same corpus from any folder in it; a texts/ folder below the top of a
    repository is a corpus of files only, which Corpus refuses naming the top."""
    from fagui.files import corpus_root
    from fagui.texts import open_corpus

    repo = make_repo(tmp_path / "corpus")
    (repo / "texts" / "jilin").mkdir(exist_ok=True)
    for start in (repo, repo / "texts", repo / "texts" / "jilin"):
        assert Corpus(start).root.resolve() == corpus_root(start) == repo.resolve()
    top = tmp_path / "mono"
    (top / "law" / "texts").mkdir(parents=True)
    git(top, "init", "-q")
    assert corpus_root(top / "law") == (top / "law").resolve()
    assert open_corpus(corpus_root(top / "law")) is None
    with pytest.raises(FaguiError, match="no texts/ folder") as refused:
        Corpus(top / "law")
    assert refused.value.path == str(top)
    (repo / "texts" / "jilin" / "texts").mkdir()  # a folder that looks like another corpus inside this one
    assert corpus_root(repo / "texts" / "jilin") != repo.resolve()
    with pytest.raises(FaguiError, match="no texts/ folder"):
        Corpus(repo / "texts" / "jilin")


# -- reading versions --------------------------------------------------------


@pytest.mark.parametrize(
    "day, version",
    [
        ("2025-01-01", 0), ("2025-01-02", 0), ("2025-06-30", 0),
        ("2025-07-01", 1), ("2025-07-02", 1), ("2025-12-31", 1),
        ("2026-01-01", 2), ("2026-01-02", 2), ("2099-12-31", 2),
    ],
)
def test_version_in_force_on_and_around_each_effective_date(built, day, version):
    repo, commits = built
    regulation, ref = Corpus(repo).resolve(f"{JILIN}@{day}")
    assert commits[version].startswith(ref.revision)
    assert regulation.metadata.effective == ["2025-01-01", "2025-07-01", "2026-01-01"][version]


def test_before_the_first_version_is_an_error(built):
    repo, _ = built
    with pytest.raises(FaguiError, match="no version in force on 2024-12-31: the earliest version takes effect 2025-01-01"):
        Corpus(repo).resolve(f"{JILIN}@2024-12-31")


def test_committed_later_but_effective_earlier_counts(repo):
    corpus = Corpus(repo)
    later = corpus.add(V2, JILIN).commit  # effective 2025-07-01, committed first
    earlier = corpus.add(V1, JILIN).commit  # effective 2025-01-01, committed second
    assert corpus.resolve(f"{JILIN}@2025-03-01")[1].revision == earlier[:7]
    assert corpus.resolve(f"{JILIN}@2025-08-01")[1].revision == later[:7]
    # Same effective date twice: the one committed last is in force.
    correction = corpus.add(V1, JILIN, source="https://example.org/corrected").commit
    assert corpus.resolve(f"{JILIN}@2025-03-01")[1].revision == correction[:7]


def test_read_at_git_revisions(built):
    repo, commits = built
    corpus = Corpus(repo)
    assert len(corpus.read(JILIN).articles) == 42
    assert len(corpus.read(JILIN, "HEAD~1").articles) == 43
    assert corpus.read(JILIN, commits[0][:8]).article(9).text().startswith("国家机关、人民团体、重点企业")
    regulation, ref = corpus.resolve(f"{JILIN}@HEAD~2")
    assert (ref.id, ref.title, ref.jurisdiction, ref.effective) == (JILIN, "吉林省反间谍工作规定", "吉林省", "2025-01-01")
    with pytest.raises(FaguiError, match="unknown revision 'nope'"):
        corpus.resolve(f"{JILIN}@nope")
    with pytest.raises(FaguiError, match="no such regulation"):
        corpus.resolve(f"{JILIN}@HEAD~3")
    with pytest.raises(FaguiError, match="no such regulation"):
        corpus.versions("national/absent")


def test_load_takes_a_file_or_an_id(built):
    repo, _ = built
    regulation, ref = load(str(repo / "texts" / f"{JILIN}.md"))
    assert ref.id is None and len(regulation.articles) == 42
    assert load(f"{JILIN}@2025-07-01", repo)[1].effective == "2025-07-01"
    with pytest.raises(FaguiError, match="no such file, and not a regulation id"):
        load(str(repo / "missing.md"), repo)


# -- following one article ---------------------------------------------------------


def test_history_follows_an_article_across_renumbering(built):
    repo, commits = built
    entries = Corpus(repo).article_versions(JILIN, (12, 0))
    # v3 amended it; v2 only renumbered it (第十一条 -> 第十二条); v1 introduced it as 第十一条.
    assert [(e.commit, e.previous, e.label, e.relation) for e in entries] == [
        (commits[2], "第十二条", "第十二条", "amended"),
        (commits[1], "第十一条", "第十二条", "renumbered"),
        (commits[0], None, "第十一条", "added"),
    ]
    assert entries[0].text == AMENDED and entries[0].effective == "2026-01-01"
    # The amendment's inline diff: what v3 inserted, against v2's wording.
    [paragraph] = entries[0].pair.paragraphs
    assert [op.right for op in paragraph.ops if op.kind == "insert"] == ["、自然资源调查监测数据"]
    assert entries[2].pair is None  # the first version: nothing before it


def test_history_of_an_inserted_article_and_at_a_revision(built):
    repo, commits = built
    corpus = Corpus(repo)
    assert [(e.commit, e.label, e.relation) for e in corpus.article_versions(JILIN, (9, 0))] == [(commits[1], "第九条", "added")]
    # 第三十条 of v2 was deleted in v3: ask at v2, where it existed (as 第二十九条 in v1).
    deleted = [(e.commit, e.label, e.relation, e.text) for e in corpus.article_versions(JILIN, (30, 0), "HEAD~1")]
    assert deleted == [
        (commits[2], "第三十条", "deleted", ""),
        (commits[1], "第三十条", "renumbered", corpus.read(JILIN, "HEAD~1").article(30).text()),
        (commits[0], "第二十九条", "added", corpus.read(JILIN, "HEAD~2").article(29).text()),
    ]
    assert [e.commit for e in corpus.article_versions(JILIN, (30, 0), "2025-08-01")] == [c for c, *_ in deleted]
    with pytest.raises(FaguiError, match="has no article 第五十条"):
        corpus.article_versions(JILIN, (50, 0))


# -- making a corpus ---------------------------------------------------------------


def test_init_makes_a_corpus_that_takes_versions(tmp_path, monkeypatch):
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.org")
    corpus = init(tmp_path / "new")
    assert (tmp_path / "new" / "README.md").exists() and (tmp_path / "new" / "texts").is_dir()
    assert corpus.add(V1, JILIN).created
    assert git(tmp_path / "new", "rev-list", "--count", "HEAD").strip() == "2"
    with pytest.raises(FaguiError, match="exists and is not an empty folder"):
        init(tmp_path / "new")


def test_init_without_a_git_identity_leaves_nothing(tmp_path, monkeypatch):
    # git refuses an empty name outright (an email it might guess from the host).
    monkeypatch.setenv("GIT_AUTHOR_NAME", "")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "")
    with pytest.raises(FaguiError, match="git commit failed"):
        init(tmp_path / "new")
    assert os.listdir(tmp_path) == []


def test_a_new_canonical_form_of_the_same_source_is_no_new_version(history):
    """A commit that rewrites texts/<id>.md from the same source without
    changing an article (a release's normalisation) is not a version; a
    hand edit of an article is."""
    repo, commits = history
    path = repo / "texts" / f"{JILIN}.md"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("# "))
    path.write_text(text.replace(title + "\n", title + "\n\n（一段新的序言）\n", 1), encoding="utf-8")
    git(repo, "commit", "-qam", "release: normalise again")
    corpus = Corpus(repo)
    versions = corpus.versions(JILIN)
    assert len(versions) == 3 and versions[0].commit != commits[2]  # the newest form stands for v3
    edited = path.read_text(encoding="utf-8").replace(AMENDED, AMENDED.replace("自然资源", "自然资源和规划", 1))
    path.write_text(edited, encoding="utf-8")
    git(repo, "commit", "-qam", "hand edit of an article")
    assert len(corpus.versions(JILIN)) == 4


def test_revised_ids_hold_every_text_with_several_versions_and_none_committed_once(history):
    """Corpus.revised_ids (one git command) is what a report asks instead of
    the versions of every text: it must never leave out a text with several
    versions, a revision merged from a branch included."""
    repo, _ = history
    national = (Path(__file__).resolve().parent.parent / "texts" / "national" / "counterespionage-security-provisions.md").read_text(encoding="utf-8")
    (repo / "texts" / "national").mkdir()
    (repo / "texts" / "national" / "once.md").write_text(national, encoding="utf-8")
    (repo / "texts" / "national" / "merged.md").write_text(national, encoding="utf-8")
    git(repo, "add", "texts")
    git(repo, "commit", "-q", "-m", "two national texts")
    git(repo, "checkout", "-q", "-b", "side")
    amended = national.replace("## 第二条\n\n", "## 第二条\n\n本规定所称", 1)
    assert amended != national
    (repo / "texts" / "national" / "merged.md").write_text(amended, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "amend on a branch")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge the amendment", "side")
    corpus = Corpus(repo)
    ids = [JILIN, "national/once", "national/merged"]
    several = {i for i in ids if len(corpus.versions(i)) > 1}
    assert several == {JILIN, "national/merged"}
    assert several <= corpus.revised_ids() and "national/once" not in corpus.revised_ids()
    assert Corpus(make_repo(repo.parent / "empty")).revised_ids() == frozenset()  # no commit of texts: none
