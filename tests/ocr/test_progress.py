"""Progress with OCR: pages and pages/s beside documents."""

from kashf.cli.progress import ProgressView
from kashf.model import StageOutcome
from kashf.runner import ocr_pages_read


def test_pages_read_count_only_fresh_readings():
    outcomes = [StageOutcome("language", 1, "ok", result={"language": "fa"}),
                StageOutcome("ocr", 1, "ok", result={"pages": [], "read": 3, "cached": 2}),
                StageOutcome("ocr", 1, "failed", error="no Tesseract")]
    assert ocr_pages_read(outcomes) == 3


def test_rate_text_shows_pages_once_ocr_ran():
    view = ProgressView("process", "docs", enabled=False)
    view.start(10, 0)
    view.advance(0, 0)
    assert "pages" not in view.rate_text()
    view.advance(0, 0, pages=12)
    assert view.pages == 12
    assert "12 OCR pages" in view.rate_text() and "pages/s" in view.rate_text()


def test_ingest_and_process_report_the_pages_ocr_read(tmp_path, tesseract):
    from ocr_pages import ENGLISH, page

    from kashf.case import Case

    leak = tmp_path / "leak"
    leak.mkdir()
    page(ENGLISH).save(leak / "scan.png", dpi=(300, 300))
    case = Case.create(tmp_path / "case")
    try:
        view = ProgressView("ingest", "files", enabled=False)
        case.ingest([leak], workers=1, progress=view)
        assert (view.done, view.pages) == (1, 1)
        again = ProgressView("process", "docs", enabled=False)
        case.process(force=True, workers=1, progress=again)
        assert again.done == 1 and again.pages == 0  # the reading came from the cache
    finally:
        case.close()
