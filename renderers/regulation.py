"""A regulation as plain text, for reading in a terminal or a pager
(``fagui show``): the one renderer that reads a :class:`fagui.model.Regulation`
rather than a Comparison."""

from __future__ import annotations

from fagui.errors import FaguiError
from fagui.model import Article, ArticleKey, Regulation
from fagui.text.labels import label_text


def format_regulation(regulation: Regulation, article: int | ArticleKey | None = None) -> str:
    """The regulation as indented plain text, or only the article at key
    ``article`` ((number, suffix): 第十条之一 is (10, 1); a number alone is (number, 0)).

    Raises FaguiError when the regulation has no such article.
    """
    if isinstance(article, int):
        article = ArticleKey(article)
    if article is not None:
        for located in regulation.located_articles():
            if located.article.key == article:
                where = " / ".join(located.divisions)
                head = f"{regulation.metadata.title}" + (f" / {where}" if where else "")
                return head + "\n\n" + format_article(located.article)
        raise FaguiError(f"{regulation.metadata.title} has no article {label_text('条', *article)}")
    out = [regulation.metadata.title, ""]
    out += [f"{key}: {value}" for key, value in regulation.metadata.items() if key != "title"]
    out += [f"history: {e.date} {e.body} {e.action}" for e in regulation.metadata.history]
    out.append("")
    out += [p + "\n" for p in regulation.preamble]

    def walk(nodes, depth: int) -> None:
        for node in nodes:
            if isinstance(node, Article):
                out.append(format_article(node, "  " * depth))
            else:
                out.append("  " * depth + node.heading + "\n")
                walk(node.children, depth + 1)

    walk(regulation.body, 0)
    return "\n".join(out).rstrip("\n") + "\n"


def format_article(article: Article, indent: str = "") -> str:
    """An article: its label, then each paragraph and item on its own line."""
    lines = [indent + article.label]
    for paragraph in article.paragraphs:
        for depth, block in paragraph.walk():
            lines.append(indent + "  " * (depth + 1) + (block.text if depth == 0 else block.line()))
    return "\n".join(lines) + "\n"
