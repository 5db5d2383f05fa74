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
