"""The corpus: open one, read any version of a regulation, follow one article
through its history, add a version."""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING

from fagui.compare import document_ref
from fagui.errors import FaguiError
from fagui.files import corpus_root
from fagui.messages import DEFAULT_LANG, Lang
from fagui.model import ArticleKey, DocumentRef, Regulation
from fagui.store.articles import ArticleVersion, article_versions
from fagui.store.gitcmd import open_repo, run, work_tree
from fagui.store.paths import DATE_RE, TEXTS, check_new_id, split_spec
from fagui.text.labels import label_text
from fagui.store.versions import Reader, Version, index_in_force, version_at

if TYPE_CHECKING:
    from pathlib import Path

    from fagui.store.adding import AddResult


class Corpus:
    """A git repository with a ``texts/`` folder at the top of its work tree.

    ``Corpus(path)`` opens the repository that contains ``path`` (a folder
    inside a work tree, default the current one), whose top must be the
    corpus :func:`fagui.files.corpus_root` finds from ``path``: the one way
    fagui finds a corpus, with git or without (``fagui check``, the report).
    Raises FaguiError when there is no repository, no work tree, or no
    ``texts/`` folder at its top.
    """

    def __init__(self, path: str | os.PathLike = "."):
        self.repo = open_repo(path, "not in a git repository (fagui init DIR makes a corpus)")
        if self.repo.bare or self.repo.working_tree_dir is None:
            raise FaguiError("a bare repository has no work tree to keep texts in", str(path))
        self.root = work_tree(self.repo)
        if _corpus_around(path) != self.root.resolve():
            raise FaguiError(f"no {TEXTS}/ folder: not a fagui corpus (fagui init DIR makes one)", str(self.root))
        self._reader = Reader(self.repo)

    # -- reading ----------------------------------------------------------

    def versions(self, regulation_id: str, rev: str = "HEAD") -> list[Version]:
        """Every version of a regulation up to ``rev``, newest first.

        Raises FaguiError when the regulation does not exist at ``rev``.
        """
        chain = self._reader.chain(regulation_id, rev)
        return [version_at(regulation_id, chain, i) for i in range(len(chain))]

    def revised_ids(self, rev: str = "HEAD") -> frozenset[str]:
        """The ids whose canonical file more than one commit of ``rev``'s
        first-parent history touched: the only regulations that can have
        more than one version (:meth:`versions` reads each commit that
        touched the file; one that only re-normalised it is no new
        version). One git command for the whole corpus, where asking
        :meth:`versions` of every text runs several per text (most of a
        report's plan at a hundred texts). Empty when ``rev`` names no
        commit."""
        try:
            out = run(self.repo, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--format=",
                      "--name-only", "-z", rev, "--", f"{TEXTS}/")
        except FaguiError:
            return frozenset()
        touched = Counter(path for path in out.split("\0") if path.endswith(".md"))
        return frozenset(path[len(TEXTS) + 1 : -len(".md")] for path, n in touched.items() if n > 1)

    def in_force(self, regulation_id: str, date: str) -> Version:
        """The version in force on ``date``: the latest effective date on or
        before it, by front matter, not by commit date; a tie goes to the
        version committed last. Raises FaguiError when none was in force yet.
        """
        chain = self._reader.chain(regulation_id, "HEAD")
        return version_at(regulation_id, chain, index_in_force(regulation_id, chain, date))

    def resolve(self, spec: str) -> tuple[Regulation, DocumentRef]:
        """Read ``ID``, ``ID@<git rev>`` or ``ID@YYYY-MM-DD``.

        A bare id means ``ID@HEAD``, the last committed version. A date means
        the version in force that day (:meth:`in_force`). The DocumentRef's
        ``revision`` is the abbreviated commit of that version: the one that
        last changed the regulation's file (as ``fagui log`` names it), not
        a later commit that changed other files.
        """
        regulation_id, rev = split_spec(spec)
        if rev is not None and DATE_RE.fullmatch(rev):
            chain = self._reader.chain(regulation_id, "HEAD")
            commit, regulation = chain[index_in_force(regulation_id, chain, rev)]
        else:
            commit = self._reader.commit(rev or "HEAD", spec)
            regulation = self._reader.read_at(regulation_id, commit, spec)
            commit = self._reader.last_change(regulation_id, commit)
        return regulation, document_ref(regulation, regulation_id, self.abbreviated(commit.hexsha))

    def abbreviated(self, commit: str) -> str:
        """``commit`` as a ref names it (:meth:`resolve`): git's shortest
        unambiguous abbreviation, which grows as the repository does."""
        return self.repo.git.rev_parse("--short", commit)

    def read(self, regulation_id: str, rev: str | None = None) -> Regulation:
        """One version of a regulation: ``rev`` as in :meth:`resolve` (default HEAD)."""
        return self.resolve(regulation_id if rev is None else f"{regulation_id}@{rev}")[0]

    def article_versions(self, regulation_id: str, article: int | ArticleKey, rev: str = "HEAD") -> list[ArticleVersion]:
        """Every version, newest first, in which one article was added,
        changed (wording or number) or deleted (see
        :func:`fagui.store.articles.article_versions`).

        ``article`` is the article's key, (number, suffix) as
        ``Article.key`` (第十条之一 is (10, 1); a number alone is (number, 0)),
        in the version at ``rev`` (a git
        revision or a date); from there the article is followed forward to
        HEAD (or the version that deleted it) and back to the version that
        introduced it, by its correspondence (so across renumbering).
        Raises FaguiError when that version has no such article.
        """
        article = (article, 0) if isinstance(article, int) else article
        chain = self._reader.chain(regulation_id, "HEAD")
        if DATE_RE.fullmatch(rev):
            start = index_in_force(regulation_id, chain, rev)
        else:
            commit = self._reader.commit(rev, f"{regulation_id}@{rev}").hexsha
            start = next((i for i, (c, _) in enumerate(chain) if c.hexsha == commit), None)
            if start is None:  # not on HEAD's line of versions: follow it back from there only
                chain, start = self._reader.chain(regulation_id, rev), 0
        if chain[start][1].article(*article) is None:
            raise FaguiError(f"{regulation_id}@{rev} has no article {label_text('条', *article)}")
        return article_versions(chain, start, article)

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
        lang: Lang = DEFAULT_LANG,
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
        Refuses, with FaguiError and before touching anything: a bad id (or
        one without a jurisdiction, :func:`~fagui.store.paths.check_new_id`); input
        that is not a regulation; no effective date; a detached HEAD; a merge,
        rebase, cherry-pick or revert under way; uncommitted changes to either
        file, staged or not (unless ``force``, which discards them); an index
        locked by another git process.
        """
        # Imported here: only adding needs the ingest pipeline, and log,
        # show and history should not load it.
        from fagui.store.adding import add_version

        check_new_id(regulation_id)
        return add_version(
            self._reader, raw, regulation_id,
            effective=effective, source=source, name=name, message=message, tag=tag, force=force, lang=lang,
        )


def _corpus_around(path: str | os.PathLike) -> Path | None:
    """The corpus :func:`fagui.files.corpus_root` finds from ``path``, or None."""
    try:
        return corpus_root(path)
    except FaguiError:
        return None
