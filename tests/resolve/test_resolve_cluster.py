"""Mentions → entities: conservative grouping, stable ids, user merges and splits, scale."""

from __future__ import annotations

import time

import pytest

from kashf.resolve.cluster import resolve_mentions


def mentions(*rows: tuple) -> list[dict]:
    out = []
    for i, row in enumerate(rows):
        label, text, *rest = row
        mention = {"mention_id": f"m{i}", "document_id": f"d{i % 3}", "label": label, "text": text}
        if rest:
            mention["place"] = rest[0]
        out.append(mention)
    return out


def groups(entities: list[dict]) -> set[frozenset[str]]:
    return {frozenset(e["aliases"]) for e in entities}


SOLEIMANI = [
    ("PER", "سردار قاسم سلیمانی"),
    ("PER", "قاسم سليماني"),
    ("PER", "Qasem Soleimani"),
    ("PER", "Soleimani"),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # one person in three scripts/spellings, plus his surname alone (unique holder)
        (SOLEIMANI, {frozenset(t for _, t in SOLEIMANI)}),
        # same text, different type: never merged
        ([("PER", "Najaf"), ("LOC", "Najaf")], {frozenset({"Najaf"})} | set()),
        # nisba: Mohammad Ali vs Ali Mohammadi stay apart
        ([("PER", "Mohammad Ali"), ("PER", "Ali Mohammadi")],
         {frozenset({"Mohammad Ali"}), frozenset({"Ali Mohammadi"})}),
        # a one-word name shared by two people stays alone
        ([("PER", "Ali Larijani"), ("PER", "Sadegh Larijani"), ("PER", "Larijani")],
         {frozenset({"Ali Larijani"}), frozenset({"Sadegh Larijani"}), frozenset({"Larijani"})}),
        # places merge by gazetteer id even when the names differ
        ([("LOC", "Karbala", {"gazetteer_id": 94824}), ("LOC", "كربلاء", {"gazetteer_id": 94824}),
          ("LOC", "Kerbela", {"gazetteer_id": 94824})],
         {frozenset({"Karbala", "كربلاء", "Kerbela"})}),
        # a city the gazetteer knows stays the city, not the one hotel named after it;
        # the hotel's own one-word name still joins the hotel
        ([("LOC", "Erbil", {"gazetteer_id": 95446}), ("LOC", "ERBIL", {"gazetteer_id": 95446}),
          ("LOC", "Erbil Rotana"), ("LOC", "Rotana")],
         {frozenset({"Erbil", "ERBIL"}), frozenset({"Erbil Rotana", "Rotana"})}),
        # pattern entities merge on their characters
        ([("PHONE", "+964 770 123 4567"), ("PHONE", "00964-770-123-4567"),
          ("PHONE", "+98 912 000 0000")],
         {frozenset({"+964 770 123 4567", "00964-770-123-4567"}), frozenset({"+98 912 000 0000"})}),
        # a well-known organisation in three scripts is one, by the list of organisations
        ([("ORG", "BBC"), ("ORG", "بی‌بی‌سی"), ("ORG", "بي بي سي"), ("ORG", "CNN")],
         {frozenset({"BBC", "بی‌بی‌سی", "بي بي سي"}), frozenset({"CNN"})}),
        # empty text and missing labels are skipped, not errors
        ([("PER", ""), ("", "x")], set()),
    ],
)
def test_grouping(rows: list[tuple], expected: set[frozenset[str]]) -> None:
    entities = resolve_mentions(mentions(*rows))
    if rows == [("PER", "Najaf"), ("LOC", "Najaf")]:
        assert sorted(e["type"] for e in entities) == ["LOC", "PER"]
        return
    assert groups(entities) == expected


def test_entity_shape_and_canonical_name() -> None:
    (entity,) = resolve_mentions(mentions(*SOLEIMANI, ("PER", "Qasem Soleimani")))
    assert entity["type"] == "PER"
    assert entity["name"] == "Qasem Soleimani"  # most used among the longest spellings
    assert sorted(entity["mention_ids"]) == [f"m{i}" for i in range(5)]
    assert 0.5 < entity["score"] <= 1.0
    assert entity["id"].startswith("per-")


def test_ids_are_stable_across_runs_and_order() -> None:
    first = resolve_mentions(mentions(*SOLEIMANI))
    again = resolve_mentions(mentions(*reversed(SOLEIMANI)))
    assert first[0]["id"] == again[0]["id"]


def test_split_keeps_an_alias_apart_and_merge_joins() -> None:
    rows = mentions(*SOLEIMANI, ("PER", "Hajj Qasem"))
    split = resolve_mentions(rows, splits=[("Qasem Soleimani", "Soleimani")])
    assert frozenset({"Soleimani"}) in groups(split)
    joined = resolve_mentions(rows, merges=[("Hajj Qasem", "Qasem Soleimani")])
    assert any({"Hajj Qasem", "Qasem Soleimani"} <= set(e["aliases"]) for e in joined)


def test_merge_by_entity_id() -> None:
    rows = mentions(("PER", "Abu Mahdi al-Muhandis"), ("PER", "Jamal Jaafar Ibrahimi"))
    ids = {e["name"]: e["id"] for e in resolve_mentions(rows)}
    merged = resolve_mentions(rows, merges=[(ids["Abu Mahdi al-Muhandis"], ids["Jamal Jaafar Ibrahimi"])])
    assert len(merged) == 1


def test_merge_with_unknown_reference_changes_nothing() -> None:
    rows = mentions(("PER", "Ali Larijani"), ("PER", "Sadegh Larijani"))
    assert len(resolve_mentions(rows, merges=[("nobody", "Ali Larijani")])) == 2


def test_hundred_thousand_mentions_in_seconds() -> None:
    surnames = ["Soleimani", "Larijani", "Mohammadi", "Hosseini", "Karimi", "Rezaei", "Jafari"]
    firsts = ["Ali", "Reza", "Hassan", "Mahdi", "Qasem", "Hamid", "Saeed", "Majid"]
    rows = []
    for i in range(100_000):
        name = f"{firsts[i % 8]} {surnames[i % 7]}{'' if i % 5 else 'an'} {i % 450}"
        rows.append({"mention_id": str(i), "document_id": str(i // 50), "label": "PER", "text": name})
    started = time.perf_counter()
    entities = resolve_mentions(rows)
    elapsed = time.perf_counter() - started
    assert sum(len(e["mention_ids"]) for e in entities) == 100_000
    assert elapsed < 20, elapsed


def test_a_place_entity_carries_its_gazetteer_record() -> None:
    najaf = {"gazetteer_id": "geonames:98860", "name": "Najaf", "lat": 32.02594, "lon": 44.34625}
    entities = resolve_mentions(mentions(("LOC", "Najaf", najaf), ("LOC", "النجف", najaf),
                                         ("LOC", "Rotana"), ("PER", "Ali Larijani")))
    by_name = {frozenset(e["aliases"]): e for e in entities}
    assert by_name[frozenset({"Najaf", "النجف"})]["place"] == najaf
    assert by_name[frozenset({"Rotana"})]["place"] is None
    assert by_name[frozenset({"Ali Larijani"})]["place"] is None


def test_a_code_name_in_one_document_is_a_person_in_every_document() -> None:
    mentions = [
        {"mention_id": "1", "label": "PER", "text": "دانا", "extractor": "ner-crf+code-name"},
        {"mention_id": "2", "label": "LOC", "text": "دانا", "extractor": "ner-crf",
         "place": {"id": "geonames:174259", "name": "Ad Dānā", "lat": 36.2, "lon": 36.8,
                   "country": "SY", "feature": "city"}},
        {"mention_id": "3", "label": "LOC", "text": "بغداد", "extractor": "ner-crf"},
    ]
    entities = resolve_mentions(mentions)
    dana = [e for e in entities if e["name"] == "دانا"]
    assert len(dana) == 1 and dana[0]["type"] == "PER" and not dana[0].get("place")
    assert sorted(dana[0]["mention_ids"]) == ["1", "2"]
    assert any(e["name"] == "بغداد" and e["type"] == "LOC" for e in entities)
