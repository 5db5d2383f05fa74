"""The worker-side entry point: one file in, one :class:`Extraction` out, never an exception.

The coordinator (``pipeline.py``) calls :func:`extract` in a pool worker for every file and
archive member. Whatever goes wrong inside an ingestor becomes ``Extraction.error``: a
one-line reason a journalist can act on, never a traceback, so one bad file never stops a
batch and every file is recorded (ok or failed).
"""

from __future__ import annotations

import os
import re

from kashf.exc import IngestError
from kashf.ingest.base import Source
from kashf.ingest.detect import EMPTY, HEAD_BYTES, OCTET, detect, extension
from kashf.ingest.errors import describe
from kashf.ingest.model import Extraction, Limits
from kashf.ingest.registry import pick

MAX_REASON = 200
_WHITESPACE = re.compile(r"\s+")


def extract(
    path: str, name: str, limits: Limits, depth: int = 0, data: bytes | None = None
) -> Extraction:
    """Detect the type of the file at ``path`` (known to the user as ``name``) and extract it.

    ``data``, when given, is the file's whole content, already in memory: the worker has just
    hashed and stored a small file, and reading it back from disk would only cost syscalls.
    """
    mime, ingestor = OCTET, None
    try:
        size = len(data) if data is not None else os.path.getsize(path)
        if size == 0:
            return _failed(EMPTY, "other", None, "empty file")
        if size > limits.max_file_bytes:
            return _failed(
                OCTET,
                "other",
                None,
                f"file exceeds the size limit ({_size(limits.max_file_bytes)})",
            )
        if data is not None:
            head = data[:HEAD_BYTES]
        else:
            with open(path, "rb") as handle:
                head = handle.read(HEAD_BYTES)
        mime = detect(path, name, head, size)
        ingestor = pick(mime, extension(name))
        source = Source(
            path=path, name=name, limits=limits, depth=depth, mime=mime, head=head, size=size,
            data=data,
        )
        result = ingestor().extract(source)
        _cap_text(result, limits.max_text_chars)
        return result
    except IngestError as exc:
        reason = str(exc)
    except TimeoutError:
        reason = f"extraction took longer than the time limit ({limits.timeout_seconds:g} s)"
    except MemoryError:
        reason = "the file needs more memory to extract than is available"
    except RecursionError:
        reason = "the file's structure is nested too deeply to read"
    except Exception as exc:  # a parser bug or unforeseen damage: still one clean line
        if isinstance(exc, OSError) and exc.errno is not None:
            reason = f"the file cannot be read: {exc.strerror or exc}"  # the disk, not the data
        else:
            reason = f"corrupt {ingestor.label if ingestor else 'file'}: {describe(exc)}"
    return _failed(mime, ingestor.kind if ingestor else "other", ingestor, reason)


def one_line(reason: str) -> str:
    """``reason`` on one line of at most ``MAX_REASON`` characters."""
    text = _WHITESPACE.sub(" ", reason).strip() or "unknown error"
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


def _failed(mime: str, kind: str, ingestor, reason: str) -> Extraction:
    return Extraction(
        mime=mime,
        kind=kind,
        ingestor=ingestor.name if ingestor else "none",
        ingestor_version=ingestor.version if ingestor else 0,
        error=one_line(reason),
    )


def _cap_text(result: Extraction, limit: int) -> None:
    """Cut text beyond ``limit`` characters (all pages together), flagging it in metadata."""
    if len(result.text) > limit:
        result.text = result.text[:limit]
        result.metadata["text_truncated"] = True
    budget = limit
    for index, page in enumerate(result.pages):
        if len(page.text) > budget:
            page.text = page.text[:budget]
            for later in result.pages[index + 1 :]:
                later.text = ""
            result.metadata["text_truncated"] = True
            break
        budget -= len(page.text)


def _size(count: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:g} {unit}" if unit == "bytes" else f"{count:.0f} {unit}"
        count /= 1024
    return f"{count} bytes"
