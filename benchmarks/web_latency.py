"""Latency of the workbench's search page, beside the floor of the search itself.

    .venv/bin/python benchmarks/web_latency.py --case .bench/case-20k   # the 20,000-file case
    .venv/bin/python benchmarks/web_latency.py --cables 20000 --keep .bench/case-20k
    .venv/bin/python benchmarks/web_latency.py --quick                 # builds a small case

The 20,000-file case is the one ``benchmarks/ingest.py --keep`` leaves (cablegate
cables written as files, ingested without enrichment); ``--cables N`` builds the same
kind of case here when that one is not at hand.

Three rows per run, same queries, same case:
  case.search()        the floor: the search call alone, no web at all
  GET /search (ASGI)   the full page in-process: gate, handler, Jinja, no sockets
  GET /search (HTTP)   the full page from real uvicorn on 127.0.0.1 over a keep-alive socket
Target (issue 6): the served search page at or under 150 ms p95.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT.parent / "shared" / "data"))

TARGET_P95_MS = 150.0
TOKEN = "bench-" + "b" * 26
QUERIES = [
    "Baghdad", "Tehran", "airport", "meeting source", '"Baghdad airport"', "Karbala OR Najaf",
    "بغداد", "منبع", "دیدار منبع", "کربلا", "سلیمانی", "تقرير", "lang:fa منبع", "type:text Baghdad",
    "security", "minister", "Iran*", "report -draft", "year:2014", "origin:tehran",
]

PERSIAN = ("گزارش دیدار با منبع در بغداد. مأمور با تاکسی به نمایشگاه عکس در کربلا رفت و "
           "منبع درباره کارکنان فرودگاه بغداد و پایگاه هوایی گزارش داد. ")
ENGLISH = ("Meeting report: the officer met the source near Baghdad airport; the minister "
           "discussed security in Karbala and Najaf with the embassy in Tehran. ")


def build_small_case(folder: Path, files: int = 40):
    """A small case of generated Persian and English reports, for --quick."""
    from kashf.case import Case

    source = folder / "leak"
    source.mkdir(parents=True)
    for number in range(files):
        text = (PERSIAN if number % 2 else ENGLISH) * (1 + number % 5)
        (source / f"report-{number:04d}.txt").write_text(f"{number}\n{text}", encoding="utf-8")
    case = Case.create(folder / "case")
    case.ingest([source], workers=1)
    return case


def build_cable_case(folder: Path, count: int):
    """``count`` cable files cycled from cablegate-2010.jsonl, ingested without enrichment."""
    from kashf.case import Case

    with (SHARED / "cables" / "cablegate-2010.jsonl").open(encoding="utf-8") as lines:
        cables = [json.loads(line) for line in lines]
    source = folder / "cables"
    for n in range(count):
        cable = cables[n % len(cables)]
        sub = source / f"{n // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = f"{cable.get('routing_header', '')}\n{cable['body']}\n-- copy {n // len(cables)}\n"
        (sub / f"{cable['reference_id']}-{n}.txt").write_text(text, encoding="utf-8")
    case = Case.create(folder / "case")
    case.ingest([source], process=False)
    return case


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def timed(function, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            function(query)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def measure(case, rounds: int) -> list[tuple[str, list[float]]]:
    import httpx
    from fastapi.testclient import TestClient

    sys.path.insert(0, str(ROOT / "tests" / "web"))
    from browser import serve_in_thread

    from kashf.web.app import create_app

    app = create_app(case, TOKEN, ["127.0.0.1"])
    for query in QUERIES:  # warm caches, index readers and templates once
        case.search(query, limit=20)
    rows = [("case.search() (floor)", timed(lambda q: case.search(q, limit=20), rounds))]

    asgi = TestClient(app, base_url="http://127.0.0.1:8000")
    asgi.get(f"/?token={TOKEN}")

    def asgi_page(query: str) -> None:
        response = asgi.get("/search", params={"q": query})
        assert response.status_code in (200, 400), response.status_code

    asgi_page(QUERIES[0])
    rows.append(("GET /search (ASGI, in-process)", timed(asgi_page, rounds)))

    with serve_in_thread(app) as origin, httpx.Client(base_url=origin) as http:
        http.get(f"/?token={TOKEN}", follow_redirects=True)

        def http_page(query: str) -> None:
            response = http.get("/search", params={"q": query})
            assert response.status_code in (200, 400), response.status_code

        http_page(QUERIES[0])
        rows.append(("GET /search (uvicorn, HTTP)", timed(http_page, rounds)))
    return rows


def print_table(rows, documents: int) -> bool:
    print(f"\nsearch latency on a case of {documents:,} documents, {len(QUERIES)} queries "
          f"x {len(rows[0][1]) // len(QUERIES)} rounds (ms)\n")
    print(f"| {'what':34} | {'n':>5} | {'p50':>7} | {'p95':>7} | {'max':>7} |")
    print(f"|{'-' * 36}|{'-' * 7}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
    for name, samples in rows:
        print(f"| {name:34} | {len(samples):5d} | {statistics.median(samples):7.1f} | "
              f"{percentile(samples, 0.95):7.1f} | {max(samples):7.1f} |")
    served = percentile(rows[-1][1], 0.95)
    floor = percentile(rows[0][1], 0.95)
    ok = served <= TARGET_P95_MS
    print(f"\nserved page p95 {served:.1f} ms vs target {TARGET_P95_MS:.0f} ms: "
          f"{'PASS' if ok else 'FAIL'}; the web adds {served - floor:.1f} ms at p95 over the floor")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", type=Path, help="an existing case (e.g. the 20,000-file one)")
    parser.add_argument("--quick", action="store_true", help="build a small case; a few seconds")
    parser.add_argument("--cables", type=int, help="build a case of this many cable files")
    parser.add_argument("--keep", type=Path, help="with --cables: keep the built case here")
    parser.add_argument("--rounds", type=int, help="passes over the query list (default 5; 1 quick)")
    args = parser.parse_args(argv)
    if not (args.case or args.quick or args.cables):
        parser.error("give --case PATH (see benchmarks/ingest.py), --cables N or --quick")
    from kashf.case import Case

    rounds = args.rounds or (1 if args.quick else 5)
    with tempfile.TemporaryDirectory() as scratch:
        if args.case:
            case = Case.open(args.case)
        elif args.cables:
            started = time.perf_counter()
            case = build_cable_case(Path(scratch), args.cables)
            print(f"built a case of {args.cables:,} cable files in "
                  f"{time.perf_counter() - started:.0f} s")
            if args.keep:
                case.close()
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.copytree(Path(scratch) / "case", args.keep)
                case = Case.open(args.keep)
        else:
            case = build_small_case(Path(scratch))
        try:
            documents = case.status()["documents"]["total"]
            ok = print_table(measure(case, rounds), documents)
        finally:
            case.close()
    return 0 if ok or args.quick else 1


if __name__ == "__main__":
    raise SystemExit(main())
