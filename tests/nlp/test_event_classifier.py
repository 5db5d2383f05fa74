"""The events stage's sentence models: shipped, consulted only where the lexicons are silent,
never against a lexicon's veto, and never trained on the sets the benchmark holds back."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from test_events_extract import mentions  # the same gold-name helper

from kashf.nlp import event_classifier, events
from kashf.nlp.event_classifier import TYPES, guesser, model_path
from kashf.nlp.events import extract_events

ROOT = Path(__file__).resolve().parents[2]


def test_the_models_ship_with_the_package() -> None:
    for event_type in TYPES:
        assert model_path(event_type).stat().st_size > 10_000
    assert guesser() is not None


def _module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_held_back_sets_are_the_benchmarks() -> None:
    script = _module(ROOT / "scripts" / "train_event_classifier.py")
    benchmark = _module(ROOT / "benchmarks" / "eval_events.py")
    assert sorted(path.stem for path in benchmark.HELD_BACK) == sorted(script.HELD_BACK)
    assert all(path.exists() for path in benchmark.HELD_BACK)


@pytest.mark.parametrize("text, per, loc, event_type", [
    # verbs no lexicon row has: the models read the rest of the sentence
    ("On 3 May SPARROW huddled with the colonel in a back room of the Babylon Hotel in Baghdad.",
     ("SPARROW",), ("Babylon Hotel", "Baghdad"), "meeting"),
    ("On 4 May SPARROW took the overnight bus to Basra.", ("SPARROW",), ("Basra",), "travel"),
])
def test_a_sentence_the_lexicons_miss(text: str, per: tuple, loc: tuple, event_type: str) -> None:
    (event,) = extract_events(text, mentions(text, per, loc), [], "2022-05-10")
    assert (event["type"], event["found_by"]) == (event_type, "model")
    assert event["date"] is not None and event["place"] == loc[0]


def test_a_lexicon_event_says_so_and_the_models_respect_a_veto() -> None:
    text = "On 3 May SPARROW met the colonel at the Babylon Hotel in Baghdad."
    (event,) = extract_events(text, mentions(text, ("SPARROW",), ("Babylon Hotel", "Baghdad")),
                              [], "2022-05-10")
    assert (event["type"], event["found_by"]) == ("meeting", "lexicon")
    # «درخواست دیدار» is a request (a lexicon "none" row): no meeting, from rules or models
    text = "۱- دانا روز دوشنبه ۱۵ دی از طریق پیامک قراردادی درخواست دیدار فوری کرد."
    assert extract_events(text, mentions(text, ("دانا",)), [], "2023-01-10") == []


def test_without_models_the_stage_runs_on_its_lexicons(monkeypatch) -> None:
    monkeypatch.setattr(events, "guesser", lambda: None)
    text = "On 3 May SPARROW huddled with the colonel in a back room of the Babylon Hotel."
    assert extract_events(text, mentions(text, ("SPARROW",), ("Babylon Hotel",)), [],
                          "2022-05-10") == []
    assert event_classifier.THRESHOLD >= 0.5
