"""More Persian training lines: the projected lines again, with their names swapped.

    .venv/bin/python scripts/ner/augment_fa.py     # after scripts/ner/project.py

The projected NTREX lines (build/ner/silver-{fa,prs}.jsonl) are few and name
the same people again and again, so a model trained on them learns the names
rather than the contexts. Each line with names is written COPIES more times with
every name replaced by another name of the same label: names from the other
projected lines, and the Arabic-script names of countries and of places over
20,000 people in the gazetteer (folded, as the tagger's features see them).
Deterministic (seeded). Writes build/ner/swapped-fa.jsonl.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kashf.nlp.ner.corpus import spans_of  # noqa: E402

BUILD = ROOT / "build/ner"
COPIES = 6
_ARABIC_SCRIPT = set("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكآئءۀأإؤة ")


def _pools(data: list[tuple[list[str], list[str]]]) -> dict[str, list[list[str]]]:
    pools: dict[str, list[list[str]]] = {"PER": [], "ORG": [], "LOC": []}
    for tokens, tags in data:
        for i, j, label in spans_of(tags):
            pools[label].append(tokens[i:j])
    with gzip.open(ROOT / "kashf/nlp/data/places.tsv.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 8:
                continue
            if fields[5] != "country" and int(fields[6] or 0) < 20_000:
                continue
            for key in fields[7].split("|"):
                if 3 <= len(key) <= 20 and set(key) <= _ARABIC_SCRIPT:
                    pools["LOC"].append(key.split())
    return pools


def main() -> int:
    data = []
    for name in ("silver-fa.jsonl", "silver-prs.jsonl"):
        path = BUILD / name
        if path.exists():
            data += [(r["tokens"], r["tags"]) for r in map(json.loads, path.open(encoding="utf-8"))]
    pools = _pools(data)
    rng = random.Random(29)
    written = 0
    with open(BUILD / "swapped-fa.jsonl", "w", encoding="utf-8") as out:
        for tokens, tags in data:
            spans = sorted(spans_of(tags))
            if not spans:
                continue
            for _ in range(COPIES):
                new_tokens: list[str] = []
                new_tags: list[str] = []
                at = 0
                for i, j, label in spans:
                    new_tokens += tokens[at:i]
                    new_tags += tags[at:i]
                    name = rng.choice(pools[label])
                    new_tokens += name
                    new_tags += ["B-" + label] + ["I-" + label] * (len(name) - 1)
                    at = j
                new_tokens += tokens[at:]
                new_tags += tags[at:]
                out.write(json.dumps({"tokens": new_tokens, "tags": new_tags}, ensure_ascii=False) + "\n")
                written += 1
    print(f"{written} lines ({', '.join(f'{k} {len(v)}' for k, v in pools.items())} names) "
          f"-> {BUILD / 'swapped-fa.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
