"""``kashf ocr FILE``: print what OCR reads on an image or PDF, page by page, without a case.

A thin shell over :func:`kashf.ocr.ocr_file`. ``--json`` prints one object::

    {"path": "scan.pdf",
     "pages": [{"page": 1, "text": "…", "confidence": 0.93, "low_confidence": false,
                "language": "fas", "rotation": 0, "retried": false, "seconds": 1.2,
                "engine": "tesseract 5.5.4 fas:…", "words": [[x0, y0, x1, y1, conf, "word"], …]}]}

``words`` only with ``--words``. Every page of the file is read, PDF pages
with a text layer too: this command shows what OCR sees, not what ingest keeps.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import typer
from rich.console import Console

from kashf.exc import KashfError


def parse_pages(spec: str | None) -> list[int] | None:
    """``"1,3-5"`` → ``[1, 3, 4, 5]``; None for all pages."""
    if not spec:
        return None
    pages: set[int] = set()
    for part in spec.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not match:
            raise typer.BadParameter(f"not a page list: {spec!r} (use e.g. 1,3-5)",
                                     param_hint="--pages")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1 or last < first:
            raise typer.BadParameter(f"bad page range {part.strip()!r}", param_hint="--pages")
        pages.update(range(first, last + 1))
    return sorted(pages)


def ocr(
    file: Path = typer.Argument(..., help="An image (PNG, JPEG, TIFF, WebP, BMP, GIF) or a PDF."),
    lang: str = typer.Option(None, "--lang", "-l",
                             help="Skip the language choice: fa, ar, en, or joined with + (fa+en)."),
    pages: str = typer.Option(None, "--pages", "-p", help="Only these pages, e.g. 1,3-5."),
    words: bool = typer.Option(False, "--words", help="With --json: each word's box and confidence."),
    json_: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Print the text of an image or PDF read by OCR, per page with its confidence."""
    from kashf.ocr import ocr_file
    from kashf.ocr.images import is_image, is_pdf

    if not file.is_file():
        raise KashfError(f"no such file: {file}")
    if not (is_image(file) or is_pdf(file)):
        raise KashfError(f"{file.name}: not an image or PDF (supported: PNG, JPEG, TIFF, WebP, "
                         "BMP, GIF, PDF)")
    wanted = parse_pages(pages)
    console = Console(highlight=False)
    results = []
    count = 0
    for page in ocr_file(file, pages=wanted, languages=lang):
        count += 1
        if json_:
            results.append(page.to_json(words=words))
            continue
        flag = "  [yellow]low confidence[/yellow]" if page.low_confidence else ""
        turned = f", turned {page.rotation}°" if page.rotation else ""
        console.print(f"[bold]── page {page.page}[/bold]  {page.language}, confidence "
                      f"{page.confidence:.0%}{turned}, {page.seconds:.1f} s{flag}")
        console.print(page.text, markup=False)
    if json_:
        print(json.dumps({"path": str(file), "pages": results}, ensure_ascii=False, indent=2))
    elif wanted and not count:
        raise KashfError(f"{file.name}: no page {pages} in this file")
