"""The corpus in git: add a version of a regulation, list its versions, read
any version, follow one article through its history.

A corpus is any git repository with a ``texts/`` folder at the top of its
work tree. A regulation's id is its path under ``texts/`` without ``.md``
(``jilin/counterespionage-work-provisions``); its canonical Markdown is
``texts/<id>.md`` and the raw bytes it was ingested from are
``texts/<id>.source.txt``. One commit per version, made by :meth:`Corpus.add`.
A version can be named by any git revision or by a date: the version in force
on that day.

Nothing here prints. Bad input, unsafe repository states and unknown
revisions raise :class:`~fagui.errors.FaguiError`.

The modules, each importing only those before it:
:mod:`~fagui.store.paths` (ids, paths, dates),
:mod:`~fagui.store.gitcmd` (running git),
:mod:`~fagui.store.changes` (what changed between two versions),
:mod:`~fagui.store.message` (commit messages),
:mod:`~fagui.store.versions` (a regulation's versions, read out of git),
:mod:`~fagui.store.plumbing` (checks, and committing beside the user's index),
:mod:`~fagui.store.journal` (changing work tree, index, branch and tag safely against a kill),
:mod:`~fagui.store.adding` (adding a version),
:mod:`~fagui.store.corpus` (:class:`Corpus`),
:mod:`~fagui.store.making` (:func:`init`);
and :mod:`~fagui.store.load` (:func:`~fagui.store.load.load`: a regulation
from a file, or from the corpus when named by id).

Import from the modules themselves (``from fagui.store.corpus import
Corpus``): this package imports nothing, so a command that only needs
:mod:`~fagui.store.paths` or reads a file with
:func:`~fagui.store.load.load` does not load GitPython.
"""
