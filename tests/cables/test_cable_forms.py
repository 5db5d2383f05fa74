"""Persian report forms and Arabic letters: fictional headers written for these tests."""

from __future__ import annotations

import pytest

from kashf.cables import parse_cable
from kashf.cables.forms import english_level

PERSIAN_STANDARD = """بسمه تعالی

شماره: ۴۱/۱۲۳۴
تاریخ: ۱۳۹۳/۰۷/۲۰
طبقه‌بندی: سری
از: نمایندگی بصره
به: اداره ۴۱
موضوع: دیدار با منبع در بازار
پیرو: ۴۱/۱۲۰۰ مورخ ۱۳۹۳/۰۶/۱۰
پیوست: ندارد

۱- دیدار در ساعت ۱۶ انجام شد.

۲- منبع اطلاعات تازه‌ای داد.

علی
"""

# The same report typed on an Arabic keyboard (ي، ك), without ZWNJ, fields in another order,
# two to a line, Arabic-Indic digits and a month name.
PERSIAN_ARABIC_KEYBOARD = """موضوع: گزارش ملاقات با منبع
شماره: ٤١/١٢٣٥     تاريخ: ٢١ مهر ١٣٩٣
از: نمايندگي بصره    به: اداره ٤١
طبقه بندي: خيلي محرمانه
پيرو: ٤١/١٢٣٤

متن گزارش در اينجا.
"""

PERSIAN_LATIN_DIGITS = """تاریخ: 1393/7/22
شماره: 41/1236
موضوع: پرداخت ماهانه
به: اداره 41
"""

PERSIAN_SHORT_YEAR = """شماره: ۴۱/۱۲۳۷
تاریخ: ۹۳/۷/۲۳
موضوع: پیگیری
"""

PERSIAN_MONTH_ONLY = """شماره: ۴۱/۱۲۳۸
تاریخ: مهر ۱۳۹۳
موضوع: گزارش ماهانه
"""


def _json(text: str) -> dict:
    cable = parse_cable(text)
    assert cable is not None
    return cable.to_json()


# A PDF's text layer in visual order: numbers with the slash first, mirrored guillemets.
PERSIAN_VISUAL_ORDER = """شماره: / ۲۶۱۰ ۴۱
تاریخ: ۱ مهر ۱۳۹۳
طبقه‌بندی: به کلی سری
از: اداره ۴۱
به: نمایندگی بغداد
پیرو: / ۲۵۳۳ ،۴۱ / ۲۵۶۱ ۴۱ و / ۲۵۸۱ ۴۱
موضوع: ارزیابی منبع »دانا«
"""

FORMS = [
    (PERSIAN_STANDARD, {
        "format": "persian_report", "reference_id": "41/1234", "date": "2014-10-12",
        "date_calendar": "solar_hijri", "date_precision": "day", "date_text": "۱۳۹۳/۰۷/۲۰",
        "classification": "سری", "origin": "نمایندگی بصره", "to": ["اداره ۴۱"],
        "subject": "دیدار با منبع در بازار", "references": ["41/1200"], "signers": ["علی"]}),
    (PERSIAN_ARABIC_KEYBOARD, {
        "format": "persian_report", "reference_id": "41/1235", "date": "2014-10-13",
        "date_text": "٢١ مهر ١٣٩٣", "classification": "خیلی محرمانه",
        "origin": "نمايندگي بصره", "to": ["اداره ٤١"], "subject": "گزارش ملاقات با منبع",
        "references": ["41/1234"]}),
    (PERSIAN_LATIN_DIGITS, {
        "reference_id": "41/1236", "date": "2014-10-14", "date_calendar": "solar_hijri",
        "to": ["اداره 41"], "subject": "پرداخت ماهانه"}),
    (PERSIAN_SHORT_YEAR, {"reference_id": "41/1237", "date": "2014-10-15"}),
    (PERSIAN_MONTH_ONLY, {"date": "2014-09-23", "date_end": "2014-10-22",
                          "date_precision": "month"}),
    (PERSIAN_VISUAL_ORDER, {"reference_id": "41/2610", "date": "2014-09-23",
                            "references": ["41/2533", "41/2561", "41/2581"],
                            "subject": "ارزیابی منبع «دانا»"}),
]


@pytest.mark.parametrize("text,expected", FORMS)
def test_persian_report_forms(text, expected):
    record = _json(text)
    assert {key: record[key] for key in expected} == expected


def test_persian_report_paragraphs_are_numbered_in_persian_digits():
    record = _json(PERSIAN_STANDARD)
    numbers = [p["number"] for p in record["paragraphs"]]
    assert numbers == ["1", "2"]
    first = record["paragraphs"][0]
    assert PERSIAN_STANDARD[first["start"]:first["end"]].startswith("۱- دیدار")


ARABIC_LETTER = """جمهورية العراق
وزارة الداخلية
مديرية الشؤون الإدارية

الرقم: ق/٥٥٢
التاريخ: ١٥ ذو الحجة ١٤٣٥ هـ
درجة السرية: سري للغاية

إلى / مديرية الجوازات العامة
م / تدقيق أسماء

إشارة إلى كتابكم المرقم (ج/٤٤) في ١٠ ذو الحجة ١٤٣٥، نرفق طيه القوائم.

مع التقدير.

العميد
سامي عبد الله
المدير العام

نسخة منه إلى:
- مكتب الوزير
"""


def test_arabic_letter():
    record = _json(ARABIC_LETTER)
    assert record["format"] == "arabic_letter"
    assert record["reference_id"] == "ق/552"
    assert (record["date"], record["date_calendar"]) == ("2014-10-09", "lunar_hijri")
    assert record["classification"] == "سری للغایة" or record["classification"].startswith("سر")
    assert record["to"] == ["مديرية الجوازات العامة"]
    assert record["subject"] == "تدقيق أسماء"
    assert record["origin"] == "مديرية الشؤون الإدارية"  # the letterhead's last line
    assert record["references"] == ["ج/44"]
    assert record["signers"] == ["سامي عبد الله"]


ARABIC_WITH_COLONS = """الرقم: 7/2015
التاريخ: 12/10/2014
من: السفارة
إلى: وزارة الخارجية
الموضوع: طلب تأشيرة
"""


def test_arabic_letter_with_colons_and_a_day_first_gregorian_date():
    record = _json(ARABIC_WITH_COLONS)
    assert record["format"] == "arabic_letter"
    assert record["origin"] == "السفارة"
    assert (record["date"], record["date_calendar"]) == ("2014-10-12", "gregorian")


NOT_FORMS = [
    "رئیس‌جمهور امروز در تهران گفت که مذاکرات ادامه دارد. به گزارش خبرگزاری، موضوع مذاکرات هسته‌ای است.",
    "قال الوزير اليوم إن المباحثات مستمرة. وأضاف أن الموضوع يتعلق بالحدود.",
    "موضوع: سلام\nمتن کوتاه بدون شماره و تاریخ",  # one label only
    "name,phone,city\nعلی,0912,تهران\nحسن,0935,قم\n",
]


@pytest.mark.parametrize("text", NOT_FORMS)
def test_ordinary_text_is_not_a_form(text):
    assert parse_cable(text) is None


@pytest.mark.parametrize("written,level", [
    ("سری", "SECRET"), ("به کلی سری", "TOP SECRET"), ("سري وشخصي", "SECRET"),
    ("خيلي محرمانه", "CONFIDENTIAL"), ("کتوم", "CONFIDENTIAL"), ("فوری", None), (None, None),
])
def test_english_level(written, level):
    assert english_level(written) == level
