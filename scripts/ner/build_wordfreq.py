"""Build kashf/nlp/models/wordfreq-{fa,ar,en}.tsv.gz: how common each word is, in buckets.

Run with an interpreter that has wordfreq (build time only; kashf never imports it):

    /tmp/spacyenv/bin/pip install wordfreq==3.1.1
    /tmp/spacyenv/bin/python scripts/ner/build_wordfreq.py

wordfreq 3.1.1 (code Apache-2.0; word lists CC BY-SA 4.0, from Wikipedia,
subtitles, news, web text and more: https://github.com/rspeer/wordfreq). The files
keep, for every word with a Zipf frequency of at least 1.5, its folded form and
the whole part of its Zipf value (1..7). A word the list has never seen (a rare
transliterated name) or has seen rarely is a strong hint to the taggers; so is a
very common one (a function word is never a name). Licence of the files:
CC BY-SA 4.0, attribution to wordfreq and its sources.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kashf.nlp.ner.tokens import fold  # noqa: E402

OUT = ROOT / "kashf/nlp/models"


def main() -> int:
    import wordfreq

    for language in ("fa", "ar", "en"):
        best: dict[str, int] = {}
        for word in wordfreq.get_frequency_dict(language):
            zipf = wordfreq.zipf_frequency(word, language)
            if zipf < 1.5:
                continue
            key = fold(word)
            best[key] = max(best.get(key, 0), int(zipf))
        path = OUT / f"wordfreq-{language}.tsv.gz"
        text = "".join(f"{key}\t{best[key]}\n" for key in sorted(best))
        path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
        print(f"{language}: {len(best)} words -> {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
