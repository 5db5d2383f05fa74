"""The command line: a thin shell over :class:`kashf.case.Case`.

Every command that shows data has ``--json``; one handler turns a
:class:`kashf.exc.KashfError` into ``error: …`` on stderr and exit code 1.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from kashf.cli import core

app = typer.Typer(
    name="kashf",
    help="kashf (کشف) — search, read and cross-reference leaked documents, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
core.register(app)


def _register_extensions() -> None:
    """Commands owned by the packages that do the work (cables, OCR, entities, names, web)."""
    import importlib

    def load(name: str):
        try:
            return importlib.import_module(f"kashf.cli.{name}")
        except ModuleNotFoundError as error:  # TEMPORARY while the packages land
            if error.name != f"kashf.cli.{name}":
                raise
            return None

    if cable := load("cable"):
        app.add_typer(cable.app, name="cable", help="Parse cable texts and normalize cable ids.")
    if ocr := load("ocr"):
        app.command("ocr", help="Print the text of an image or PDF read by OCR (no case needed).")(
            ocr.ocr
        )
    if entities := load("entities"):
        app.command("entities")(entities.entities)
    if names := load("names"):
        app.add_typer(names.app, name="names", help="Match names across scripts and spellings.")
    load("web").register(app)


_register_extensions()


def main() -> None:
    from kashf.exc import KashfError

    try:
        app()
    except KashfError as error:
        Console(stderr=True).print(f"[red]error:[/red] {error}", highlight=False)
        sys.exit(1)


__all__ = ["app", "main"]
