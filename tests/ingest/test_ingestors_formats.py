"""Office files, e-mail, mailboxes and images made in the test: what comes out, and the reasons."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from email.message import EmailMessage

import pytest

from kashf.ingest.extract import extract
from kashf.ingest.model import Extraction, Limits
from kashf.ingest.registry import INGESTORS, pick, registry_table


def run(tmp_path, name: str, data: bytes, limits: Limits | None = None) -> Extraction:
    path = tmp_path / name
    path.write_bytes(data)
    return extract(str(path), name, limits or Limits())


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "Field report"
    document.core_properties.author = "Case Officer"
    document.core_properties.created = dt.datetime(2014, 3, 1, 9, 30)
    document.add_paragraph("گزارش دیدار با منبع در اربیل")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "name"
    table.rows[0].cells[1].text = "Karbala"
    document.sections[0].header.paragraphs[0].text = "SECRET//NOFORN"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Payments"
    sheet.append(["date", "amount", "to"])
    sheet.append([dt.datetime(2014, 5, 2), 1500.0, "Source 7"])
    book.create_sheet("Empty")
    book.properties.creator = "Finance"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def make_pptx() -> bytes:
    import pptx

    deck = pptx.Presentation()
    for title in ("First slide", "Second slide"):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = title
        slide.notes_slide.notes_text_frame.text = f"notes for {title}"
    deck.core_properties.title = "Briefing"
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def make_odt() -> bytes:
    from odf import meta, text
    from odf.dc import Title
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(Title(text="Minutes"))
    document.meta.addElement(meta.InitialCreator(text="Secretary"))
    document.text.addElement(text.H(outlinelevel=1, text="Meeting"))
    document.text.addElement(text.P(text="Met the source in Baghdad."))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def test_docx_text_tables_header_and_properties(tmp_path):
    result = run(tmp_path, "report.docx", make_docx())
    assert (result.error, result.kind, result.ingestor) == (None, "word", "docx")
    assert result.title == "Field report"
    assert result.metadata["author"] == "Case Officer"
    assert result.metadata["created"].startswith("2014-03-01T09:30:00")
    assert result.text.splitlines()[:2] == ["گزارش دیدار با منبع در اربیل", "name \tKarbala"]
    assert "SECRET//NOFORN" in result.text


def test_xlsx_sheets_cells_and_dates(tmp_path):
    result = run(tmp_path, "book.xlsx", make_xlsx())
    assert (result.error, result.kind) == (None, "spreadsheet")
    assert result.metadata["sheet_names"] == ["Payments", "Empty"]
    assert result.metadata["author"] == "Finance"
    assert result.text == "Payments\ndate\tamount\tto\n2014-05-02\t1500\tSource 7\n\nEmpty"


def test_pptx_one_page_per_slide_with_notes(tmp_path):
    result = run(tmp_path, "deck.pptx", make_pptx())
    assert (result.error, result.kind, result.title) == (None, "presentation", "Briefing")
    assert [page.number for page in result.pages] == [1, 2]
    assert result.pages[1].text.startswith("Second slide")
    assert "notes for Second slide" in result.pages[1].text
    assert all(page.has_text_layer for page in result.pages)


def test_odt_text_and_meta(tmp_path):
    result = run(tmp_path, "minutes.odt", make_odt())
    assert (result.error, result.kind, result.title) == (None, "word", "Minutes")
    assert result.metadata["author"] == "Secretary"
    assert result.text == "Meeting\nMet the source in Baghdad."


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("cut.docx", make_docx, "corrupt Word document"),
        ("cut.xlsx", make_xlsx, "corrupt Excel workbook"),
        ("cut.pptx", make_pptx, "corrupt PowerPoint presentation"),
        ("cut.odt", make_odt, "corrupt OpenDocument file"),
    ],
)
def test_truncated_office_files_fail_with_the_format_named(tmp_path, name, make, reason):
    data = make()
    result = run(tmp_path, name, data[: len(data) // 2])
    assert result.error.startswith(reason), result.error
    assert "\n" not in result.error


def test_zip_without_the_main_part_is_a_corrupt_word_document(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<not-closed")
        archive.writestr("[Content_Types].xml", b"<Types/>")
    result = run(tmp_path, "broken.docx", buffer.getvalue())
    assert result.kind == "word"
    assert result.error is None or result.error.startswith("corrupt Word document")


def test_corrupt_pdf_and_corrupt_image_name_their_format(tmp_path):
    pdf = run(tmp_path, "cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    assert pdf.error.startswith("corrupt PDF") and pdf.kind == "pdf"
    image = run(tmp_path, "cut.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 10)
    assert image.error == "corrupt image: the picture cannot be read"


def test_rtf_with_persian_code_page_and_info(tmp_path):
    body = "ملاقات".encode("cp1256")
    escaped = "".join(f"\\'{byte:02x}" for byte in body)
    rtf = (
        "{\\rtf1\\ansi\\ansicpg1256{\\info{\\title Meeting notes}{\\author Desk}"
        "{\\creatim\\yr2013\\mo7\\dy4\\hr10\\min5}}\\pard " + escaped + " in Erbil\\par}"
    )
    result = run(tmp_path, "notes.rtf", rtf.encode("ascii"))
    assert (result.error, result.title) == (None, "Meeting notes")
    assert result.metadata == {"author": "Desk", "created": "2013-07-04T10:05:00"}
    assert result.text == "ملاقات in Erbil"


def make_email(attachment: bytes | None = b"%PDF-1.4 fake") -> bytes:
    message = EmailMessage()
    message["From"] = "Station Chief <chief@example.org>"
    message["To"] = "desk@example.org, Analyst <analyst@example.org>"
    message["Cc"] = "archive@example.org"
    message["Subject"] = "=?utf-8?b?2q/Ystin2LHYtA==?= weekly"
    message["Date"] = "Tue, 04 Mar 2014 10:15:00 +0330"
    message["Message-ID"] = "<m1@example.org>"
    message["In-Reply-To"] = "<m0@example.org>"
    message.set_content("Plain body: met the source.")
    message.add_alternative("<html><body><p>HTML body</p></body></html>", subtype="html")
    if attachment is not None:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename="report.pdf"
        )
    return message.as_bytes()


def test_email_headers_body_and_attachment(tmp_path):
    result = run(tmp_path, "m.eml", make_email())
    assert (result.error, result.kind, result.ingestor) == (None, "email", "email")
    assert result.title == "گزارش weekly"
    meta = result.metadata
    assert meta["from"] == "Station Chief <chief@example.org>"
    assert meta["to_addresses"] == ["desk@example.org", "analyst@example.org"]
    assert meta["cc"] == "archive@example.org"
    assert meta["date"] == meta["created"] == "2014-03-04T10:15:00+03:30"
    assert (meta["message_id"], meta["in_reply_to"]) == ("<m1@example.org>", "<m0@example.org>")
    assert result.text == "Plain body: met the source."
    assert [(c.name, c.data) for c in result.children] == [("report.pdf", b"%PDF-1.4 fake")]


def test_email_attachment_over_the_limit_is_a_child_error(tmp_path):
    result = run(tmp_path, "m.eml", make_email(b"x" * 5000), Limits(max_member_bytes=1000))
    assert [(c.name, c.error) for c in result.children] == [
        ("report.pdf", "e-mail attachment exceeds the size limit")
    ]


def test_mbox_messages_become_children(tmp_path):
    one = make_email(None)
    two = one.replace(b"<m1@example.org>", b"<m2@example.org>") + b"\nFrom the desk: a body line\n"
    mbox = (
        b"From a@b Mon Jan  1 00:00:00 2001\n"
        + one
        + b"\nFrom a@b Mon Jan  1 00:00:00 2001\n"
        + two
    )
    result = run(tmp_path, "box.mbox", mbox)
    assert (result.error, result.kind, result.metadata["messages"]) == (None, "email", 2)
    assert [c.name for c in result.children] == ["message-00001.eml", "message-00002.eml"]
    inner = run(tmp_path, "message-00002.eml", result.children[1].data)
    assert inner.metadata["message_id"] == "<m2@example.org>"


def make_jpeg_with_gps() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), "white")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x013B] = "Photographer"  # Artist
    exif.get_ifd(0x8769)[0x9003] = "2019:05:01 12:30:45"  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (36.0, 11.0, 24.0)  # Erbil, roughly
    gps[3], gps[4] = "E", (44.0, 0.0, 36.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_image_exif_and_gps(tmp_path):
    result = run(tmp_path, "photo.jpg", make_jpeg_with_gps())
    assert (result.error, result.kind) == (None, "image")
    assert [(p.number, p.has_text_layer) for p in result.pages] == [(1, False)]
    assert (result.metadata["width"], result.metadata["height"]) == (64, 48)
    assert result.metadata["gps"] == {"lat": 36.19, "lon": 44.01}
    assert result.metadata["created"] == "2019-05-01T12:30:45"
    assert result.metadata["author"] == "Photographer"
    assert result.metadata["exif"]["make"] == "CameraMaker"


def test_multipage_tiff_has_a_page_per_frame(tmp_path):
    from PIL import Image

    frames = [Image.new("L", (20, 20), shade) for shade in (0, 128, 255)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "TIFF", save_all=True, append_images=frames[1:])
    result = run(tmp_path, "fax.tif", buffer.getvalue())
    assert [(p.number, p.has_text_layer) for p in result.pages] == [
        (1, False),
        (2, False),
        (3, False),
    ]


def test_registry_picks_the_highest_score_and_has_a_fallback():
    assert pick("application/pdf", ".pdf").name == "pdf"
    assert pick("application/x-unknown", ".foo").name == "other"
    table = registry_table()
    assert {row["name"] for row in table} == {ingestor.name for ingestor in INGESTORS}
    for row in table:
        assert row["version"] >= 1 and row["description"]
    names = [row["name"] for row in table]
    assert len(names) == len(set(names))


def test_every_ingestor_is_documented_with_its_version():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "ingestors.md").read_text()
    rows = {
        cells[1]: cells[2]
        for line in doc.splitlines()
        if line.startswith("| ") and len(cells := [c.strip() for c in line.split("|")]) > 3
    }
    for row in registry_table():
        assert rows.get(row["name"]) == str(row["version"]), row["name"]


def _patch_ole_stream(path, stream: str, patch) -> None:
    """Rewrite one stream of an OLE file in place (same size), as a password tool would."""
    import olefile

    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream(stream).read())
        patch(data)
        ole.write_stream(stream, bytes(data))


def test_password_protected_word97_and_excel97(tmp_path):
    import shutil
    import struct

    from datapaths import shared_data

    doc = tmp_path / "locked.doc"
    shutil.copyfile(shared_data("files", "unstructured", "fake.doc"), doc)
    # FIB flag fEncrypted (0x0100 in the word at offset 0x0A of the WordDocument stream).
    _patch_ole_stream(
        doc,
        "WordDocument",
        lambda d: struct.pack_into("<H", d, 0x0A, struct.unpack_from("<H", d, 0x0A)[0] | 0x0100),
    )
    assert extract(str(doc), "locked.doc", Limits()).error == (
        "encrypted Word document: a password is required"
    )
    xls = tmp_path / "locked.xls"
    shutil.copyfile(shared_data("files", "unstructured", "tests-example.xls"), xls)
    # A FILEPASS record (0x002F) right after the BOF is how Excel marks an encrypted workbook.
    _patch_ole_stream(
        xls,
        "Workbook",
        lambda d: struct.pack_into("<H", d, 4 + struct.unpack_from("<HH", d, 0)[1], 0x002F),
    )
    assert extract(str(xls), "locked.xls", Limits()).error == (
        "password-protected Excel workbook: a password is required"
    )
