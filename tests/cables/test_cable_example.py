"""The example case's cables, reports and letters parse to the headers its gold file gives.

``examples/gold/cables.jsonl`` is written by hand for the bundled example case. The
parser keeps values as typed, so two reports typed on an Arabic keyboard (ي، ك,
Latin digits) are compared after folding letters and digits; a copy (رونوشت) is
an INFO addressee here where the gold lists it under ``to``; ``Classified By``
gives the name without the title; and US cables without a date-time group get no
date (the gold's dates for those were not written in the text).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pypdfium2
import pytest

from kashf.cables import parse_cable

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "examples" / "case"
GOLD = ROOT / "examples" / "gold" / "cables.jsonl"
FOLD = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": "", **{str(i): d for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")}})


def _gold() -> list[dict]:
    if not GOLD.is_file():
        return []
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def _text(path: str) -> str | None:
    if "!/" in path:
        archive, inner = path.split("!/")
        return zipfile.ZipFile(CASE / archive).read(inner).decode("utf-8")
    file = CASE / path
    if file.suffix == ".pdf":
        pdf = pypdfium2.PdfDocument(str(file))
        try:
            return "\n".join(page.get_textpage().get_text_range() for page in pdf)
        finally:
            pdf.close()
    if file.suffix in (".jpg", ".png"):
        return None  # needs OCR
    raw = file.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1256")


def _same(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return [_fold(x) for x in a] == [_fold(x) for x in b]
    return _fold(a) == _fold(b)


def _fold(value):
    return value.translate(FOLD).replace("\u200c", "") if isinstance(value, str) else value


# A Persian PDF's text layer comes out in visual order; the form parser reads its header
# fields back. Scans need OCR, which is not run here.
CASES = [g for g in _gold() if not g["path"].endswith((".jpg", ".png"))]


@pytest.mark.parametrize("gold", CASES, ids=[g["path"] for g in CASES])
def test_example_case_headers(gold):
    text = _text(gold["path"])
    cable = parse_cable(text, name_hint=gold["path"])
    assert cable is not None
    record = cable.to_json()
    expected_format = {"us_cable": "us_state"}.get(gold["kind"], gold["kind"])
    assert record["format"] == expected_format
    to = record["to"] + (record["info"] if gold["kind"] == "persian_report" else [])
    checks = {
        "reference_id": record["reference_id"],
        "classification": record["classification"],
        "origin": record["origin"],
        "to": to,
        "subject": record["subject"],
        "references": record["references"],
    }
    if gold.get("dtg") is not None or gold["kind"] != "us_cable":
        checks["date"] = record["date"][:10] if record["date"] else None
    for key, value in checks.items():
        assert _same(value, gold[key]), (key, value, gold[key])
    if "signer" in gold:
        assert _same(record["signers"][:1], [gold["signer"]] if gold["signer"] else [])
    if gold.get("classified_by"):
        assert record["classified_by"] and gold["classified_by"].endswith(record["classified_by"][0])
    if gold.get("caveats") is not None:
        assert record["caveats"] == gold["caveats"]
