"""The JSONL batch contract shared by ``cable parse --jsonl``, ``entities`` and ``names match``.

Batch commands take JSON lines and write exactly one line per input line, in order:
the answer, or ``{"id", "error"}`` for a line that failed. A blank line is an input
line too and is answered ``{"id": null, "error": "empty line"}``, so line N of the
output always belongs to line N of the input. Lines end at ``\\n`` only: a stray
``\\r`` inside a line does not split it.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

import typer

EMPTY_LINE = "empty line"

Answer = Callable[[str, int], dict[str, Any]]


def open_input(file: str = "-") -> TextIO:
    """``file`` (or stdin for ``-``) as text whose lines end at ``\\n`` only; bad bytes become U+FFFD."""
    if file == "-":
        raw = getattr(sys.stdin, "buffer", None)
        if raw is None:
            return sys.stdin
        return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n")
    path = Path(file)
    if not path.is_file():
        raise typer.BadParameter(f"no such file: {file}", param_hint="FILE")
    return path.open(encoding="utf-8", errors="replace", newline="\n")


def answer_lines(lines: Iterable[str], out: TextIO, answer: Answer) -> int:
    """Write ``answer(line, number)`` for each input line, blank lines included; returns how
    many records were errors. ``answer`` is called only for non-blank lines and must not
    raise for bad data."""
    errors = 0
    for number, line in enumerate(lines, 1):
        record = answer(line, number) if line.strip() else {"id": None, "error": EMPTY_LINE}
        errors += "error" in record
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return errors
