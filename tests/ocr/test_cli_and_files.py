"""``kashf ocr`` without a case, multi-page files read one page at a time, the benchmark."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from ocr_pages import ENGLISH, ROOT, cer, page
from PIL import Image
from typer.testing import CliRunner

from kashf.cli import app
from kashf.ocr.images import page_count, page_images

pytestmark = pytest.mark.usefixtures("tesseract")

runner = CliRunner()


def test_ocr_json_contract(tmp_path):
    path = tmp_path / "memo.png"
    page(ENGLISH).save(path, dpi=(300, 300))
    result = runner.invoke(app, ["ocr", str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["path"] == str(path)
    (first,) = out["pages"]
    assert {"page", "text", "confidence", "low_confidence", "language", "rotation", "retried",
            "seconds", "engine"} <= set(first)
    assert "words" not in first
    assert first["page"] == 1 and first["language"] == "eng" and first["rotation"] == 0
    assert cer("\n".join(ENGLISH), first["text"]) <= 0.02
    with_words = json.loads(runner.invoke(app, ["ocr", str(path), "--json", "--words"]).output)
    assert with_words["pages"][0]["words"][0][5] == "The"


def test_ocr_text_output_pages_and_language(tmp_path):
    path = tmp_path / "two.tiff"
    first = page(ENGLISH)
    first.save(path, save_all=True, append_images=[page(ENGLISH[::-1])], dpi=(300, 300))
    result = runner.invoke(app, ["ocr", str(path), "--pages", "2", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "page 2" in result.output and "page 1" not in result.output
    assert "confidence" in result.output and "ambassador" in result.output


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.png", None, "no such file"),
    ("notes.txt", b"plain text", "not an image or PDF"),
    ("broken.png", b"\x89PNG\r\n\x1a\nnot really", "broken.png: cannot"),
])
def test_ocr_errors_are_one_line(tmp_path, name, content, message):
    from kashf.exc import KashfError

    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["ocr", str(path)])
    assert result.exit_code != 0
    assert isinstance(result.exception, KashfError)
    assert message in str(result.exception)


def test_bad_page_list_is_a_usage_error(tmp_path):
    path = tmp_path / "memo.png"
    page(ENGLISH).save(path)
    result = runner.invoke(app, ["ocr", str(path), "--pages", "3-1"])
    assert result.exit_code == 2


def test_long_pdf_is_rendered_one_page_at_a_time(tmp_path):
    """60 pages: each page image is released before the next is made, whatever the length."""
    path = tmp_path / "long.pdf"
    sheet = Image.new("L", (400, 560), 255)
    sheet.save(path, save_all=True, append_images=[sheet] * 59, resolution=100)
    assert page_count(path) == 60
    previous = None
    seen = 0
    for item in page_images(path):
        width, height = item.image.size  # rendered at 300 dpi
        assert abs(width - 1200) <= 2 and abs(height - 1680) <= 2
        if previous is not None:
            gc.collect()
            assert previous() is None, "the generator kept the previous page alive"
        previous = weakref.ref(item.image)
        seen += 1
        del item
    assert seen == 60
    selected = [p.number for p in page_images(path, pages=[2, 59])]
    assert selected == [2, 59]


def test_eval_quick_runs(tmp_path):
    data = Path(os.environ.get("KASHF_SHARED_DATA", ROOT.parent / "shared" / "data")) / "ocr-pages"
    if not data.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"test data missing on CI: {data}")
        pytest.skip(f"shared OCR pages not found at {data}")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "eval_ocr.py"), "--quick",
                           str(data)], capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    assert "kashf CER" in done.stdout and "retry rate" in done.stdout
    for lang in ("fa", "ar", "en"):
        assert any(line.startswith(lang) for line in done.stdout.splitlines())
