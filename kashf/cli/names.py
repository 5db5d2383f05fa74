"""``kashf names``: match names across scripts and spellings, with or without a case.

A thin shell over :mod:`kashf.resolve.names`: one JSON object in per line, one out, in
order, so a watchlist or a list of sources can be piped through it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import typer

from kashf.cli.jsonl import answer_lines, open_input
from kashf.exc import KashfError
from kashf.resolve.names import best_matches

#: The entity types matched by default: names, not dates, phones or amounts.
NAME_TYPES = ("PER", "ORG", "LOC")

app = typer.Typer(
    help="Match names across scripts and spellings.", no_args_is_help=True, add_completion=False
)


@app.callback()
def names() -> None:
    """Match names across scripts and spellings (Persian, Arabic, Latin)."""


def _case_candidates(case: Path, types: Iterable[str]) -> list[tuple[str, dict[str, Any]]]:
    """Every alias of every entity of the case whose type is one of ``types``, with its entity
    (``Case.entities()``): a person's name is matched against names, never a date or a phone."""
    from kashf.case import Case

    wanted = set(types)
    pairs = []
    opened = Case.open(case)
    try:
        entities = opened.entities()
    finally:
        opened.close()
    for entity in entities:
        if entity.get("type") not in wanted:
            continue
        spellings = [entity.get("name"), *(entity.get("aliases") or [])]
        for alias in dict.fromkeys(s for s in spellings if s):
            pairs.append((alias, entity))
    return pairs


def _match_entities(
    name: str, pairs: list[tuple[str, dict]], top: int, min_score: float
) -> list[dict[str, Any]]:
    """Best alias per entity, entities best first."""
    by_alias: dict[str, list[dict]] = {}
    for alias, entity in pairs:
        by_alias.setdefault(alias, []).append(entity)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for alias, score in best_matches(name, by_alias, top=max(top * 5, 20), min_score=min_score):
        for entity in by_alias[alias]:
            if entity["id"] not in seen:
                seen.add(entity["id"])
                out.append({"candidate": alias, "score": score, "entity_id": entity["id"],
                            "entity_name": entity.get("name"), "type": entity.get("type")})
    return out[:top]


def match_lines(
    lines: TextIO, out: TextIO, top: int, min_score: float, case: Path | None,
    types: Iterable[str] = NAME_TYPES,
) -> int:
    """Answer each JSONL line, one line out per line in (:mod:`kashf.cli.jsonl`); returns how
    many lines were errors. The case's entities of ``types`` are read once, when first needed."""
    pairs: list[tuple[str, dict]] | None = None

    def answer(line: str, number: int) -> dict[str, Any]:
        nonlocal pairs
        query: Any = None
        try:
            query = json.loads(line)
            record = {"id": query.get("id", number) if isinstance(query, dict) else number}
            if pairs is None and case is not None and isinstance(query, dict) \
                    and query.get("candidates") is None:
                pairs = _case_candidates(case, types)
            record["matches"] = _answer(query, top, min_score, pairs)
        except (ValueError, TypeError) as error:
            ident = query.get("id", number) if isinstance(query, dict) else number
            record = {"id": ident, "error": str(error)}
        return record

    return answer_lines(lines, out, answer)


def _answer(
    query: Any, top: int, min_score: float, pairs: list[tuple[str, dict]] | None
) -> list[dict[str, Any]]:
    if not isinstance(query, dict) or not isinstance(query.get("name"), str):
        raise ValueError('each line needs a "name" string')
    candidates = query.get("candidates")
    if candidates is not None:
        if not isinstance(candidates, list) or not all(isinstance(c, str) for c in candidates):
            raise ValueError('"candidates" must be a list of strings')
        return [
            {"candidate": c, "score": s}
            for c, s in best_matches(query["name"], candidates, top, min_score)
        ]
    if pairs is None:
        raise ValueError('no "candidates" and no --case to take them from')
    return _match_entities(query["name"], pairs, top, min_score)


@app.command("match")
def match(
    jsonl: bool = typer.Option(True, "--jsonl/--no-jsonl", help="Read and write JSON lines (the only format)."),
    top: int = typer.Option(5, "--top", min=1, help="At most this many matches per name."),
    min_score: float = typer.Option(0.0, "--min-score", min=0.0, max=1.0, help="Drop weaker matches."),
    case: Path | None = typer.Option(None, "--case", help="Match against this case's entities."),
    types: list[str] = typer.Option(
        None, "--type", help="With --case: only entities of this type (repeatable; default PER, ORG, LOC)."
    ),
) -> None:
    """Read {"id", "name", "candidates"?} lines on stdin; write {"id", "matches"} lines.

    Matches are {"candidate", "score"} best first, score 0-1; without "candidates" they are
    the case's person, organisation and place entities (see --type) and carry "entity_id".
    A bad or blank line gives {"id", "error"}, so there is one line out per line in.
    """
    from kashf.nlp.ner.extract import LABELS

    chosen = [t.upper() for t in types] if types else list(NAME_TYPES)
    unknown = [t for t in chosen if t not in LABELS]
    if unknown:
        raise typer.BadParameter(
            f"unknown entity type {', '.join(unknown)} (choose from {', '.join(LABELS)})",
            param_hint="--type",
        )
    try:
        match_lines(open_input("-"), sys.stdout, top, min_score, case, chosen)
    except KashfError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
