"""The bundled example case and its gold annotations agree with each other.

The gold files in ``examples/gold/`` are what the cable, entity and event extractors
are developed against, so a quote that drifted from its file, a misspelt path or a
tag outside the vocabulary would quietly corrupt every score measured on them.
These tests read the case files with the same plain libraries an ingestor would
use (no kashf code), so they hold whatever state the rest of the package is in.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import mailbox
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASE = EXAMPLES / "case"
GOLD = EXAMPLES / "gold"
SOURCES = EXAMPLES / "sources"

EVENT_TYPES = {"meeting", "recruitment", "tasking", "payment", "travel"}
STATUSES = {"happened", "planned", "cancelled", "reported"}
TRADECRAFT = {
    "on_foot", "taxi", "car_meeting", "counter_surveillance", "public_place", "religious_site",
    "mall", "exhibition", "hotel", "gift", "photo", "cash_payment", "cover_story", "test_task",
    "dead_drop", "phone",
}  # fmt: skip
ENTITY_TYPES = {"person", "organization"}
CORRUPT = "cables/15BAGHDAD190.pdf"
# Files whose text is not in the file itself: the scan's words live in its source.
OCR_TRUTH = {"scans/41-2561.jpg": SOURCES / "scan" / "41-2561.txt"}
# A PDF text layer reorders right-to-left punctuation («» mirrored, digits around "/"
# swapped); header gold for the Persian PDF is checked against the text it was made from.
AS_TYPED = {"reports/41-2610.pdf": SOURCES / "pdf" / "41-2610.txt"}


def squeeze(text: str) -> str:
    """Collapse runs of whitespace: a name or subject may wrap across lines in a cable."""
    return " ".join(text.split())


def arabic_keyboard(text: str) -> str:
    """How the cp1256 reports spell Persian: Arabic yeh and kaf, no ZWNJ."""
    return text.replace("ی", "ي").replace("ک", "ك").replace("\u200c", "")


def read_jsonl(name: str) -> list[dict]:
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def decode_text(data: bytes) -> str:
    """UTF-8 if it is, else Windows-1256: the only two encodings the case uses for text."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1256")


def _html_text(data: bytes) -> str:
    import lxml.html

    root = lxml.html.fromstring(data.decode("utf-8"))
    for node in root.xpath("//script|//style"):
        node.drop_tree()
    return root.text_content()


def _email_text(message: email.message.Message) -> str:
    """Sender, recipients and subject (names are spelt there too), then every text body."""
    parts = [f"{h}: {message[h]}" for h in ("From", "To", "Subject") if message[h]]
    for part in message.walk():
        if part.get_content_maintype() == "text" and not part.get_filename():
            parts.append(part.get_payload(decode=True).decode(part.get_content_charset("utf-8")))
    return "\n".join(parts)


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _xlsx_text(path: Path) -> str:
    import openpyxl

    sheet = openpyxl.load_workbook(path).active
    rows = sheet.iter_rows(values_only=True)
    return "\n".join("\t".join("" if v is None else str(v) for v in row) for row in rows)


def _pdf_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


@cache
def case_text(rel: str) -> str:
    """The text of a case file, or of an archive member named ``archive.zip!/member``."""
    if "!/" in rel:
        archive, member = rel.split("!/", 1)
        with zipfile.ZipFile(CASE / archive) as zf:
            return decode_text(zf.read(member))
    if rel in OCR_TRUTH:
        return OCR_TRUTH[rel].read_text(encoding="utf-8")
    path = CASE / rel
    suffix = path.suffix.lower()
    if suffix in {".txt", ".csv"}:
        return decode_text(path.read_bytes())
    if suffix == ".html":
        return _html_text(path.read_bytes())
    if suffix == ".eml":
        return _email_text(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    if suffix == ".mbox":
        return "\n".join(_email_text(m) for m in mailbox.mbox(str(path)))
    if suffix == ".docx":
        return _docx_text(path)
    if suffix == ".xlsx":
        return _xlsx_text(path)
    if suffix == ".pdf":
        return _pdf_text(path)
    raise AssertionError(f"no text reader for {rel}")


def case_files() -> list[str]:
    return sorted(p.relative_to(CASE).as_posix() for p in CASE.rglob("*") if p.is_file())


def text_documents() -> list[str]:
    """Every document with words in it: files, archive members, minus the corrupt one."""
    docs = [rel for rel in case_files() if rel != CORRUPT and not rel.endswith(".zip")]
    for archive in (rel for rel in case_files() if rel.endswith(".zip")):
        with zipfile.ZipFile(CASE / archive) as zf:
            docs += [f"{archive}!/{n}" for n in zf.namelist() if not n.endswith("/")]
    return docs


def all_text() -> str:
    return squeeze("\n".join(case_text(rel) for rel in text_documents()))


def exists(rel: str) -> bool:
    if "!/" in rel:
        archive, member = rel.split("!/", 1)
        with zipfile.ZipFile(CASE / archive) as zf:
            return member in zf.namelist()
    return (CASE / rel).is_file()


# --- the case itself ------------------------------------------------------------------------


def test_case_has_at_least_thirty_files_of_every_promised_kind():
    files = case_files()
    assert len(files) >= 30
    suffixes = [Path(f).suffix for f in files]
    for suffix, least in {".txt": 20, ".pdf": 3, ".eml": 1, ".mbox": 1, ".zip": 1, ".docx": 1,
                          ".xlsx": 1, ".jpg": 1, ".html": 1}.items():  # fmt: skip
        assert suffixes.count(suffix) >= least, suffix


def test_case_stays_small():
    total = sum((EXAMPLES / p).stat().st_size for p in EXAMPLES.rglob("*") if p.is_file())
    assert total < 3 * 1024 * 1024


@pytest.mark.parametrize(
    "rel, encoding",
    [
        ("reports/41-2690.txt", "cp1256"),
        ("reports/41-2731.txt", "cp1256"),
        ("news/baghdad-contractor-2015-01-25.txt", "cp1256"),
        ("reports/41-2317.txt", "utf-8"),
    ],
)
def test_text_encodings_are_as_documented(rel, encoding):
    data = (CASE / rel).read_bytes()
    if encoding == "cp1256":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    text = data.decode(encoding)
    assert "\ufffd" not in text


@pytest.mark.parametrize("rel", ["reports/41-2690.txt", "reports/41-2731.txt"])
def test_arabic_keyboard_reports_use_arabic_yeh_kaf_and_no_zwnj(rel):
    text = case_text(rel)
    assert "ي" in text and "ك" in text
    assert "ی" not in text and "ک" not in text and "\u200c" not in text


def test_persian_reports_use_solar_hijri_dates_in_persian_digits():
    reports = [r for r in case_files() if r.startswith("reports/") and r.endswith(".txt")]
    assert len(reports) >= 12
    with_persian_digits = [r for r in reports if "تاریخ: ۱۳۹" in case_text(r)]
    assert len(with_persian_digits) >= 6


def test_corrupt_pdf_cannot_be_opened():
    import pypdfium2

    path = CASE / CORRUPT
    assert path.read_bytes().startswith(b"%PDF-")
    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(str(path))


@pytest.mark.parametrize(
    "rel, words",
    [
        ("reports/41-2610.pdf", ["ارزیابی منبع", "نجف اشرف جذب شد"]),
        ("cables/15BAGHDAD112.pdf", ["SUBJECT: BIAP: MINISTRY OF TRANSPORT REVOKES", "HALVORSEN"]),
    ],
)
def test_pdfs_have_a_text_layer(rel, words):
    text = case_text(rel)
    for word in words:
        assert word in text


def test_email_attachment_is_the_office_docx_byte_for_byte():
    message = email.message_from_bytes(
        (CASE / "mail/leak-cover-note.eml").read_bytes(), policy=email.policy.default
    )
    attachments = list(message.iter_attachments())
    assert [a.get_filename() for a in attachments] == ["kholase-parvande-dana.docx"]
    docx_bytes = (CASE / "office/kholase-parvande-dana.docx").read_bytes()
    assert attachments[0].get_payload(decode=True) == docx_bytes


def test_mbox_holds_three_messages_in_a_thread():
    messages = list(mailbox.mbox(str(CASE / "mail/gulfstar-procurement.mbox")))
    assert len(messages) == 3
    assert messages[1]["In-Reply-To"] == messages[0]["Message-ID"]


def test_zip_nests_reports_in_folders():
    with zipfile.ZipFile(CASE / "archive/najaf-karbala.zip") as zf:
        members = [n for n in zf.namelist() if not n.endswith("/")]
        assert zf.testzip() is None
    assert len(members) == 3
    assert all(m.count("/") == 2 for m in members)


def test_scan_is_a_200_dpi_greyscale_page():
    from PIL import Image

    with Image.open(CASE / "scans/41-2561.jpg") as image:
        assert image.mode == "L"
        assert round(image.info["dpi"][0]) == 200
        assert image.size[0] > 1500


# --- gold annotations -----------------------------------------------------------------------


def test_events_gold_is_valid_and_quotes_are_exact():
    events = read_jsonl("events.jsonl")
    assert 30 <= len(events) <= 60
    keys = {"path", "type", "participants", "place", "date", "tradecraft", "status", "quote"}
    for event in events:
        where = f"{event.get('path')}: {event.get('quote', '')[:40]}"
        assert set(event) == keys, where
        assert exists(event["path"]), where
        assert event["type"] in EVENT_TYPES, where
        assert event["status"] in STATUSES, where
        assert set(event["tradecraft"]) <= TRADECRAFT, where
        assert event["participants"] and all(isinstance(p, str) for p in event["participants"])
        if event["date"] is not None:
            dt.date.fromisoformat(event["date"])
        assert event["quote"] and event["quote"] in case_text(event["path"]), where
        assert event["place"] is None or event["place"] in case_text(event["path"]), where


def test_events_cover_every_type_status_and_language():
    events = read_jsonl("events.jsonl")
    assert {e["type"] for e in events} == EVENT_TYPES
    assert {e["status"] for e in events} == STATUSES
    paths = {e["path"] for e in events}
    assert any(p.startswith("cables/") for p in paths)
    assert any("!/" in p for p in paths)
    assert any(p.endswith(".pdf") for p in paths)


def test_every_tradecraft_tag_is_exercised():
    used = {tag for e in read_jsonl("events.jsonl") for tag in e["tradecraft"]}
    assert used == TRADECRAFT, TRADECRAFT - used


def test_participants_are_spellings_of_known_entities():
    spellings = {s for e in read_jsonl("entities.jsonl") for s in e["spellings"]}
    for event in read_jsonl("events.jsonl"):
        unknown = [p for p in event["participants"] if p not in spellings]
        assert not unknown, (event["path"], unknown)


def test_cables_gold_matches_headers():
    records = read_jsonl("cables.jsonl")
    assert len(records) >= 20
    keys = {
        "path",
        "reference_id",
        "date",
        "classification",
        "origin",
        "to",
        "subject",
        "references",
    }
    ids = set()
    for record in records:
        assert keys <= set(record), record["path"]
        assert exists(record["path"]), record["path"]
        dt.date.fromisoformat(record["date"])
        path = record["path"]
        text = squeeze(AS_TYPED[path].read_text("utf-8") if path in AS_TYPED else case_text(path))
        for key in ("subject", "signer", "date_text"):
            value = record.get(key)
            if value:  # gold spells Persian the standard way; two reports were typed otherwise
                assert squeeze(value) in text or squeeze(arabic_keyboard(value)) in text, (
                    path,
                    key,
                )
        assert isinstance(record["to"], list) and isinstance(record["references"], list)
        ids.add(record["reference_id"])
    assert len(ids) == len(records)


def test_cable_references_point_inside_the_case_where_they_can():
    records = read_jsonl("cables.jsonl")
    ids = {r["reference_id"] for r in records}
    cited = {ref for r in records for ref in r["references"]}
    # Most citations resolve to a file in the case; a few point to earlier, unleaked reports.
    assert len(cited & ids) >= 15


def test_entities_gold_spellings_occur_in_the_case():
    text = all_text()
    entities = read_jsonl("entities.jsonl")
    assert len(entities) >= 15
    names = [e["name"] for e in entities]
    assert len(names) == len(set(names))
    for entity in entities:
        assert entity["type"] in ENTITY_TYPES, entity["name"]
        assert all(s == squeeze(s) for s in entity["spellings"]), entity["name"]
        missing = [s for s in entity["spellings"] if s not in text]
        assert not missing, (entity["name"], missing)


def test_key_people_are_spelt_in_three_scripts_or_languages():
    by_name = {e["name"]: e for e in read_jsonl("entities.jsonl")}
    for name in ("Haidar Abd al-Zahra al-Saadi", "Sayyid Jalal al-Musawi", "Nizar al-Khafaji"):
        spellings = by_name[name]["spellings"]
        assert any(s.isascii() for s in spellings), name
        assert any("ی" in s or "ک" in s or "پ" in s for s in spellings), name  # Persian letters
        assert any(not s.isascii() and "ی" not in s for s in spellings), name


# --- the build script -----------------------------------------------------------------------


def test_rebuilt_assets_match_the_committed_ones(tmp_path):
    """The committed binaries are what their sources make (PDF and scan need system tools)."""
    families = ["cp1256", "zip", "docx", "xlsx", "eml"]
    command = [sys.executable, str(EXAMPLES / "build_assets.py"), "--out", str(tmp_path)]
    for family in families:
        command += ["--only", family]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    rebuilt = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert len(rebuilt) == 7
    for rel in rebuilt:
        assert (tmp_path / rel).read_bytes() == (CASE / rel).read_bytes(), rel


def test_build_assets_help_runs():
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "build_assets.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "--only" in result.stdout
