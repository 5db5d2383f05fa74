"""Regenerate the binary and re-encoded files of the example case from ``examples/sources/``.

Every file this script writes is committed, so nobody needs to run it to use the
case; it exists so that the binaries stay reviewable (their text lives in
``sources/``) and can be rebuilt after an edit. Runs are deterministic for a given
toolchain: zip members, Office core properties and PDF dates/IDs are pinned, and
the scan's noise comes from a seeded generator.

Needs Pillow with libraqm (Persian shaping), python-docx, openpyxl, and for the
PDFs LibreOffice (``soffice``) and the Noto Naskh Arabic font (Debian:
``libreoffice-writer-nogui fonts-noto-core``). A missing tool skips only the
files that need it, with a message.

    .venv/bin/python examples/build_assets.py            # rebuild everything
    .venv/bin/python examples/build_assets.py --only pdf # one family
"""

from __future__ import annotations

import argparse
import email.policy
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
CASE = HERE / "case"

# A fixed moment for every timestamp we cannot avoid writing (zip members, Office
# core properties). Chosen inside the story's time span so metadata looks plausible.
ZIP_TIME = (2015, 2, 9, 10, 30, 0)
SCAN_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SCAN_FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


# Where files are written: the case itself, or another folder (``--out``) to compare.
OUT = CASE


def output(rel: str) -> Path:
    target = OUT / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def built(rel: str) -> Path:
    """A file an earlier builder wrote in this run, else the committed one."""
    fresh = OUT / rel
    return fresh if fresh.exists() else CASE / rel


def say(message: str) -> None:
    print(message, file=sys.stderr)


# --- deterministic containers -------------------------------------------------------------


def rezip(data: bytes, date_time: tuple[int, ...] = ZIP_TIME) -> bytes:
    """Rewrite a zip (docx/xlsx) with fixed member timestamps, keeping member order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def pin_core_dates(data: bytes, iso: str) -> bytes:
    """Set dcterms:created/modified in an OOXML package to ``iso`` (libraries stamp 'now')."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = blob.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    lambda m: f"{m.group(1)}{iso}{m.group(3)}",
                    text,
                )
                blob = text.encode("utf-8")
            dst.writestr(info, blob)
    return rezip(out.getvalue())


# --- re-encoded text ------------------------------------------------------------------------


def build_cp1256() -> list[Path]:
    """Windows-1256 copies: old Windows machines typed Persian with Arabic ي/ك and no ZWNJ."""
    targets = {
        "41-2690.txt": output("reports/41-2690.txt"),
        "41-2731.txt": output("reports/41-2731.txt"),
        "baghdad-contractor-2015-01-25.txt": output("news/baghdad-contractor-2015-01-25.txt"),
    }
    written = []
    for name, target in targets.items():
        text = (SOURCES / "cp1256" / name).read_text(encoding="utf-8")
        # CRLF as Notepad wrote it; the decoder must cope with both line ends.
        target.write_bytes(text.replace("\n", "\r\n").encode("cp1256"))
        written.append(target)
    return written


# --- office files ---------------------------------------------------------------------------


def _rtl(paragraph, font: str = "B Nazanin") -> None:
    """Mark a python-docx paragraph and its runs right-to-left (w:bidi / w:rtl)."""
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        rpr.append(OxmlElement("w:rtl"))
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:cs"), font)
        rpr.append(fonts)


def build_docx() -> list[Path]:
    """The Persian file summary, a DOCX that is also the e-mail's attachment."""
    import datetime as dt

    from docx import Document

    source = (SOURCES / "docx" / "kholase-parvande-dana.txt").read_text(encoding="utf-8")
    doc = Document()
    props = doc.core_properties
    props.author = "کاظمی"
    props.title = "خلاصه پرونده دانا"
    props.created = props.modified = dt.datetime(2015, 2, 9, 10, 30)
    props.last_modified_by = "کاظمی"
    props.revision = 3
    for line in source.splitlines():
        if line.startswith("# "):
            paragraph = doc.add_heading(line[2:], level=1)
        elif line.startswith("## "):
            paragraph = doc.add_heading(line[3:], level=2)
        elif line.startswith("- "):
            paragraph = doc.add_paragraph(line[2:], style="List Bullet")
        else:
            paragraph = doc.add_paragraph(line)
        _rtl(paragraph)
    buffer = io.BytesIO()
    doc.save(buffer)
    target = output("office/kholase-parvande-dana.docx")
    target.write_bytes(pin_core_dates(buffer.getvalue(), "2015-02-09T10:30:00Z"))
    return [target]


def build_xlsx() -> list[Path]:
    """The payment ledger: Solar Hijri dates kept as text, as a clerk would type them."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    rows = [
        line.split("\t")
        for line in (SOURCES / "xlsx" / "daftar-pardakht-1393.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip()
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "پرداخت‌ها ۱۳۹۳"
    ws.sheet_view.rightToLeft = True
    for i, row in enumerate(rows):
        values: list[object] = list(row)
        if i:  # numbers stay numbers so sums work; the date column stays text
            values[0] = int(row[0])
            values[4] = int(row[4])
        ws.append(values)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    last = len(rows)
    ws.append([])
    ws.append(["", "", "جمع دلار", "", f'=SUMIF(F2:F{last},"دلار",E2:E{last})', "دلار"])
    ws.append(["", "", "جمع دینار", "", f'=SUMIF(F2:F{last},"دینار",E2:E{last})', "دینار"])
    for column, width in zip("ABCDEFGHI", (6, 12, 14, 8, 12, 8, 26, 10, 12), strict=True):
        ws.column_dimensions[column].width = width
    wb.properties.creator = "سلمان"
    wb.properties.title = "دفتر پرداخت ۱۳۹۳"
    wb.properties.created = wb.properties.modified = dt.datetime(2015, 2, 9, 10, 30)
    buffer = io.BytesIO()
    wb.save(buffer)
    target = output("office/daftar-pardakht-1393.xlsx")
    target.write_bytes(pin_core_dates(buffer.getvalue(), "2015-02-09T10:30:00Z"))
    return [target]


# --- archive and e-mail ---------------------------------------------------------------------


def build_zip() -> list[Path]:
    """Three reports from Najaf and Karbala, one nested folder deep, as a field officer zipped them."""
    root = SOURCES / "zip"
    target = output("archive/najaf-karbala.zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(root.rglob("*")):
            name = path.relative_to(root).as_posix()
            if path.is_dir():
                info = zipfile.ZipInfo(name + "/", date_time=ZIP_TIME)
                info.external_attr = (0o40755 << 16) | 0x10
                archive.writestr(info, b"")
                continue
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    target.write_bytes(buffer.getvalue())
    return [target]


def build_eml() -> list[Path]:
    """The leaker's cover note (Persian body) with the DOCX summary attached, byte-identical."""
    attachment = built("office/kholase-parvande-dana.docx")
    body = (SOURCES / "mail" / "leak-cover-note.txt").read_text(encoding="utf-8")
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = "Yek Doost <yek.doost@mailbox.example>"
    msg["To"] = "Investigations Desk <desk@newsroom.example>"
    msg["Subject"] = "پرونده بغداد – بخش اول"
    msg["Date"] = "Wed, 02 Oct 2019 22:47:13 +0200"
    msg["Message-ID"] = "<5d94e8a1.b7c2.4e1f@mailbox.example>"
    msg.set_content(body, charset="utf-8", cte="base64")
    msg.add_attachment(
        attachment.read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="kholase-parvande-dana.docx",
    )
    msg.set_boundary("===============kashf-example-0001==")
    target = output("mail/leak-cover-note.eml")
    target.write_bytes(msg.as_bytes())
    return [target]


# --- PDFs -----------------------------------------------------------------------------------


def _pin_pdf(data: bytes) -> bytes:
    """Replace LibreOffice's creation date and document ID with fixed bytes of the same length.

    Same length keeps every xref offset valid, so the file stays a correct PDF.
    """

    # Only the 14 digits of the local time change; LibreOffice's zone suffix is kept.
    data = re.sub(rb"(/CreationDate\s*\(D:)[0-9]{14}", rb"\g<1>20150120102000", data)
    data = re.sub(
        rb"/ID \[ <[0-9A-Fa-f]{32}>(\s*)<[0-9A-Fa-f]{32}> \]",
        lambda m: (
            b"/ID [ <" + b"4B415348" * 4 + b">" + m.group(1) + b"<" + b"4B415348" * 4 + b"> ]"
        ),
        data,
    )
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + b"0" * 32, data)
    return data


def _soffice_pdf(docx_bytes: bytes, stem: str) -> bytes:
    """Convert a DOCX to PDF with LibreOffice in a throw-away profile (no user state leaks in)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise FileNotFoundError("soffice (Debian: libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{stem}.docx"
        src.write_bytes(docx_bytes)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return (Path(tmp) / f"{stem}.pdf").read_bytes()


def _docx_for_pdf(lines: list[str], title: str, author: str, rtl: bool) -> bytes:
    """A plain DOCX, one paragraph per line, as the typist's word processor would hold it."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = author
    style = doc.styles["Normal"]
    style.font.name = "Noto Naskh Arabic" if rtl else "DejaVu Sans Mono"
    style.font.size = Pt(13 if rtl else 9.5)
    style.paragraph_format.space_after = Pt(3 if rtl else 0)
    for line in lines:
        paragraph = doc.add_paragraph(line)
        if rtl:
            _rtl(paragraph, font="Noto Naskh Arabic")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def build_pdfs() -> list[Path]:
    """A Persian assessment and an English cable, both with a real text layer."""
    persian = (SOURCES / "pdf" / "41-2610.txt").read_text(encoding="utf-8").splitlines()
    cable = (SOURCES / "pdf" / "15BAGHDAD112.txt").read_text(encoding="utf-8").splitlines()
    jobs = {
        output("reports/41-2610.pdf"): _docx_for_pdf(
            persian, "ارزیابی منبع دانا", "اداره ۴۱", True
        ),
        output("cables/15BAGHDAD112.pdf"): _docx_for_pdf(cable, "15BAGHDAD112", "", False),
    }
    written = []
    for target, docx_bytes in jobs.items():
        target.write_bytes(_pin_pdf(_soffice_pdf(docx_bytes, target.stem)))
        written.append(target)
    return written


def build_corrupt() -> list[Path]:
    """A cable PDF cut off in transfer: the header and first object survive, nothing else.

    Made from the intact cable PDF so it looks like a real interrupted download;
    1,200 bytes stop before any page object, so no reader can recover a page.
    """
    whole = built("cables/15BAGHDAD112.pdf").read_bytes()
    target = output("cables/15BAGHDAD190.pdf")
    target.write_bytes(whole[:1200])
    return [target]


# --- the scanned page -----------------------------------------------------------------------


def build_scan() -> list[Path]:
    """A typed Persian report, printed and scanned at 200 dpi: slight tilt, grain, JPEG."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont, features

    if not features.check("raqm"):
        raise RuntimeError("Pillow lacks libraqm: Persian would render unshaped")
    dpi = 200
    width, height = int(8.27 * dpi), int(11.69 * dpi)  # A4
    page = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(page)
    body = ImageFont.truetype(str(SCAN_FONT), 36, layout_engine=ImageFont.Layout.RAQM)
    bold = ImageFont.truetype(str(SCAN_FONT_BOLD), 40, layout_engine=ImageFont.Layout.RAQM)
    right = width - 170
    draw.text((width // 2, 150), "بسمه تعالی", font=bold, fill=20, anchor="mm", direction="rtl")
    y = 260
    for line in (SOURCES / "scan" / "41-2561.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            font = bold if line.startswith("موضوع") else body
            draw.text(
                (right, y), line, font=font, fill=25, anchor="ra", direction="rtl", language="fa"
            )
        y += 78
    # A red-ink classification stamp, as on the originals, rendered in grey here.
    stamp = ImageFont.truetype(str(SCAN_FONT_BOLD), 64, layout_engine=ImageFont.Layout.RAQM)
    draw.rectangle((150, 120, 420, 230), outline=90, width=5)
    draw.text((285, 175), "سری", font=stamp, fill=90, anchor="mm", direction="rtl")

    page = page.rotate(-0.7, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=250)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    rng = random.Random(2561)
    grain = Image.frombytes("L", page.size, rng.randbytes(width * height))
    grain = grain.point(lambda v: 128 + (v - 128) // 10)  # ±13 levels of paper grain
    page = Image.blend(page, grain, 0.12).point(lambda v: min(255, int(v * 1.08)))
    target = output("scans/41-2561.jpg")
    page.save(target, "JPEG", quality=70, dpi=(dpi, dpi), optimize=True)
    return [target]


BUILDERS: dict[str, Callable[[], list[Path]]] = {
    "cp1256": build_cp1256,
    "docx": build_docx,
    "xlsx": build_xlsx,
    "zip": build_zip,
    "eml": build_eml,  # after docx: it attaches it
    "pdf": build_pdfs,
    "corrupt": build_corrupt,  # after pdf: it truncates one
    "scan": build_scan,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(BUILDERS), action="append")
    parser.add_argument("--out", type=Path, help="write here instead of examples/case/")
    args = parser.parse_args(argv)
    global OUT
    OUT = args.out.resolve() if args.out else CASE
    failed = 0
    for name, builder in BUILDERS.items():
        if args.only and name not in args.only:
            continue
        try:
            for path in builder():
                say(f"wrote {path.relative_to(OUT)} ({path.stat().st_size:,} bytes)")
        except (FileNotFoundError, ImportError, RuntimeError, subprocess.CalledProcessError) as exc:
            failed += 1
            say(f"skipped {name}: {exc} (the committed file is kept)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
