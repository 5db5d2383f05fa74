"""Cross-script name matching: Arabic-script names → their Latin spelling among candidates.

Run: ``python benchmarks/eval_names.py`` (``--quick`` for a 200-query smoke run).

Two sets, both third-party (``../shared/data``):

* ``translit/google-ar2en/ar2en-eval.txt`` — Arabic-script name, tab, Latin spelling.
  Candidate set per query: the query's own Latin spelling plus 999 *other* distinct Latin
  spellings drawn at random (seed 7) from the same file — a watchlist of 1,000 Latin names.
  Pairs whose Latin spelling occurs more than once keep their first occurrence only, so
  exactly one candidate is right.
* ``gazetteer/placename_pairs_latin_arabicscript.tsv`` — a GeoNames place's Latin name and
  one of its Arabic-script names. Candidate set: the place's Latin name plus 999 other
  distinct Latin place names from the same file (seed 7).

Top-1 accuracy is printed beside a floor: plain rapidfuzz ``ratio`` between the raw
Arabic-script string and each Latin candidate after the only transliteration that needs
no knowledge of names (anyascii-free letter-by-letter: each Arabic letter → one Latin letter).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kashf.resolve.names import best_matches  # noqa: E402

DATA = Path(os.environ.get("KASHF_SHARED_DATA", Path(__file__).resolve().parents[1] / "../shared/data"))

# One Latin letter per Arabic-script letter: the floor's "no knowledge" transliteration.
_NAIVE = str.maketrans(
    "ابپتثجچحخدذرزژسشصضطظعغفقکكگلمنوهیيىةءأإآؤئ",
    "abptsjchkdzrzzssszttagfqkkglmnvhyyyhaaaavy",
)


def load_pairs(path: Path, arabic_col: int, latin_col: int, skip_header: bool) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1 if skip_header else 0 :]:
        cols = line.split("\t")
        if len(cols) <= max(arabic_col, latin_col):
            continue
        arabic, latin = cols[arabic_col].strip(), cols[latin_col].strip()
        if arabic and latin and latin.lower() not in seen:
            seen.add(latin.lower())
            pairs.append((arabic, latin))
    return pairs


def evaluate(pairs: list[tuple[str, str]], limit: int, pool_size: int = 1000) -> dict[str, float]:
    rng = random.Random(7)
    latins = [latin for _, latin in pairs]
    queries = pairs if limit <= 0 else rng.sample(pairs, min(limit, len(pairs)))
    ours = floor = 0
    started = time.perf_counter()
    elapsed_floor = 0.0
    for arabic, latin in queries:
        others = rng.sample(latins, min(pool_size, len(latins)))
        pool = [latin] + [c for c in others if c != latin][: pool_size - 1]
        top = best_matches(arabic, pool, top=1)
        ours += bool(top) and top[0][0] == latin
        t0 = time.perf_counter()
        naive = arabic.translate(_NAIVE)
        best = process.extractOne(naive, [c.lower() for c in pool], scorer=fuzz.ratio)
        floor += best is not None and pool[best[2]] == latin
        elapsed_floor += time.perf_counter() - t0
    total = time.perf_counter() - started - elapsed_floor
    n = len(queries)
    return {"n": n, "ours": ours / n, "floor": floor / n, "ms_per_query": 1000 * total / n}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 queries per set")
    parser.add_argument("--split", default="eval", choices=["eval", "train"], help="ar2en file")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"shared data not found at {DATA}", file=sys.stderr)
        return 2
    limit = 200 if args.quick else 0
    sets = {
        f"ar2en-{args.split} (names)": load_pairs(
            DATA / f"translit/google-ar2en/ar2en-{args.split}.txt", 0, 1, skip_header=False
        ),
        "gazetteer place pairs": load_pairs(
            DATA / "gazetteer/placename_pairs_latin_arabicscript.tsv", 3, 2, skip_header=True
        ),
    }
    print(f"{'set':30} {'queries':>8} {'kashf top-1':>12} {'floor top-1':>12} {'ms/query':>9}")
    for label, pairs in sets.items():
        result = evaluate(pairs, limit)
        print(
            f"{label:30} {result['n']:>8} {result['ours']:>12.1%} {result['floor']:>12.1%}"
            f" {result['ms_per_query']:>9.1f}"
        )
    print("candidates per query: 1,000 Latin spellings (the right one + 999 others, seed 7)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
