"""Build kashf/nlp/models/en_lowercase.txt: English words that are usually written in lower case.

    .venv/bin/python scripts/ner/build_en_words.py

A capitalised word whose lower-case form is a common word ("Police", "Saturday"
is not: it is always capitalised) is more often a sentence start or a title than
a name; the English tagger gets that as a feature. Source: the bodies of the 2010
Cablegate cables (../shared/data/cables/cablegate-2010.jsonl, works of the US
government, public domain). A word is kept when it occurs in lower case at least
three times and at least three times as often in lower case as capitalised
mid-sentence.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))
OUT = ROOT / "kashf/nlp/models/en_lowercase.txt"
_WORD = re.compile(r"(?<![.!?]\s)(?<![.!?]\s\s)\b([A-Za-z][a-z]+)\b")


def main() -> int:
    lower: Counter = Counter()
    upper: Counter = Counter()
    with open(SHARED / "cables/cablegate-2010.jsonl", encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line)["body"]
            for match in _WORD.finditer(body):
                word = match.group(1)
                if word[0].islower():
                    lower[word] += 1
                elif match.start() > 0 and body[match.start() - 1] == " ":
                    upper[word.lower()] += 1
    words = sorted(w for w, n in lower.items() if n >= 3 and n >= 3 * upper[w])
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
