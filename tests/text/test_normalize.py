"""Search normalization: tables of input → expected, plus the offset-map property."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from kashf.text import normalize as normalize_module
from kashf.text.normalize import (
    normalize_for_search,
    normalize_query_text,
    normalize_with_offsets,
    original_span,
)

DATA = Path(
    os.environ.get("KASHF_TEST_DATA", Path(__file__).resolve().parents[2] / "../shared/data")
)
NTREX = DATA / "parallel" / "ntrex128"

ZWNJ = "\u200c"

# (input, expected normalized form)
CASES = [
    ("", ""),
    ("plain ASCII stays AS IS", "plain ASCII stays AS IS"),
    # yeh and kaf
    ("علي", "علی"),
    ("على", "علی"),
    ("كتاب", "کتاب"),
    ("كيف", "کیف"),
    ("ڪتاب", "کتاب"),
    ("مسئول", "مسیول"),
    # heh family
    ("مدرسة", "مدرسه"),
    ("خانۀ ما", "خانه ما"),
    ("خانهٔ ما", "خانه ما"),
    # alef and waw seats, lone hamza
    ("أحمد", "احمد"),
    ("إيران", "ایران"),
    ("آمریکا", "امریکا"),
    ("ٱلله", "الله"),
    ("مؤسسه", "موسسه"),
    ("اجزاء", "اجزا"),
    ("ا\u0653ب", "اب"),  # decomposed madda
    # harakat, superscript alef, Quranic marks, tatweel
    ("كَتَبَ", "کتب"),
    ("كتابٌ", "کتاب"),
    ("هٰذا", "هذا"),
    ("بـــــغداد", "بغداد"),
    ("الْعِرَاق", "العراق"),
    # digits in three systems and Arabic separators
    ("۱۳۹۳", "1393"),
    ("١٤٣٥", "1435"),
    ("2014", "2014"),
    ("۱۲٫۵٪", "12.5%"),
    ("١٬٠٠٠", "1,000"),
    # ZWNJ and its neighbours
    (f"می{ZWNJ}رود", "میرود"),
    ("میرود", "میرود"),
    ("می رود", "میرود"),
    ("می  رود", "میرود"),
    ("نمی رود", "نمیرود"),
    (f"نمی{ZWNJ}رود", "نمیرود"),
    ("او می رود و نمی آید", "او میرود و نمیاید"),
    ("کتاب ها", "کتابها"),
    (f"کتاب{ZWNJ}ها", "کتابها"),
    ("کتاب های من", "کتابهای من"),
    ("کتاب هایی", "کتابهایی"),
    ("کتاب هایشان", "کتابهایشان"),
    ("بزرگ تر", "بزرگتر"),
    ("بزرگ ترین", "بزرگترین"),
    ("بزرگ تر ها", "بزرگترها"),
    (f"رأی{ZWNJ}دهندگان", "رایدهندگان"),
    # joins that must not happen
    ("می\nرود", "می\nرود"),  # a line break is a real boundary
    ("سامی رود", "سامی رود"),  # «می» inside a word is no prefix
    ("می 5", "می 5"),
    ("کتاب هادی", "کتاب هادی"),  # «هادی» is a word, not the suffix
    ("کتاب ترکی", "کتاب ترکی"),
    ("book ها", "book ها"),  # the suffix joins Arabic-script words only
    ("في أي وقت", "فی ای وقت"),  # «أي» stays a word
    # invisible controls
    ("\u200fبغداد\u200e", "بغداد"),
    ("\u202bبغداد\u202c", "بغداد"),
    ("\ufeffبغداد", "بغداد"),
    ("ب\u200bغداد", "بغداد"),
    ("ب\u00adغداد", "بغداد"),
    # presentation forms from old PDFs
    ("ﺑﻐﺪاد", "بغداد"),
    ("ﻻ", "لا"),
    ("ﷲ", "الله"),
    # mixed scripts
    ("Tehran تهران ۱۳۹۳ Embassy", "Tehran تهران 1393 Embassy"),
    ("E-mail: a@b.ir – «سفارت»", "E-mail: a@b.ir – «سفارت»"),
    ("emoji \U0001f600 ی", "emoji \U0001f600 ی"),
    ("“Curly” quotes – dashes — and ¶ 1. stay", "“Curly” quotes – dashes — and ¶ 1. stay"),
    ("Ünïcödé Latin, Кириллица, 中文", "Ünïcödé Latin, Кириллица, 中文"),
    # all Latin-1 (the quick check): untouched, but for a soft hyphen
    ("Café ¶ 1. «Zürich» naïve", "Café ¶ 1. «Zürich» naïve"),
    ("Café ¶ 1. co\u00adoperation", "Café ¶ 1. cooperation"),
    # Kurdish / Pashto / Urdu letters are kept
    ("ڕۆژ ڵ ێ ې ښ ډ ے", "ڕۆژ ڵ ێ ې ښ ډ ے"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize_for_search(text: str, expected: str) -> None:
    assert normalize_for_search(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_offsets_agree_and_point_home(text: str, expected: str) -> None:
    normalized, offsets = normalize_with_offsets(text)
    assert normalized == expected
    _check_offsets(text, normalized, offsets)


@pytest.mark.parametrize(
    "variants",
    [
        (f"می{ZWNJ}رود", "میرود", "می رود", "مي\u200cرود"),
        ("كتاب ها", "کتاب‌ها", "کتابها", "كتابها"),
        ("الكتاب", "الكِتَاب", "الـكـتـاب"),
        ("۲۰۱۴", "٢٠١٤", "2014"),
        ("إيران", "ايران", "ایران", "أيران"),
    ],
)
def test_variants_meet(variants: tuple[str, ...]) -> None:
    assert len({normalize_for_search(v) for v in variants}) == 1


def _check_offsets(text: str, normalized: str, offsets: list[int]) -> None:
    assert len(offsets) == len(normalized) + 1
    assert offsets[-1] == len(text)
    assert offsets == sorted(offsets)
    for index, char in enumerate(normalized):
        source = text[offsets[index]]
        replacement = normalize_module._TABLE.get(ord(source), source)
        assert char in (replacement or source) or char == source


def _random_text(rng: random.Random, length: int) -> str:
    alphabet = [chr(code) for code in normalize_module._TABLE]
    alphabet += list("abc XYZ 09 میها ترین ن\n\t") + [
        " می ",
        " ها",
        " تر",
        "\U0001f600",
        "\ud800",
        "\x00",
    ]
    return "".join(rng.choice(alphabet) for _ in range(length))


def test_offsets_on_random_mixed_text() -> None:
    rng = random.Random(20260101)
    for _ in range(400):
        # Both sides of the numpy threshold, so both fold paths are checked.
        text = _random_text(rng, rng.randint(0, 700))
        normalized, offsets = normalize_with_offsets(text)
        assert normalized == normalize_for_search(text)
        assert normalized == normalize_module._join(text.translate(normalize_module._TABLE))
        _check_offsets(text, normalized, offsets)


def test_numpy_and_python_paths_agree_on_long_text() -> None:
    rng = random.Random(7)
    text = _random_text(rng, 5000)
    assert len(text) >= normalize_module._NUMPY_MIN_LENGTH
    python = normalize_module._join(text.translate(normalize_module._TABLE))
    assert normalize_for_search(text) == python


def test_chunked_fold_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long texts are folded in chunks; results and offsets must not notice the seams."""
    monkeypatch.setattr(normalize_module, "_NUMPY_CHUNK", 1000)
    rng = random.Random(11)
    for _ in range(50):
        text = _random_text(rng, rng.randint(900, 5000))
        normalized, offsets = normalize_with_offsets(text)
        assert normalized == normalize_for_search(text)
        assert normalized == normalize_module._join(text.translate(normalize_module._TABLE))
        _check_offsets(text, normalized, offsets)


def test_huge_string() -> None:
    unit = f"Embassy Tehran سفارت در تهران می{ZWNJ}گوید كه ۱۳۹۳ كتاب ها بزرگ تر. "
    text = unit * 20_000  # about 1.3 MB
    normalized = normalize_for_search(text)
    assert normalized == normalize_for_search(unit) * 20_000
    assert "میگوید" in normalized and "کتابها" in normalized and "\u200c" not in normalized
    result, offsets = normalize_with_offsets(text)
    assert result == normalized and offsets[-1] == len(text)


@pytest.mark.parametrize(
    ("text", "needle", "expected_original"),
    [
        (f"او می{ZWNJ}رود.", "میرود", f"می{ZWNJ}رود"),
        ("او می رود.", "میرود", "می رود"),
        ("هذا كتابٌ جديد", "کتاب", "كتابٌ"),
        ("في بـغـداد اليوم", "بغداد", "بـغـداد"),
        ("سال ۱۳۹۳ بود", "1393", "۱۳۹۳"),
        ("شعار ﻻ", "لا", "ﻻ"),
        ("Embassy Tehran", "Tehran", "Tehran"),
    ],
)
def test_original_span_highlights_the_written_word(
    text: str, needle: str, expected_original: str
) -> None:
    normalized, offsets = normalize_with_offsets(text)
    start = normalized.index(needle)
    begin, end = original_span(text, offsets, start, start + len(needle))
    assert text[begin:end] == expected_original


def test_original_span_of_empty_hit() -> None:
    text = "کتاب"
    _, offsets = normalize_with_offsets(text)
    assert original_span(text, offsets, 2, 2) == (2, 2)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ""),
        ('lang:fa AND "Tehran embassy" OR x* NOT y', 'lang:fa AND "Tehran embassy" OR x* NOT y'),
        ("lang:fa مي‌رود", "lang:fa میرود"),
        ('"می رود"', '"میرود"'),
        ("«می رود»", '"میرود"'),
        ("\u201cكتاب\u201d", '"کتاب"'),
        ("تهر٭", "تهر*"),
        ("year:۱۳۹۳", "year:1393"),
        ("می AND رود", "می AND رود"),  # no join across an operator
        ('"می" رود', '"می" رود'),  # nor across a quote
        ("کتاب ها*", "کتابها*"),
    ],
)
def test_normalize_query_text(query: str, expected: str) -> None:
    assert normalize_query_text(query) == expected


def test_ntrex_persian_and_dari_meet() -> None:
    """Real text: Dari spacing («صندوق های», «میروند») meets Persian ZWNJ spelling."""
    if not NTREX.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"test data missing on CI: {NTREX}")
        pytest.skip(f"test data not found at {NTREX}")
    persian = (NTREX / "newstest2019-ref.fas.txt").read_text(encoding="utf-8").splitlines()[0]
    dari = (NTREX / "newstest2019-ref.prs.txt").read_text(encoding="utf-8").splitlines()[0]
    persian_tokens = set(normalize_for_search(persian).split())
    dari_tokens = set(normalize_for_search(dari).split())
    assert "میروند" in persian_tokens and "میروند" in dari_tokens
    assert "صندوقهای" in dari_tokens


def test_speed_floor() -> None:
    """The hot path must keep up with ingest: ≥ 20 MB/s on mixed text (measured 30-45).

    Timed in CPU seconds of this process, best of five, so that other jobs on a
    shared machine do not fail it.
    """
    unit = (
        "UNCLASSIFIED TEHRAN 000123 SUBJECT: meeting in Baghdad. "
        f"سفارت در تهران می{ZWNJ}گوید كه در سال ۱۳۹۳ كتاب ها را خواندند. "
        "قالت الوزارة إن الاجتماع سيُعقد في بغداد يوم ٢٣ أيلول. "
    )
    text = unit * 8000  # ~1.6 MB
    size = len(text.encode("utf-8")) / 1e6
    normalize_for_search(text)  # build the tables outside the timing
    best = min(_cpu_seconds(normalize_for_search, text) for _ in range(5))
    assert size / best >= 20, f"{size / best:.1f} MB/s"


def _cpu_seconds(function, text: str) -> float:
    start = time.process_time()
    function(text)
    return max(time.process_time() - start, 1e-9)


def report() -> None:
    """Print normalization throughput (MB of UTF-8 per CPU-second) on real text."""
    ntrex = {
        code: (NTREX / name).read_text(encoding="utf-8")
        for code, name in (
            ("fa", "newstest2019-ref.fas.txt"),
            ("ar", "newstest2019-ref.arb.txt"),
            ("en", "newstest2019-src.eng.txt"),
        )
    }
    mixed = "\n".join(
        "\n".join(lines)
        for lines in zip(*(ntrex[c].splitlines() for c in ("fa", "ar", "en")), strict=True)
    )
    cables = (DATA / "cables" / "cablegate-2010.jsonl").read_text(encoding="utf-8")
    samples = {**ntrex, "fa+ar+en interleaved": mixed, "cablegate jsonl": cables}
    print(
        "| text | MB | normalize_for_search MB/s | normalize_with_offsets MB/s | str.translate peer MB/s |"
    )
    print("|---|---|---|---|---|")
    for name, text in samples.items():
        size = len(text.encode("utf-8")) / 1e6
        rates = []
        for function in (
            normalize_for_search,
            normalize_with_offsets,
            lambda t: t.translate(normalize_module._TABLE),
        ):
            function(text)
            rates.append(size / min(_cpu_seconds(function, text) for _ in range(3)))
        print(f"| {name} | {size:.2f} | {rates[0]:.0f} | {rates[1]:.0f} | {rates[2]:.0f} |")


if __name__ == "__main__":
    report()
