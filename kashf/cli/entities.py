"""``kashf entities``: entity mentions from text on stdin, or a case's entities.

Without CASE it is a batch filter: JSON lines ``{"id", "text"}`` in, one line
``{"id", "entities": [{"start", "end", "label", "text"}]}`` out per input line,
in order; a line that cannot be read (a blank one included) gives ``{"id", "error"}``
and the batch goes on (:mod:`kashf.cli.jsonl`). With CASE it lists the case's
entities (``--json`` for machines).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import typer

from kashf.cli.jsonl import answer_lines, open_input

LANGUAGES = ("fa", "ar", "en")


def _entities_of(line: str, lang: str | None) -> dict[str, Any]:
    from kashf.nlp import extract_entities

    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"not JSON: {error.msg} at column {error.colno}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "expected a JSON object with id and text"}
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": item_id, "error": "missing or non-string 'text'"}
    found = extract_entities(text, lang)
    return {"id": item_id, "entities": [
        {"start": m["start"], "end": m["end"], "label": m["label"], "text": m["text"]} for m in found
    ]}


def run_batch(source: TextIO, sink: TextIO, lang: str | None) -> int:
    """Stream JSON lines from ``source`` to ``sink``, one line out per line in (a blank line
    gives ``{"id": null, "error": "empty line"}``); returns how many lines failed."""

    def answer(line: str, _number: int) -> dict[str, Any]:
        try:
            return _entities_of(line, lang)
        except Exception as error:  # noqa: BLE001 - one bad document must not stop the batch
            return {"id": None, "error": f"extraction failed: {type(error).__name__}: {error}"}

    return answer_lines(source, sink, answer)


def _show_case(case: Path, as_json: bool, as_jsonl: bool) -> None:
    from kashf.case import Case

    rows = Case.open(case).entities()
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if as_jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("type", "name", "aliases", "documents", "mentions")
    for row in rows:
        table.add_row(row.get("type", ""), row.get("name", ""),
                      ", ".join(row.get("aliases", [])[:4]),
                      str(len(row.get("documents", []))), str(row.get("mentions", "")))
    Console().print(table)


def entities(
    case: Path | None = typer.Argument(None, help="A case folder; without it, read JSON lines from stdin."),
    lang: str | None = typer.Option(None, "--lang", help="Language of every text: fa, ar or en (default: per paragraph)."),
    jsonl: bool = typer.Option(False, "--jsonl", help="JSON lines out (the default without CASE)."),
    json_: bool = typer.Option(False, "--json", help="With CASE: one JSON array."),
) -> None:
    """Persons, organisations, places, phones, e-mails, money, plates, coordinates, URLs, dates."""
    if lang is not None and lang not in LANGUAGES:
        raise typer.BadParameter(f"choose one of {', '.join(LANGUAGES)}", param_hint="--lang")
    if case is not None:
        _show_case(case, json_, jsonl)
        return
    run_batch(open_input("-"), sys.stdout, lang)
