"""What a change means in law: the meaning model a comparison carries beside
its character diff (:mod:`fagui.meaning` finds them). Plain frozen
dataclasses and enums, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class MeaningKind(str, Enum):
    """The kinds of legal-meaning change the recognisers look for."""

    MODALITY = "modality"  # 应当/必须, 可以, 不得/禁止, 鼓励/支持
    AMOUNT = "amount"  # money (元, 万元, ranges, 倍)
    TIME_LIMIT = "time_limit"  # 日, 工作日, 个月, 年, 之日起
    ACTOR = "actor"  # who must act or decide, who is acted upon
    SANCTION = "sanction"  # 警告, 罚款, 吊销, 拘留, 处分, 追究刑事责任 ...
    REFERENCE = "reference"  # a cited law or article (《…》第N条)


class Direction(str, Enum):
    """Which way a change goes, as far as a rule can say."""

    ADDED = "added"  # only on the right
    REMOVED = "removed"  # only on the left
    RAISED = "raised"  # an amount: every bound up
    LOWERED = "lowered"  # an amount: every bound down
    WIDENED = "widened"  # a range: lower bound down, upper bound up
    NARROWED = "narrowed"  # a range: lower bound up, upper bound down
    LONGER = "longer"  # a time limit
    SHORTER = "shorter"
    WEAKENED = "weakened"  # modality: a duty or prohibition became a permission or encouragement
    STRENGTHENED = "strengthened"  # modality: the other way
    RENUMBERED = "renumbered"  # a reference: the same article under its new number
    CHANGED = "changed"  # changed, no order between the two (another body, another law, 日 -> 工作日)


@dataclass(frozen=True)
class Place:
    """Where a wording stands: an article (its label) and a block of it (the
    index in :meth:`Article.blocks`: a paragraph 款 or an item 项)."""

    article: str
    block: int


@dataclass(frozen=True)
class MeaningChange:
    """One legal-meaning change between the two sides of a linked pair (or
    of an article on one side only).

    ``left`` / ``right``: the wording on each side ("" where that side has
    none); ``where``: the block of each side it stands in (None for a side
    without it); ``rule``: the name of the recogniser that found it;
    ``says``: the change in one Chinese sentence (罚款上限由五万元提高至十万元).
    """

    kind: MeaningKind
    left: str
    right: str
    direction: Direction
    where: tuple[Place | None, Place | None]
    rule: str
    says: str


class FlagRule(str, Enum):
    """What a reviewer's flag rests on."""

    PENALTY_BEYOND_HIGHER = "penalty_beyond_higher"
    RULE_PENALTY_BEYOND_POWER = "rule_penalty_beyond_power"
    RULE_CREATES_LICENCE = "rule_creates_licence"
    RULE_COERCIVE_MEASURE = "rule_coercive_measure"
    DUTY_BECAME_PERMISSION = "duty_became_permission"


@dataclass(frozen=True)
class Flag:
    """A clause a reviewer should look at, never a verdict: ``rule`` says
    why it was raised and ``basis`` the provision it measures against
    (行政处罚法第十四条…); ``where``: the blocks of each side; ``left`` /
    ``right``: the wording on each side; ``says``: one Chinese sentence."""

    rule: FlagRule
    basis: str
    left: str
    right: str
    where: tuple[Place | None, Place | None]
    says: str

    @property
    def article(self) -> str:
        """The label of the (right-hand, local) article the flag is about."""
        place = self.where[1] or self.where[0]
        return place.article if place else ""
