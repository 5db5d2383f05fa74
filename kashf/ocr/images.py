"""Page images from files: raster images (every frame) and PDF pages, one at a time.

Only one page image is alive at a time, so a 500-page PDF or a long multi-page
TIFF is read with the memory of one page. PDF pages are rendered by pdfium at
``PDF_DPI``; raster images keep their own pixels and report the resolution
their header declares (or None, and the caller estimates it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from kashf.ocr.errors import OCRInputError

PDF_DPI = 300
REOPEN_EVERY = 20  # PDF pages rendered before the document is opened again (see _pdf_pages)
# Pdfium renders in memory; a page this many pixels on a side (a poster, a
# corrupt MediaBox) is rendered at a lower dpi instead of exhausting memory.
MAX_SIDE_PX = 7000
PDF_MIMES = {"application/pdf", "application/x-pdf"}
IMAGE_SUFFIXES = {
    ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp", ".gif", ".jp2", ".pnm", ".ppm", ".pgm",
    ".pbm",
}


@dataclass
class PageImage:
    """One page to read: its 1-based number, pixels and the resolution they were made at."""

    number: int
    image: Image.Image | None
    dpi: float | None
    error: str | None = None  # why the page could not be rendered (``image`` is None then)


def is_pdf(path: str | Path, mime: str | None = None) -> bool:
    """PDF by MIME type, or by the ``%PDF`` signature when the type is unknown."""
    if mime:
        return mime in PDF_MIMES
    with open(path, "rb") as handle:
        return b"%PDF" in handle.read(1024)


def is_image(path: str | Path, mime: str | None = None) -> bool:
    """A raster image we can read (by MIME type, else by suffix)."""
    if mime:
        return mime.startswith("image/") and mime != "image/svg+xml"
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def page_images(
    path: str | Path, pages: list[int] | None = None, mime: str | None = None,
    skip_broken: bool = False,
) -> Iterator[PageImage]:
    """Yield the pages of an image or PDF file (all, or the 1-based numbers in ``pages``).

    A PDF page that cannot be rendered raises :class:`OCRInputError`, or with
    ``skip_broken`` is yielded without an image and with the reason, so the
    pages after it are still read.
    """
    wanted = set(pages) if pages else None
    if is_pdf(path, mime):
        yield from _pdf_pages(Path(path), wanted, skip_broken)
    else:
        yield from _image_pages(Path(path), wanted)


def page_count(path: str | Path, mime: str | None = None) -> int:
    """How many pages (PDF pages or image frames) the file has."""
    if is_pdf(path, mime):
        document = _open_pdf(Path(path))
        try:
            return len(document)
        finally:
            document.close()
    with _open_image(Path(path)) as image:
        return getattr(image, "n_frames", 1)


def _open_image(path: Path) -> Image.Image:
    try:
        return Image.open(path)
    except UnidentifiedImageError as error:
        raise OCRInputError(f"{path.name}: not an image that can be read") from error
    except OSError as error:
        raise OCRInputError(f"{path.name}: cannot open image ({error})") from error


def _image_pages(path: Path, wanted: set[int] | None) -> Iterator[PageImage]:
    with _open_image(path) as image:
        try:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                if wanted is not None and number not in wanted:
                    continue
                frame.load()
                yield PageImage(number, frame.copy(), _declared_dpi(frame))
        except (OSError, SyntaxError, ValueError) as error:
            raise OCRInputError(f"{path.name}: damaged image ({error})") from error


def _declared_dpi(image: Image.Image) -> float | None:
    """The header's resolution when it is plausible for a scan (72 is a 'no idea' default)."""
    dpi = image.info.get("dpi")
    if not dpi:
        return None
    try:
        value = float(dpi[0])
    except (TypeError, ValueError, IndexError):
        return None
    return value if 100 <= value <= 1200 else None


def _open_pdf(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise OCRInputError(f"{path.name}: cannot open PDF ({error})") from error


def _pdf_pages(path: Path, wanted: set[int] | None, skip_broken: bool) -> Iterator[PageImage]:
    document = _open_pdf(path)
    try:
        count = len(document)
        done = 0
        for index in range(count):
            if wanted is not None and index + 1 not in wanted:
                continue
            if done and done % REOPEN_EVERY == 0:
                # pdfium keeps what it decoded for a page (images, fonts) with the
                # document: opening it again keeps a long scan at one page's memory.
                document.close()
                document = _open_pdf(path)
            done += 1
            try:
                image, dpi = _render(document, index)
            except Exception as error:  # pdfium raises bare errors for broken pages
                reason = f"page {index + 1} cannot be rendered ({error})"
                if not skip_broken:
                    raise OCRInputError(f"{path.name}: {reason}") from error
                yield PageImage(index + 1, None, None, reason)
                continue
            yield PageImage(index + 1, image, dpi)
    finally:
        document.close()


def _render(document, index: int) -> tuple[Image.Image, float]:
    """One page as a greyscale image; pdfium's bitmap is freed before the next page."""
    page = document[index]
    try:
        width, height = page.get_size()  # points
        dpi = min(PDF_DPI, MAX_SIDE_PX * 72 / max(width, height, 1))
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        try:
            return bitmap.to_pil().copy(), dpi
        finally:
            bitmap.close()
    finally:
        page.close()
