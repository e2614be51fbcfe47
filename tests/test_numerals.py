from hypothesis import given
from hypothesis import strategies as st

from fagui.text.numerals import to_chinese, to_int


def test_known_values():
    assert to_int("十") == 10 and to_int("十二") == 12 and to_int("二十") == 20
    assert to_int("一百零五") == 105 and to_int("一百二十三") == 123
    assert to_int("一千零一十") == 1010 and to_int("一万零一") == 10001
    assert to_chinese(123) == "一百二十三" and to_chinese(110) == "一百一十" and to_chinese(10) == "十"


@given(st.integers(1, 99_999_999))
def test_round_trip(n):
    assert to_int(to_chinese(n)) == n
