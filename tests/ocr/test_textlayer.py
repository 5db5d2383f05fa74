"""Which PDF text layers are kept, and which pages go to OCR: one line per case."""

import pytest

from kashf.ocr import text_layer_is_usable

PERSIAN = ("افسر اطلاعات با منبع در بغداد دیدار کرد و آنها درباره قرارداد فرودگاه گفتگو کردند. "
           "دیدار بعدی برای هفته آینده برنامه ریزی شد و گزارش آن به تهران فرستاده شد.")
ARABIC = ("التقى السفير بالوزير في بغداد يوم الثلاثاء وناقشا عقد المطار والمعبر الحدودي الجديد "
          "وقد تقرر عقد اجتماع ثان في الأسبوع التالي في العاصمة.")
ENGLISH = "The ambassador met the minister in Baghdad on Tuesday to discuss the airport contract."


def mirrored(text: str) -> str:
    """Visual-order extraction: every word's letters reversed."""
    return " ".join(word[::-1] for word in reversed(text.split()))


TABLE = [
    ("good English", ENGLISH, True),
    ("good Persian", PERSIAN, True),
    ("good Arabic", ARABIC, True),
    ("short page number", "12", True),
    ("empty", "", False),
    ("whitespace only", " \n\t \n", False),
    ("cid soup", "(cid:72)(cid:101)(cid:108)(cid:108)(cid:111) (cid:119)(cid:111)" * 10, False),
    ("glyph names", "/g123/g456/g789 /g101/g112 " * 12, False),
    ("private-use glyphs", "\ue001\ue002\ue003 \ue004\ue005 " * 20, False),
    ("replacement chars", "\ufffd\ufffd \ufffd\ufffd\ufffd " * 20, False),
    ("presentation forms", "ﺍﻓﺴﺮ ﺍﻃﻼﻋﺎﺕ ﺑﺎ ﻣﻨﺒﻊ ﺩﺭ ﺑﻐﺪﺍﺩ ﺩﻳﺪﺍﺭ ﮐﺮﺩ " * 3, False),
    ("mirrored Arabic", mirrored(ARABIC), False),
    ("unjoined Persian letters", " ".join(PERSIAN.replace(" ", "")), False),
    ("spaced-out Latin", " ".join(ENGLISH.replace(" ", "")), False),
    ("mathematics", "Sei X ein topologischer Raum und U offen in X. Dann ist U = R \\ N "
                    "und f : X → Y stetig, wenn x in U und y in V liegen.", True),
    ("a few symbol-font glyphs", ENGLISH + " \uf8eb x \uf8ed " + ENGLISH, True),
    ("maths-font brackets on a long page", (ENGLISH + " \x12 a b \x13 ") * 4, True),
    ("glyph codes in a short mirrored line", " يبيبَح˴ ϲΒϴΒ\x03habibi يبيبَح", False),
]


@pytest.mark.parametrize(("text", "usable"), [(t, u) for _, t, u in TABLE],
                         ids=[name for name, _, _ in TABLE])
def test_text_layer_usability(text, usable):
    assert text_layer_is_usable(text) is usable
