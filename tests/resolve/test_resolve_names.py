"""Names across scripts: keys, scores, ranking and query expansion, as tables."""

from __future__ import annotations

import pytest

from kashf.resolve import (
    best_matches,
    expand_query_term,
    match_score,
    name_key,
    name_variants,
    strip_titles,
)
from kashf.resolve.keys import normalize_arabic

SAME_KEY = [
    ("Soleimani", "سلیمانی"),
    ("Suleimani", "سليماني"),
    ("Sulaymani", "Soleimani"),
    ("Qasem Soleimani", "سلیمانی قاسم"),  # token order
    ("سردار قاسم سلیمانی", "Qasem Soleimani"),  # honorific
    ("ابومهدی المهندس", "Abu Mahdi al-Muhandis"),  # joined kunya, article
    ("أبو مهدي المهندس", "Abu Mahdi al-Muhandis"),  # hamza, Arabic yeh
    ("ابی مهدی", "Abu Mahdi"),  # genitive kunya
    ("محمد بن سلمان", "Mohammed ibn Salman"),
    ("فاطمه", "Fatemeh"),
    ("عبدالله", "Abdullah"),
    ("خامنه‌ای", "Khamenei"),  # ZWNJ before the suffix
    ("وحید", "Vahid"),
    ("وليد", "Walid"),
    ("مَحمّد", "Mohammad"),  # diacritics, shadda
    ("مـحـمـد", "Muhammad"),  # tatweel
    ("Dr. Ali Larijani", "علی لاریجانی"),
    ("الشيخ قيس الخزعلي", "Qais al-Khazali"),
]

DIFFERENT_KEY = [
    ("Mohammad", "Mohammadi"),  # the nisba -i is a different person
    ("Ahmad", "Ahmadi"),
    ("Soleimani", "Larijani"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_same_key_across_scripts(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
    assert match_score(a, b) >= 0.9


@pytest.mark.parametrize(("a", "b"), DIFFERENT_KEY)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Soleimani", "Mohammadi", 0.0, 0.5),
        ("Soleimani", "Qasem Soleimani", 0.8, 0.95),  # a part of the name: likely, not certain
        ("Soleimani", "Soleimani", 1.0, 1.0),
        ("", "Soleimani", 0.0, 0.0),
    ],
)
def test_match_score_ranges(a: str, b: str, low: float, high: float) -> None:
    assert low <= match_score(a, b) <= high


def test_match_score_is_symmetric_enough() -> None:
    assert abs(match_score("سليماني", "Suleimani") - match_score("Suleimani", "سليماني")) < 0.05


@pytest.mark.parametrize(
    ("name", "titles", "core"),
    [
        ("سردار قاسم سلیمانی", ["سردار"], "قاسم سلیمانی"),
        ("حجت الاسلام سید حسن نصرالله", ["حجت الاسلام", "سید"], "حسن نصرالله"),
        ("Dr. Ali Larijani", ["Dr"], "Ali Larijani"),
        ("Said Jalili", [], "Said Jalili"),  # Said is a name, not a title
        ("Dr.", [], "Dr."),  # only a title: keep it
    ],
)
def test_strip_titles(name: str, titles: list[str], core: str) -> None:
    got_core, got_titles = strip_titles(name)
    assert got_core == core
    assert [t.rstrip(".") for t in got_titles] == titles


def test_normalize_arabic_folds_letter_variants() -> None:
    assert normalize_arabic("كريمي") == normalize_arabic("کریمی")
    assert normalize_arabic("أحمد") == normalize_arabic("احمد") == normalize_arabic("إحمد")
    assert normalize_arabic("فاطمة") == normalize_arabic("فاطمه")


def test_name_variants_cover_both_letter_forms() -> None:
    variants = name_variants("سید کریمی")
    assert {"سید کریمی", "کریمی", "كريمي"} <= variants


def test_best_matches_ranks_the_right_spelling_first() -> None:
    candidates = ["Larijani", "Soleimani", "Mohammadi", "Salami", "Suleiman", "Khamenei"]
    assert best_matches("سلیمانی", candidates, top=1)[0][0] == "Soleimani"
    assert best_matches("خامنه‌ای", candidates, top=1)[0][0] == "Khamenei"
    top = best_matches("سلیمانی", candidates, top=3)
    assert [s for _, s in top] == sorted((s for _, s in top), reverse=True)


@pytest.mark.parametrize(
    ("top", "min_score", "expected"),
    [(0, 0.0, 0), (2, 0.0, 2), (5, 0.99, 1)],
)
def test_best_matches_limits(top: int, min_score: float, expected: int) -> None:
    got = best_matches("Soleimani", ["Soleimani", "Larijani", "Salami"], top=top, min_score=min_score)
    assert len(got) == expected


def test_best_matches_scales_to_many_candidates() -> None:
    pool = [f"Name{i}" for i in range(3000)] + ["Soleimani"]
    assert best_matches("سليماني", pool, top=1)[0][0] == "Soleimani"


def test_best_matches_empty_inputs() -> None:
    assert best_matches("Soleimani", []) == []
    assert best_matches("Soleimani", ["", "  "]) == []


def test_expand_query_term_reaches_other_scripts() -> None:
    known = ["قاسم سلیمانی", "سليماني", "Larijani", "علی لاریجانی"]
    expanded = expand_query_term("Soleimani", known)
    assert expanded[0] == "Soleimani"
    assert "سليماني" in expanded and "قاسم سلیمانی" in expanded and "سلیمانی" in expanded
    assert "Larijani" not in expanded and "علی لاریجانی" not in expanded


def test_expand_query_term_without_known_names() -> None:
    assert expand_query_term("Soleimani", []) == ["Soleimani"]
