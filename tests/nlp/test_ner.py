"""Names, the full extract_entities contract, and the entities stage."""

from __future__ import annotations

import pytest

from kashf.nlp import extract_entities
from kashf.nlp.entities_stage import entities
from kashf.nlp.ner.corpus import spans_of
from kashf.nlp.ner.extract import LABELS, guess_language
from kashf.nlp.ner.tagger import model_for, sentences, tag_names
from kashf.nlp.ner.tokens import tokenize
from kashf.stages import REGISTRY, PageSpan, StageInput

# text, language, (label, text) pairs that must be among the names found
NAMES = [
    ("التقى السيد حسن نصرالله في بيروت مع وفد من العراق.", "ar",
     [("PER", "حسن نصرالله"), ("LOC", "بيروت"), ("LOC", "العراق")]),
    ("وصل رئيس الوزراء العراقي نوري المالكي إلى طهران أمس.", "ar",
     [("PER", "نوري المالكي"), ("LOC", "طهران")]),
    ("أعلنت وزارة الخارجية الإيرانية أن الوفد سيزور دمشق.", "ar", [("LOC", "دمشق")]),
    ("سردار قاسم سلیمانی در نجف بود.", "fa", [("PER", "قاسم سلیمانی"), ("LOC", "نجف")]),
    ("General Qassem Soleimani met officials in Baghdad.", "en",
     [("PER", "Qassem Soleimani"), ("LOC", "Baghdad")]),
]


@pytest.mark.parametrize(("text", "language", "expected"), NAMES)
def test_tag_names_finds(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    found = {(n.label, text[n.start : n.end]) for n in tag_names(text, language)}
    assert set(expected) <= found


def test_titles_stay_outside_the_name() -> None:
    text = "آقای ابومهدی المهندس را دیدم."
    found = [text[n.start : n.end] for n in tag_names(text, "fa") if n.label == "PER"]
    assert found and not any(name.startswith("آقای") for name in found)


def test_function_words_after_a_title_are_not_names() -> None:
    text = "المهندس در جلسه بود."
    assert not [n for n in tag_names(text, "fa") if text[n.start : n.end] == "در"]


def test_surname_alone_is_the_same_person_later_in_the_document() -> None:
    text = "General Qassem Soleimani arrived. Later Soleimani left."
    found = [(n.label, text[n.start : n.end]) for n in tag_names(text, "en")]
    assert ("PER", "Soleimani") in found


def test_arabic_model_is_shipped_and_persian_has_one_to_use() -> None:
    assert model_for("ar") is not None
    assert model_for("fa") is not None
    assert model_for("xx") is None


def test_sentences_split_at_stops_and_lines() -> None:
    text = "One two. Three\nfour"
    assert sentences(text, tokenize(text)) == [(0, 3), (3, 4), (4, 5)]


@pytest.mark.parametrize(("tags", "spans"), [
    (["B-PER", "I-PER", "O", "B-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
    (["I-ORG", "I-ORG", "B-ORG"], {(0, 2, "ORG"), (2, 3, "ORG")}),
    (["O", "O"], set()),
])
def test_spans_of(tags: list[str], spans: set[tuple[int, int, str]]) -> None:
    assert spans_of(tags) == spans


@pytest.mark.parametrize(("text", "language"), [
    ("The meeting took place in Baghdad.", "en"),
    ("جلسه در بغداد برگزار شد و گزارش آن ارسال گردید.", "fa"),
    ("عقد الاجتماع في بغداد وتم إرسال التقرير.", "ar"),
    ("12345 --", None),
])
def test_guess_language(text: str, language: str | None) -> None:
    assert guess_language(text) == language


def test_extract_entities_contract() -> None:
    text = ("سردار قاسم سلیمانی در نجف با شماره ۰۹۱۲۳۴۵۶۷۸۹ تماس گرفت.\n\n"
            "He met Nouri al-Maliki in Baghdad and paid $5,000.")
    found = extract_entities(text)
    assert found == sorted(found, key=lambda m: (m["start"], m["end"]))
    for mention in found:
        assert {"start", "end", "label", "text", "confidence", "extractor", "version"} <= set(mention)
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert mention["label"] in LABELS
        assert 0.0 <= mention["confidence"] <= 1.0
    labels = {(m["label"], m["text"]) for m in found}
    assert {("PHONE", "۰۹۱۲۳۴۵۶۷۸۹"), ("MONEY", "$5,000"), ("LOC", "Baghdad")} <= labels
    places = {m["text"]: m["place"] for m in found if "place" in m}
    assert places["نجف"]["gazetteer_id"] == "geonames:98860"
    assert places["Baghdad"]["country"] == "IQ"


def test_patterns_win_over_names() -> None:
    text = "Write to Baghdad.office@example.org today."
    found = extract_entities(text, "en")
    assert [(m["label"], m["text"]) for m in found] == [("EMAIL", "Baghdad.office@example.org")]


def test_empty_text_has_no_entities() -> None:
    assert extract_entities("") == []
    assert extract_entities("   \n\n ") == []


def _stage_input(text: str, paragraphs: list[dict]) -> StageInput:
    middle = len(text) // 2
    return StageInput(document_id="doc", path="a.txt", mime="text/plain", text=text,
                      pages=(PageSpan(1, 0, middle), PageSpan(2, middle, len(text))),
                      results={"language": {"paragraphs": paragraphs}})


def test_stage_uses_paragraph_languages_and_pages() -> None:
    fa = "سردار قاسم سلیمانی در نجف بود."
    en = "He met officials in Baghdad."
    text = fa + "\n\n" + en
    paragraphs = [{"start": 0, "end": len(fa), "language": "fa", "score": 0.99},
                  {"start": len(fa) + 2, "end": len(text), "language": "en", "score": 0.99}]
    result = entities(_stage_input(text, paragraphs))
    mentions = result["mentions"]
    najaf = next(m for m in mentions if m["text"] == "نجف")
    baghdad = next(m for m in mentions if m["text"] == "Baghdad")
    assert najaf["page"] == 1 and baghdad["page"] == 2
    assert "ner-fa" in najaf["version"] or "ner-ar" in najaf["version"]


def test_stage_is_registered_with_its_dependency() -> None:
    registered = REGISTRY["entities"]
    assert registered.version == 1 and registered.depends == ("language",)


def test_stage_survives_unknown_languages_and_empty_text() -> None:
    assert entities(_stage_input("", []))["mentions"] == []
    text = "Meeting in Baghdad."
    odd = [{"start": 0, "end": len(text), "language": "und", "score": 0.1}]
    mentions = entities(_stage_input(text, odd))["mentions"]
    assert ("LOC", "Baghdad") in {(m["label"], m["text"]) for m in mentions}
