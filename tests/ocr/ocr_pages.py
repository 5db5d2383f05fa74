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
