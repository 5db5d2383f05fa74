"""Test pages drawn with Pillow: a few lines of text in a real font, like a 300 dpi scan."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
ARABIC_FONT = ROOT / "kashf" / "web" / "static" / "fonts" / "NotoNaskhArabic-Regular.woff2"
LATIN_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

ENGLISH = [
    "The ambassador met the minister in Baghdad on Tuesday",
    "They discussed the airport contract and the new border post",
    "A second meeting was planned for the following week",
]
PERSIAN = [
    "افسر اطلاعات با منبع در بغداد دیدار کرد",
    "آنها درباره قرارداد فرودگاه گفتگو کردند",
    "دیدار بعدی برای هفته آینده برنامه ریزی شد",
]
ARABIC = [
    "التقى السفير بالوزير في بغداد يوم الثلاثاء",
    "وناقشا عقد المطار والمعبر الحدودي الجديد",
    "وقد تقرر عقد اجتماع ثان في الأسبوع التالي",
]


def latin_font(size: int) -> ImageFont.FreeTypeFont:
    for path in LATIN_FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.truetype(str(ARABIC_FONT), size)  # Noto Naskh has Latin letters too


def page(lines: list[str], rtl: bool = False, size: int = 44, width: int = 1700) -> Image.Image:
    """A white page with ``lines`` in black, right-aligned for Arabic script."""
    font = ImageFont.truetype(str(ARABIC_FONT), size) if rtl else latin_font(size)
    image = Image.new("L", (width, 140 + len(lines) * size * 2), 255)
    draw = ImageDraw.Draw(image)
    y = 80
    for line in lines:
        if rtl:
            draw.text((width - 100, y), line, font=font, fill=0, anchor="ra", direction="rtl",
                      language="fa")
        else:
            draw.text((100, y), line, font=font, fill=0)
        y += size * 2
    return image


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate after the benchmark's normalisation."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from eval_ocr import cer as benchmark_cer

    return benchmark_cer(reference, hypothesis)


def pdf_with_text_layer(image: Image.Image, layer: str, dpi: int = 300) -> bytes:
    """A one-page PDF: ``image`` as the page, and ``layer`` as invisible text over it.

    Scanners and converters make such PDFs; when their font has no usable
    Unicode map, the layer extracts as garbage (here: whatever ``layer`` says).
    """
    import io

    jpeg = io.BytesIO()
    image.convert("L").save(jpeg, "JPEG", quality=90)
    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    escaped = layer.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = (f"q {width:.2f} 0 0 {height:.2f} 0 0 cm /Im0 Do Q "
               f"BT /F1 10 Tf 3 Tr 20 {height - 40:.2f} Td ({escaped}) Tj ET").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:.2f} {height:.2f}] "
         "/Resources << /XObject << /Im0 4 0 R >> /Font << /F1 5 0 R >> >> "
         "/Contents 6 0 R >>").encode(),
        (f"<< /Type /XObject /Subtype /Image /Width {image.width} /Height {image.height} "
         f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode "
         f"/Length {len(jpeg.getvalue())} >>\nstream\n").encode() + jpeg.getvalue()
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)
