"""Corpora made for the tests in temporary git repositories: the seed texts,
real public laws (from ../shared/corpus), and texts written to order; the
report command run on them. Not a test module: test modules import from here,
never from each other."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = next(
    (p for p in (Path(os.environ.get("FAGUI_SHARED_CORPUS", "/nonexistent")), ROOT.parent / "shared" / "corpus",
                 ROOT.parent.parent / "shared" / "corpus") if p.is_dir()),
    None,
)


def real_texts() -> Path:
    """The shared folder of real canonical texts: skip without it, fail under CI."""
    if SHARED is None or not (SHARED / "alignment-texts").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/corpus/alignment-texts is missing")
        pytest.skip("no ../shared/corpus/alignment-texts here")
    return SHARED / "alignment-texts"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True, capture_output=True)


def commit_all(repo: Path) -> None:
    if not (repo / ".git").exists():
        git(repo, "init", "-q")
    git(repo, "add", "texts")
    git(repo, "commit", "-qm", "texts")


def report(repo: Path, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "cli", "report", "--repo", str(repo), "-o", str(out)],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )


def write(repo: Path, regulation_id: str, title: str, first: str, *, level: str = "provincial",
          effective: str = "2020-01-01", implements: str | None = None) -> Path:
    """A small canonical text: two articles, the first its basis clause."""
    path = repo / "texts" / f"{regulation_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    where = "国家" if level == "national" else "某省"
    extra = f"implements: {implements}\n" if implements is not None else ""
    path.write_text(
        f"---\ntitle: {title}\njurisdiction: {where}\nlevel: {level}\neffective: {effective}\n{extra}---\n\n"
        f"# {title}\n\n## 第一条\n\n{first}\n\n## 第二条\n\n单位和个人应当遵守{title}的规定，依法履行相关义务。\n",
        encoding="utf-8",
    )
    return path


def seed_corpus(tmp_path: Path) -> Path:
    repo = tmp_path / "corpus"
    for md in (ROOT / "texts").rglob("*.md"):
        target = repo / "texts" / md.relative_to(ROOT / "texts")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(md, target)
    commit_all(repo)
    return repo
