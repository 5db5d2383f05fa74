"""Header fields of US cables: tables of text written for these tests → value."""

from __future__ import annotations

import pytest

from kashf.cables.fields import (
    parse_declassify_on,
    parse_subject,
    parse_summary,
    parse_tags,
)
from kashf.cables.persons import parse_classified_by, parse_signers
from kashf.cables.titles import title_case

TAGS = [
    ("TAGS: PREL PGOV IR IZ", ["PREL", "PGOV", "IR", "IZ"]),
    ("TAGS PREL, PGOV,\nIR, IZ\nSUBJECT: X", ["PREL", "PGOV", "IR", "IZ"]),  # wrapped after a comma
    ("Tags: prel, pgov, ir", ["PREL", "PGOV", "IR"]),
    ("TAGS: PREL PREL PGOV", ["PREL", "PGOV"]),  # once each
    ("TAGS: PHUMIR", ["PHUM", "IR"]),  # glued tag and country
    ("TAGS: OVIP KERRY JOHN PREL", ["OVIP", "KERRY, JOHN", "PREL"]),  # a person tag
    ("TAGS: PGOV, IRANIAN NUCLEAR PROGRAM", ["PGOV", "IRANIAN NUCLEAR PROGRAM"]),
    ("TAGS: PREL\nsomething else\nSUBJECT: X", ["PREL"]),  # the next line is not tags
    ("TAGS: PREL IZ    SECRET   PAGE 02   BAGHDAD  01234  101010Z PREL", ["PREL", "IZ"]),
    ("SUBJECT: NO TAGS HERE", []),
    # A run of subject words splits before the modifiers of a head noun (AFFAIRS, RIGHTS).
    ("TAGS: PREL KPAL WEST BANK PALESTINIAN AFFAIRS", ["PREL", "KPAL", "WEST BANK", "PALESTINIAN AFFAIRS"]),
    ("TAGS: PGOV MIDDLE EAST AFFAIRS", ["PGOV", "MIDDLE EAST AFFAIRS"]),  # no modifier: one phrase
    ("TAGS: PGOV, FOREIGN AFFAIRS", ["PGOV", "FOREIGN AFFAIRS"]),
    # Office tags and a head noun glued on: POL, MIL, RIGHTS.
    ("TAGS: ECON TRADE HUMAN RIGHTSPOLMIL", ["ECON", "TRADE", "HUMAN RIGHTS", "POL", "MIL"]),
    ("TAGS: PREL POLMIL", ["PREL", "POL", "MIL"]),
    ("TAGS: KNNPMNUC", ["KNNP", "MNUC"]),
    ("TAGS: PGOV TURKEY", ["PGOV", "TURKEY"]),  # an ordinary word is not cut into codes
    # A person tag takes the middle initial the cable writes.
    ("TAGS: OVIP OBAMA BARACK PREL\nSUBJECT: VISIT OF PRESIDENT BARACK H. OBAMA",
     ["OVIP", "OBAMA, BARACK H.", "PREL"]),
    ("TAGS: OVIP OBAMA BARACK PREL\nSUBJECT: VISIT", ["OVIP", "OBAMA, BARACK", "PREL"]),
    # a nationality adjective after a noun starts a new phrase
    ("TAGS: PREL IT SPAIN GENERAL ELECTIONS SPANISH POLITICS AFGHAN FREEDOM",
     ["PREL", "IT", "SPAIN GENERAL ELECTIONS", "SPANISH POLITICS", "AFGHAN FREEDOM"]),
    ("TAGS: PGOV IRANIAN NUCLEAR PROGRAM", ["PGOV", "IRANIAN NUCLEAR PROGRAM"]),
    # damaged labels, markers, typing errors
    ("TAG PREL, PGOV, KCIP", ["PREL", "PGOV", "KCIP"]),
    ("DECL: 01/02/2019 AGS: PGOV, PREL, AR", ["PGOV", "PREL", "AR"]),
    ("TAGS: ECON PGOV MX SIPDIS\nSUBJECT: X", ["ECON", "PGOV", "MX"]),
    ("TAGS: PTER MARR, PREEL", ["PTER", "MARR", "PREL"]),  # a doubled letter
    ("TAGS: PTER YM COUNTER NARCOTICS", ["PTER", "YM", "COUNTERNARCOTICS"]),
    ("TAGS: ECINPGOVCS", ["ECIN", "PGOV", "CS"]),
]


@pytest.mark.parametrize("text,expected", TAGS)
def test_parse_tags(text, expected):
    assert parse_tags(text) == expected


SUBJECTS = [
    ("SUBJECT: IRAN: OIL EXPORTS FALL\n\nREF: A. STATE 1", "IRAN: OIL EXPORTS FALL"),
    ("SUBJECT: A LONG SUBJECT THAT\nWRAPS TO A SECOND LINE\nClassified By: X", "A LONG SUBJECT THAT WRAPS TO A SECOND LINE"),
    ("SUBJECT: (C/NF) MARKED SUBJECT", "MARKED SUBJECT"),
    ("SUBJECT: IRAQ - US-\nIRAN TALKS\n\n1. (C) x", "IRAQ - US-IRAN TALKS"),  # a hyphen at the wrap
    ("SUBJECT: GLUED TO ITS REF: BAGHDAD 12", "GLUED TO ITS"),
    ("TAGS: PREL\\nSUBJECT: A LINE BREAK WRITTEN OUT\n\nREF: X", "A LINE BREAK WRITTEN OUT"),
    ("SUBJ: Short Label Form\n\nClassified by DCM", "Short Label Form"),
    ("\nUBJECT: ITS FIRST LETTER LOST\n\n1. (C) Text", "ITS FIRST LETTER LOST"),
    ("SUBJECT: ENDS BEFORE AN ACTION NOTE\nThis is an action request. See para 2.\n", "ENDS BEFORE AN ACTION NOTE"),
    ("SUBJECT: ENDS BEFORE THE PAGE BANNER\n CONFIDENTIAL\nPAGE 02 HARARE 01234 01 OF 02 101010Z",
     "ENDS BEFORE THE PAGE BANNER CONFIDENTIAL"),
    ("subject: lower case subject", "lower case subject"),
    ("SUBJECT:\n\nOn the next line\n1. (U) Body", "On the next line"),
    ("SUBJECT: KEPT\nBAGHDAD 00001234 001.2 OF 003\nMORE", "KEPT"),  # a page banner ends it
    ("SUBJECT: Q&amp;A WITH THE MINISTER", "Q&A WITH THE MINISTER"),
    ("NO SUBJECT LINE AT ALL", ""),
]


@pytest.mark.parametrize("text,expected", SUBJECTS)
def test_parse_subject(text, expected):
    assert parse_subject(text) == expected


def test_subject_marking_can_be_kept():
    assert parse_subject("SUBJECT: (U) KEEP IT", strip_marking=False) == "(U) KEEP IT"


DECL = [
    ("E.O. 12958: DECL: 11/22/2012", "2012-11-22"),
    ("EO 13526 DECL: 2034/01/05", "2034-01-05"),
    ("E.O. 12958: DECL: 6/30/08", "2008-06-30"),
    ("E.O. 12958: DECL: 13/45/2010", None),  # no such date
    ("E.O. 12958: N/A", None),
    ("E.O. 12958: DECL: X1", None),
]


@pytest.mark.parametrize("text,expected", DECL)
def test_parse_declassify_on(text, expected):
    assert parse_declassify_on(text) == expected


SUMMARIES = [
    ("1. (C) Summary and Introduction: Talks went well. End Summary and Introduction.\n\n2. X",
     "Talks went well."),
    ("SUMMARY AND BACKGROUND\n\u2010\u2010\u2010\u2010\u2010\n\n2. (C) Talks went well.\n\n3. (C) X", "Talks went well."),
    ("1.(C) Summary: The GOB agreed. -------- Training --------\n\n2.(U) X", "The GOB agreed."),
    ("1. (C) SUMMARY: The minister agreed. END SUMMARY.\n\n2. (C) More.", "The minister agreed."),
    ("SUMMARY\n-------\n\n1. (S) First point.\n\n2. (S) Second point. End Summary.",
     "First point.\nSecond point."),
    ("1. (C) Summary and Comment: A, B. End Summary and Comment.", "A, B."),
    ("1. (U) No summary in this cable.\n\n2. (U) None.", ""),
]


@pytest.mark.parametrize("text,expected", SUMMARIES)
def test_parse_summary(text, expected):
    assert parse_summary(text) == expected


CLASSIFIED_BY = [
    ("Classified By: Ambassador Ryan C. Crocker, reasons 1.4 (b) and (d).", ["Ryan C. Crocker"]),
    ("Classified By: Pol/Econ Counselor Jane Q. Doe for reasons 1.4(b,d)", ["Jane Q. Doe"]),
    ("CLASSIFIED BY: CHARGE D'AFFAIRES JOHN SMITH, JR.; REASON 1.4 (D)", ["JOHN SMITH, JR."]),
    ("Classified By: Ambasador Mary Major for reasons 1.4 (b)", ["Mary Major"]),  # typo in title
    ("Classified By: DCM: Omar Little: Reason 1.4 (c)", ["Omar Little"]),
    ("CLASSIFIED BY AF JOHN ROE AND S/CT DAS JANE ROE; REASON 1.4 (B)", ["JOHN ROE", "JANE ROE"]),
    ("1. (U) CLASSIFIED BY SECTION 1.5 (B) AND (D).", []),
    ("No classification line.", []),
    # name first, then title and office; an initial O typed as a zero
    ("CLASSIFIED BY JANE 0. ROE, DIRECTOR, XY/Z, \nDEPARTMENT OF STATE. REASON: 1.5(D).",
     ["JANE 0. ROE"]),
    ("CLASSIFIED BY: Pat Doe, DCM, Embassy Rome, Department\nof State.\nREASON: 1.4 (b)", ["Pat Doe"]),
    ("Classified By: AMBASSADOR JHON Q. ROE: 1.2 (B), (D)", ["JHON Q. ROE"]),  # reason after ':'
    ("Classified By: CDA Maria Roe a.y., Sea3on: Sectaons 9.Q (b+`al", ["Maria Roe"]),  # garbled
    ("CLASSIFIED BY LINE ADDED\n\nCLASSIFIED BY DCM JDOE PER 1.5 (B)", ["JDOE"]),  # a correction note
    ("Classified By: PRM Dir. Mary Roe-reasons 1.4(b/d)", ["Mary Roe"]),
    ("CLASSIFIED BY: ACTING E/P CIEF JACK ROE.  REASONS: 1.4(B,D).", ["JACK ROE"]),  # title typo
    ("Classified By: A/LEGATT JOHN ROE FOR RASONS 1.4 (B)", ["JOHN ROE"]),
    ("CLASSIFIED BY: XXXXXXXXXXXX, Ambassador, U.S. Embassy Rome. REASON: 1.4 (b)", []),  # withheld
    ("Classified By: JOHN ROE, CHARGE D'AFFAIRES, A.I.\n¶1. (S) SUMMARY. Officials in Rome", ["JOHN ROE"]),
    ("Classified By: A...", []),
    ("Classified By: Deputy CooQnator Jan Y oo for reasons 1.4 (b)", ["Jan Yoo"]),  # damage
    ("Classified By: Ambassador Douglas MacArthur for reasons 1.4 (b)", ["Douglas MacArthur"]),
]


@pytest.mark.parametrize("text,expected", CLASSIFIED_BY)
def test_parse_classified_by(text, expected):
    assert parse_classified_by(text) == expected


CLASSIFIED_BY_NAME_CASE = [
    ("1. (U) CLASSIFIED BY THOMAS W. SIMONS, JR., AMBASSADOR.\nREASON: 1.5 (B)",
     ["Thomas W. Simons, Jr."]),
    ("CLASSIFIED BY: POLCOUNS JOHN MCCARTHY III, REASON 1.4 (B)", ["John McCarthy III"]),
    ("CLASSIFIED BY: DCM ANNE O'NEILL-SMITH; REASON 1.4 (D)", ["Anne O'Neill-Smith"]),
    ("Classified By: Ambassador Joseph LeBaron for reasons 1.4 (b)", ["Joseph LeBaron"]),  # as typed
    ("CLASSIFIED BY JANE 0. ROE, DIRECTOR. REASON: 1.5(D).", ["Jane O. Roe"]),  # zero for O
    ("Classified By: AMBASSADOR MICHEAL Q. ROE: 1.2 (B)", ["Michael Q. Roe"]),  # swapped letters
]


@pytest.mark.parametrize("text,expected", CLASSIFIED_BY_NAME_CASE)
def test_parse_classified_by_in_name_case(text, expected):
    assert parse_classified_by(text, normalize=True) == expected


SIGNERS = [
    ("4. (C) Comment ends here.\n\nCROCKER\n", ["CROCKER"]),
    ("Text.\nCROCKER\n\nCONFIDENTIAL\n\nSIPDIS\n", ["CROCKER"]),
    ("WE WILL FOLLOW UP.  RICE\n", ["RICE"]),
    ("Text.\n\nSmith\n", ["Smith"]),
    ("Text.\n\nDE PREE\n", ["DE PREE"]),
    ("END TEXT.\nROE\n    UNCLASSIFIED\n\nPAGE 04   ZAGREB  01569  04 OF 04  071629Z\n\nNNNN\n", ["ROE"]),
    ("The inflation rate was 5.6 percent. The\n", []),
    ("Just a sentence that ends the cable.\n", []),
]


@pytest.mark.parametrize("text,expected", SIGNERS)
def test_parse_signers(text, expected):
    assert parse_signers(text) == expected


TITLES = [
    ("IRAN: THE VIEW FROM TEHRAN", "Iran: The View From Tehran"),
    ("UK AND US DISCUSS NATO ROLE IN IRAQ", "UK and US Discuss NATO Role in Iraq"),
    ("SOCIO-ECONOMIC REFORM - AN OVERVIEW", "Socio-Economic Reform - An Overview"),
    ("Already Mixed Case", "Already Mixed Case"),
    ("PROC--TAIWAN TALKS", "PROC--Taiwan Talks"),  # an acronym spelled with the O of "of"
    ("LONG BOND YIELDS", "Long Bond Yields"),  # English words of that spelling stay words
    ("iran asks for release of xxxxxxxxxxxx nonpaper", "Iran Asks for Release of XXXXXXXXXXXX Nonpaper"),
]


@pytest.mark.parametrize("text,expected", TITLES)
def test_title_case(text, expected):
    assert title_case(text) == expected
