"""The ``ocr`` stage in a real case: scans become searchable text with confidence, once."""

from __future__ import annotations

import json

import pytest
from ocr_pages import ARABIC, ENGLISH, PERSIAN, page, pdf_with_text_layer
from PIL import Image
from typer.testing import CliRunner

from kashf.cli import app

pytestmark = pytest.mark.usefixtures("tesseract")

runner = CliRunner()


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def blurred_scan() -> Image.Image:
    """English text at a seventh of its resolution: readable, but Tesseract is unsure."""
    image = page(ENGLISH)
    small = image.resize((image.width // 7, image.height // 7), Image.BOX)
    return small.resize(image.size, Image.NEAREST)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    root = tmp_path_factory.mktemp("ocr-case")
    folder = root / "scans"
    folder.mkdir()
    page(ENGLISH).save(folder / "memo.png", dpi=(300, 300))
    page(PERSIAN, rtl=True).save(folder / "report.pdf", resolution=300)  # image-only PDF
    blurred_scan().save(folder / "blurred.png", dpi=(300, 300))
    soup = "(cid:12)(cid:7)(cid:99)(cid:41) " * 30  # a font without a Unicode map
    (folder / "garbled.pdf").write_bytes(pdf_with_text_layer(page(ARABIC, rtl=True), soup))
    typed = "A typed memo about the embassy garden party, kept as the PDF says it."
    (folder / "typed.pdf").write_bytes(pdf_with_text_layer(page(ARABIC, rtl=True), typed))
    (folder / "note.txt").write_text("A typed note about the airport.", encoding="utf-8")
    case = root / "case"
    cli("init", str(case))
    cli("ingest", str(case), str(folder), "--workers", "2")
    return case


def search(case, query: str) -> set[str]:
    result = json.loads(cli("search", str(case), query, "--json"))
    return {hit["path"].rsplit("/", 1)[-1] for hit in result["hits"]}


def test_scan_words_are_searchable(scanned):
    assert search(scanned, "ambassador") == {"memo.png", "blurred.png"}
    assert search(scanned, "فرودگاه") == {"report.pdf"}
    assert search(scanned, "المطار") == {"garbled.pdf"}  # the soup was replaced by OCR
    assert search(scanned, "cid") == set()
    assert search(scanned, "garden") == {"typed.pdf"}  # a usable text layer is kept, not read


def test_status_counts_ocr_runs_and_low_confidence(scanned):
    status = json.loads(cli("status", str(scanned), "--json"))
    assert status["stages"]["ocr"]["versions"]["1"] == {"ok": 6}
    assert status["low_confidence_ocr_documents"] == 1
    assert not status["stage_failures"]


def test_pages_carry_confidence(scanned):
    hit = json.loads(cli("search", str(scanned), "ambassador", "--json"))["hits"]
    memo = next(h for h in hit if h["path"].endswith("memo.png"))
    shown = json.loads(cli("show", str(scanned), memo["id"], "--json"))
    (first,) = shown["pages"]
    assert first["has_text_layer"] is False
    assert first["ocr_confidence"] > 0.85
    assert first["ocr_low_confidence"] is False


def test_usable_text_layer_is_kept_without_ocr(scanned):
    hit = json.loads(cli("search", str(scanned), "garden", "--json"))["hits"][0]
    (first,) = json.loads(cli("show", str(scanned), hit["id"], "--json"))["pages"]
    assert first["has_text_layer"] is True
    assert first["ocr_confidence"] is None


def test_low_confidence_facet(scanned):
    assert search(scanned, "ocr:low") == {"blurred.png"}
    assert search(scanned, "ambassador ocr:low") == {"blurred.png"}


def test_words_and_boxes_are_stored(scanned):
    from kashf.case import Case

    with Case.open(scanned) as case:
        rows = case.store.db.execute(
            "SELECT p.ocr FROM pages p JOIN sources s ON s.document_id = p.document_id"
            " WHERE s.path LIKE '%memo.png'").fetchall()
    record = json.loads(rows[0][0])
    assert record["language"] == "eng"
    words = [w[5] for w in record["words"]]
    assert "ambassador" in words
    assert all(len(w) == 6 and 0 <= w[4] <= 1 for w in record["words"])


def test_rerun_does_no_ocr_work(scanned):
    from kashf.case import Case

    assert json.loads(cli("process", str(scanned), "--json"))["documents"] == 0
    summary = json.loads(cli("process", str(scanned), "--stage", "ocr", "--force", "--json"))
    assert summary["stages"]["ocr"] == {"ok": 6}
    with Case.open(scanned) as case:
        results = [case.store.stage_results(i).get("ocr") for i in case.store.document_ids("ok")]
    read = sum(r["read"] for r in results)
    cached = sum(r["cached"] for r in results)
    assert (read, cached) == (0, 4)
    assert search(scanned, "ambassador") == {"memo.png", "blurred.png"}


def test_missing_tesseract_fails_the_stage_with_the_install_hint(tmp_path, monkeypatch):
    from kashf.ocr import engine
    from kashf.runner import run_stage, selected_stages
    from kashf.stages import PageSpan, StageInput

    empty = tmp_path / "tessdata"
    empty.mkdir()
    monkeypatch.setenv("KASHF_TESSDATA", str(empty))
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    monkeypatch.setattr(engine, "TESSDATA_CANDIDATES", ())
    engine.tessdata_dir.cache_clear()
    try:
        image = tmp_path / "scan.png"
        page(ENGLISH).save(image)
        (ocr,) = selected_stages(["ocr"])
        outcome = run_stage(ocr, StageInput("0" * 64, "scan.png", "image/png", "",
                                            (PageSpan(1, 0, 0, False),), blob_path=str(image)))
    finally:
        engine.tessdata_dir.cache_clear()
    assert outcome.status == "failed"
    assert "tesseract-ocr-fas" in outcome.error


def test_text_documents_need_no_tesseract():
    from kashf.ocr.stage import ocr_stage
    from kashf.stages import PageSpan, StageInput

    text = "A typed note."
    result = ocr_stage(StageInput("0" * 64, "note.txt", "text/plain", text,
                                  (PageSpan(1, 0, len(text)),)))
    assert result["pages"] == []


def test_time_limit_stops_between_pages_and_the_next_run_goes_on(tmp_path):
    from kashf.exc import StageError
    from kashf.ocr.stage import ocr_stage
    from kashf.stages import PageSpan, StageInput

    path = tmp_path / "three.tiff"
    page(ENGLISH).save(path, save_all=True, append_images=[page(ENGLISH[:2]), page(ENGLISH[:1])])
    spans = tuple(PageSpan(n, 0, 0, False) for n in (1, 2, 3))

    def run(settings):
        return ocr_stage(StageInput("a" * 64, "three.tiff", "image/tiff", "", spans,
                                    blob_path=str(path), settings=settings))

    cache = {"ocr_cache": str(tmp_path / "cache")}
    with pytest.raises(StageError, match="2 of 3 pages left"):
        run({**cache, "ocr_max_seconds": 1e-6})
    result = run(cache)
    assert (result["read"], result["cached"]) == (2, 1)
    assert [p["page"] for p in result["pages"]] == [1, 2, 3]


def test_damaged_image_fails_the_stage_with_a_reason_and_no_hash(tmp_path):
    from kashf.runner import run_stage, selected_stages
    from kashf.stages import PageSpan, StageInput

    good = tmp_path / "good.jpg"
    page(ENGLISH).save(good, "JPEG")
    blob = tmp_path / ("b" * 64)
    blob.write_bytes(good.read_bytes()[: good.stat().st_size // 3])  # cut short
    (ocr,) = selected_stages(["ocr"])
    outcome = run_stage(ocr, StageInput("b" * 64, "scan.jpg", "image/jpeg", "",
                                        (PageSpan(1, 0, 0, False),), blob_path=str(blob)))
    assert outcome.status == "failed"
    assert outcome.error.startswith("damaged image") or outcome.error.startswith("cannot open")
    assert "b" * 64 not in outcome.error


@pytest.mark.parametrize(("languages", "expected"), [
    (["fa", "ar", "en"], None), (["en"], "eng"), (["fa", "de"], "fas"), ([], None)])
def test_a_one_language_case_skips_the_choice(languages, expected):
    from kashf.ocr.stage import case_language

    assert case_language({"languages": languages}) == expected


def test_one_language_case_reads_with_its_model(tmp_path):
    from kashf.ocr.stage import ocr_stage
    from kashf.stages import PageSpan, StageInput

    path = tmp_path / "memo.png"
    page(ENGLISH).save(path)
    result = ocr_stage(StageInput("c" * 64, "memo.png", "image/png", "", (PageSpan(1, 0, 0, False),),
                                  blob_path=str(path), settings={"languages": ["en"]}))
    (first,) = result["pages"]
    assert first["language"] == "eng" and "ambassador" in first["text"]
