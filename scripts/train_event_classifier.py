"""Train the events stage's sentence models (kashf/nlp/event_classifier.py).

    .venv/bin/python scripts/train_event_classifier.py             # writes kashf/nlp/models/events-*.crfsuite
    .venv/bin/python scripts/train_event_classifier.py --check     # cross-check: each blind pair from 35 on
                                                                   # (not the held-back ones) against models
                                                                   # trained on the sets before it

Data: every ``tests/nlp/events_dev*.jsonl`` (fictional reports written for this project,
with their gold events and PER/LOC strings) except the pair held back for evaluation
(``HELD_BACK``, the same pair ``benchmarks/eval_events.py`` scores as held back). A
sentence (as ``kashf.nlp.events.sentences`` cuts it) is a yes for a type when a gold
event of that type quotes part of it. Names: the set's PER/LOC strings and kashf's MONEY
patterns, as the benchmark gives them. CI never runs this; the models are committed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pycrfsuite  # noqa: E402
from eval_events import load_dev  # noqa: E402

from kashf.nlp import events_lexicon as lex  # noqa: E402
from kashf.nlp.event_classifier import MODELS, TYPES, model_path, sentence_features  # noqa: E402
from kashf.nlp.events import sentences  # noqa: E402

SETS = ROOT / "tests" / "nlp"
#: The blind sets the benchmark holds back: never trained on (keep in step with
#: benchmarks/eval_events.py; tests/nlp/test_event_classifier.py checks it).
HELD_BACK = tuple(f"events_dev{n}" for n in range(419, 425))
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200}


def labelled(doc: dict):
    """(folded text, start, end, gold types) for each sentence of a document."""
    text = doc["text"]
    folded = lex.fold(text)
    quoted = [(text.find(g["quote"]), len(g["quote"]), g["type"]) for g in doc["gold"]]
    for start, end in sentences(text):
        yield folded, start, end, {t for at, n, t in quoted if at >= 0 and at < end
                                   and start < at + n}


def examples(path: Path) -> list[tuple[dict[str, float], set[str]]]:
    """(features, gold types) for each sentence of a set; names as the benchmark gives them
    (the set's PER/LOC strings, kashf's MONEY patterns)."""
    return [(sentence_features(folded, start, end, doc["mentions"])[0], types)
            for doc in load_dev(path) for folded, start, end, types in labelled(doc)]


def set_order(path: Path) -> int:
    digits = path.stem.removeprefix("events_dev")
    return int(digits) if digits.isdigit() else 1


def train(data: list[tuple[dict[str, float], set[str]]], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for event_type in TYPES:
        trainer = pycrfsuite.Trainer(verbose=False)
        for features, types in data:
            trainer.append([features], ["1" if event_type in types else "0"])
        trainer.set_params(PARAMS)
        trainer.train(str(model_path(event_type, directory)))


def check() -> None:
    """For each blind pair from 35 on, the sentence-level score of models trained on the
    sets written before it (no rules here: how well the models alone tell the types)."""
    from kashf.nlp.event_classifier import THRESHOLD, EventGuesser

    paths = sorted((p for p in SETS.glob("events_dev*.jsonl") if p.stem not in HELD_BACK),
                   key=set_order)
    print(f"{'pair':<22}{'sentences':>10}{'gold':>6}{'TP':>6}{'FP':>6}   (threshold {THRESHOLD})")
    for first in range(35, 65, 2):
        pair = [p for p in paths if set_order(p) in (first, first + 1)]
        if len(pair) < 2:
            continue
        before = [ex for p in paths if set_order(p) < first for ex in examples(p)]
        with tempfile.TemporaryDirectory() as folder:
            train(before, Path(folder))
            guesser = EventGuesser(Path(folder))
            tp = fp = gold = count = 0
            for doc in (doc for p in pair for doc in load_dev(p)):
                for folded, start, end, types in labelled(doc):
                    count += 1
                    gold += len(types)
                    for event_type, *_ in guesser.guess(folded, start, end, doc["mentions"]):
                        tp += event_type in types
                        fp += event_type not in types
        print(f"{pair[0].stem[7:]}+{pair[1].stem[7:]:<13}{count:>10}{gold:>6}{tp:>6}{fp:>6}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score each late blind pair "
                        "with models trained on the sets before it; write nothing")
    parser.add_argument("--out", type=Path, default=MODELS, help="where the models go")
    args = parser.parse_args()
    if args.check:
        check()
        return 0
    paths = [p for p in sorted(SETS.glob("events_dev*.jsonl"), key=set_order)
             if p.stem not in HELD_BACK]
    data = [ex for p in paths for ex in examples(p)]
    train(data, args.out)
    yes = {t: sum(t in types for _f, types in data) for t in TYPES}
    print(f"trained on {len(paths)} sets, {len(data)} sentences; sentences per type: {yes}")
    print(f"held back: {', '.join(HELD_BACK)}; models in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
