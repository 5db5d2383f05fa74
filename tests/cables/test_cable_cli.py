"""``kashf cable``: the JSONL batch contract, normalize-id, and the record schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from kashf.cli.cable import app

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs/cable-record.schema.json")
                    .read_text("utf-8"))
CABLE = ("O 101719Z JUN 00\nFM AMEMBASSY DAMASCUS\nTO SECSTATE WASHDC IMMEDIATE 1404\n"
         "C O N F I D E N T I A L DAMASCUS 002976\n\nE.O. 12958: DECL: 1/26/10\n"
         "TAGS: PGOV SY\nSUBJECT: TEST SUBJECT\nREF: DAMASCUS 100\n\n"
         "1. (C) First paragraph.\n\n2. (U) Second.\n\nCROCKER\n")
REPORT = "شماره: ۴۱/۱\nتاریخ: ۱۳۹۳/۰۷/۲۰\nموضوع: آزمون\nبه: اداره ۴۱\n"
runner = CliRunner()


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_jsonl_one_line_out_per_line_in_in_order():
    lines = [
        json.dumps({"id": "a", "text": CABLE}),
        "",
        "{not json",
        json.dumps({"id": "b", "text": "just some words"}),
        json.dumps({"id": 7, "text": REPORT}),
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "C O N F I D E N T I A L DAMASCUS 000012\n\nSUBJECT: X\n",
                    "year": 2004}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "e", "text": CABLE, "year": "2000"}),
    ]
    result = runner.invoke(app, ["parse", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = _lines(result.output)
    assert len(out) == len(lines)
    assert [o["id"] for o in out] == ["a", None, None, "b", 7, "c", "d", None, "e"]
    assert out[0]["reference_id"] == "00DAMASCUS2976" and out[0]["date"] == "2000-06-10T17:19Z"
    assert out[0]["references"] == ["00DAMASCUS100"] and out[0]["signers"] == ["CROCKER"]
    assert "error" in out[1] and "invalid JSON" in out[2]["error"]
    assert out[3]["error"] == "not a cable, report, memo or letter"
    assert out[4]["format"] == "persian_report" and out[4]["date"] == "2014-10-12"
    assert out[5]["error"] == "no text"
    assert out[6]["reference_id"] == "04DAMASCUS12"  # the year given completes the id
    assert "error" in out[7] and "year" in out[8]["error"]
    for record in out:
        jsonschema.validate(record, SCHEMA)


def test_jsonl_from_a_file(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "x", "text": CABLE}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(batch), "--jsonl"])
    assert result.exit_code == 0
    (record,) = _lines(result.output)
    assert record["id"] == "x" and record["format"] == "us_state"


@pytest.mark.parametrize("from_file", [True, False])
def test_jsonl_lines_end_at_newline_only(tmp_path, from_file):
    # A raw carriage return inside a line (bad JSON) and a CRLF line end; bytes that are not
    # UTF-8. Each input line still gets exactly one output line, in order.
    data = (b'{"id": 1, "text": "a\rb"}\n' + json.dumps({"id": 2, "text": CABLE}).encode()
            + b"\r\n\xff\xfe\n" + json.dumps({"id": 4, "text": "words"}).encode())
    if from_file:
        batch = tmp_path / "batch.jsonl"
        batch.write_bytes(data)
        result = runner.invoke(app, ["parse", str(batch), "--jsonl"])
    else:
        result = runner.invoke(app, ["parse", "-", "--jsonl"], input=data)
    assert result.exit_code == 0, result.output
    out = _lines(result.output)
    assert [o.get("id") for o in out] == [None, 2, None, 4]
    assert "invalid JSON" in out[0]["error"] and out[1]["reference_id"] == "00DAMASCUS2976"


def test_missing_file_is_an_error(tmp_path):
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.txt"), "--jsonl"])
    assert result.exit_code != 0


def test_parse_one_file_as_json(tmp_path):
    path = tmp_path / "00DAMASCUS2976.txt"
    path.write_text(CABLE, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path), "--json"])
    assert result.exit_code == 0
    record = json.loads(result.output)
    jsonschema.validate(record, SCHEMA)
    assert record["id"] == "00DAMASCUS2976.txt" and record["classification"] == "CONFIDENTIAL"
    assert len(record["paragraphs"]) == 2


def test_parse_stdin_human_and_not_a_cable():
    result = runner.invoke(app, ["parse"], input=CABLE)
    assert result.exit_code == 0 and "00DAMASCUS2976" in result.output
    result = runner.invoke(app, ["parse", "--json"], input="hello")
    assert result.exit_code == 0 and result.output.strip() == "null"


def test_normalize_id_lines_and_arguments():
    result = runner.invoke(app, ["normalize-id"], input="05PARISFR1\n\n07PAP12\n09 tehran 0012\n")
    assert result.exit_code == 0
    assert result.output.split("\n")[:4] == ["05UNESCOPARISFR1", "", "07PORTAUPRINCE12",
                                             "09TEHRAN12"]
    result = runner.invoke(app, ["normalize-id", "08KUALALUMP1234"])
    assert result.output.strip() == "08KUALALUMPUR1234"


@pytest.mark.parametrize("bad", [
    {"id": "x"},  # an error needs its reason
    {"id": "x", "error": "e", "extra": 1},
])
def test_schema_rejects_malformed_records(bad):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


def test_every_cable_command_and_option_is_documented():
    import typer.main

    from kashf.cli import app as kashf_app

    docs = (Path(__file__).resolve().parents[2] / "docs/cables.md").read_text("utf-8")
    root = typer.main.get_command(kashf_app)
    commands = {"cable " + name: command
                for name, command in typer.main.get_command(app).commands.items()}
    commands["cables"] = root.get_command(None, "cables")  # type: ignore[arg-type]
    for name, command in commands.items():
        assert f"kashf {name}" in docs, name
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert option in docs, (name, option)
