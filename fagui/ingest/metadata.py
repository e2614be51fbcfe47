"""Metadata stated in a regulation's own text: title, issuer, numbers, dates."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from fagui.model import HistoryEntry, Level, Metadata
from fagui.text.instruments import TITLE_ENDINGS, alternation
from fagui.text.numerals import NUMERAL_CHARS

DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_DATE_RE = re.compile(DATE)
DATE_AND_SPACE_RE = re.compile(DATE + r"\s*")

TITLE_RE = re.compile(
    r"^(?!第[^编章节条\s]{1,12}[编章节])(?![一二三四五六七八九十]{1,3}、)[^\s，。；：！？]{2,80}?"
    + alternation(TITLE_ENDINGS)
    + r"(?:[（(][^（）()\s，。；]{1,16}[）)])?$"
)
"""A regulation title: no sentence punctuation (、 may join two issuers:
最高人民法院、最高人民检察院关于……的解释), ends with the name of a kind of rule
(a judicial interpretation's 解释 too; 民法通则, 民法总则), and perhaps a
bracketed note: …的解释（一）, …的规定（试行）, （2021年修正）. A heading
(第一编 总则, 一、总则) is none."""

ORDER_RE = re.compile(r"^(?:中华人民共和国)?(.{2,30}?)令$")
"""An order line such as 中华人民共和国国家安全部令 or 吉林省人民政府令."""

NUMBER_RE = re.compile(r"^[（(]?((?:\d{4}年)?第\d+号)[）)]?$")
"""A document number line such as （第283号） or 2021年第1号."""

ORDER_NUMBER_RE = re.compile(r"^[（(]?((?:中华人民共和国)?(.{2,30}?)令)((?:\d{4}年|〔\d{4}〕)?第\d+号)[）)]?$")
"""Order and number on one line: （浙江省政府令第377号）, 中国人民银行令〔2021〕第7号."""

SIGNATORY_RE = re.compile(r"^(部长|省长|主任|市长|局长|厅长|主席|总理|署长|行长|委员长|代省长|代市长)[：:]?(.{2,6})$")

DATE_LINE_RE = re.compile(f"^{DATE}$")

ADOPTED_RE = re.compile(DATE + r"[^。]{0,60}?(?:会议|常务会议)[^。]{0,20}?(?:审议)?通过")
EFFECTIVE_RE = re.compile(r"自" + DATE + r"起(?:施行|执行|生效)")
EFFECTIVE_ON_PROMULGATION_RE = re.compile(r"自(?:公布|发布|印发)之日起(?:施行|执行|生效)")
PROVINCES = (
    "北京市 天津市 上海市 重庆市 河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 "
    "江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 "
    "台湾省 内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区"
).split()
"""Province-level jurisdictions, by the names their regulations' titles begin with."""

_PROVINCE = "(" + "|".join(PROVINCES) + ")"
CONGRESS_RE = re.compile(_PROVINCE + "第[" + NUMERAL_CHARS + "]+届人民代表大会常务委员会")
JURISDICTION_RE = re.compile("^" + _PROVINCE)


def iso_date(text: str) -> str | None:
    """The first Chinese date (2024年11月8日) in text, as 2024-11-08."""
    m = _DATE_RE.search(text)
    return _iso(m) if m else None


class ImpossibleDate(ValueError):
    """A date no calendar has (2025年2月30日); ``text`` is the date as written."""

    def __init__(self, text: str):
        super().__init__(f"impossible date {text}")
        self.text = text


def _iso(m: re.Match) -> str:
    """The date a match of DATE stands for, as YYYY-MM-DD; ImpossibleDate
    when there is no such day."""
    year, month, day = (int(g) for g in m.groups()[:3])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise ImpossibleDate(f"{m.group(1)}年{m.group(2)}月{m.group(3)}日") from None


_ACTIONS = {
    "修订通过": "修订", "通过修订": "修订", "审议通过": "通过", "通过": "通过",
    "修正": "修正", "修订": "修订", "批准": "批准",
    "公告公布施行": "公布", "公布施行": "公布", "公告公布": "公布", "公布": "公布", "发布": "发布", "施行": "施行",
}
"""What a 题注 says was done, as written -> the action recorded in the history."""
_ENTRY_RE = re.compile(
    DATE
    + r"\s*(.*?)(?:第[一二三四五六七八九十]+次)?("
    + "|".join(sorted(_ACTIONS, key=len, reverse=True))
    + r")(?=[\s）)，,；;。]|根据|\d{4}年|$)"
)
"""One 题注 event: a date, the body, and what it did (the next event may follow at once)."""
_JOINT_RE = re.compile(r"、(?=\d{4}年\d{1,2}月\d{1,2}日)")
HISTORY_REASON = "题注 (adoption and amendment history): moved to front matter (history)"
"""The audit's reason for the 题注 lines, whatever layout they came in."""
_BRACKETED_HISTORY_RE = re.compile(r"^[（(](\d{4}年\d{1,2}月\d{1,2}日.*)[）)]$")
"""A 题注 in brackets under the title, as npc.gov.cn, flk and Word files write it:
（2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过　2023年4月26日……修订）."""


def history_entries(text: str) -> list[HistoryEntry]:
    """The events (date, body, action) a 题注 text states, in order; empty
    when it states none. Raises ImpossibleDate."""
    entries = []
    for m in _ENTRY_RE.finditer(text):
        # Two bodies, each with its date, may do one thing together:
        # 2011年3月28日 最高人民法院…会议、2011年4月13日最高人民检察院…会议通过.
        for part in _JOINT_RE.split(m.group(4)):
            dated = m.group(0)[: m.start(4) - m.start(0)] + part
            body = DATE_AND_SPACE_RE.sub("", dated, count=1).strip(" （(")
            entries.append(HistoryEntry(iso_date(dated), body, _ACTIONS[m.group(5)]))
    return entries


def bracketed_history(text: str) -> list[HistoryEntry]:
    """The events of a paragraph that is a bracketed 题注 and nothing else
    (:data:`_BRACKETED_HISTORY_RE`); empty for any other paragraph."""
    m = _BRACKETED_HISTORY_RE.match(text)
    return history_entries(m.group(1)) if m else []


def jurisdiction(title: str) -> tuple[str, str]:
    """(jurisdiction, level) from a title: 吉林省 provincial, else 国家 national."""
    m = JURISDICTION_RE.match(title)
    if m:
        return m.group(1), Level.PROVINCIAL
    return "国家", Level.NATIONAL


def adopted(texts: list[str]) -> str | None:
    """The adoption date: 已经2024年11月4日省政府常务会议审议通过, （…会议通过）."""
    for text in texts:
        m = ADOPTED_RE.search(text)
        if m:
            return _iso(m)
    return None


def effective(texts: list[str], promulgated: str | None) -> str | None:
    """The date the text says it takes effect (自…起施行), or the
    promulgation date for 自公布之日起施行."""
    for text in texts:
        m = EFFECTIVE_RE.search(text)
        if m:
            return _iso(m)
        if EFFECTIVE_ON_PROMULGATION_RE.search(text) and promulgated:
            return promulgated
    return None


def version_effective(stated: str | None, history: tuple) -> tuple[str | None, str | None]:
    """This version's effective date from the date its text states, and a
    warning when that is not the stated date.

    An amendment by decision (修正) leaves the text's 自…起施行 clause as the
    first version wrote it, so a stated date earlier than the latest 修正 or
    修订 in the history is the first version's: this version took effect no
    earlier than that amendment, whose date is taken instead.
    """
    amended = max((e.date for e in history if e.action in ("修正", "修订")), default=None)
    if stated and amended and stated < amended:
        return amended, (
            f"effective date: the text's {stated} is the first version's; "
            f"this version is the {amended} amendment's, taken as its effective date"
        )
    return stated, None


def congress_issuer(texts: list[str]) -> str | None:
    """黑龙江省人民代表大会常务委员会 from 黑龙江省第十三届人民代表大会常务委员会第十四次会议."""
    for text in texts:
        m = CONGRESS_RE.search(text)
        if m:
            return m.group(1) + "人民代表大会常务委员会"
    return None


def header_kind(text: str) -> str | None:
    """What a header line (before the first article) is: order_number,
    order, number, signatory, date, title, or None for preamble text."""
    if ORDER_NUMBER_RE.match(text):
        return "order_number"
    if ORDER_RE.match(text) and "，" not in text and "。" not in text:
        return "order"
    if NUMBER_RE.match(text):
        return "number"
    if SIGNATORY_RE.match(text):
        return "signatory"
    if DATE_LINE_RE.match(text):
        return "date"
    if TITLE_RE.match(text):
        return "title"
    return None


def header_fields(kind: str, text: str) -> tuple[dict[str, str], str]:
    """The front-matter fields a header line of ``kind`` (see
    :func:`header_kind`, not title) states, and the audit's reason for moving
    it there. Raises ImpossibleDate for a date that does not exist."""
    if kind == "order_number":
        m = ORDER_NUMBER_RE.match(text)
        return {"issuer": m.group(2), "document_number": m.group(1) + m.group(3)}, (
            "order and number: moved to front matter (issuer, document_number)"
        )
    if kind == "order":
        return {"order": text, "issuer": ORDER_RE.match(text).group(1)}, (
            "order: moved to front matter (issuer, document_number)"
        )
    if kind == "number":
        return {"number": NUMBER_RE.match(text).group(1)}, "document number: moved to front matter (document_number)"
    if kind == "signatory":
        m = SIGNATORY_RE.match(text)
        return {"signatory": f"{m.group(1)} {m.group(2)}"}, "signature: moved to front matter (signatory)"
    return {"promulgated": iso_date(text)}, "date of the order: moved to front matter (promulgated)"


@dataclass(slots=True)
class FrontMatterDraft:
    """The front-matter fields a source states, as its layout and header
    lines are read (None: not stated). ``order`` and ``number`` are an order
    line (国家安全部令) and a document number (2021年第1号) read on lines of
    their own: :meth:`document_number_of_order` makes them one."""

    title: str | None = None
    kind: str | None = None
    status: str | None = None
    issuer: str | None = None
    document_number: str | None = None
    order: str | None = None
    number: str | None = None
    signatory: str | None = None
    promulgated: str | None = None
    effective: str | None = None
    source: str | None = None
    history: tuple[HistoryEntry, ...] | None = None

    def update(self, fields) -> None:
        """Set each (name, value) of ``fields`` (a dict or pairs); an unknown name is an AttributeError."""
        for name, value in dict(fields).items():
            setattr(self, name, value)

    def document_number_of_order(self) -> None:
        """An order line and a number make the document number
        (国家安全部令 + 2021年第1号); a number alone is it."""
        if self.order is not None:
            self.document_number = self.order.removeprefix("中华人民共和国") + (self.number or "")
        elif self.number is not None:
            self.document_number = self.number
        self.order = self.number = None


def assemble(found: FrontMatterDraft, preamble: list[str], closing: list[str], source: str) -> tuple[Metadata, str | None]:
    """The front matter of a regulation, and a warning about its effective
    date or None (see :func:`version_effective`).

    ``found`` holds what the header lines and the source's layout stated
    (title, issuer, numbers, dates, kind, status, history); ``preamble`` the
    preamble's paragraphs; ``closing`` the text of the last articles (where
    自…起施行 stands). A date the layout states wins over one read from the
    text; the history's latest 通过/修正/修订, 公布/发布 and 施行 fill the
    adoption, promulgation and effective dates the text does not state.
    Raises ImpossibleDate.
    """
    title = found.title
    jurisdiction_, level = jurisdiction(title)
    history = found.history or ()

    def latest(*actions: str) -> str | None:
        return max((e.date for e in history if e.action in actions), default=None)

    promulgated = found.promulgated or latest("公布", "发布")
    stated, warning = version_effective(effective(preamble + closing, promulgated), history)
    metadata = Metadata(
        title=title,
        jurisdiction=jurisdiction_,
        level=level,
        kind=found.kind,
        status=found.status,
        issuer=found.issuer or congress_issuer(preamble + [e.body for e in history if e.action != "批准"]),
        document_number=found.document_number,
        adopted=adopted(preamble) or latest("通过", "修正", "修订"),
        promulgated=promulgated,
        effective=found.effective or latest("施行") or stated,
        signatory=found.signatory,
        source=found.source or source,
        history=tuple(history),
    )
    return metadata, (warning if metadata.effective == stated else None)
