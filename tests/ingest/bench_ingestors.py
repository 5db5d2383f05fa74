"""Micro-benchmark of the worker-side extraction: cable-size text files and a born-digital PDF.

    .venv/bin/python tests/ingest/bench_ingestors.py [--quick]

Prints µs per file for extract() on real cables (from ../shared/data/cables) beside the floor
of reading the same files and decoding them as UTF-8, and pages/s for extract() on a
born-digital PDF beside bare pypdfium2 text extraction of the same pages, in the same run.
One process, one core, CPU time (process_time: the test machine is shared, wall time is noise);
the coordinator, hashing, store and index are not part of this measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("KASHF_SHARED_DATA", ROOT.parent / "shared" / "data")).resolve()
PDF = DATA / "files/pypdf/009-pdflatex-geotopo/GeoTopo-komprimiert.pdf"


def write_cables(folder: Path, count: int) -> list[Path]:
    """``count`` cable bodies, one file each (the 796 cables repeated as needed)."""
    bodies = []
    with open(DATA / "cables/cablegate-2010.jsonl", encoding="utf-8") as handle:
        for line in handle:
            bodies.append(json.loads(line)["body"])
    paths = []
    for index in range(count):
        path = folder / f"cable-{index:06d}.txt"
        path.write_text(bodies[index % len(bodies)], encoding="utf-8")
        paths.append(path)
    return paths


def bench_text(paths: list[Path]) -> dict:
    from kashf.ingest.extract import extract
    from kashf.ingest.model import Limits

    limits = Limits()
    for path in paths[:50]:  # warm imports and the page cache
        extract(str(path), path.name, limits)
    started = time.process_time()
    for path in paths:
        with open(path, "rb") as handle:
            handle.read().decode("utf-8")
    floor = time.process_time() - started
    started = time.process_time()
    failures = 0
    for path in paths:
        failures += extract(str(path), path.name, limits).error is not None
    ours = time.process_time() - started
    size = sum(p.stat().st_size for p in paths) / len(paths)
    return {
        "files": len(paths),
        "bytes": size,
        "ours_us": ours / len(paths) * 1e6,
        "floor_us": floor / len(paths) * 1e6,
        "failures": failures,
    }


def bench_pdf(rounds: int) -> dict:
    import pypdfium2 as pdfium

    from kashf.ingest.extract import extract
    from kashf.ingest.model import Limits

    limits = Limits()
    extract(str(PDF), PDF.name, limits)
    started = time.process_time()
    pages = 0
    for _ in range(rounds):
        document = pdfium.PdfDocument(str(PDF))
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
            pages += 1
        document.close()
    bare = pages / (time.process_time() - started)
    started = time.process_time()
    pages = 0
    for _ in range(rounds):
        pages += len(extract(str(PDF), PDF.name, limits).pages)
    ours = pages / (time.process_time() - started)
    return {"pages": pages, "ours": ours, "bare": bare}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="a few seconds: 300 cables, 1 PDF pass"
    )
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    files, rounds = (300, 1) if args.quick else (args.files, args.rounds)
    if not (DATA / "cables/cablegate-2010.jsonl").exists() or not PDF.exists():
        print(f"shared data not found under {DATA}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        text = bench_text(write_cables(Path(folder), files))
    pdf = bench_pdf(rounds)
    print("| measurement (1 core, CPU time) | kashf extract() | peer in the same run | ratio |")
    print("|---|---|---|---|")
    print(
        f"| cable text, {text['files']} files of {text['bytes'] / 1024:.1f} KiB avg | "
        f"{text['ours_us']:.0f} µs/file ({1e6 / text['ours_us']:,.0f} files/s) | "
        f"read + UTF-8 decode floor: {text['floor_us']:.0f} µs/file | "
        f"{text['ours_us'] / text['floor_us']:.1f}× floor |"
    )
    print(
        f"| born-digital PDF, {pdf['pages']} pages ({PDF.name}) | {pdf['ours']:,.0f} pages/s | "
        f"bare pypdfium2 text: {pdf['bare']:,.0f} pages/s | {pdf['ours'] / pdf['bare']:.0%} of bare |"
    )
    print(f"text failures: {text['failures']}")
    return 0 if text["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
