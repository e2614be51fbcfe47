"""fagui link: a reviewer's decisions about article links, kept in git (thin
wrappers over fagui.store.decisions)."""

from __future__ import annotations

import click

from cli.options import ArticleNumber, lang_option, repo_option
from fagui.messages import say
from fagui.model import Strength, Verdict
from fagui.text.control import visible
from fagui.text.labels import label_text

LEFT_RIGHT_HELP = "LEFT and RIGHT are regulations of the corpus, as for fagui diff: ID or ID@REV (the national text goes on the left whichever order they are given in)."


@click.group("link")
def link() -> None:
    """Confirm, reject and list article links; decisions are committed to the corpus.

    Each pair of regulations has one decisions file,
    decisions/<left id>/<right id>.jsonl, committed like a text (only that
    file; nothing else staged or changed is touched). Every output of
    fagui diff and fagui report applies it: a confirmed link shows as 已确认,
    a rejected one never appears, a link the engine did not make is added;
    a decision whose articles' wording changed since is shown as 需复核.

    \b
    Examples:
      fagui link confirm national/counterespionage-security-provisions jilin/counterespionage-work-provisions --left 第八条 --right 第十七条
      fagui link reject national/counterespionage-security-provisions jilin/counterespionage-work-provisions --left 8 --right 9 --strength shares
      fagui link list national/counterespionage-security-provisions jilin/counterespionage-work-provisions
      fagui link apply ~/Downloads/decisions.jsonl
    """


def _decide(verdict: Verdict):
    @click.argument("left")
    @click.argument("right")
    @click.option("--left", "left_article", type=ArticleNumber(), required=True, help="The article of LEFT (8, 八, 第八条, 第十条之一).")
    @click.option("--right", "right_article", type=ArticleNumber(), required=True, help="The article of RIGHT.")
    @click.option("--strength", type=click.Choice([s.value for s in Strength]), default=Strength.COUNTERPART.value, show_default=True,
                  help="counterpart: the same provision; shares: a paragraph or item of one is carried into the other.")
    @click.option("--note", default="", help="Why, for the record (kept in the decisions file and the commit message).")
    @lang_option
    @repo_option
    def command(left, right, left_article, right_article, strength, note, lang, repo) -> None:
        from fagui.store.decisions import record

        done = record(
            repo, left, right, label_text("条", *left_article), label_text("条", *right_article), verdict, Strength(strength), note
        )
        _report(done, lang)

    command.__doc__ = (
        f"{'Confirm' if verdict is Verdict.CONFIRMED else 'Reject'} the link between an article of LEFT and one of RIGHT.\n\n"
        f"{LEFT_RIGHT_HELP} Deciding the same two articles again replaces the decision."
    )
    return command


def _report(done, lang) -> None:
    if done.commit is None:
        click.echo(say("link.unchanged", lang, path=done.path))
        return
    for r in done.records:
        click.echo(
            say(
                "link.done", lang, commit=done.commit[:7], path=done.path, verdict=say(f"verdict.{r.verdict.value}", lang),
                left=r.left, right=r.right, strength=say(f"strength.{r.strength.value}", lang),
            )
        )


link.command("confirm")(_decide(Verdict.CONFIRMED))
link.command("reject")(_decide(Verdict.REJECTED))


@link.command("list")
@click.argument("left")
@click.argument("right")
@lang_option
@repo_option
def list_command(left, right, lang, repo) -> None:
    """List the decisions on LEFT and RIGHT, placed on those texts.

    One line each: the state (已确认 confirmed, 已否决 rejected, 需复核 the
    wording of an article changed since the decision was made, 条文已删除 an
    article is gone), the articles as numbered in these texts, the strength
    (对应 counterpart, 共享 shares), the file's line and the note.
    """
    from fagui.store.decisions import decisions_at

    decisions = decisions_at(repo)
    if decisions is None:
        from fagui.store.corpus import Corpus

        Corpus(repo)  # says why this is not a corpus
    left_ref, right_ref, found = decisions.listed(left, right)
    if not found:
        click.echo(say("link.none", lang, left=left_ref.id, right=right_ref.id))
        return
    for p in found:
        if p.placed is None:
            state, where = say("link.gone", lang), f"{p.record.left} ↔ {p.record.right}"
        else:
            state = say("decision.needs_review" if not p.placed.current else f"verdict.{p.placed.verdict.value}", lang)
            where = f"{p.placed.left} ↔ {p.placed.right}"
            if (p.placed.left, p.placed.right) != (p.record.left, p.record.right):
                where += say("link.decided_as", lang, left=p.record.left, right=p.record.right)
        note = f"  {p.record.note}" if p.record.note else ""
        strength = say(f"strength.{p.record.strength.value}", lang)
        click.echo(visible(say("link.line", lang, state=state, where=where, strength=strength, line=p.record.line, note=note)))


@link.command("apply")
@click.argument("file", type=click.Path(dir_okay=False))
@lang_option
@repo_option
def apply_command(file, repo, lang) -> None:
    """Commit the decisions of FILE (as the report page's 下载决定 button saves them).

    FILE names the pair of regulations it is for; each decision is checked
    against the text it was made on before anything is committed, and
    replaces any decision on the same two articles.
    """
    from fagui.store.decisions import apply_file

    _report(apply_file(repo, file), lang)
