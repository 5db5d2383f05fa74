"""Speed of the NLP stages: entities + events on 1,000 cable-size documents, 2 processes.

Run: ``python benchmarks/entities_speed.py`` (``--quick``: 60 documents).

Documents are the bodies of ``../shared/data/cables/cablegate-2010.jsonl`` (796 US
cables, ~9,700 characters each), cycled to reach 1,000. Each worker runs, per document,
``kashf.nlp.entities.extract_entities`` (when that module is installed; the table says
whether it was) and then ``kashf.nlp.events.extract_events`` on its mentions.

Target: ≤ 60 s for 1,000 documents on 2 cores. The floor beside it is the cost of only
reading the text once per document in the same pool (a regex word count): no NLP stage
can be faster than that.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))


def _entities():
    """``extract_entities(text, language)`` from wherever the entities work put it, or None."""
    for module in ("kashf.nlp.entities", "kashf.nlp.ner.extract"):
        try:
            return __import__(module, fromlist=["extract_entities"]).extract_entities
        except (ImportError, AttributeError):
            continue
    return None


def _work(text: str) -> tuple[int, float]:
    from kashf.nlp.events import extract_events

    started = time.process_time()
    extract = _entities()
    mentions = extract(text, "en") if extract else []
    found = len(mentions) + len(extract_events(text, mentions, [], None))
    return found, time.process_time() - started


def _floor(text: str) -> tuple[int, float]:
    started = time.process_time()
    return len(re.findall(r"\w+", text)), time.process_time() - started


def _warm(_: int) -> bool:
    from kashf.nlp import events_lexicon as lex

    lex.triggers(), lex.tradecraft(), lex.status_cues(), lex.relative_dates(), lex.source_cues()
    extract = _entities()
    if extract:
        extract("warm up in Baghdad", "en")
    return extract is not None


def load(count: int) -> list[str]:
    bodies = []
    with (DATA / "cables/cablegate-2010.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            bodies.append(json.loads(line)["body"])
    return [bodies[i % len(bodies)] for i in range(count)]


def run(docs: list[str], workers: int) -> dict[str, float]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        with_entities = all(pool.map(_warm, range(workers)))
        t0 = time.perf_counter()
        results = list(pool.map(_work, docs, chunksize=8))
        ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        floors = list(pool.map(_floor, docs, chunksize=8))
        floor = time.perf_counter() - t0
    return {
        "ours": ours, "floor": floor, "found": sum(r[0] for r in results),
        "ours_cpu": sum(r[1] for r in results), "floor_cpu": sum(r[1] for r in floors),
        "entities": with_entities,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="60 documents")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not (DATA / "cables/cablegate-2010.jsonl").is_file():
        print(f"shared data not found at {DATA}", file=sys.stderr)
        return 2
    count = 60 if args.quick else args.docs
    docs = load(count)
    result = run(docs, args.workers)
    stages = "entities + events" if result["entities"] else "events only (no kashf.nlp.entities)"
    projected = result["ours"] * 1000 / count
    print(f"{'what':40} {'docs':>6} {'wall s':>8} {'cpu s':>8} {'docs/s':>8} {'wall s/1,000':>13}")
    print(f"{stages:40} {count:>6} {result['ours']:>8.2f} {result['ours_cpu']:>8.2f}"
          f" {count / result['ours']:>8.1f} {projected:>13.1f}")
    print(f"{'floor: read text once (regex words)':40} {count:>6} {result['floor']:>8.2f}"
          f" {result['floor_cpu']:>8.2f} {count / max(result['floor'], 1e-9):>8.1f}"
          f" {result['floor'] * 1000 / count:>13.1f}")
    print(f"{args.workers} processes; target ≤ 60 s wall per 1,000 documents; cpu s = the"
          f" workers' CPU time summed (wall ≈ cpu / {args.workers} on an idle machine);"
          f" {result['found']} mentions + events found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
