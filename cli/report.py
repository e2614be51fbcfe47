"""fagui report: the national text against every provincial text, and each
regulation's version history, as a static site.

``build_site(out_dir, jurisdictions, histories)`` is the hook: it takes
(name, Comparison) pairs from anywhere, writes one page per comparison and
the index last, each file atomically, holding one Comparison at a time.
"""

from __future__ import annotations

import re
import sys
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import click

from cli.main import main
from fagui.atomic import write_atomic
from fagui.compare import compare
from fagui.errors import FaguiError
from fagui.markdown import read_regulation
from fagui.model import Comparison, DocumentRef, Metadata, Regulation
from fagui.store import Corpus
from renderers.html import render_side_by_side
from renderers.site import Entry, entry, render_index

INDEX = "index.html"


def page_name(name: str) -> str:
    """A safe file name for a comparison page: ASCII, no folders."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "comparison"
    return f"{stem}.html"


def build_site(
    out_dir: str | Path,
    jurisdictions: Iterable[tuple[str, Comparison]],
    histories: Iterable[tuple[str, Comparison]] = (),
    *,
    title: str = "法规对照报告",
) -> Path:
    """Write one page per comparison into ``out_dir`` and then ``index.html``.

    ``name`` gives the page's file name (made safe by :func:`page_name`).
    The iterables are consumed one comparison at a time and each is dropped
    once its page is written. Returns the path of the index.
    """
    out = Path(out_dir)
    used: set[str] = set()

    def write(items: Iterable[tuple[str, Comparison]]) -> list[Entry]:
        entries = []
        for name, comparison in items:
            href = page_name(name)
            k = 2
            while href in used or href == INDEX:
                href = page_name(f"{name}-{k}")
                k += 1
            used.add(href)
            write_atomic(out / href, render_side_by_side(comparison, index_href=INDEX))
            entries.append(entry(name, href, comparison))
        return entries

    found = write(jurisdictions)
    history = write(histories)
    index = out / INDEX
    write_atomic(index, render_index(found, history, title=title))
    return index


# -- finding texts and comparing them ---------------------------------------------------


def corpus_root(repo: str | Path) -> Path:
    """The top of the corpus containing ``repo``: the nearest folder, from
    ``repo`` up, that has a ``texts/`` folder."""
    start = Path(repo).resolve()
    for folder in (start, *start.parents):
        if (folder / "texts").is_dir():
            return folder
    raise FaguiError("no texts/ folder here or above: not a fagui corpus", str(repo))


@dataclass(frozen=True)
class Text:
    """A canonical text in ``texts/``: its id, file and front matter.

    Only the metadata is kept: a report over hundreds of provinces must not
    hold every parsed text at once. :meth:`read` parses it again when needed.
    """

    id: str
    path: Path
    metadata: Metadata

    def read(self) -> Regulation:
        return _parse(self.path)


def _parse(path: Path) -> Regulation:
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FaguiError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", str(path)) from None
    return read_regulation(text, str(path))


def read_texts(root: Path) -> list[Text]:
    """Every canonical text under ``root/texts``, by id."""
    out = []
    for path in sorted((root / "texts").rglob("*.md")):
        rel = path.relative_to(root / "texts").with_suffix("").as_posix()
        out.append(Text(rel, path, _parse(path).metadata))
    return out


def _ref(text: Text) -> DocumentRef:
    meta = text.metadata
    return DocumentRef(id=text.id, title=meta.title, jurisdiction=meta.jurisdiction, effective=meta.effective)


def jurisdiction_comparisons(texts: list[Text]) -> list[tuple[str, Callable[[], Comparison]]]:
    """Each national text against each provincial text, as (name, thunk): the
    provincial text is read and compared only when the thunk is called."""
    national = [t for t in texts if t.metadata.level == "national"]
    provincial = [t for t in texts if t.metadata.level == "provincial"]
    parsed: dict[str, Regulation] = {}  # the national texts: few, and used again and again
    out = []
    for n in national:
        for p in provincial:
            name = p.id if len(national) == 1 else f"{n.id}--{p.id}"

            def make(n=n, p=p) -> Comparison:
                if n.id not in parsed:
                    parsed[n.id] = n.read()
                return compare(parsed[n.id], p.read(), mode="jurisdictions", left_ref=_ref(n), right_ref=_ref(p))

            out.append((name.replace("/", "-"), make))
    return out


def history_comparisons(root: Path, ids: list[str]) -> list[tuple[str, Callable[[], Comparison]]]:
    """Consecutive versions of each regulation with more than one version in
    git (``fagui.store``), oldest pair first. Empty when ``root`` is not a git
    repository."""
    try:
        corpus = Corpus(root)
    except FaguiError:
        return []
    out = []
    for regulation_id in ids:
        try:
            versions = corpus.versions(regulation_id)
        except FaguiError:
            continue  # not committed yet
        for new, old in reversed(list(zip(versions, versions[1:]))):
            name = f"history-{regulation_id.replace('/', '-')}-{old.commit[:7]}-{new.commit[:7]}"

            def make(regulation_id=regulation_id, old=old, new=new) -> Comparison:
                lreg, lref = corpus.resolve(f"{regulation_id}@{old.commit}")
                rreg, rref = corpus.resolve(f"{regulation_id}@{new.commit}")
                return compare(lreg, rreg, mode="versions", left_ref=lref, right_ref=rref)

            out.append((name, make))
    return out


def _run(jobs: list[tuple[str, Callable[[], Comparison]]], tick: Callable[[str], None]) -> Iterator[tuple[str, Comparison]]:
    for name, make in jobs:
        comparison = make()
        tick(name)
        yield name, comparison


@main.command()
@click.option("-o", "--output", default="report", show_default=True, type=click.Path(file_okay=False), help="Folder to write the site into.")
@click.option("--repo", default=".", show_default=True, type=click.Path(file_okay=False), help="A folder inside the corpus (with texts/).")
def report(output: str, repo: str) -> None:
    """Compare the national text with every provincial text in texts/, and
    each regulation's versions in git, as a static site in OUTPUT.

    Writes one self-contained page per comparison and index.html (every
    comparison, its counts, and a coverage matrix of national articles by
    province), then prints the path of index.html.
    """
    root = corpus_root(repo)
    texts = read_texts(root)
    jobs_j = jurisdiction_comparisons(texts)
    jobs_h = history_comparisons(root, [t.id for t in texts])
    total = len(jobs_j) + len(jobs_h)
    show = sys.stderr.isatty() and total > 0
    bar = click.progressbar(length=total, label="comparing", file=sys.stderr, show_pos=True, item_show_func=lambda n: n) if show else nullcontext()
    with bar as progress:

        def tick(name: str) -> None:
            if show:
                progress.update(1, name)

        index = build_site(output, _run(jobs_j, tick), _run(jobs_h, tick))
    click.echo(str(index))
