"""Ingest every real messy file in ../shared/data/files: nothing lost, every failure explained."""

from __future__ import annotations

import json
import os

import pytest
from datapaths import shared_data

from kashf.case import Case


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    files = shared_data("files")
    persian = tmp_path_factory.mktemp("persian")
    (persian / "gozaresh.txt").write_text(
        "گزارش محرمانه: منبع ما فردا به کربلا می‌رود و با مأمور دیدار می‌کند.", encoding="utf-8"
    )
    case = Case.create(tmp_path_factory.mktemp("c") / "case")
    report = case.ingest([files, persian], workers=2, process=False)
    yield case, report, files
    case.close()


def test_every_file_given_is_a_document(ingested):
    case, report, files = ingested
    on_disk = sum(len(names) for _, _, names in os.walk(files)) + 1
    status = case.status()
    assert report.files_given == on_disk
    assert status["files_seen"] == on_disk
    listed = {row["path"] for row in case.ls()}
    sources = {p for row in case.ls() for p in row["paths"]}
    assert len(sources) >= on_disk
    assert listed  # and every top-level path resolves to a document
    top = [p for p in sources if "!/" not in p]
    assert len(top) == on_disk


def test_every_failure_has_a_short_reason(ingested):
    case, _report, _files = ingested
    failures = case.status()["failures"]
    assert failures, "the corpus has encrypted and broken files: some must fail"
    for failure in failures:
        assert failure["reason"], failure
        assert "\n" not in failure["reason"] and len(failure["reason"]) < 200, failure
        assert "Traceback" not in failure["reason"]


def test_pdf_page_counts_match_the_truth(ingested):
    case, _report, files = ingested
    truth = json.loads((files / "pypdf" / "files.json").read_text())["data"]
    by_path = {path: row for row in case.ls() for path in row["paths"]}
    checked = 0
    for entry in truth:
        if not (files / "pypdf" / entry["path"]).exists():
            continue  # files.json names a few files this copy of the corpus does not ship
        row = by_path.get(f"files/pypdf/{entry['path']}")
        assert row is not None, entry["path"]
        if row["status"] == "ok":
            assert row["pages"] == entry["pages"], entry["path"]
            checked += 1
        else:
            assert entry.get("encrypted") or row["reason"], entry["path"]
    assert checked >= 20


@pytest.mark.parametrize(
    "query",
    [
        "ميرود",  # Arabic yeh, no ZWNJ
        "می رود",  # with a space
        "می‌رود",  # with ZWNJ, as written
        "كربلا",  # Arabic kaf
        "مامور",  # without the hamza seat
    ],
)
def test_persian_spelling_variants_find_the_persian_text(ingested, query):
    case, _report, _files = ingested
    result = case.search(query)
    assert any(hit["path"].endswith("/gozaresh.txt") for hit in result["hits"]), result
    hit = next(h for h in result["hits"] if h["path"].endswith("/gozaresh.txt"))
    assert hit["highlights"]
    for start, end in hit["highlights"]:
        assert hit["snippet"][start:end].strip()


def test_office_files_read_from_extensionless_blobs(ingested):
    """Originals are stored without their extension: every format must still be read."""
    case, _report, _files = ingested
    failures = {f["path"]: f["reason"] for f in case.status()["failures"]}
    assert not [r for r in failures.values() if r.startswith("internal error")], failures
    for row in case.ls():
        extension = row["path"].rsplit(".", 1)[-1].lower()
        if extension in {"xlsx", "xls", "docx", "doc", "pptx", "ppt", "odt", "rtf", "msg", "eml"}:
            if "password" in row["path"] or "encrypted" in row["path"]:
                continue
            assert row["status"] == "ok", (row["path"], row["reason"])
