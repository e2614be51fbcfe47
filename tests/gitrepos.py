"""Git repositories for the store's tests: three hand-made versions of the
Jilin provisions (v2 inserts an article after 第八条, so the rest renumber;
v3 amends 第十二条 and deletes 第三十条), a repository with someone's earlier
work, and a snapshot of everything a failed command must leave as it was.
The fixtures that use them (``isolated_git``, ``repo``) are in conftest.py."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from fagui.cache import CACHE_DIR, PRUNED
from fagui.text.numerals import to_chinese

JILIN = "jilin/counterespionage-work-provisions"
NATIONAL = "national/counterespionage-security-provisions"
ZHEJIANG = "zhejiang/counterespionage-security-measures"
SEED = (Path(__file__).resolve().parent.parent / "texts" / f"{JILIN}.source.txt").read_text(encoding="utf-8")
INSERTED = "省国家安全机关应当会同有关部门建立反间谍安全防范工作联席会议制度，定期研究解决重大问题。"
AMENDED = "自然资源主管部门应当加强土地资源、矿产资源、测绘地理信息、自然资源调查监测数据等涉及国家安全的信息保护与监督工作，及时向国家安全机关通报有关情况，协同开展反间谍安全防范工作。"

_ARTICLE_RE = re.compile(r"^(　　)第([零一二三四五六七八九十百]+)条　(.*)$")
_HEADING_RE = re.compile(r"^第[零一二三四五六七八九十百]+章")


def edit(text: str, *, insert_after: int | None = None, amend: int | None = None, delete: int | None = None,
         effective: str, promulgated: str, number: int) -> str:
    """A hand-made amended version of a raw text: article numbers as in
    ``text``; the articles are renumbered afterwards, as a real amendment does."""
    articles: list[list[str]] = []  # each: article line + its further paragraph lines
    out: list[str | list[str]] = []
    for line in text.split("\n"):
        m = _ARTICLE_RE.match(line)
        if m:
            articles.append([m.group(3)])
            out.append(articles[-1])
        elif articles and line.startswith("　　") and not _HEADING_RE.match(line) and out[-1] is articles[-1]:
            articles[-1].append(line)
        else:
            out.append(line)
    if amend is not None:
        articles[amend - 1][0] = AMENDED
    if delete is not None:
        out.remove(articles[delete - 1])
    if insert_after is not None:
        out.insert(out.index(articles[insert_after - 1]) + 1, [INSERTED])
    lines, n = [], 0
    for part in out:
        if isinstance(part, list):
            n += 1
            lines.append(f"　　第{to_chinese(n)}条　{part[0]}")
            lines.extend(part[1:])
        else:
            lines.append(part)
    y, m, d = (int(x) for x in effective.split("-"))
    py, pm, pd = (int(x) for x in promulgated.split("-"))
    result = "\n".join(lines)
    result = re.sub(r"自\d{4}年\d{1,2}月\d{1,2}日起施行", f"自{y}年{m}月{d}日起施行", result)
    result = re.sub(r"^\d{4}年\d{1,2}月\d{1,2}日$", f"{py}年{pm}月{pd}日", result, flags=re.M)
    return re.sub(r"^（第\d+号）$", f"（第{number}号）", result, flags=re.M)


V1 = SEED.encode("utf-8")
V2_TEXT = edit(SEED, insert_after=8, effective="2025-07-01", promulgated="2025-05-20", number=290)
V2 = V2_TEXT.encode("utf-8")
V3 = edit(V2_TEXT, amend=12, delete=30, effective="2026-01-01", promulgated="2025-10-15", number=301).encode("utf-8")


def git(repo: Path, *args: str, check: bool = True) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=check, capture_output=True, text=True).stdout


def make_repo(path: Path) -> Path:
    """A git repository with someone's earlier work and an empty texts/."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main", "--template=")  # no sample hooks: faster to make and copy
    git(path, "config", "user.name", "Test")
    git(path, "config", "user.email", "test@example.org")
    (path / "README.md").write_text("someone's project\n", encoding="utf-8")
    (path / "texts").mkdir()
    (path / "texts" / ".gitkeep").write_bytes(b"")
    git(path, "add", ".")
    git(path, "commit", "-q", "-m", "start")
    return path


def seed_pair_repo(path: Path) -> Path:
    """A git repository whose one commit holds the seed national rules and
    Zhejiang's measures (canonical Markdown in texts/): the pair the reviewer
    decisions tests decide on. The identity comes from the environment."""
    for rid in (NATIONAL, ZHEJIANG):
        target = path / "texts" / f"{rid}.md"
        target.parent.mkdir(parents=True)
        target.write_bytes((Path(__file__).resolve().parent.parent / "texts" / f"{rid}.md").read_bytes())
    git(path.parent, "init", "-q", "-b", "main", str(path))
    git(path, "add", "-A")
    git(path, "commit", "-qm", "texts")
    return path


def snapshot(repo: Path) -> tuple:
    """Everything a failed command must leave as it was: HEAD, refs, the
    index file's bytes, git's view of the work tree, and every file's bytes."""
    files = {
        str(p.relative_to(repo)): p.read_bytes()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(repo).parts
    }
    return (
        git(repo, "rev-parse", "HEAD"),
        git(repo, "for-each-ref"),
        (repo / ".git" / "index").read_bytes(),
        git(repo, "--no-optional-locks", "status", "--porcelain=v1", "--untracked-files=all", "--ignored"),
        files,
    )


def amend(repo: Path, name: str, old: str, new: str) -> None:
    """Replace the first ``old`` in ``texts/NAME`` of ``repo`` with ``new`` (in
    the work tree; ``old`` must be there)."""
    path = repo / "texts" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def kept(repo: Path) -> set[str]:
    """The entries of ``repo``'s result cache (:mod:`fagui.cache`; not the
    file that says when it was last pruned)."""
    folder = repo / ".git" / CACHE_DIR
    return set(os.listdir(folder)) - {PRUNED} if folder.is_dir() else set()
