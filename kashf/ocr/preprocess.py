"""Page clean-up before recognition: grey, flat, contrasted, straight, large enough.

Scans and photocopies arrive with grey paper, uneven light, a dark edge, a
slight skew, and sometimes at 150 dpi. Tesseract thresholds the page with one
global Otsu level and finds lines by their horizontal projection; uneven light
makes it lose whole regions and a degree of skew makes it merge lines. So we
divide out the background (which flattens light and paper tone in one step),
stretch the contrast, straighten the page and upscale small text. The result
stays greyscale: Tesseract's LSTM reads grey line images better than binary.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

# Background estimate: shrink by this factor, then a max filter wider than a
# stroke removes the text and a blur smooths what is left.
BG_SHRINK = 8
BG_MAX_FILTER = 7
BG_BLUR = 4
# Skew search range and steps, in degrees.
SKEW_RANGE = 6.0
SKEW_COARSE = 1.0
SKEW_FINE = 0.1
# Below this resolution, text is upscaled to TARGET_DPI before recognition.
LOW_DPI = 170
TARGET_DPI = 300
# Width of the small working copy used for skew and orientation.
ANALYSIS_WIDTH = 600


@dataclass
class Prepared:
    """A page ready for recognition, and what was done to get there."""

    image: Image.Image
    dpi: float | None
    skew: float
    quarter_turns: int  # 90° turns (counter-clockwise) applied before deskewing
    scale: float


def to_gray(image: Image.Image) -> Image.Image:
    """8-bit greyscale; transparency is laid on white (transparent scans are blank paper)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        array = np.asarray(image, dtype=np.float64)
        top = array.max() or 1.0
        return Image.fromarray((array * (255.0 / top)).astype(np.uint8))
    return image.convert("L")


def flatten(gray: Image.Image) -> Image.Image:
    """Divide the page by its estimated background, then stretch ink to black.

    Division (not subtraction) keeps contrast proportional: faint ink on a dark
    corner gets as dark as faint ink on white paper.
    """
    width, height = gray.size
    small = gray.resize((max(1, width // BG_SHRINK), max(1, height // BG_SHRINK)), Image.BILINEAR)
    background = small.filter(ImageFilter.MaxFilter(BG_MAX_FILTER))
    background = background.filter(ImageFilter.GaussianBlur(BG_BLUR)).resize(gray.size, Image.BILINEAR)
    page = np.asarray(gray, dtype=np.float32)
    ratio = page / np.maximum(np.asarray(background, dtype=np.float32), 1.0)
    # Stretch: the darkest 0.1% of pixels become black (from a sample: it is a statistic).
    low = float(np.percentile(ratio[::4, ::4], 0.1))
    if low < 0.8:  # else a blank page: nothing to stretch
        ratio -= low
        ratio *= 1.0 / (1.0 - low)
    np.clip(ratio, 0.0, 1.0, out=ratio)
    ratio *= 255.0
    return Image.fromarray(ratio.astype(np.uint8))


def otsu_level(page: np.ndarray) -> int:
    """Otsu's threshold of an 8-bit image (ink is below it)."""
    histogram = np.bincount(page.ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    if total == 0:
        return 128
    weight = np.cumsum(histogram) / total
    mean = np.cumsum(histogram * np.arange(256)) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight - mean) ** 2 / (weight * (1.0 - weight))
    between = np.nan_to_num(between)
    return int(np.argmax(between))


def binarize(gray: Image.Image) -> Image.Image:
    """Black ink on white paper at the page's Otsu level."""
    level = otsu_level(np.asarray(gray))
    return gray.point(lambda value: 255 if value > level else 0)


def _analysis_ink(gray: Image.Image) -> np.ndarray:
    """Ink pixel coordinates (rows, columns) of a small copy, for the geometry searches."""
    factor = max(1, gray.width // ANALYSIS_WIDTH)
    small = gray.resize((max(1, gray.width // factor), max(1, gray.height // factor)), Image.BILINEAR)
    array = np.asarray(small)
    ink = array < otsu_level(array)
    # Page-edge shadows and frame lines would dominate the profiles: drop them.
    ink[:, ink.mean(axis=0) > 0.4] = False
    ink[ink.mean(axis=1) > 0.5, :] = False
    return ink


def _line_score(rows: np.ndarray, cols: np.ndarray, angle: float) -> float:
    """How sharply the row profile alternates between ink and gaps when sheared by ``angle``.

    Shearing each column by ``x·tan(angle)`` approximates a rotation for the few
    degrees of skew we search, and costs one bincount instead of an image turn.
    """
    if rows.size == 0:  # a blank page: no lines to straighten
        return 0.0
    shifted = rows - np.round(cols * np.tan(np.deg2rad(angle))).astype(np.int64)
    profile = np.bincount(shifted - shifted.min()).astype(np.float64)
    return float(np.square(np.diff(profile)).mean()) if profile.size > 1 else 0.0


def _coarse_angle(ink: np.ndarray) -> tuple[float, float]:
    """The whole-step skew (degrees) that makes text rows sharpest, and that sharpness."""
    rows, cols = np.nonzero(ink)
    coarse = np.arange(-SKEW_RANGE, SKEW_RANGE + 1e-6, SKEW_COARSE)
    scores = [_line_score(rows, cols, float(a)) for a in coarse]
    index = int(np.argmax(scores))
    return float(coarse[index]), scores[index]


def _fine_angle(ink: np.ndarray, around: float) -> float:
    """Refine a coarse skew to a tenth of a degree."""
    rows, cols = np.nonzero(ink)
    fine = np.arange(around - SKEW_COARSE / 2, around + SKEW_COARSE / 2 + 1e-6, SKEW_FINE)
    scores = [_line_score(rows, cols, float(a)) for a in fine]
    return float(round(fine[int(np.argmax(scores))], 2))


def geometry(gray: Image.Image) -> tuple[int, float]:
    """(quarter turns, skew degrees) that make the page's text lines horizontal.

    Horizontal lines of text give a row profile of sharp peaks and gaps; a page
    lying on its side gives that in the columns instead. Whether the page is
    upside down (0 vs 180°) cannot be seen in profiles: the reader decides that
    from recognition confidence.
    """
    ink = _analysis_ink(gray)
    upright_angle, upright_score = _coarse_angle(ink)
    side = np.rot90(ink)
    side_angle, side_score = _coarse_angle(side)
    if side_score > 1.5 * upright_score:
        return 1, _fine_angle(side, side_angle)
    return 0, _fine_angle(ink, upright_angle)


def rotate(gray: Image.Image, quarter_turns: int, skew: float) -> Image.Image:
    """Apply quarter turns (counter-clockwise), then deskew with white fill."""
    turns = {1: Image.Transpose.ROTATE_90, 2: Image.Transpose.ROTATE_180, 3: Image.Transpose.ROTATE_270}
    if quarter_turns % 4:
        gray = gray.transpose(turns[quarter_turns % 4])
    if abs(skew) >= 0.1:
        gray = gray.rotate(skew, resample=Image.BILINEAR, fillcolor=255)
    return gray


def prepare(image: Image.Image, dpi: float | None) -> Prepared:
    """Grey, flatten, straighten and (for low-resolution scans) upscale one page."""
    gray = flatten(to_gray(image))
    turns, skew = geometry(gray)
    gray = rotate(gray, turns, skew)
    scale = 1.0
    if dpi and dpi < LOW_DPI:
        scale = TARGET_DPI / dpi
        gray = gray.resize((round(gray.width * scale), round(gray.height * scale)), Image.LANCZOS)
        dpi = TARGET_DPI
    return Prepared(gray, dpi, skew, turns, scale)


def to_source(prepared: Prepared, source_size: tuple[int, int], box: tuple[int, int, int, int],
              flipped: bool = False) -> tuple[int, int, int, int]:
    """Map a box on the prepared page back to the original page's pixels.

    Undo, in reverse order: the 180° flip, the upscaling, the deskew rotation
    (about the centre, as PIL turns it) and the quarter turns.
    """
    width, height = prepared.image.size
    corners = [(box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])]
    points = []
    for x, y in corners:
        if flipped:
            x, y = width - x, height - y
        x, y = x / prepared.scale, y / prepared.scale
        x, y = _unrotate(x, y, prepared.skew, width / prepared.scale, height / prepared.scale)
        x, y = _unturn(x, y, prepared.quarter_turns, source_size)
        points.append((x, y))
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    src_w, src_h = source_size
    return (max(0, round(min(xs))), max(0, round(min(ys))),
            min(src_w, round(max(xs))), min(src_h, round(max(ys))))


def _unrotate(x: float, y: float, angle: float, width: float, height: float) -> tuple[float, float]:
    if abs(angle) < 0.1:
        return x, y
    theta = np.deg2rad(angle)
    cx, cy = width / 2, height / 2
    dx, dy = x - cx, y - cy
    return (cx + dx * np.cos(theta) - dy * np.sin(theta),
            cy + dx * np.sin(theta) + dy * np.cos(theta))


def _unturn(x: float, y: float, turns: int, source_size: tuple[int, int]) -> tuple[float, float]:
    width, height = source_size
    turns %= 4
    if turns == 1:  # ROTATE_90: source (x, y) went to (y, width - x)
        return width - y, x
    if turns == 2:
        return width - x, height - y
    if turns == 3:  # ROTATE_270: source (x, y) went to (height - y, x)
        return y, height - x
    return x, y
