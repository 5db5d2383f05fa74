"""Every real file cut in half, or with bytes flipped: extract() still answers, in one line."""

from __future__ import annotations

import os
import random
import time

from datapaths import shared_data

from kashf.ingest.extract import extract
from kashf.ingest.model import Extraction, Limits


def _files() -> list:
    root = shared_data("files")
    return sorted(
        os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names
    )


def check(result: Extraction) -> None:
    assert result.kind and result.mime and result.ingestor
    if result.error is not None:
        assert result.error.strip() and "\n" not in result.error and len(result.error) < 200
        assert "Traceback" not in result.error and "corrupt or unreadable" not in result.error


def damaged_run(tmp_path, damage) -> dict[str, int]:
    reasons: dict[str, int] = {}
    for path in _files():
        with open(path, "rb") as handle:
            data = handle.read()
        if not data:
            continue
        blob = tmp_path / "blob"
        blob.write_bytes(damage(data))
        started = time.perf_counter()
        result = extract(str(blob), os.path.basename(path), Limits())
        assert time.perf_counter() - started < 10, path
        check(result)
        if result.error:
            reasons[result.error] = reasons.get(result.error, 0) + 1
    return reasons


def test_every_file_cut_in_half(tmp_path):
    reasons = damaged_run(tmp_path, lambda data: data[: len(data) // 2])
    # Formats with a directory at the end lose it and must say so in their own words.
    assert reasons.get("corrupt Word document: the file is damaged or truncated", 0) >= 10
    assert reasons.get("corrupt PDF: the file structure cannot be read", 0) >= 40


def test_every_file_with_flipped_bytes(tmp_path):
    rng = random.Random(7)

    def flip(data: bytes) -> bytes:
        damaged = bytearray(data)
        for _ in range(max(1, len(damaged) // 500)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        return bytes(damaged)

    damaged_run(tmp_path, flip)
