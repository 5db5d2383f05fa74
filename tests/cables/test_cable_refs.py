"""The REF block: which cables a cable cites. Inputs written for these tests."""

from __future__ import annotations

import pytest

from kashf.cables import parse_references
from kashf.cables.references import find_reference_block, parse_inline_references

REFS = [
    ("REF: TEHRAN 1234", 1978, ["78TEHRAN1234"]),
    ("REF: A. BAGHDAD 100 B. 08 BAGHDAD 2200 C. STATE 12345", 2009,
     ["09BAGHDAD100", "08BAGHDAD2200", "09STATE12345"]),
    ("REFS: (A) 2006 DAMASCUS 0450, (B) BEIRUT 77 (05)", 2007,
     ["06DAMASCUS450", "05BEIRUT77"]),
    ("REF: KUWAIT 300 AND 301", 2003, ["03KUWAIT300", "03KUWAIT301"]),
    ("REF: SECSTATE 5000; USUN NEW YORK 44", 2004, ["04STATE5000", "04USUNNEWYORK44"]),
    ("REF: A) 09-ANKARA-88 B) '08 RIYADH 12", 2010, ["09ANKARA88", "08RIYADH12"]),
    ("REF: A. IIR 6 832 0617 08 B. EMAIL OF 10/12/08 C. UNSCR 1737", 2009, []),
    ("REF: A. MANAMA 10\n\n     B. MANAMA 20\n\n1. (C) Summary: MANAMA 30 is body text", 2008,
     ["08MANAMA10", "08MANAMA20"]),
    ("SUBJECT: GULF VISIT\nREF: STATE 77 Classified By: Ambassador X. STATE 88", 2005,
     ["05STATE77"]),
    ("REF: MUSCAT 00000123 001.2 OF 003 MUSCAT 55", 2006, ["06MUSCAT55"]),  # a page banner
    ("REF: A. STATE 1\n CONFIDENTIAL\nPAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 98", 2002,
     ["02STATE1", "02ROME98"]),  # the older page banner
    ("REF: TEHRAN 1234", None, ["TEHRAN1234"]),  # no year known: station and serial only
    ("SUBJECT: NOTHING CITED\n\n1. (U) Text.", 2009, []),
]


@pytest.mark.parametrize("text,year,expected", REFS)
def test_parse_references(text, year, expected):
    assert parse_references(text, year) == expected


def test_reference_block_stops_at_first_paragraph():
    block = find_reference_block("REF: A. CAIRO 1\n\n1. (S) CAIRO 2 was discussed.")
    assert "CAIRO 1" in block and "CAIRO 2" not in block


def test_inline_references_in_the_body():
    text = "2. (C) As reported (ref 14 BAGHDAD 1321), the badges (see reftel: ERBIL 245) lapsed."
    assert parse_inline_references(text, 2014) == ["14BAGHDAD1321", "14ERBIL245"]
    assert parse_inline_references("(reference to nothing)", 2014) == []
