"""Chinese numerals (中文数字) as used in article and chapter numbers.

>>> to_int("一百二十三")
123
>>> to_chinese(123)
'一百二十三'
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(BIG_UNITS)
"""Characters a Chinese numeral may contain (for regular expressions)."""

_WRITE_DIGITS = "零一二三四五六七八九"


def to_int(numeral: str) -> int:
    """The value of a Chinese numeral such as 十, 十二, 二十, 一百零五, 一千二百三十四.

    Raises ValueError for an empty string or a character that is not a
    numeral character. ASCII digits are accepted too ("12" -> 12).
    """
    if not numeral:
        raise ValueError("empty numeral")
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    total = 0  # completed 万 groups
    section = 0  # value below 万
    digit: int | None = None
    for ch in numeral:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in UNITS:
            section += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            total += (section or 1) * BIG_UNITS[ch]
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return total + section + (digit or 0)


def to_chinese(value: int) -> str:
    """The conventional Chinese numeral for 1 <= value < 100,000,000.

    Written the way regulations number articles: 十 (not 一十) for 10-19,
    零 for an inner gap (一百零五).
    """
    if not 0 < value < 100_000_000:
        raise ValueError(f"out of range: {value}")
    high, low = divmod(value, 10_000)
    if high:
        rest = _below_10000(low, leading=False) if low else ""
        if low and low < 1000:
            rest = "零" + rest
        return _below_10000(high, leading=True) + "万" + rest
    return _below_10000(low, leading=True)


def _below_10000(value: int, leading: bool) -> str:
    out = []
    gap = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, value = divmod(value, unit)
        if d:
            if gap and out:
                out.append("零")
            gap = False
            if not (unit == 10 and d == 1 and not out and leading):
                out.append(_WRITE_DIGITS[d])
            out.append(name)
        elif out:
            gap = True
    return "".join(out)


def parse_strict(numeral: str) -> int:
    """The value of a numeral as a label writes it, refusing malformed ones.

    Accepts the conventional Chinese form (what ``to_chinese`` writes, with
    〇 for 零 and 一十 for a leading 十 allowed) and plain ASCII digits.
    Raises ValueError for anything else: 十十, 二二, 百一, 零.

    >>> parse_strict("一百零五")
    105
    """
    if numeral.isascii() and numeral.isdigit():
        if int(numeral) == 0:
            raise ValueError(f"malformed numeral: {numeral!r}")
        return int(numeral)
    value = to_int(numeral)
    if value <= 0 or value >= 100_000_000:
        raise ValueError(f"malformed numeral: {numeral!r}")
    canonical = to_chinese(value)
    written = numeral.replace("〇", "零")
    if written not in (canonical, "一" + canonical if canonical.startswith("十") else canonical):
        raise ValueError(f"malformed numeral: {numeral!r}")
    return value


# -- amounts and periods ---------------------------------------------------------
# A fine, a multiple or a time limit reads its number here too, so a label and
# an amount are read by one set of rules.

AMOUNT_NUMERAL = r"(?<![\d零〇一二两三四五六七八九十百千万亿])(?:\d+(?:,\d{3})*(?:\.\d+)?[千万亿]?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*)"
"""A regular expression for a number as an amount or a period writes it:
Arabic (50000, 5,000, 0.5), Arabic with a Chinese unit (5万, 1.5亿) or a
Chinese numeral (五万, 一千二百, 两千, 十). What it matches may still be
unreadable (一二万): :func:`to_number` decides. It starts only where a run
of numeral characters starts: tried from every character inside a long run
it took time quadratic in the run's length."""

_ARABIC_UNITS = {"": 1, "千": 1000, "万": 10_000, "亿": 100_000_000}


def to_number(numeral: str) -> int | float:
    """The value of an amount or period numeral: 五万 -> 50000, 一千二百 ->
    1200, 两千 -> 2000, 一亿五千万 -> 150000000, 5,000 -> 5000, 1.5万 ->
    15000, 0.5 -> 0.5 (an int whenever the value is whole).

    Raises ValueError for anything it cannot read with certainty: a Chinese
    numeral that is not written the conventional way (一二万, 十十, 万), an
    empty string, other characters. A caller keeps such a number as text; it
    is never guessed and never zero.

    >>> to_number("五万")
    50000
    """
    if not numeral:
        raise ValueError("empty numeral")
    if numeral[0].isascii() and numeral[0].isdigit():
        digits, unit = (numeral[:-1], numeral[-1]) if numeral[-1] in _ARABIC_UNITS else (numeral, "")
        if not all(ch.isascii() and (ch.isdigit() or ch in ",.") for ch in digits) or digits.count(".") > 1:
            raise ValueError(f"not a number: {numeral!r}")
        value = float(digits.replace(",", "")) * _ARABIC_UNITS[unit] if "." in digits else int(digits.replace(",", "")) * _ARABIC_UNITS[unit]
        return int(value) if float(value).is_integer() else value
    high, _, low = numeral.rpartition("亿")
    if "亿" in high:
        raise ValueError(f"not a conventional numeral: {numeral!r}")
    value = (_conventional(high) * 100_000_000 if high or numeral.startswith("亿") else 0) + (_conventional(low) if low else 0)
    if not value:
        raise ValueError(f"not a conventional numeral: {numeral!r}")
    return value


def _conventional(numeral: str) -> int:
    """A Chinese numeral below 亿 written the conventional way (两 for 二,
    〇 for 零 and a leading 一十 allowed), else ValueError: 一万五 is 15000
    in speech and 10005 by the rules, so it is not read at all."""
    written = numeral.replace("两", "二").replace("〇", "零")
    value = to_int(written)
    if not 0 < value < 100_000_000:
        raise ValueError(f"not a conventional numeral: {numeral!r}")
    canonical = to_chinese(value)
    if written != canonical and not (canonical.startswith("十") and written == "一" + canonical):
        raise ValueError(f"not a conventional numeral: {numeral!r}")
    return value
