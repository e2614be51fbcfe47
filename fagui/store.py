"""The corpus in git: add a version of a regulation, list its versions, read
any version, follow one article through its history.

A corpus is any git repository with a ``texts/`` folder at the top of its
work tree. A regulation's id is its path under ``texts/`` without ``.md``
(``jilin/counterespionage-work-provisions``); its canonical Markdown is
``texts/<id>.md`` and the raw bytes it was ingested from are
``texts/<id>.source.txt``. One commit per version, made by :meth:`Corpus.add`.

The versions of a regulation are the commits on the first-parent line of a
revision (default ``HEAD``) that changed its Markdown, back to the commit that
created it; each version's predecessor is the next older one. A version can be
named by any git revision or by a date: the version in force on that day is
the one with the latest ``effective`` date (front matter) on or before it, the
latest committed winning a tie.

:meth:`Corpus.add` commits through a temporary index built from ``HEAD`` plus
the regulation's two files, so whatever else the user has staged or changed is
never committed and never disturbed; it holds git's index lock from its checks
to its last write, so it excludes (and is excluded by) any other git command
that writes the index, a second ``fagui add`` included. Commit hooks are not
run, as with ``git commit-tree``.

Nothing here prints. Bad input, unsafe repository states and unknown
revisions raise :class:`~fagui.errors.FaguiError`.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from io import BytesIO
from typing import Iterator

import git
from gitdb.base import IStream

from fagui.atomic import write_atomic
from fagui.errors import FaguiError
from fagui.ingest import ingest_bytes
from fagui.markdown import read_regulation, write_regulation
from fagui.compare import compare
from fagui.model import VERSION_RELATIONS, ArticlePair, ArticleRef, DocumentRef, Regulation

TEXTS = "texts"

ID_RE = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)*")
"""A regulation id: lower-case ASCII words joined by ``/``, no empty part.
No ``.``, so neither ``..`` nor a file extension, and no leading ``/``."""

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

MAIN_RELATIONS = ("added", "amended", "deleted", "renumbered")
"""Relations every commit states a trailer for, even when none occurred."""

REPORTED_RELATIONS = MAIN_RELATIONS + tuple(r for r in VERSION_RELATIONS if r not in MAIN_RELATIONS + ("unchanged",))
"""Relations a version's changes are counted by, in the order they are shown."""

_UNSAFE_STATES = {
    "MERGE_HEAD": "in the middle of a merge",
    "rebase-merge": "in the middle of a rebase",
    "rebase-apply": "in the middle of a rebase or git am",
    "CHERRY_PICK_HEAD": "in the middle of a cherry-pick",
    "REVERT_HEAD": "in the middle of a revert",
}
"""Files in the git dir whose presence means an operation is under way."""


# -- results -----------------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    """What changed in a version against the version before it.

    ``relations``: (relation, article labels) for each relation of
    :data:`REPORTED_RELATIONS` that occurs, in that order. A label is the
    article's label in the new version (``第九条``), ``旧→新`` for a renumbered
    article (``第九条→第十条``), and the old label for a deleted one.
    ``first`` is true for the first version, whose articles all count as added.
    """

    relations: tuple[tuple[str, tuple[str, ...]], ...]
    first: bool = False

    def labels(self, relation: str) -> tuple[str, ...]:
        """The labels of the articles with ``relation`` (empty if none)."""
        return dict(self.relations).get(relation, ())

    def count(self, relation: str) -> int:
        return len(self.labels(relation))

    def counts(self) -> dict[str, int]:
        """Relation -> number of articles, for the relations that occur."""
        return {relation: len(labels) for relation, labels in self.relations}


@dataclass(frozen=True)
class Version:
    """One version of a regulation: the commit that made it and what it states.

    ``committed`` is the commit date (ISO 8601); ``effective``,
    ``promulgated`` and ``document_number`` come from the version's front
    matter (``None`` when it does not state them).
    """

    id: str
    commit: str
    committed: str
    subject: str
    title: str
    effective: str | None
    promulgated: str | None
    document_number: str | None
    changes: Changes


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Corpus.add` did.

    ``created`` is false when the text was already the current version: then
    ``commit`` is the commit that made that version and nothing was committed.
    ``path`` is the Markdown file, relative to the top of the work tree.
    """

    id: str
    path: str
    commit: str
    created: bool
    effective: str
    changes: Changes
    tag: str | None = None


@dataclass(frozen=True)
class ArticleVersion:
    """A version in which one article's wording changed (or it first appeared).

    ``label`` is the article's label in that version (it may differ from one
    version to the next when articles are renumbered); ``relation`` is how it
    relates to its counterpart in the version before (``added`` when there is
    none); ``text`` is its wording, paragraphs and items one per line.
    """

    commit: str
    effective: str | None
    label: str
    relation: str
    text: str


# -- ids, paths, dates ---------------------------------------------------------


def check_id(regulation_id: str) -> str:
    """Return ``regulation_id`` if it is a valid id, else raise FaguiError."""
    if not ID_RE.fullmatch(regulation_id):
        raise FaguiError(
            f"bad id {regulation_id!r}: use lower-case letters, digits, '-' and '/' "
            "(like jilin/counterespionage-work-provisions), no '..', no leading '/'"
        )
    return regulation_id


def markdown_path(regulation_id: str) -> str:
    """``texts/<id>.md``: where a regulation's Markdown lives in a corpus."""
    return f"{TEXTS}/{check_id(regulation_id)}.md"


def source_path(regulation_id: str) -> str:
    """``texts/<id>.source.txt``: where its raw source lives."""
    return f"{TEXTS}/{check_id(regulation_id)}.source.txt"


def check_date(value: str, what: str = "date") -> str:
    """Return ``value`` if it is a real YYYY-MM-DD date, else raise FaguiError."""
    try:
        if DATE_RE.fullmatch(value):
            datetime.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise FaguiError(f"{what} {value!r} is not a date (YYYY-MM-DD)")


def split_spec(spec: str) -> tuple[str, str | None]:
    """``ID[@REV]`` -> (id, rev or None). The id is checked, the rev is not."""
    regulation_id, at, rev = spec.partition("@")
    check_id(regulation_id)
    if at and not rev:
        raise FaguiError(f"{spec!r}: nothing after '@' (give a git revision or a date YYYY-MM-DD)")
    return regulation_id, rev if at else None


# -- the corpus ----------------------------------------------------------------


class Corpus:
    """A git repository with a ``texts/`` folder.

    ``Corpus(path)`` opens the repository that contains ``path`` (a folder
    inside a work tree, default the current one). Raises FaguiError when there
    is no repository, no work tree, or no ``texts/`` folder at its top.
    """

    def __init__(self, path: str | os.PathLike = "."):
        try:
            self.repo = git.Repo(path, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise FaguiError("not in a git repository (fagui init DIR makes a corpus)", str(path)) from None
        if self.repo.bare or self.repo.working_tree_dir is None:
            raise FaguiError("a bare repository has no work tree to keep texts in", str(path))
        self.root = Path(self.repo.working_tree_dir)
        if not (self.root / TEXTS).is_dir():
            raise FaguiError(f"no {TEXTS}/ folder: not a fagui corpus (fagui init DIR makes one)", str(self.root))
        self._parsed: dict[str, Regulation] = {}

    # -- reading ----------------------------------------------------------

    def versions(self, regulation_id: str, rev: str = "HEAD") -> list[Version]:
        """Every version of a regulation up to ``rev``, newest first.

        Raises FaguiError when the regulation does not exist at ``rev``.
        """
        chain = self._chain(regulation_id, rev)
        return [_version(regulation_id, chain, i) for i in range(len(chain))]

    def in_force(self, regulation_id: str, date: str) -> Version:
        """The version in force on ``date``: the latest effective date on or
        before it, by front matter, not by commit date; a tie goes to the
        version committed last. Raises FaguiError when none was in force yet.
        """
        chain = self._chain(regulation_id, "HEAD")
        return _version(regulation_id, chain, _in_force(regulation_id, chain, date))

    def resolve(self, spec: str) -> tuple[Regulation, DocumentRef]:
        """Read ``ID``, ``ID@<git rev>`` or ``ID@YYYY-MM-DD``.

        A bare id means ``ID@HEAD``, the last committed version. A date means
        the version in force that day (:meth:`in_force`). The DocumentRef's
        ``revision`` is the abbreviated commit the text was read from.
        """
        regulation_id, rev = split_spec(spec)
        if rev is not None and DATE_RE.fullmatch(rev):
            chain = self._chain(regulation_id, "HEAD")
            commit, regulation = chain[_in_force(regulation_id, chain, rev)]
        else:
            commit = self._commit(rev or "HEAD", spec)
            regulation = self._read_at(regulation_id, commit, spec)
        meta = regulation.metadata
        ref = DocumentRef(
            id=regulation_id,
            title=meta.title,
            jurisdiction=meta.jurisdiction,
            revision=self.repo.git.rev_parse("--short", commit.hexsha),
            effective=meta.effective,
        )
        return regulation, ref

    def read(self, regulation_id: str, rev: str | None = None) -> Regulation:
        """One version of a regulation: ``rev`` as in :meth:`resolve` (default HEAD)."""
        return self.resolve(regulation_id if rev is None else f"{regulation_id}@{rev}")[0]

    def history(self, regulation_id: str, article: int, rev: str = "HEAD") -> list[ArticleVersion]:
        """Every version, newest first, in which the wording of one article
        changed, back to the version that introduced it.

        ``article`` is the article's number in the version at ``rev`` (a git
        revision or a date); from there the article is followed back through
        each earlier version by its correspondence (so across renumbering).
        Raises FaguiError when that version has no such article.
        """
        if DATE_RE.fullmatch(rev):
            chain = self._chain(regulation_id, "HEAD")
            chain = chain[_in_force(regulation_id, chain, rev):]
        else:
            chain = self._chain(regulation_id, rev)
        if chain[0][1].article(article) is None:
            raise FaguiError(f"{regulation_id}@{rev} has no article {article}")
        out: list[ArticleVersion] = []
        number = article
        for i, (commit, regulation) in enumerate(chain):
            before = chain[i + 1][1] if i + 1 < len(chain) else None
            current = regulation.article(number)
            relation, olds = _counterpart(before, regulation, number)
            if not olds or current.blocks() != tuple(block for ref in olds for block in ref.blocks):
                out.append(ArticleVersion(commit.hexsha, regulation.metadata.effective, current.label, relation, current.text()))
            if not olds:
                break
            # An article merged from several is followed through the first of them.
            number = olds[0].number
        return out

    # -- writing ----------------------------------------------------------

    def add(
        self,
        raw: bytes,
        regulation_id: str,
        *,
        effective: str | None = None,
        source: str | None = None,
        name: str | None = None,
        message: str | None = None,
        tag: str | None = None,
        force: bool = False,
    ) -> AddResult:
        """Ingest ``raw`` and commit it as the new version of ``regulation_id``.

        Writes ``texts/<id>.md`` (canonical Markdown) and
        ``texts/<id>.source.txt`` (``raw`` byte for byte) atomically and
        commits exactly those two files on the current branch; the index
        entries of those two paths are updated to match, nothing else in the
        index or the work tree is touched.

        ``effective`` (YYYY-MM-DD) overrides the date the text states; one of
        the two is required. ``source`` (a URL or file name) overrides the
        source the text names. ``name`` names the input in errors and is the
        source when neither the text nor ``source`` gives one. ``message`` is
        an extra paragraph for the commit body; ``tag`` a tag to create at the
        version's commit (refused if it exists).

        When the text is already the current version nothing is committed
        (``created`` is false; a ``tag`` is still made, at that version).
        Refuses, with FaguiError and before touching anything: a bad id; input
        that is not a regulation; no effective date; a detached HEAD; a merge,
        rebase, cherry-pick or revert under way; uncommitted changes to either
        file, staged or not (unless ``force``, which discards them); an index
        locked by another git process.
        """
        md_path, src_path = markdown_path(regulation_id), source_path(regulation_id)
        if effective is not None:
            check_date(effective, "effective date")
        regulation = self._ingest(raw, name or "<input>", effective, source)
        new_md = write_regulation(regulation).encode("utf-8")
        if tag is not None:
            self._check_tag_name(tag)
        with self._index_lock():
            branch = self._check_state()
            if not force:
                self._check_clean(md_path, src_path)
            if tag is not None and self._git_ok("rev-parse", "--verify", "-q", f"refs/tags/{tag}"):
                raise FaguiError(f"tag {tag!r} exists already")
            head = self._head()
            old_md = self._blob_bytes(head, md_path)
            old_src = self._blob_bytes(head, src_path)
            if old_md == new_md and old_src == raw:
                commit = self._chain(regulation_id, head.hexsha)[0][0].hexsha
                if force:
                    self._write_work_tree({md_path: new_md, src_path: raw})
                    self._update_index({md_path: self._store(new_md), src_path: self._store(raw)})
                if tag is not None:
                    self._git("update-ref", f"refs/tags/{tag}", commit, "")
                return AddResult(regulation_id, md_path, commit, False, regulation.metadata.effective, Changes(()), tag)
            before = self._read_at(regulation_id, head, f"{regulation_id}@HEAD") if old_md else None
            found = changes(before, regulation)
            blobs = {md_path: self._store(new_md), src_path: self._store(raw)}
            text = commit_message(regulation_id, regulation, found, message)
            commit = self._commit_tree(head, blobs, text)
            saved = self._write_work_tree({md_path: new_md, src_path: raw})
            try:
                # Compare-and-swap: fails if the branch moved since we read HEAD.
                self._git("update-ref", "-m", "fagui add: " + text.split("\n", 1)[0], branch, commit, head.hexsha if head else "")
            except FaguiError as exc:
                self._restore_work_tree(saved)
                raise FaguiError(f"{exc.message} (nothing was committed; the files were put back as they were)", exc.path) from None
            except BaseException:
                self._restore_work_tree(saved)
                raise
            if tag is not None:
                self._git("update-ref", f"refs/tags/{tag}", commit, "")
            self._update_index(blobs)
        return AddResult(regulation_id, md_path, commit, True, regulation.metadata.effective, found, tag)

    # -- internals: reading -------------------------------------------------

    def _chain(self, regulation_id: str, rev: str) -> list[tuple[git.Commit, Regulation]]:
        """The versions up to ``rev``: (commit, regulation), newest first."""
        path = markdown_path(regulation_id)
        start = self._commit(rev, f"{regulation_id}@{rev}")
        if self._blob_bytes(start, path) is None:
            raise FaguiError(f"{regulation_id}@{rev}: no such regulation ({path} does not exist at that revision)")
        out: list[tuple[git.Commit, Regulation]] = []
        for sha in self._git("rev-list", "--first-parent", start.hexsha, "--", path).split():
            commit = self.repo.commit(sha)
            try:
                regulation = self._read_at(regulation_id, commit, f"{regulation_id}@{sha[:7]}")
            except _Missing:
                # The file was deleted here: what came before is another life.
                break
            out.append((commit, regulation))
        return out

    def _read_at(self, regulation_id: str, commit: git.Commit, where: str) -> Regulation:
        path = markdown_path(regulation_id)
        try:
            blob = commit.tree / path
        except KeyError:
            raise _Missing(f"{where}: no such regulation ({path} does not exist at that revision)") from None
        if blob.hexsha not in self._parsed:
            data = blob.data_stream.read()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise FaguiError("not UTF-8", f"{path} at {commit.hexsha[:7]}") from None
            self._parsed[blob.hexsha] = read_regulation(text, f"{path} at {commit.hexsha[:7]}")
        return self._parsed[blob.hexsha]

    def _commit(self, rev: str, spec: str) -> git.Commit:
        if rev.startswith("-") or not self._git_ok("rev-parse", "--verify", "-q", f"{rev}^{{commit}}"):
            raise FaguiError(f"{spec}: unknown revision {rev!r}")
        return self.repo.commit(self._git("rev-parse", "--verify", "-q", f"{rev}^{{commit}}"))

    def _head(self) -> git.Commit | None:
        """The commit HEAD points to, or None on a branch with no commits yet."""
        if not self._git_ok("rev-parse", "--verify", "-q", "HEAD^{commit}"):
            return None
        return self.repo.head.commit

    @staticmethod
    def _blob_bytes(commit: git.Commit | None, path: str) -> bytes | None:
        if commit is None:
            return None
        try:
            return (commit.tree / path).data_stream.read()
        except KeyError:
            return None

    # -- internals: writing -------------------------------------------------

    def _ingest(self, raw: bytes, name: str, effective: str | None, source: str | None) -> Regulation:
        try:
            regulation = ingest_bytes(raw, os.path.basename(name)).regulation
        except FaguiError as exc:
            raise FaguiError(exc.message, name, exc.line) from None
        meta = regulation.metadata
        if effective is None and meta.effective is None:
            raise FaguiError("the text states no effective date (自…起施行): give one with --effective YYYY-MM-DD", name)
        meta = dataclasses.replace(meta, effective=effective or meta.effective, source=source or meta.source)
        return dataclasses.replace(regulation, metadata=meta)

    @contextmanager
    def _index_lock(self) -> Iterator[None]:
        """Hold git's index lock (``index.lock``), as every git command that
        writes the index does; fail at once if another process holds it."""
        lock = self._index_file() + ".lock"
        try:
            os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            raise FaguiError(
                "the index is locked by another git process (another fagui add?); "
                "try again when it has finished, or remove the lock file if no git process is running",
                lock,
            ) from None
        try:
            yield
        finally:
            os.unlink(lock)

    def _index_file(self) -> str:
        # --git-path honours GIT_INDEX_FILE and linked work trees.
        return os.path.join(self.root, self._git("rev-parse", "--git-path", "index"))

    def _check_state(self) -> str:
        """The current branch's ref (refs/heads/...), after refusing a detached HEAD or an
        operation under way."""
        for name, state in _UNSAFE_STATES.items():
            if os.path.exists(os.path.join(self.root, self._git("rev-parse", "--git-path", name))):
                raise FaguiError(f"the repository is {state}: finish or abort it first", str(self.root))
        if self.repo.head.is_detached:
            raise FaguiError("HEAD is detached: check out a branch to commit to first", str(self.root))
        return self.repo.head.reference.path

    def _check_clean(self, *paths: str) -> None:
        status = self._git(
            "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching", "--", *paths,
            env={"GIT_OPTIONAL_LOCKS": "0"},
        )
        dirty = [entry[3:] for entry in status.split("\0") if entry]
        if dirty:
            raise FaguiError("has uncommitted changes: commit them, or pass --force to discard them", dirty[0])

    def _check_tag_name(self, tag: str) -> None:
        if not self._git_ok("check-ref-format", f"refs/tags/{tag}"):
            raise FaguiError(f"{tag!r} is not a valid tag name")

    def _store(self, data: bytes) -> str:
        """Write ``data`` as a blob, byte for byte (no filters); its sha."""
        return self.repo.odb.store(IStream("blob", len(data), BytesIO(data))).hexsha.decode("ascii")

    def _commit_tree(self, head: git.Commit | None, blobs: dict[str, str], message: str) -> str:
        """A commit of HEAD's tree with ``blobs`` replacing those paths, built
        in a temporary index so the user's index is not read or written."""
        fd, index = tempfile.mkstemp(prefix="fagui-index-", dir=self.repo.git_dir)
        os.close(fd)
        os.unlink(index)  # git makes a new index where none exists
        env = {"GIT_INDEX_FILE": index}
        try:
            if head is not None:
                self._git("read-tree", head.hexsha, env=env)
            self._git("update-index", "--add", "--index-info", input=_index_info(blobs), env=env)
            tree = self._git("write-tree", env=env)
        finally:
            if os.path.exists(index):
                os.unlink(index)
        parents = ["-p", head.hexsha] if head is not None else []
        return self._git("commit-tree", tree, *parents, "-m", message)

    def _update_index(self, blobs: dict[str, str]) -> None:
        """Point the user's index entries for ``blobs``' paths at the new blobs
        (the caller holds the index lock); every other entry is kept as is."""
        real = self._index_file()
        fd, index = tempfile.mkstemp(prefix="fagui-index-", dir=os.path.dirname(real))
        os.close(fd)
        try:
            if os.path.exists(real):
                shutil.copyfile(real, index)
            else:
                os.unlink(index)
            self._git("update-index", "--add", "--index-info", input=_index_info(blobs), env={"GIT_INDEX_FILE": index})
            os.replace(index, real)
        finally:
            if os.path.exists(index):
                os.unlink(index)

    def _write_work_tree(self, files: dict[str, bytes]) -> dict[str, bytes | None]:
        """Write each file atomically; return what each held before (None:
        absent). If one write fails, the ones done are undone."""
        saved: dict[str, bytes | None] = {}
        try:
            for rel, data in files.items():
                target = self.root / rel
                saved[rel] = target.read_bytes() if target.exists() else None
                write_atomic(target, data)
        except BaseException:
            self._restore_work_tree(saved)
            raise
        return saved

    def _restore_work_tree(self, saved: dict[str, bytes | None]) -> None:
        for rel, data in saved.items():
            target = self.root / rel
            if data is None:
                target.unlink(missing_ok=True)
            else:
                write_atomic(target, data)

    # -- internals: git -----------------------------------------------------

    def _git(self, *args: str, input: bytes | None = None, env: dict | None = None) -> str:
        """Run git in the work tree; its output without the final newline.
        A failure becomes FaguiError with git's own message."""
        command = ["git", *args]
        try:
            if input is None:
                return self.repo.git.execute(command, env=env)
            with tempfile.TemporaryFile() as stdin:
                stdin.write(input)
                stdin.seek(0)
                return self.repo.git.execute(command, env=env, istream=stdin)
        except git.GitCommandError as exc:
            stderr = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else str(exc.stderr)
            lines = [l.strip() for l in stderr.strip().strip("'").splitlines() if l.strip()]
            detail = lines[-1] if lines else f"exit status {exc.status}"
            if detail.startswith("stderr: "):
                detail = detail[len("stderr: "):].strip("'")
            raise FaguiError(f"git {args[0]} failed: {detail}", str(self.root)) from None

    def _git_ok(self, *args: str) -> bool:
        try:
            self.repo.git.execute(["git", *args])
            return True
        except git.GitCommandError:
            return False


def _in_force(regulation_id: str, chain: list[tuple[git.Commit, Regulation]], date: str) -> int:
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


def _version(regulation_id: str, chain: list[tuple[git.Commit, Regulation]], i: int) -> Version:
    """Version ``i`` of a chain (newest first), compared with the one after it."""
    commit, regulation = chain[i]
    meta = regulation.metadata
    return Version(
        id=regulation_id,
        commit=commit.hexsha,
        committed=commit.committed_datetime.isoformat(),
        subject=str(commit.summary),
        title=meta.title,
        effective=meta.effective,
        promulgated=meta.promulgated,
        document_number=meta.document_number,
        changes=changes(chain[i + 1][1] if i + 1 < len(chain) else None, regulation),
    )


class _Missing(FaguiError):
    """A regulation file absent at a commit."""


def _index_info(blobs: dict[str, str]) -> bytes:
    return "".join(f"100644 {sha}\t{path}\n" for path, sha in blobs.items()).encode("utf-8")


# -- comparing versions ----------------------------------------------------------


def changes(before: Regulation | None, after: Regulation) -> Changes:
    """What changed from ``before`` (None: no earlier version) to ``after``,
    by the comparison engine's pairs of articles (:func:`fagui.compare.compare`,
    mode ``versions``), so an inserted article is one addition and the
    articles after it renumbered, not a run of amendments."""
    if before is None:
        return Changes((("added", tuple(a.label for a in after.articles)),), first=True)
    found: dict[str, list[str]] = {}
    for pair in compare(before, after, mode="versions").pairs:
        if pair.changed:
            found.setdefault(pair.relation, []).append(_pair_label(pair))
    return Changes(tuple((r, tuple(found[r])) for r in REPORTED_RELATIONS if r in found))


def _pair_label(pair: ArticlePair) -> str:
    """第九条 (new label, or the old one when deleted), 第九条→第十条 when a
    single article's number changed, 第八条、第九条 for several."""
    if len(pair.left) == 1 and len(pair.right) == 1 and pair.left[0].label != pair.right[0].label:
        return f"{pair.left[0].label}→{pair.right[0].label}"
    return "、".join(ref.label for ref in (pair.right or pair.left))


def _counterpart(before: Regulation | None, after: Regulation, number: int) -> tuple[str, tuple[ArticleRef, ...]]:
    """How article ``number`` of ``after`` relates to ``before``, and the
    articles of ``before`` it corresponds to (empty when it is new)."""
    if before is None:
        return "added", ()
    for pair in compare(before, after, mode="versions").pairs:
        if any(ref.number == number for ref in pair.right):
            return pair.relation, pair.left
    raise AssertionError(f"the comparison has no pair for article {number}")


# -- commit messages ----------------------------------------------------------------


def commit_message(regulation_id: str, regulation: Regulation, found: Changes, note: str | None = None) -> str:
    """The commit message of a new version: a subject, a body naming the
    articles by relation, and trailers (``Effective``, ``Source``,
    ``Source-SHA256``, ``Articles-<Relation>`` counts) that
    ``git log --format='%(trailers)'`` reads."""
    meta = regulation.metadata
    paragraphs = [f"{regulation_id}: version effective {meta.effective}"]
    if note and note.strip():
        paragraphs.append(note.strip())
    if found.first:
        paragraphs.append(f"First version in the corpus: {meta.title}, {len(regulation.articles)} articles.")
    elif found.relations:
        paragraphs.append("\n".join(f"{relation.replace('_', ' ').capitalize()} ({len(labels)}): {'，'.join(labels)}" for relation, labels in found.relations))
    else:
        paragraphs.append("No article changed.")
    trailers = [("Effective", meta.effective)]
    if meta.source:
        trailers.append(("Source", meta.source))
    if meta.source_sha256:
        trailers.append(("Source-SHA256", meta.source_sha256))
    for relation in REPORTED_RELATIONS:
        if relation in MAIN_RELATIONS or found.count(relation):
            trailers.append(("Articles-" + "-".join(w.capitalize() for w in relation.split("_")), str(found.count(relation))))
    paragraphs.append("\n".join(f"{key}: {' '.join(value.split())}" for key, value in trailers))
    return "\n\n".join(paragraphs)


# -- making a corpus ------------------------------------------------------------------

README = """\
# Regulations

A corpus of regulation texts kept with fagui: one canonical Markdown file per regulation
under `texts/`, one commit per version, made by `fagui add`.

- `texts/<jurisdiction>/<slug>.md`: the text, in canonical Markdown; its id is
  `<jurisdiction>/<slug>` (for example `jilin/counterespionage-work-provisions`).
- `texts/<jurisdiction>/<slug>.source.txt`: the raw text it was ingested from, byte for byte.

```
fagui add RAW --id ID [--effective YYYY-MM-DD] [--source URL]   commit a new version
fagui log ID                                                    its versions
fagui show ID[@REV | @YYYY-MM-DD] [--article N]                 one version (in force on a day)
fagui history ID --article N                                    when an article's wording changed
```
"""

GITATTRIBUTES = """\
# Raw sources are kept byte for byte as received, whatever their encoding and line ends.
*.source.txt -text
# Canonical Markdown is UTF-8 with LF line ends.
texts/**/*.md text eol=lf
"""


def init(directory: str | os.PathLike) -> Corpus:
    """Make a new corpus: a git repository at ``directory`` with a README,
    ``.gitattributes`` and an empty ``texts/``, in one first commit.

    ``directory`` must not exist or be an empty folder. The repository is
    built beside it and moved into place, so a failure (no git identity, for
    one) leaves nothing behind.
    """
    target = Path(directory).absolute()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FaguiError("exists and is not an empty folder", str(directory))
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        repo = git.Repo.init(build)
        (build / "README.md").write_text(README, encoding="utf-8")
        (build / ".gitattributes").write_text(GITATTRIBUTES, encoding="utf-8")
        (build / TEXTS).mkdir()
        (build / TEXTS / ".gitkeep").write_bytes(b"")
        repo.git.add("README.md", ".gitattributes", f"{TEXTS}/.gitkeep")
        try:
            repo.git.commit("-q", "--no-verify", "-m", "Start a fagui corpus: README and texts/")
        except git.GitCommandError as exc:
            detail = str(exc.stderr).strip().strip("'").splitlines()
            raise FaguiError(f"git commit failed: {detail[-1] if detail else exc.status}", str(directory)) from None
        repo.close()
        if target.exists():
            target.rmdir()
        os.rename(build, target)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return Corpus(target)


def load(spec: str, repo: str | os.PathLike = ".") -> tuple[Regulation, DocumentRef]:
    """A regulation from a canonical Markdown FILE, or ``ID[@REV]`` in the
    corpus containing ``repo`` (see :meth:`Corpus.resolve`).

    An existing file wins; anything else must be an id with an optional
    revision. Raises FaguiError naming ``spec`` when it is neither.
    """
    if os.path.isfile(spec):
        try:
            with open(spec, "rb") as fh:
                text = fh.read().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FaguiError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", spec) from None
        regulation = read_regulation(text, spec)
        meta = regulation.metadata
        return regulation, DocumentRef(id=None, title=meta.title, jurisdiction=meta.jurisdiction, effective=meta.effective)
    regulation_id = spec.partition("@")[0]
    if not ID_RE.fullmatch(regulation_id):
        raise FaguiError("no such file, and not a regulation id (ID or ID@REV)", spec)
    return Corpus(repo).resolve(spec)
