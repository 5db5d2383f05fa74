"""``kashf cable``: parse cable texts and normalize cable ids, without a case.

A thin shell over :mod:`kashf.cables`. The batch contract, for data teams who
script against it: ``parse --jsonl`` reads one JSON object a line
(``{"id", "text", "year"?}``) and writes exactly one line per input line, in
order — the record of ``docs/cable-record.schema.json``, or ``{"id", "error"}``
when that line cannot be parsed (bad JSON, no text, not a cable). The exit
status is non-zero only when the batch cannot run at all (unreadable input).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import typer

from kashf.cables import normalize_cable_id, parse_cable
from kashf.cli.jsonl import EMPTY_LINE, answer_lines, open_input

app = typer.Typer(
    help="Parse cable texts and normalize cable ids.", no_args_is_help=True, add_completion=False
)

NOT_A_CABLE = "not a cable, report, memo or letter"


@app.callback()
def cable() -> None:
    """Parse cable texts and normalize cable ids (no case needed)."""


def parse_line(line: str, number: int) -> dict[str, Any]:
    """The output record for one JSONL input line (never raises for bad data)."""
    if not line.strip():
        return {"id": None, "error": EMPTY_LINE}
    try:
        query = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"invalid JSON: {error.msg} (line {number})"}
    if not isinstance(query, dict):
        return {"id": None, "error": "expected a JSON object with id and text"}
    ident = query.get("id")
    text = query.get("text")
    year = query.get("year")
    if not isinstance(text, str) or not text.strip():
        return {"id": ident, "error": "no text"}
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)
                             or not 1900 <= year <= 2100):
        return {"id": ident, "error": "year must be a four-digit integer"}
    try:
        parsed = parse_cable(text, year=year, document_id=None if ident is None else str(ident))
    except Exception as error:  # a parser bug must not stop the batch; report it on its line
        return {"id": ident, "error": f"parser failed: {type(error).__name__}: {error}"}
    if parsed is None:
        return {"id": ident, "error": NOT_A_CABLE}
    record = parsed.to_json()
    record["id"] = ident
    return record


def parse_stream(lines: TextIO, out: TextIO) -> int:
    """Answer each input line with one output line; returns how many were errors."""
    return answer_lines(lines, out, parse_line)


@app.command()
def parse(
    file: str = typer.Argument("-", help="Text file to parse, or - for standard input."),
    jsonl: bool = typer.Option(False, "--jsonl", help='Batch: one {"id", "text", "year"?} a line.'),
    as_json: bool = typer.Option(False, "--json", help="Print the record as JSON."),
    year: int | None = typer.Option(None, "--year", help="The cable's own year, if it has no DTG."),
) -> None:
    """Parse a cable, report, memo or letter and print its header record."""
    try:
        source = open_input(file)
        if jsonl:
            parse_stream(source, sys.stdout)
            return
        text = source.read()
    except (OSError, UnicodeDecodeError) as error:
        typer.echo(f"Error: cannot read input: {error}", err=True)
        raise typer.Exit(1) from error
    parsed = parse_cable(text, year=year, document_id=None if file == "-" else Path(file).name,
                         name_hint=None if file == "-" else Path(file).name)
    if as_json:
        typer.echo(json.dumps(parsed.to_json() if parsed else None, ensure_ascii=False, indent=2))
        return
    if parsed is None:
        typer.echo(f"{file}: {NOT_A_CABLE}", err=True)
        return
    _print_record(parsed.to_json())


def _print_record(record: dict[str, Any]) -> None:
    for key, value in record.items():
        if key == "paragraphs":
            value = f"{len(value)} numbered" if value else ""
        elif isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        if value not in (None, ""):
            typer.echo(f"{key:>18}  {value}")


@app.command("normalize-id")
def normalize_id(
    ids: list[str] = typer.Argument(None, help="Cable ids; read one a line from stdin if none."),
) -> None:
    """Print the canonical form of each cable id (05PARISFR1 → 05UNESCOPARISFR1), one a line."""
    lines = ids if ids else open_input("-")
    for raw in lines:
        raw = raw.rstrip("\n")
        typer.echo(normalize_cable_id(raw) if raw.strip() else "")
