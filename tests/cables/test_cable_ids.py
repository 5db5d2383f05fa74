"""Canonical cable ids and station codes: tables of raw → canonical."""

from __future__ import annotations

import pytest

from kashf.cables import normalize_cable_id
from kashf.cables.stations import resolve_station, station_of_route

IDS = [
    ("09TEHRAN123", "09TEHRAN123"),  # already canonical
    ("09 TEHRAN 0123", "09TEHRAN123"),  # spaces and a padded serial
    ("09tehran123", "09TEHRAN123"),  # lower case
    ("06BAGHDAD-1552", "06BAGHDAD1552"),
    ("08PORT-AU-PRINCE5", "08PORTAUPRINCE5"),
    ("05PARISFR12", "05UNESCOPARISFR12"),  # the UNESCO mission's short form
    ("07SECSTATE99", "07STATE99"),
    ("08BAGHDAAD77", "08BAGHDAD77"),  # a doubled letter
    ("08BAGDHAD77", "08BAGHDAD77"),  # a transposition
    ("04DAMASUCS10", "04DAMASCUS10"),
    ("06KUALALUMP8", "06KUALALUMPUR8"),  # cut short
    ("03EMBASSYRIYADH4", "03RIYADH4"),
    ("01AMEMBASSYBEIRUT4", "01BEIRUT4"),
    ("05ZZTOPVILLE1", "05ZZTOPVILLE1"),  # an unknown station is kept, never guessed
    ("02SECDEF7", "02SECDEF7"),
    ("14ERBIL245", "14ERBIL245"),  # a post that sent nothing in the 2010 release
    ("not an id", "NOTANID"),
    ("07PAUP3", "07PORTAUPRINCE3"),  # short forms
    ("08BKK23", "08BANGKOK23"),
    ("08HALIF9", "08HALIFAX9"),  # cut short to five letters: one station starts so
    ("03ANKARATU14", "03ANKARA14"),  # a country code appended
    ("09MEXICOCITY12", "09MEXICO12"),  # the place word the id leaves out
    ("10USDOCWASHDC12", "10USDOC12"),
    ("03SECTSTATE12", "03STATE12"),  # a short form typed wrong
    ("09SECTION01OF03SANJOSE525", "09SANJOSE525"),  # banner words the release glued in
    ("07EFTOATHENS123", "07ATHENS123"),
]


@pytest.mark.parametrize("raw,canonical", IDS)
def test_normalize_cable_id(raw, canonical):
    assert normalize_cable_id(raw) == canonical


STATIONS = [
    ("TEHRAN", "TEHRAN", 3),
    ("tel aviv", "TELAVIV", 3),
    ("SECSTATE", "STATE", 2),
    ("USUN NE YORK", "USUNNEWYORK", 1),
    ("RIO DE JAN", "RIODEJANEIRO", 1),
    ("0TTAWA", "OTTAWA", 3),
]


@pytest.mark.parametrize("raw,code,quality", STATIONS)
def test_resolve_station(raw, code, quality):
    resolved = resolve_station(raw)
    assert (resolved.code, resolved.quality) == (code, quality)


@pytest.mark.parametrize("raw", ["", "A", "JULY", "IIR", "UNSCR", "POINTS", "EMAIL"])
def test_words_that_are_not_stations(raw):
    assert resolve_station(raw) is None


def test_routing_indicators():
    assert station_of_route("RUEHTH") == "AMEMBASSY ATHENS"
    assert station_of_route("RUEHGB") == "AMEMBASSY BAGHDAD"
    assert station_of_route("XXXXXX") is None
