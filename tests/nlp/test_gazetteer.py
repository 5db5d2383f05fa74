"""The gazetteer: names in every script find the place; context picks among namesakes."""

from __future__ import annotations

import pytest

from kashf.nlp.gazetteer import Gazetteer, Place, default_gazetteer
from kashf.nlp.ner.tokens import fold, place_key, strip_clitics

LINKS = [
    ("Najaf", "geonames:98860"),
    ("النجف", "geonames:98860"),
    ("نجف", "geonames:98860"),
    ("Karbala", "geonames:94824"),
    ("كربلاء", "geonames:94824"),
    ("کربلا", "geonames:94824"),
    ("بغداد", "geonames:98182"),
    ("Baghdad", "geonames:98182"),
    ("Basra", "geonames:99532"),
    ("البصرة", "geonames:99532"),
    ("تهران", "geonames:112931"),
    ("طهران", "geonames:112931"),
    ("العراق", "iso3166:IQ"),
    ("ایران", "iso3166:IR"),
    ("United States", "iso3166:US"),
    ("حرم امام حسین", "kashf:imam-hussein-shrine"),
    ("مرقد الإمام علي", "kashf:imam-ali-shrine"),
    ("Incirlik Air Base", "kashf:incirlik-air-base"),
    ("عين الأسد", "kashf:ain-al-asad-air-base"),
    ("مرز شلمچه", "kashf:shalamcheh-crossing"),
    ("منفذ زرباطية", "kashf:mehran-zurbatiyah-crossing"),
    ("مول المنصور", "kashf:mansour-mall"),
    ("Shorja", "kashf:shorja-market"),  # not the Armenian village GeoNames also calls Shorja
    ("سوق الشورجة", "kashf:shorja-market"),
    ("فرودگاه بغداد", "kashf:baghdad-airport"),
    ("مرز دوغارون", "kashf:dogharoun-crossing"),
    ("اسلام‌قلعه", "kashf:dogharoun-crossing"),
    ("Kapikoy", "kashf:razi-crossing"),
    ("معبر نصيب", "kashf:nasib-jaber-crossing"),
    ("قاعدة التنف", "kashf:al-tanf-base"),
]


@pytest.mark.parametrize("word", ["نصيب", "جابر", "إبراهيم الخليل", "رازی"])
def test_a_crossing_whose_name_is_an_everyday_word_needs_its_kind(word: str) -> None:
    assert not any(p.id.endswith("-crossing") for p in default_gazetteer().candidates(word))


def test_a_crossing_without_coordinates_is_still_a_place() -> None:
    place = default_gazetteer().link(["کوهک"])[0]
    assert place is not None and place.feature == "border_crossing" and place.lat is None


@pytest.mark.parametrize(("name", "expected"), LINKS)
def test_link_by_any_script(name: str, expected: str) -> None:
    place = default_gazetteer().link([name])[0]
    assert place is not None and place.id == expected


def test_unknown_name_links_to_nothing() -> None:
    assert default_gazetteer().link(["Xqzzyville"]) == [None]


def test_linked_place_has_coordinates_and_country() -> None:
    place = default_gazetteer().link(["Najaf"])[0]
    assert place is not None
    shape = place.as_dict()
    assert shape["country"] == "IQ" and shape["feature"] == "city"
    assert abs(shape["lat"] - 32.0) < 0.1 and abs(shape["lon"] - 44.3) < 0.1


def _toy() -> Gazetteer:
    # Two towns called Zarin: a big one in Iran, a small one in Syria.
    return Gazetteer([
        (Place("t:1", "Zarin", 1.0, 1.0, "IR", "city", 90_000), []),
        (Place("t:2", "Zarin", 2.0, 2.0, "SY", "city", 2_000), []),
        (Place("t:3", "Homs", 3.0, 3.0, "SY", "city", 700_000), []),
        (Place("t:4", "Syria", None, None, "SY", "country", 1), ["سوريا"]),
    ])


def test_population_decides_without_context() -> None:
    assert _toy().link(["Zarin"])[0].id == "t:1"


def test_document_context_decides_among_namesakes() -> None:
    # A document that names Syria and Homs means the Syrian Zarin.
    assert [p.id for p in _toy().link(["سوريا", "Homs", "Zarin"])] == ["t:4", "t:3", "t:2"]


FOLDS = [
    ("كربلاء", "كربلا"), ("کربلا", "كربلا"), ("آقای", "اقاي"), ("مُحَمَّد", "محمد"),
    ("می‌رود", "ميرود"), ("۱۲۳", "123"), ("Şırnak", "sırnak"),
]


@pytest.mark.parametrize(("word", "folded"), FOLDS)
def test_fold(word: str, folded: str) -> None:
    assert fold(word) == folded


@pytest.mark.parametrize(("word", "stem"), [
    ("والعراق", "عراق"), ("بالنجف", "نجف"), ("للعراق", "عراق"), ("وبغداد", "بغداد"), ("ولي", "ولي"),
])
def test_strip_clitics(word: str, stem: str) -> None:
    assert strip_clitics(fold(word)) == stem


@pytest.mark.parametrize(("name", "key"), [
    ("Al Muharraq", "muharraq"), ("al-Najaf", "najaf"), ("النجف", "نجف"), ("An Najaf", "najaf"),
])
def test_place_key(name: str, key: str) -> None:
    assert place_key(name) == key


def test_babil_is_iraqs_province_among_iraqi_places_and_babol_among_iranian_ones() -> None:
    gazetteer = default_gazetteer()
    iraqi = gazetteer.link(["کربلا", "بغداد", "بابل"])[-1]
    iranian = gazetteer.link(["ساری", "بابل", "تهران"])[1]
    assert (iraqi.country, iraqi.feature) == ("IQ", "province")
    assert iranian.country == "IR" and iranian.name == "Bābol"


def test_world_capitals_are_places_in_persian_and_arabic() -> None:
    from kashf.nlp.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    for name in ("مسکو", "موسكو", "برلین", "Moscow"):
        assert any(p.name == "Moscow" or p.name == "Berlin" for p in gazetteer.candidates(name))
    # a world city's alias that is a common word, or the region's own place, is left out
    assert not any(p.country == "ID" for p in gazetteer.candidates("میدان"))
    assert all(p.country == "IR" for p in gazetteer.candidates("آبادان"))


def test_a_shadda_tells_amman_from_oman() -> None:
    amman, oman = default_gazetteer().link(["عمّان", "عُمان"])
    assert amman is not None and amman.country == "JO" and amman.feature != "country"
    assert oman is not None and oman.feature == "country"
