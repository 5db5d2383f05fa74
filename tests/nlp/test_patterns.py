"""Pattern entities: one line per case, input text -> the (label, text) pairs expected."""

from __future__ import annotations

import pytest

from kashf.nlp.patterns import ascii_digits, find_patterns

CASES = [
    # e-mail and URL
    ("write to ali.rezaei@gmail.com now", [("EMAIL", "ali.rezaei@gmail.com")]),
    ("ایمیل: m.hosseini@mois.example.ir؛", [("EMAIL", "m.hosseini@mois.example.ir")]),
    ("see https://example.org/a?b=1. and www.kashf.io,",
     [("URL", "https://example.org/a?b=1"), ("URL", "www.kashf.io")]),
    ("not an address: user@localhost", []),
    # phones: Iraqi, Iranian, Gulf, international; three digit sets
    ("Call +964 770 123 4567 tomorrow", [("PHONE", "+964 770 123 4567")]),
    ("or 0912 345 6789.", [("PHONE", "0912 345 6789")]),
    ("تلفن: ۰۹۱۲۳۴۵۶۷۸۹ است", [("PHONE", "۰۹۱۲۳۴۵۶۷۸۹")]),
    ("هاتف ٠٧٧٠١٢٣٤٥٦٧ فقط", [("PHONE", "٠٧٧٠١٢٣٤٥٦٧")]),
    ("office +98 21 8888 7777", [("PHONE", "+98 21 8888 7777")]),
    ("Dubai 00971 4 123 4567", [("PHONE", "00971 4 123 4567")]),
    ("Kuwait +965-2245-6789", [("PHONE", "+965-2245-6789")]),
    ("landline 021-88887777", [("PHONE", "021-88887777")]),
    ("moblie 0770-123-4567", [("PHONE", "0770-123-4567")]),
    ("the 1234567 items and 12345", []),
    # money
    ("He paid $5,000 in cash", [("MONEY", "$5,000")]),
    ("20 million dinars and 3.5 million tomans",
     [("MONEY", "20 million dinars"), ("MONEY", "3.5 million tomans")]),
    ("USD 250,000 was wired", [("MONEY", "USD 250,000")]),
    ("five thousand dollars", [("MONEY", "five thousand dollars")]),
    # amounts in words, Persian and Arabic, and the region's other currencies
    ("الچین دو هزار منات نقد به او داد", [("MONEY", "دو هزار منات")]),
    ("به مبلغ سی هزار افغانی", [("MONEY", "سی هزار افغانی")]),
    ("سلّمته ثلاثمئة وخمسين ألف دينار نقداً", [("MONEY", "ثلاثمئة وخمسين ألف دينار")]),
    ("بقيمة وخمسة عشر مليون دينار", [("MONEY", "خمسة عشر مليون دينار")]),
    ("Gave him 900 lari", [("MONEY", "900 lari")]),
    ("مبلغ ۵۰۰ هزار تومان و ۲۰۰ دلار", [("MONEY", "۵۰۰ هزار تومان"), ("MONEY", "۲۰۰ دلار")]),
    ("۱۰ میلیون ریال", [("MONEY", "۱۰ میلیون ریال")]),
    # the Egyptian pound, short forms, and an amount set off by brackets or slashes
    ("الحاج عاطف إدّى كل واحد فينا 5 آلاف جنيه", [("MONEY", "5 آلاف جنيه")]),
    ("سلّم كيساً فيه (١٠) آلاف دولار نقداً", [("MONEY", "(١٠) آلاف دولار")]),
    ("مكافأة البالغة /١٠٠٠٠/ ل.س", [("MONEY", "/١٠٠٠٠/ ل.س")]),
    ("paid EGP 5,000", [("MONEY", "EGP 5,000")]),
    ("پنج لک کلدار نقد پیشکی به آنها داده است", [("MONEY", "پنج لک کلدار")]),  # a lakh of rupees
    ("مبلغ خمسة آلاف دولار", [("MONEY", "خمسة آلاف دولار")]),
    ("200 ألف دينار عراقي", [("MONEY", "200 ألف دينار عراقي")]),
    ("٥٠٠ ريال", [("MONEY", "٥٠٠ ريال")]),
    ("500 IQD and €300", [("MONEY", "500 IQD"), ("MONEY", "€300")]),
    # vehicle plates
    ("پلاک ۱۲ ب ۳۴۵ ایران ۶۷ بود", [("VEHICLE", "۱۲ ب ۳۴۵ ایران ۶۷")]),
    ("خودرو 45 ج 678 - ایران 11", [("VEHICLE", "45 ج 678 - ایران 11")]),
    ("car with plate number 12345 A", [("VEHICLE", "12345 A")]),
    ("سيارة تحمل لوحة رقم بغداد 123456 أ في", [("VEHICLE", "بغداد 123456 أ")]),
    ("a white Toyota with license plate 47-K-2231.", [("VEHICLE", "47-K-2231")]),
    # coordinates
    ("at 33.3152, 44.3661 today", [("COORD", "33.3152, 44.3661")]),
    ("33°18′44″N 44°21′58″E", [("COORD", "33°18′44″N 44°21′58″E")]),
    ("32.61°N, 44.02°E", [("COORD", "32.61°N, 44.02°E")]),
    ("95.1234, 44.3661", []),
    # dates (handed to the dates module when present; plain shapes either way)
    ("on 2014-05-03 we met", [("DATE", "2014-05-03")]),
    ("on 12 May 2014 we met", [("DATE", "12 May 2014")]),
    ("در ۱۲ خرداد ۱۳۹۳", [("DATE", "۱۲ خرداد ۱۳۹۳")]),
    # nothing
    ("", []),
    ("plain words only", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_patterns(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_patterns(text)
    assert [(m.label, m.text) for m in found] == expected
    for match in found:  # offsets are code points into the given text
        assert text[match.start : match.end] == match.text


def test_labels_filter_limits_the_search() -> None:
    text = "call +964 770 123 4567 or mail a@b.org"
    assert [m.label for m in find_patterns(text, frozenset({"EMAIL"}))] == ["EMAIL"]


def test_ascii_digits_folds_persian_and_arabic_indic() -> None:
    assert ascii_digits("۱۲۳ ٤٥٦ 789") == "123 456 789"
