"""The versions of a regulation, read out of git.

The versions are the commits on the first-parent line of a revision that
changed the regulation's Markdown, back to the commit that created it; each
version's predecessor is the next older one. The version in force on a day is
the one with the latest ``effective`` date (front matter) on or before it, the
latest committed winning a tie.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fagui.errors import FaguiError
from fagui.files import TEXTS, decode_utf8
from fagui.markdown import read_regulation
from fagui.model import Adoption, Regulation
from fagui.store.changes import Changes, changes
from fagui.store.gitcmd import blob_bytes, run, succeeds
from fagui.store.paths import check_date, markdown_path

if TYPE_CHECKING:  # GitPython's objects are only handed through here; a report outside git never loads it (~40 ms)
    import git

Chain = list[tuple["git.Commit", Regulation]]
"""A regulation's versions up to some revision: (commit, regulation), newest first."""


@dataclass(frozen=True)
class Version:
    """One version of a regulation: the commit that made it and what it states.

    ``committed`` is the commit date (ISO 8601); ``adopted``, ``effective``,
    ``promulgated`` and ``document_number`` come from the version's front
    matter (``None`` when it does not state them).
    """

    id: str
    commit: str
    committed: str
    subject: str
    title: str
    adopted: str | None
    adoption: Adoption
    """What happened on ``adopted``: 通过, or the 修订 / 修正 that made this text."""
    effective: str | None
    promulgated: str | None
    document_number: str | None
    changes: Changes


class Reader:
    """Reads regulations out of the commits of ``repo``, parsing each
    Markdown blob once however often it is read."""

    def __init__(self, repo: git.Repo):
        self.repo = repo
        self._parsed: dict[str, Regulation] = {}

    def commit(self, rev: str, spec: str) -> git.Commit:
        """The commit ``rev`` names; FaguiError naming ``spec`` when it names none."""
        if rev.startswith("-") or not succeeds(self.repo, "rev-parse", "--verify", "-q", f"{rev}^{{commit}}"):
            raise FaguiError(f"{spec}: unknown revision {rev!r}")
        return self.repo.commit(run(self.repo, "rev-parse", "--verify", "-q", f"{rev}^{{commit}}"))

    def chain(self, regulation_id: str, rev: str) -> Chain:
        """The versions up to ``rev``: (commit, regulation), newest first.

        A commit that rewrites the canonical text of the same source (the
        same ``source_sha256``) and leaves every article as it was (a new
        release's normalisation moving a 题注 to the front matter) is no new
        version: the version is the newest form of it. A hand edit of an
        article is one."""
        path = markdown_path(regulation_id)
        start = self.commit(rev, f"{regulation_id}@{rev}")
        if blob_bytes(start, path) is None:
            raise FaguiError(f"{regulation_id}@{rev}: no such regulation ({path} does not exist at that revision){_did_you_mean(start, regulation_id)}")
        out: Chain = []
        for sha in run(self.repo, "rev-list", "--first-parent", start.hexsha, "--", path).split():
            commit = self.repo.commit(sha)
            try:
                regulation = self.read_at(regulation_id, commit, f"{regulation_id}@{sha[:7]}")
            except _Missing:
                # The file was deleted here: what came before is another life.
                break
            if out and _same_version(out[-1][1], regulation):
                continue  # an older form of the version already in the chain
            out.append((commit, regulation))
        return out

    def last_change(self, regulation_id: str, commit: git.Commit) -> git.Commit:
        """The commit, ``commit`` or before it, that last changed the
        regulation's file: the commit of the version ``commit`` holds, as
        ``fagui log`` names it (a later commit that touched other files is
        not that version's)."""
        sha = run(self.repo, "rev-list", "-1", "--first-parent", commit.hexsha, "--", markdown_path(regulation_id)).strip()
        return self.repo.commit(sha) if sha else commit

    def read_at(self, regulation_id: str, commit: git.Commit, where: str) -> Regulation:
        """The regulation as ``commit`` holds it; errors name ``where``."""
        path = markdown_path(regulation_id)
        try:
            blob = commit.tree / path
        except KeyError:
            raise _Missing(f"{where}: no such regulation ({path} does not exist at that revision){_did_you_mean(commit, regulation_id)}") from None
        if blob.hexsha not in self._parsed:
            text = decode_utf8(blob.data_stream.read(), f"{path} at {commit.hexsha[:7]}")
            self._parsed[blob.hexsha] = read_regulation(text, f"{path} at {commit.hexsha[:7]}")
        return self._parsed[blob.hexsha]


def _did_you_mean(commit: git.Commit, regulation_id: str) -> str:
    """``; did you mean ID?`` naming the ids at ``commit`` closest to a
    mistyped one (national/state-secret-law for national/state-secrets-law),
    else nothing."""
    try:
        texts = commit.tree / TEXTS
    except KeyError:
        return ""
    ids = [
        blob.path[len(TEXTS) + 1 : -len(".md")]
        for blob in texts.traverse()
        if blob.type == "blob" and blob.path.endswith(".md") and not blob.path.endswith(".source.md")
    ]
    close = difflib.get_close_matches(regulation_id, ids, n=3, cutoff=0.8)
    return f"; did you mean {' or '.join(close)}?" if close else ""


def _same_version(newer: Regulation, older: Regulation) -> bool:
    """Whether two canonical forms are one version: the same source, the same articles."""
    digest = newer.metadata.source_sha256
    return digest is not None and older.metadata.source_sha256 == digest and older.articles == newer.articles


class _Missing(FaguiError):
    """A regulation file absent at a commit."""


def enacted_after_effective(effective: str | None, adopted: str | None, promulgated: str | None) -> tuple[str, str] | None:
    """(``"adopted"`` or ``"promulgated"``, date) when a version states an
    effective date older than its own adoption or promulgation, else None.

    No text takes effect before it is made: such a date is the first
    version's, kept by a later version's text (an amended local regulation
    often keeps its 自2004年10月1日起施行), and ``ID@DATE`` would take the
    version as in force years before it existed. The later of the two
    dates is named.

    >>> enacted_after_effective("2004-10-01", "2022-11-25", None)
    ('adopted', '2022-11-25')
    >>> enacted_after_effective("2025-01-01", "2024-11-04", "2024-11-08") is None
    True
    """
    if effective is None:
        return None
    later = [(day, what) for what, day in (("adopted", adopted), ("promulgated", promulgated)) if day and day > effective]
    if not later:
        return None
    day, what = max(later)
    return what, day


def index_in_force(regulation_id: str, chain: Chain, date: str) -> int:
    """The index in ``chain`` (newest first) of the version in force on ``date``."""
    check_date(date)
    dated = [(i, r.metadata.effective) for i, (_, r) in enumerate(chain) if r.metadata.effective is not None]
    candidates = [(i, effective) for i, effective in dated if effective <= date]
    if not candidates:
        earliest = min((effective for _, effective in dated), default=None)
        hint = f": the earliest version takes effect {earliest}" if earliest else ": no version states an effective date"
        raise FaguiError(f"{regulation_id}: no version in force on {date}{hint}")
    # max() keeps the first of equals, and the chain is newest first.
    return max(candidates, key=lambda c: c[1])[0]


def version_at(regulation_id: str, chain: Chain, i: int) -> Version:
    """Version ``i`` of a chain (newest first), compared with the one after it."""
    commit, regulation = chain[i]
    meta = regulation.metadata
    return Version(
        id=regulation_id,
        commit=commit.hexsha,
        committed=commit.committed_datetime.isoformat(),
        subject=str(commit.summary),
        title=meta.title,
        adopted=meta.adopted,
        adoption=meta.adoption,
        effective=meta.effective,
        promulgated=meta.promulgated,
        document_number=meta.document_number,
        changes=changes(chain[i + 1][1] if i + 1 < len(chain) else None, regulation),
    )
