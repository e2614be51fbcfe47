"""Options several commands share, declared once."""

from __future__ import annotations

import click

from fagui.model import ArticleKey

repo_option = click.option(
    "--repo",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="A folder inside the corpus (the git repository with texts/).",
)
"""``--repo``: where the corpus is, for commands that read or change it."""


def format_option(choices: tuple[str, ...], default: str):
    """``--format``: one of ``choices``, passed to the command as ``fmt``."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="Output format.")


def output_option(help: str):
    """``-o/--output FILE``: write there (atomically) instead of standard output."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False), help=help)


class ArticleNumber(click.ParamType):
    """An article as a reader writes it: 12, 十二, 第十二条, or an inserted
    article 第十条之一 / 10之1; converted to its key (number, suffix) as
    ``Article.key``."""

    name = "N"

    def convert(self, value, param, ctx) -> ArticleKey:
        if isinstance(value, tuple):
            return value
        from fagui.text.labels import MalformedLabel, read_label

        number, of, suffix = value.strip().removeprefix("第").partition("之")
        text = f"第{number.removesuffix('条')}条" + (f"之{suffix}" if of else "")
        try:
            label = read_label(text)
        except MalformedLabel:
            label = None
        if label is None or label.kind != "条" or label.end != len(text):
            self.fail(f"not an article number: {value!r} (write 12, 十二, 第十二条 or 第十条之一)", param, ctx)
        return label.key


def article_option(help: str, required: bool = False):
    """``--article N``: an article by number (12, 十二, 第十二条, 第十条之一)."""
    return click.option("--article", type=ArticleNumber(), required=required, help=help)


COLOR_CHOICES = ("auto", "always", "never")


color_option = click.option(
    "--color",
    type=click.Choice(COLOR_CHOICES),
    default="auto",
    show_default=True,
    help="Colour the text output: auto is on a terminal unless NO_COLOR is set (non-empty); FORCE_COLOR (non-empty) forces it.",
)
"""``--color auto|always|never``, resolved by :func:`cli.terminal.use_color`."""


def lang_option(command):
    """``--lang zh|en``: the language of what the reader reads (Chinese by
    default), passed to the command as ``lang`` (a :class:`fagui.messages.Lang`)."""
    from fagui.messages import DEFAULT_LANG, Lang

    return click.option(
        "--lang",
        type=click.Choice([lang.value for lang in Lang]),
        default=DEFAULT_LANG.value,
        show_default=True,
        callback=lambda ctx, param, value: Lang(value),
        help="Language of the output a reader reads: zh (Chinese) or en (English).",
    )(command)
