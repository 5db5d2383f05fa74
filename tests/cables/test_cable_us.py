"""US cables from the real corpora (routing TXT, the archive's PDFs, the 2010 release),
and real files that are not cables. Data: ``../shared/data`` (see its README)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pypdfium2
import pytest

from kashf.cables import parse_cable

DATA = Path(os.environ.get("KASHF_SHARED_DATA",
                           Path(__file__).resolve().parents[2] / "../shared/data")).resolve()


@pytest.fixture(scope="module")
def cables_dir() -> Path:
    folder = DATA / "cables"
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"test data missing on CI: {folder}")
        pytest.skip(f"shared test data not present at {folder}")
    return folder


ROUTING_TXT = [
    ("06NEWDELHI5239.txt", {
        "reference_id": "06NEWDELHI5239", "date": "2006-07-26T08:58Z", "precedence": "IMMEDIATE",
        "classification": "CONFIDENTIAL", "origin": "AMEMBASSY NEW DELHI",
        "references": ["05NEWDELHI8782"], "signers": ["PYATT"]}),
    ("07BOGOTA1165.txt", {
        "reference_id": "07BOGOTA1165", "date": "2007-02-16T19:02Z", "precedence": "ROUTINE",
        "classification": "UNCLASSIFIED", "origin": "AMEMBASSY BOGOTA", "to": ["SECSTATE WASHDC"],
        "tags": ["PGOV", "CO"], "signers": ["DRUCKER"]}),
    ("09PARIS1040.txt", {
        "reference_id": "09PARIS1040", "date": "2009-07-31T09:04Z",
        "classified_by": ["Kathleen Allegrone"], "references": ["09PARIS997"]}),
]


@pytest.mark.parametrize("name,expected", ROUTING_TXT)
def test_full_routing_txt(cables_dir, name, expected):
    text = (cables_dir / "plusd-samples/plusd_txt_full_routing" / name).read_text("latin-1")
    record = parse_cable(text).to_json()
    assert {key: record[key] for key in expected} == expected
    assert record["format"] == "us_state"
    for paragraph in record["paragraphs"]:  # offsets point into the text as given (CRLF kept)
        assert text[paragraph["start"]:].lstrip("¶\ufffd ").startswith(paragraph["number"])


def _pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def test_archive_pdfs(cables_dir):
    pdfs = sorted((cables_dir / "plusd-samples/plusd_pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        record = parse_cable(_pdf_text(pdf)).to_json()
        assert record["reference_id"] == pdf.stem, pdf.name
        assert record["date_precision"] == "minute" and record["origin"].startswith("AM"), pdf.name
    damascus = parse_cable(_pdf_text(cables_dir / "plusd-samples/plusd_pdf/00DAMASCUS2976.pdf"))
    assert damascus.precedence == "IMMEDIATE"
    assert damascus.classified_by == ["RYAN C. CROCKER"]
    assert damascus.signers == ["CROCKER"]
    assert damascus.tags == ["PGOV", "SY", "IS"]


def test_cablegate_sample_against_release_metadata(cables_dir):
    rows = [json.loads(line) for line in
            (cables_dir / "cablegate-2010.jsonl").read_text("utf-8").splitlines()[:120]]
    right = 0
    for row in rows:
        header = row["routing_header"]
        partial = header.startswith("This record is a partial extract")
        cable = parse_cable(header + "\n\n" + row["body"],
                            year=int(row["created"][:4]) if partial else None)
        right += (cable is not None and cable.reference_id == row["reference_id"]
                  and cable.classification == row["classification"].split("//")[0])
    assert right / len(rows) >= 0.97


def test_cia_memo(cables_dir):
    memo = next((cables_dir / "plusd-samples/cia_crest_ocr_txt").glob("*.txt"))
    record = parse_cable(memo.read_text("utf-8", errors="replace")).to_json()
    assert record["format"] == "memo"
    assert record["subject"].startswith("(l) Organisation of CIA")


def test_release_damage_is_tolerated():
    text = ("R 101010Z JAN 09 ZDS\nFM AMEMBASSY KABUL\nTO SECSTATE WASHDC 1\n\n"
            "S e c r e t section 01 of 02 kabul 000062\n\nE.o. 12958: decl: 01/07/2019\n"
            "Tags: prel, af\n\nSubject: (s) lower case\n\n1. (S) Text.\n\nEIKENBERRY\n")
    record = parse_cable(text).to_json()
    assert (record["reference_id"], record["classification"], record["date"]) == (
        "09KABUL62", "SECRET", "2009-01-10T10:10Z")
    assert record["tags"] == ["PREL", "AF"] and record["subject"] == "lower case"


ENVELOPE = ("VZCZCXYZ0000\nPP RUEHWEB\n\nDE RUEHLP #0096/01 0231326\nZNY CCCCC ZZH\n"
            "P 231326Z JAN 09\nFM AMEMBASSY LA PAZ\nTO RUEHC/SECSTATE WASHDC PRIORITY 9793\n\n")
# Where the id and the level come from when the body's banner is missing or belongs to
# another cable: the routing header's transmission (DE) and security (ZNY) lines.
IDENTITY = [
    # no banner: the transmission line's serial is whole where La Paz never passed 9,999
    (ENVELOPE + "SIPDIS\n\nTAGS: PGOV BL\nSUBJECT: X\n\n1. (C) Text.\n",
     ("09LAPAZ96", "CONFIDENTIAL")),
    # a banner from another station and serial: a spliced body; the envelope is the record
    (ENVELOPE + "S E C R E T SECTION 01 OF 02 SHENYANG 000004\n\nTAGS: PREL\n\n1. (S) Text.\n",
     ("09LAPAZ96", "CONFIDENTIAL")),
    # the banner agrees with the envelope: the banner's level and full serial
    (ENVELOPE.replace("#0096", "#4096") + "S E C R E T LA PAZ 014096\n\n1. (S) Text.\n",
     ("09LAPAZ14096", "SECRET")),
    # no banner, a page banner with the full serial
    (ENVELOPE.replace("RUEHLP #0096", "RUEHTV #2502").replace("LA PAZ", "TEL AVIV")
     + "SIPDIS\n\n1. (C) Text.\nTEL AVIV 00002502 002 OF 004\n\n2. (C) More.\n",
     ("09TELAVIV2502", "CONFIDENTIAL")),
    # no banner, and the Department's serials pass 9,999: the four digits are not the id
    (ENVELOPE.replace("RUEHLP #0096", "RUEHC #0423").replace("AMEMBASSY LA PAZ", "SECSTATE WASHDC")
     + "SIPDIS\n\n1. (C) Text.\n", (None, "CONFIDENTIAL")),
    # a relay's note after the DTG and a month in lower case
    ("O 091547Z Oct 09 (CCY ADC1AECC MSI3311-632)\nFM AMEMBASSY BERLIN\nTO SECSTATE WASHDC 5459\n\n"
     "C O N F I D E N T I A L BERLIN 001273\n\n1. (C) Text.\n", ("09BERLIN1273", "CONFIDENTIAL")),
    # a partial extract's notice with the DTG under it
    ("This record is a partial extract of the original cable.\n\n081545Z Jun 05\n\n"
     "S E C R E T SECTION 01 OF 02 ANKARA 003199\n\nSIPDIS\n\n1. (S) Text.\n",
     ("05ANKARA3199", "SECRET")),
    # no DTG anywhere: the year is unknown, so there is no id (never a guessed year)
    ("C O N F I D E N T I A L MADRID 000583\n\nSIPDIS\n\nTAGS: PTER SP\n\n1. (C) Text.\n",
     (None, "CONFIDENTIAL")),
]


@pytest.mark.parametrize("text,expected", IDENTITY)
def test_reference_id_and_classification(text, expected):
    cable = parse_cable(text)
    assert (cable.reference_id, cable.classification) == expected


def test_dtg_with_relay_note_and_mixed_case_month():
    cable = parse_cable(IDENTITY[5][0])
    assert cable.date.iso == "2009-10-09T15:47Z" and cable.date.text == "091547Z Oct 09"


NOT_CABLES = [
    "From: alice@example.org\nTo: bob@example.org\nSubject: lunch\nDate: Mon, 1 Jan 2024\n\nHi",
    "TO: All staff\nFROM: alice@example.org\nSUBJECT: Party\n\nCake at 4.",
    "The embassy said on Tuesday that the secret talks would continue. FM radio reported it.",
    "name,classification,subject\nx,SECRET,y\n",
    "",
    "   \n",
]


@pytest.mark.parametrize("text", NOT_CABLES)
def test_not_cables(text):
    assert parse_cable(text) is None


def test_real_files_that_are_not_cables():
    folder = DATA / "files/unstructured"
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"test data missing on CI: {folder}")
        pytest.skip(f"shared test data not present at {folder}")
    checked = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".txt", ".eml", ".csv", ".md", ".rst", ".html", ".xml", ".json"):
            assert parse_cable(path.read_text("utf-8", errors="replace")) is None, path.name
            checked += 1
    assert checked > 50
