"""Regulations the engine tests build: from article texts (``regulation``,
``TOPICS``), the seed corpus as read (``corpus``) and an amended version of
the national rules (``amended_national``). Not a test module: test modules
import from here, never from each other."""

from __future__ import annotations

from amend import amend
from conftest import markdown_path

from fagui.markdown import read_regulation
from fagui.model import Article, Metadata, Paragraph, Regulation
from fagui.text.numerals import to_chinese


def regulation(title: str, *articles: tuple[str, ...]) -> Regulation:
    body = tuple(
        Article(n, f"第{to_chinese(n)}条", tuple(Paragraph(p) for p in paragraphs))
        for n, paragraphs in enumerate(articles, 1)
    )
    return Regulation(Metadata(title), body=body)


TOPICS = {
    "media": "协调广播、电视、报刊、互联网等媒体刊登公益广告和宣传教育节目。",
    "school": "指导学校向全体师生开展教育，对出国（境）学习交流的师生进行回国访谈。",
    "report": "公布12339举报受理电话和网络举报受理平台，受理公民举报的线索。",
    "network": "关键信息基础设施运营者防范网络攻击、网络入侵和网络窃密。",
}

NATIONAL = "national/counterespionage-security-provisions"


def corpus(regulation_id: str) -> Regulation:
    return read_regulation(markdown_path(regulation_id).read_text(encoding="utf-8"))


# -- an amended version of the national rules ----------------------------------

NEW_ARTICLE = "国家安全机关应当建立反间谍安全防范工作联络员制度，定期召开联络员会议，通报工作情况。"


def amended_national(original: Regulation) -> Regulation:
    """The national rules with: an article inserted after 第七条, 第十二条
    amended, 第十三条 deleted, 第十九条 split into two (one per paragraph),
    第二十九条 moved to the end of chapter 4; every article renumbered and
    every 本规定第N条 reference following the renumbering."""
    twelve = original.article(12).paragraphs[0].text
    twelve = twelve.replace("开展风险评估，", "开展风险评估和隐患排查，").replace("。", "，并督促整改。")
    return amend(
        original,
        insert_after={7: NEW_ARTICLE},
        amend={12: twelve},
        delete={13},
        split={19},
        move_to_end_of_chapter={29: 4},
    )
