"""Reading rendered pages with the real Tesseract: language, script, rotation, boxes."""

from __future__ import annotations

import pytest
from ocr_pages import ARABIC, ENGLISH, PERSIAN, cer, page
from PIL import Image

from kashf.ocr import ocr_image

pytestmark = pytest.mark.usefixtures("tesseract")

CASES = [
    ("en", ENGLISH, False, "eng", 0.02),
    ("fa", PERSIAN, True, "fas", 0.06),
    ("ar", ARABIC, True, "ara", 0.06),
]


@pytest.mark.parametrize(("lines", "rtl", "model", "bound"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reads_page_without_being_told_the_language(lines, rtl, model, bound):
    result = ocr_image(page(lines, rtl=rtl), dpi=300)
    assert result.language == model
    assert cer("\n".join(lines), result.text) <= bound
    assert 0.7 < result.confidence <= 1.0
    assert not result.low_confidence
    assert result.rotation == 0


@pytest.mark.parametrize(("turn", "rotation"), [(Image.Transpose.ROTATE_90, 90),
                                                (Image.Transpose.ROTATE_180, 180)])
def test_turned_page_is_read_upright(turn, rotation):
    turned = page(ENGLISH).transpose(turn)
    result = ocr_image(turned, dpi=300)
    assert result.rotation == rotation
    assert cer("\n".join(ENGLISH), result.text) <= 0.03


def test_word_boxes_are_in_the_pixels_of_the_page_given():
    image = page(ENGLISH)
    result = ocr_image(image, dpi=300)
    word = next(w for w in result.words if w[5] == "ambassador")
    x0, y0, x1, y1, confidence, _ = word
    assert 0 <= x0 < x1 <= image.width and 0 <= y0 < y1 <= image.height
    assert 60 <= y0 <= 160  # the first line is drawn at y = 80
    assert 0.5 < confidence <= 1.0


def test_given_language_skips_the_choice():
    result = ocr_image(page(PERSIAN, rtl=True), "fa", dpi=300)
    assert result.language == "fas"
    assert cer("\n".join(PERSIAN), result.text) <= 0.06


def test_blank_page_reads_as_nothing_and_is_not_flagged():
    result = ocr_image(Image.new("L", (1200, 1600), 255), dpi=300)
    assert result.text == ""
    assert not result.low_confidence


def test_noise_reads_with_low_confidence():
    import numpy as np

    rng = np.random.default_rng(7)
    noise = Image.fromarray(((rng.random((900, 1200)) > 0.93) * 255).astype("uint8") ^ 255)
    noise = noise.resize((1200, 900)).point(lambda v: 0 if v < 128 else 255)
    result = ocr_image(noise, dpi=300)
    assert not result.words or result.low_confidence


def _stack(*pages: Image.Image) -> Image.Image:
    sheet = Image.new("L", (max(p.width for p in pages), sum(p.height for p in pages)), 255)
    top = 0
    for part in pages:
        sheet.paste(part, (0, top))
        top += part.height
    return sheet


@pytest.mark.parametrize("order", ["en+fa", "fa+en+fa", "ar+en"])
def test_mixed_pages_read_each_line_in_its_own_script(order):
    blocks = {"en": (ENGLISH, False), "fa": (PERSIAN, True), "ar": (ARABIC, True)}
    parts = [blocks[code] for code in order.split("+")]
    image = _stack(*(page(lines, rtl=rtl) for lines, rtl in parts))
    result = ocr_image(image, dpi=300)
    reference = "\n".join(line for lines, _ in parts for line in lines)
    assert cer(reference, result.text) <= 0.04
