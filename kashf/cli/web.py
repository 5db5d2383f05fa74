"""`kashf serve` and `kashf demo`: the workbench on a case, and the example case built and served."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console

from kashf.cli.core import handle_errors

console = Console(stderr=True)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "case"


def serve(
    case: Path = typer.Argument(..., help="The case folder."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    exposed: bool = typer.Option(False, "--i-know-this-is-exposed",
                                 help="Allow binding to a non-loopback address."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
) -> None:
    """Serve the workbench on 127.0.0.1 with a per-launch token (printed as a URL)."""
    from kashf.case import Case
    from kashf.web.server import serve as run_server

    Case.open(case).close()  # fail early, with a clear message, on a bad folder
    run_server(case, host=host, port=port, exposed_ok=exposed, open_browser=not no_browser)


def build_demo(case: Path, workers: int | None = None, quiet: bool = False):
    """Create (or bring up to date) the example case from the files bundled in examples/case."""
    from kashf.case import Case
    from kashf.cli.progress import ProgressView

    if not EXAMPLES.is_dir():
        from kashf.exc import CaseError

        raise CaseError(f"the example files are missing ({EXAMPLES}): run from a kashf checkout")
    opened = Case.open(case) if (case / "kashf.toml").exists() else Case.create(case)
    with opened:
        progress = ProgressView("example case", "files", enabled=False if quiet else None)
        report = opened.ingest([EXAMPLES], workers=workers, progress=progress)
        opened.process()
        return report.to_json(), opened.status()


def demo(
    case: Path = typer.Option(Path("demo-case"), "--case", help="Where to build the example case."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Build the case, then stop."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
    json_: bool = typer.Option(False, "--json", help="Print the build summary as JSON."),
) -> None:
    """Build the bundled example case and serve it in the workbench."""
    if not no_serve:
        from kashf.web.server import check_port

        check_port("127.0.0.1", port)  # before minutes of building, not after
    report, status = build_demo(case, quiet=json_)
    if json_:
        sys.stdout.write(json.dumps({"ingest": report, "status": status}, ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        documents = status["documents"]
        console.print(f"Example case in [bold]{case}[/bold]: {status['files_seen']} files, "
                      f"{documents['ok']} documents ok, {documents['failed']} failed "
                      f"(on purpose: a corrupt file), {status['entities']} entities, "
                      f"{status['events']} events.")
    if no_serve:
        return
    serve(case, host="127.0.0.1", port=port, exposed=False, no_browser=no_browser)


def register(app: typer.Typer) -> None:
    app.command("serve")(handle_errors(serve))
    app.command("demo")(handle_errors(demo))
