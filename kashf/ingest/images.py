"""Images: stored with one page per frame (no text layer) so the OCR stage can read them.

Only headers are read here (Pillow opens lazily; no pixels are decoded), which keeps images
cheap to ingest and makes decompression bombs harmless at this step. EXIF is kept because it
is evidence: camera, time taken and GPS position (``metadata["gps"] = {"lat", "lon"}`` in
decimal degrees, south and west negative).
"""

from __future__ import annotations

import re
import struct
import warnings

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.model import ExtractedPage, Extraction

MAX_PAGES = 1000  # a multi-page TIFF fax can be long; an animation is one picture
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_SKIP_TAGS = {
    "MakerNote",
    "UserComment",
    "PrintImageMatching",
    "ComponentsConfiguration",
    "JPEGInterchangeFormat",
    "JPEGInterchangeFormatLength",
    "StripOffsets",
    "StripByteCounts",
    "TileOffsets",
    "TileByteCounts",
    "XMLPacket",
    "InterColorProfile",
}


def snake(name: str) -> str:
    """``DateTimeOriginal`` → ``date_time_original``."""
    return _CAMEL.sub("_", name).lower()


def plain(value):
    """An EXIF value made JSON-friendly (rationals → float, bytes → text), None to drop it."""
    if isinstance(value, bytes):
        text = value.rstrip(b"\x00").decode("utf-8", "replace")
        return text if len(text) <= 200 and text.isprintable() else None
    if isinstance(value, str):
        value = value.strip("\x00 ").strip()
        return value or None
    if isinstance(value, tuple | list):
        items = [plain(item) for item in value[:16]]
        return items if all(item is not None for item in items) else None
    if isinstance(value, int | bool):
        return value
    try:
        number = float(value)  # IFDRational and friends
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return None if number != number else round(number, 6)  # NaN from a 0/0 rational


def exif_iso(value: str) -> str | None:
    match = _EXIF_DATE.match(value or "")
    if not match or match.group(1) == "0000":
        return None
    y, mo, d, h, mi, s = match.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}"


def gps_position(gps: dict) -> dict | None:
    """Decimal degrees from the GPS IFD, or None if it holds no usable position."""
    try:
        lat = _degrees(gps["GPSLatitude"]) * (
            -1 if str(gps.get("GPSLatitudeRef", "N")).upper().startswith("S") else 1
        )
        lon = _degrees(gps["GPSLongitude"]) * (
            -1 if str(gps.get("GPSLongitudeRef", "E")).upper().startswith("W") else 1
        )
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    position = {"lat": round(lat, 7), "lon": round(lon, 7)}
    altitude = gps.get("GPSAltitude")
    try:
        if altitude is not None:
            sign = -1 if gps.get("GPSAltitudeRef") in (1, b"\x01") else 1
            position["altitude"] = round(sign * float(altitude), 2)
    except (TypeError, ValueError, ZeroDivisionError):
        pass
    return position


def _degrees(parts) -> float:
    if isinstance(parts, tuple | list):
        d, m, s = (list(parts) + [0, 0, 0])[:3]
        return float(d) + float(m) / 60 + float(s) / 3600
    return float(parts)


def read_exif(image) -> tuple[dict, dict | None]:
    """``(exif dict with snake_case keys, gps position or None)``."""
    from PIL import ExifTags

    try:
        exif = image.getexif()
    except Exception:  # a damaged EXIF block must not lose the picture
        return {}, None
    if not exif:
        return {}, None
    found: dict = {}
    tags = dict(exif)
    try:
        tags.update(exif.get_ifd(_EXIF_IFD))
    except Exception:
        pass
    for tag, value in tags.items():
        name = ExifTags.TAGS.get(tag)
        if not name or name in _SKIP_TAGS or tag in (_EXIF_IFD, _GPS_IFD):
            continue
        value = plain(value)
        if value is not None:
            found[snake(name)] = value
    gps = None
    try:
        gps_raw = {
            ExifTags.GPSTAGS.get(tag, str(tag)): value
            for tag, value in exif.get_ifd(_GPS_IFD).items()
        }
        gps = gps_position(gps_raw) if gps_raw else None
    except Exception:
        gps = None
    return found, gps


class ImageIngestor(Ingestor):
    """Pictures and scans: PNG, JPEG, TIFF (multi-page), GIF, BMP, WebP; pages go to OCR."""

    name = "image"
    label = "image"
    version = 1
    kind = "image"
    mime_types = ("image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp", "image/webp")
    extensions = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".webp")
    score = 50

    def extract(self, src: Source) -> Extraction:
        from PIL import Image, UnidentifiedImageError

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # truncation warnings: the reason says it
                return self._read(src, Image.open(src.path))
        except UnidentifiedImageError:
            raise fail("corrupt image: the picture cannot be read") from None
        except Image.DecompressionBombError:
            raise fail("image is too large to read safely (decompression bomb)") from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error):
            # Pillow's readers report truncated or damaged headers with these.
            raise fail("corrupt image: the picture is truncated or damaged") from None

    def _read(self, src: Source, image) -> Extraction:
        with image:
            frames = getattr(image, "n_frames", 1) if image.format in ("TIFF", "MPO") else 1
            metadata: dict = {
                "width": image.width,
                "height": image.height,
                "format": image.format,
                "mode": image.mode,
                "frames": frames,
            }
            dpi = image.info.get("dpi")
            if dpi and plain(dpi):
                metadata["dpi"] = plain(dpi)
            exif, gps = read_exif(image)
            if getattr(image, "is_animated", False) and image.format != "TIFF":
                metadata["animated"] = True  # an animation is one picture: one page for OCR
        if exif:
            metadata["exif"] = exif
            created = exif_iso(str(exif.get("date_time_original") or exif.get("date_time") or ""))
            if created:
                metadata["created"] = created
            if exif.get("artist"):
                metadata["author"] = exif["artist"]
        if gps:
            metadata["gps"] = gps
        pages = [ExtractedPage(n, "", False) for n in range(1, min(frames, MAX_PAGES) + 1)]
        return self.result(src, pages=pages, metadata=metadata)


class UndecodableImageIngestor(Ingestor):
    """Image formats stored but not decoded here (HEIC: no licence-compatible decoder)."""

    name = "image-stored"
    label = "image"
    version = 1
    kind = "image"
    mime_types = ("image/heic", "image/heif", "image/avif")
    extensions = (".heic", ".heif", ".avif")
    score = 50

    def extract(self, src: Source) -> Extraction:
        note = "this image format cannot be decoded here: stored, not OCRed"
        return self.result(src, metadata={"note": note})
