"""Regulation changes in a git commit range, article by article, for review.

``review_range`` finds every regulation file (``texts/**/*.md``) added,
changed, renamed or deleted between two revisions, checks each new version
for canonical form, and compares the two versions of each with the comparison
engine. The result is plain data; renderers turn it into a pull-request
comment or JSON.
"""

from __future__ import annotations

from dataclasses import dataclass

import git

from fagui.check import check_text
from fagui.errors import FaguiError
from fagui.files import decode_utf8
from fagui.markdown import read_regulation
from fagui.model import Comparison
from fagui.store.changes import compare_versions
from fagui.store.paths import TEXTS



@dataclass(frozen=True)
class FileChange:
    """One regulation file changed in the range.

    ``status`` is added, modified, deleted or renamed. ``problem`` is
    ``path:line: reason`` when the new version is not canonical Markdown (or
    cannot be read); ``comparison`` is then None.
    """

    path: str
    old_path: str | None
    status: str
    regulation_id: str
    comparison: Comparison | None
    problem: str | None = None


@dataclass(frozen=True)
class Review:
    base: str  # the revision as given, and its commit
    base_commit: str
    head: str
    head_commit: str
    changes: tuple[FileChange, ...]


_STATUS = {"A": "added", "M": "modified", "D": "deleted", "R": "renamed", "C": "added", "T": "modified"}


def default_range(repo_dir: str = ".") -> tuple[str, str]:
    """(base, head) for a review with no range given: the merge base of HEAD
    with the default branch (origin's HEAD, else main or master) and HEAD."""
    repo = _repo(repo_dir)
    candidates = []
    try:
        candidates.append(repo.git.symbolic_ref("refs/remotes/origin/HEAD", short=True))
    except git.GitCommandError:
        pass
    candidates += ["origin/main", "origin/master", "main", "master"]
    for ref in candidates:
        try:
            return repo.git.merge_base(ref, "HEAD"), "HEAD"
        except git.GitCommandError:
            continue
    raise FaguiError("no default branch (main or master) to review against: give BASE..HEAD", repo_dir)


def parse_range(spec: str | None, repo_dir: str = ".") -> tuple[str, str]:
    """``BASE..HEAD`` (either side may be empty: HEAD), or None for the default range."""
    if spec is None:
        return default_range(repo_dir)
    if ".." not in spec:
        raise FaguiError(f"a range is BASE..HEAD, not {spec!r}")
    base, _, head = spec.partition("..")
    return base or "HEAD", head.lstrip(".") or "HEAD"


def review_range(base: str, head: str, repo_dir: str = ".") -> Review:
    """Every regulation file changed from ``base`` to ``head``, compared.

    Raises FaguiError when the folder is not a git repository or a revision
    does not exist.
    """
    repo = _repo(repo_dir)
    base_commit, head_commit = _commit(repo, base), _commit(repo, head)
    out = repo.git.diff("--name-status", "-M", "-z", base_commit, head_commit, "--", f"{TEXTS}/")
    fields = [f for f in out.split("\0") if f]
    changes = []
    i = 0
    while i < len(fields):
        code = fields[i][0]
        if code in "RC":
            old, new = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old = new = fields[i + 1]
            i += 2
        if not new.endswith(".md") and not old.endswith(".md"):
            continue
        status = _STATUS.get(code, "modified")
        changes.append(_change(repo, base_commit, head_commit, status, old, new))
    return Review(base, base_commit, head, head_commit, tuple(changes))


def _change(repo: git.Repo, base: str, head: str, status: str, old: str, new: str) -> FileChange:
    path = old if status == "deleted" else new
    regulation_id = path.removeprefix(f"{TEXTS}/").removesuffix(".md")
    try:
        left = None if status == "added" else _read(repo, base, old)
        right = None if status == "deleted" else _read(repo, head, new)
    except FaguiError as exc:
        return FileChange(path, old if old != new else None, status, regulation_id, None, str(exc))
    if right is not None:
        problem = _problem(right, new)
        if problem:
            return FileChange(path, old if old != new else None, status, regulation_id, None, problem)
    try:
        before = read_regulation(left, f"{old}@{base[:7]}") if left is not None else None
        after = read_regulation(right, f"{new}@{head[:7]}") if right is not None else None
    except FaguiError as exc:
        return FileChange(path, old if old != new else None, status, regulation_id, None, str(exc))
    comparison = compare_versions(regulation_id, before, after, base, head)
    return FileChange(path, old if old != new else None, status, regulation_id, comparison)


def _problem(text: str, path: str) -> str | None:
    try:
        departure = check_text(text, path)
    except FaguiError as exc:
        return str(exc)
    return f"{path}:{departure.line}: {departure.reason}" if departure else None


def _read(repo: git.Repo, commit: str, path: str) -> str:
    """The file at ``commit`` as UTF-8 text; FaguiError (with the line) when
    it is not UTF-8 or is binary, rather than a guess at its characters."""
    return decode_utf8((repo.commit(commit).tree / path).data_stream.read(), path)


def _commit(repo: git.Repo, rev: str) -> str:
    try:
        return repo.git.rev_parse("--verify", "-q", "--end-of-options", f"{rev}^{{commit}}")
    except git.GitCommandError:
        raise FaguiError(f"no such revision: {rev}", repo.working_dir) from None


def _repo(repo_dir: str) -> git.Repo:
    try:
        return git.Repo(repo_dir, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise FaguiError("not a git repository", repo_dir) from None
