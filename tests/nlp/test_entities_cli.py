"""``kashf entities`` batch mode: JSON lines in, one JSON line out per input line, in order."""

from __future__ import annotations

import io
import json

import typer
from typer.testing import CliRunner

from kashf.cli.entities import entities, run_batch

app = typer.Typer()
app.command()(entities)
runner = CliRunner()


def _run(lines: list[str], *args: str) -> list[dict]:
    result = runner.invoke(app, list(args), input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_batch_contract_in_order_with_offsets() -> None:
    texts = {
        "a": "He met Nouri al-Maliki in Baghdad; call +964 770 123 4567.",
        "b": "سردار قاسم سلیمانی در نجف بود و ۵۰۰ هزار تومان داد.",
        "c": "",
    }
    out = _run([json.dumps({"id": k, "text": v}, ensure_ascii=False) for k, v in texts.items()])
    assert [row["id"] for row in out] == ["a", "b", "c"]
    for row in out:
        assert set(row) == {"id", "entities"}
        for entity in row["entities"]:
            assert set(entity) == {"start", "end", "label", "text"}
            assert texts[row["id"]][entity["start"] : entity["end"]] == entity["text"]
    assert {"label": "PHONE", "text": "+964 770 123 4567"}.items() <= next(
        e for e in out[0]["entities"] if e["label"] == "PHONE").items()
    assert ("MONEY", "۵۰۰ هزار تومان") in {(e["label"], e["text"]) for e in out[1]["entities"]}
    assert out[2]["entities"] == []


def test_bad_lines_get_an_error_and_the_batch_goes_on() -> None:
    out = _run(["{not json", json.dumps({"id": 7}), json.dumps([1, 2]),
                json.dumps({"id": 8, "text": "Baghdad"})], "--lang", "en")
    assert [("error" in row) for row in out] == [True, True, True, False]
    assert out[1]["id"] == 7 and out[3]["id"] == 8
    assert out[3]["entities"] == [{"start": 0, "end": 7, "label": "LOC", "text": "Baghdad"}]


def test_blank_lines_get_an_error_line_so_lines_stay_aligned() -> None:
    out = _run(["", json.dumps({"id": 1, "text": "x"}), "   "], "--lang", "fa", "--jsonl")
    assert out == [{"id": None, "error": "empty line"}, {"id": 1, "entities": []},
                   {"id": None, "error": "empty line"}]


def test_run_batch_answers_blank_lines_too() -> None:
    sink = io.StringIO()
    failed = run_batch(io.StringIO('{"id": 1, "text": "a"}\n\n\r\n{"id": 2, "text": "b"}\n'),
                       sink, "en")
    out = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert failed == 2 and [row["id"] for row in out] == [1, None, None, 2]


def test_unknown_language_is_refused() -> None:
    result = runner.invoke(app, ["--lang", "de"], input="")
    assert result.exit_code != 0


def test_run_batch_counts_failures() -> None:
    sink = io.StringIO()
    failed = run_batch(io.StringIO('{"id": 1, "text": "a"}\nnope\n'), sink, "en")
    assert failed == 1 and len(sink.getvalue().splitlines()) == 2


def test_persian_text_with_latin_names() -> None:
    text = "ترامپ با Angela Merkel در برلین دیدار کرد."
    out = _run([json.dumps({"id": 1, "text": text}, ensure_ascii=False)], "--lang", "fa")
    found = {(e["label"], e["text"]) for e in out[0]["entities"]}
    assert ("PER", "Angela Merkel") in found
    assert all(text[e["start"] : e["end"]] == e["text"] for e in out[0]["entities"])


def test_batch_names_never_span_cells_quotes_or_cable_routing() -> None:
    texts = {
        "row": "3\t1393/05/28\tعباس جبار\tبغداد\t200000\tدینار",
        "quote": "وقال «أبو حيدر» إن الشحنة وصلت.",
        "cable": "DE RUEHGB #1890 2821120\nZNY CCCCC ZZH\nTO RUEHC/SECSTATE WASHDC PRIORITY 5384\n"
                 "1. (S/NF) Travel records show that al-Sa'adi flew to Mashhad twice.",
    }
    out = _run([json.dumps({"id": k, "text": v}, ensure_ascii=False) for k, v in texts.items()])
    names = {row["id"]: [(e["label"], e["text"]) for e in row["entities"]
                         if e["label"] in ("PER", "ORG", "LOC")] for row in out}
    assert ("PER", "عباس جبار") in names["row"]
    assert ("PER", "أبو حيدر") in names["quote"]
    assert ("PER", "al-Sa'adi") in names["cable"]
    for found in names.values():
        assert not any(ch in text for _, text in found for ch in "\t\n«»()")
        assert not any("RUE" in text or "S/NF" in text for _, text in found)
