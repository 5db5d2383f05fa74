"""Turning an unforeseen library exception into words a reader of the failure list understands."""

from __future__ import annotations

import struct
import zlib


def describe(exc: BaseException) -> str:
    """What a library exception says about the file, for cases no ingestor foresaw."""
    if isinstance(exc, zlib.error):
        return "damaged compressed data"
    if isinstance(exc, UnicodeDecodeError):
        return "bytes that cannot be decoded where text belongs"
    if isinstance(exc, struct.error | IndexError | KeyError):
        return "its internal structure is damaged"
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
