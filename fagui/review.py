"""Regulation changes in a git commit range, article by article, for review.

``review_range`` finds every regulation file (``texts/**/*.md``) added,
changed, renamed or deleted between two revisions, checks each new version
for canonical form, compares the two versions of each with the comparison
engine, lists what changed in the front matter (the effective date decides
which version ``show ID@DATE`` returns), and notes a new version whose text
departs from what its ``.source.txt`` gives when ingested again (a hand
correction the reviewer should look at). Amendments of existing regulations
come first, then new regulations, then deletions. The result is plain data
(:mod:`fagui.model.review`); renderers turn it into a pull-request comment or
JSON.

Each file's change is kept in ``.git/fagui-cache/`` (:mod:`fagui.cache`),
keyed by the blob ids of what it was made from, so a review run again (a
pull request pushed to again, its comment remade) compares only the files
whose texts changed since.
"""

from __future__ import annotations

import pickle
from dataclasses import replace

from fagui.cache import cache_key, read_cached, write_cached
from fagui.decisions import DecisionFile, parse_decisions, record_line
from fagui.errors import FaguiError
from fagui.files import decode_utf8
from fagui.model import METADATA_FIELDS, Metadata, Regulation
from fagui.model.review import DecisionsChange, FileChange, MetadataChange, Review
from fagui.store.gitcmd import Checkout, blob_bytes, changed_paths, commit_id, default_base, open_checkout, raw_changes, regular_file, tree_blobs
from fagui.store.paths import DECISIONS, TEXTS

UNREVIEWED_FIELDS = ("source_sha256",)
"""Front-matter fields not listed as changes: the digest changes with every
new source and is checked against the source itself instead."""


_STATUS = {"A": "added", "M": "modified", "D": "deleted", "R": "renamed", "C": "added", "T": "modified"}

ORDER = {"modified": 0, "renamed": 0, "added": 1, "deleted": 2}
"""Amendments of existing regulations first (a reviewer's first concern, and
what a shortened review must keep), then new regulations, then deletions."""


def default_range(repo_dir: str = ".") -> tuple[str, str]:
    """(base, head) for a review with no range given: the merge base of HEAD
    with the default branch (origin's HEAD, else main or master) and HEAD."""
    base = default_base(open_checkout(repo_dir))
    if base is not None:
        return base, "HEAD"
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
    repo = open_checkout(repo_dir)
    base_commit, head_commit = commit_id(repo, base), commit_id(repo, head)
    changes = []
    sources = None
    for raw in raw_changes(repo, base_commit, head_commit, TEXTS):
        old, new = raw.old_path, raw.new_path
        if not new.endswith(".md") and not old.endswith(".md"):
            continue
        status = _STATUS.get(raw.status, "modified")
        if sources is None:  # once, and only when a regulation file changed
            sources = _source_blobs(repo, head_commit)
        blobs = (raw.old_mode, raw.new_mode, raw.old_blob, raw.new_blob)
        key = cache_key("review", status, old, new, *blobs, sources.get(new.removesuffix(".md") + ".source.txt", ""))
        change = _kept(repo, key, base_commit, head_commit)
        if change is None:
            change = _change(repo, base_commit, head_commit, status, old, new)
            if change.comparison is not None:
                write_cached(repo.common_dir, key, pickle.dumps(change, protocol=pickle.HIGHEST_PROTOCOL))
        changes.append(change)
    changes.sort(key=lambda c: ORDER[c.status])  # stable: by path within each kind
    return Review(base, base_commit, head, head_commit, tuple(changes), decisions_changed(repo, base_commit, head_commit))


def decisions_changed(repo: Checkout, base: str, head: str) -> tuple[DecisionsChange, ...]:
    """Every decisions file (``decisions/**/*.jsonl``) that differs between
    the two commits, by path: a pull request shows who decided what."""
    paths = sorted(p for p in changed_paths(repo, base, head, DECISIONS) if p.endswith(".jsonl"))
    found = []
    for path in paths:
        try:
            before = _decisions_at(repo, base, path)
        except FaguiError:
            before = None  # a broken file the range repairs: every decision of the head's is new
        try:
            after = _decisions_at(repo, head, path)
        except FaguiError as exc:
            found.append(DecisionsChange(path, None, None, problem=str(exc)))
            continue
        before_lines = {record_line(r) for r in before.records} if before else set()
        after_lines = {record_line(r) for r in after.records} if after else set()
        added = tuple(r for r in (after.records if after else ()) if record_line(r) not in before_lines)
        removed = tuple(r for r in (before.records if before else ()) if record_line(r) not in after_lines)
        book = after or before
        found.append(DecisionsChange(path, book.left_id if book else None, book.right_id if book else None, added, removed))
    return tuple(found)


def _decisions_at(repo: Checkout, commit: str, path: str) -> DecisionFile | None:
    """The decisions file at ``commit``, None when it has none; FaguiError when it cannot be read."""
    try:
        text = _read(repo, commit, path)
    except KeyError:
        return None
    return parse_decisions(text, path)


def _source_blobs(repo: Checkout, commit: str) -> dict[str, str]:
    """Path -> blob id of every ``.source.txt`` under texts/ at ``commit``.

    With the changed file's paths, status, modes and blob ids, these make the
    key of a file's change in the cache (:mod:`fagui.cache`): all a
    :class:`FileChange` depends on (:func:`_source_note` reads the source)
    but the two commits' ids, which only its comparison's two revisions show
    (:func:`_kept` sets them)."""
    return {path: blob for path, blob in tree_blobs(repo, commit, TEXTS).items() if path.endswith(".source.txt")}


def _kept(repo: Checkout, key: str, base: str, head: str) -> FileChange | None:
    """The change kept under ``key`` by an earlier review, with this range's
    revisions, or None. Unpickling is safe here: the cache is inside the git
    folder, which whoever can write to it can already run code from (hooks)."""
    payload = read_cached(repo.common_dir, key)
    if payload is None:
        return None
    try:
        change = pickle.loads(payload)
    except Exception:  # noqa: BLE001 -- a damaged entry is a miss: work it out again
        return None
    left, right = change.comparison.left, change.comparison.right
    comparison = replace(change.comparison, left=replace(left, revision=base[:12]), right=replace(right, revision=head[:12]))
    return replace(change, comparison=comparison)


def _change(repo: Checkout, base: str, head: str, status: str, old: str, new: str) -> FileChange:
    # The reader, checker, ingest pipeline and engine are loaded here, on a
    # cache miss only: a review answered from the cache does without them.
    from fagui.markdown import read_regulation
    from fagui.store.changes import compare_versions

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
    return FileChange(
        path,
        old if old != new else None,
        status,
        regulation_id,
        comparison,
        metadata=metadata_changes(before.metadata if before else None, after.metadata if after else None),
        source_note=_source_note(repo, head, new, after) if after is not None else None,
    )


def metadata_changes(before: Metadata | None, after: Metadata | None) -> tuple[MetadataChange, ...]:
    """The front-matter fields whose values differ (all stated fields of a
    side that is missing), in canonical order, leaving out
    :data:`UNREVIEWED_FIELDS`."""
    out = []
    for name in METADATA_FIELDS:
        old = getattr(before, name) if before else None
        new = getattr(after, name) if after else None
        if old != new and name not in UNREVIEWED_FIELDS:
            out.append(MetadataChange(name, old, new))
    return tuple(out)


def _source_note(repo: Checkout, head: str, path: str, regulation: Regulation) -> str | None:
    """Why ``regulation`` (the file at ``path`` in ``head``) is not what
    ingesting its ``.source.txt`` again gives, or None when it is (or there
    is no source file). Front matter the adder may override (effective date,
    source) is not compared; the title, preamble and articles are."""
    import hashlib  # here, as the rest: only a file worked out again reads its source

    from fagui.ingest import ingest_bytes
    from fagui.store.changes import compare_versions

    source = path.removesuffix(".md") + ".source.txt"
    raw = blob_bytes(repo.repo.commit(head), source)
    if raw is None:
        return None
    stated = regulation.metadata.source_sha256
    if stated is not None and stated != hashlib.sha256(raw).hexdigest():
        return f"its source_sha256 is not the digest of {source}: the text and its source were not added together"
    try:
        expected = ingest_bytes(raw, source).regulation
    except FaguiError as exc:
        return f"{source} no longer ingests ({exc}), so the text cannot be checked against it"
    if (expected.metadata.title, expected.preamble, expected.body) == (regulation.metadata.title, regulation.preamble, regulation.body):
        return None
    differing = [
        (pair.right or pair.left)[0].label
        for pair in compare_versions("", expected, regulation, "source", head).pairs
        if pair.changed
    ]
    listed = "、".join(differing[:10]) + ("…" if len(differing) > 10 else "")
    count = "1 article differs" if len(differing) == 1 else f"{len(differing)} articles differ"
    where = f"{count}: {listed}" if differing else "the title or preamble differs"
    return f"differs from what {source} gives when ingested again ({where}): edited by hand? check it against the source"


def _problem(text: str, path: str) -> str | None:
    from fagui.check import check_text

    try:
        departure = check_text(text, path)
    except FaguiError as exc:
        return str(exc)
    return f"{path}:{departure.line}: {departure.reason}" if departure else None


def _read(repo: Checkout, commit: str, path: str) -> str:
    """The file at ``commit`` as UTF-8 text; FaguiError (with the line) when
    it is not UTF-8 or is binary, rather than a guess at its characters, or
    when it is a submodule or a symbolic link."""
    return decode_utf8(regular_file(repo.repo, commit, path), path)
