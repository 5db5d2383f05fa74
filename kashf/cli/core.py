"""The case commands: init, ingest, process, status, ls, search, show, reindex, cables, events."""

from __future__ import annotations

import functools
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from kashf.config import ALL_STAGES
from kashf.exc import CaseError, KashfError
from kashf.nlp.events_lexicon import EVENT_TYPES

console = Console()
errors = Console(stderr=True)

CaseArg = typer.Argument(..., help="The case folder.")
JsonOpt = typer.Option(False, "--json", help="Print JSON for scripts.")


def handle_errors(function):
    """Turn KashfError into one line on stderr and exit code 1."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except KashfError as error:
            errors.print(f"[red]error:[/red] {error}", highlight=False, markup=True)
            raise typer.Exit(1) from None

    return wrapper


#: Most hits one search returns; page with --offset for more (the web API has the same cap).
MAX_LIMIT = 1000
#: Stage failures shown by plain ``kashf status`` (``--json`` has them all).
STAGE_FAILURE_ROWS = 20
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_date(value: str | None) -> str | None:
    """A typer callback: ``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD and a real date."""
    if value is None:
        return None
    found = _ISO_DATE.fullmatch(value.strip())
    if found:
        year, month, day = (int(part) if part else 1 for part in found.groups())
        try:
            date(year, month, day)
            return value.strip()
        except ValueError:
            pass
    raise typer.BadParameter(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")


def _one_of(valid: list[str] | tuple[str, ...], what: str):
    """A typer callback that refuses any value (or list item) not in ``valid``."""

    def check(value):
        values = value if isinstance(value, list | tuple) else [value]
        unknown = [v for v in values if v is not None and v not in valid]
        if unknown:
            raise typer.BadParameter(f"unknown {what} {', '.join(map(repr, unknown))} "
                                     f"(choose from {', '.join(valid)})")
        return value

    return check


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def open_case(path: Path):
    from kashf.case import Case

    return Case.open(path)


def init(case: Path = CaseArg, json_: bool = JsonOpt) -> None:
    """Create a case folder: settings, database, blob store and search index."""
    from kashf.case import Case

    with Case.create(case) as created:
        info = {"case": str(created.root), "settings": str(created.root / "kashf.toml")}
    if json_:
        print_json(info)
    else:
        console.print(f"Created case [bold]{case}[/bold]. Next: kashf ingest {case} FOLDER")


def ingest(
    case: Path = CaseArg,
    paths: list[Path] = typer.Argument(..., help="Files and folders to ingest."),
    workers: int = typer.Option(0, "--workers", "-w", min=0,
                                help="Worker processes (0: one per core)."),
    process: bool = typer.Option(True, "--process/--no-process",
                                 help="Run the enrichment stages after extraction."),
    scheduler: str = typer.Option(None, "--scheduler",
                                  help="Dask scheduler address, e.g. tcp://127.0.0.1:8786."),
    retry_failed: bool = typer.Option(False, "--retry-failed",
                                      help="Read again the files that failed last time."),
    json_: bool = JsonOpt,
) -> None:
    """Store, extract and enrich every file under PATHS; re-running skips what is done."""
    from kashf.cli.progress import ProgressView

    with open_case(case) as opened:
        progress = ProgressView("ingest", "files", enabled=None if not json_ else False)
        report = opened.ingest(paths, workers=workers or None, process=process,
                               scheduler=scheduler, progress=progress, retry_failed=retry_failed)
    summary = report.to_json()
    if json_:
        print_json(summary)
        return
    console.print(f"Ingested {summary['files_ingested']} files "
                  f"({summary['files_skipped_unchanged']} unchanged, skipped) "
                  f"in {summary['seconds']:.1f} s")
    table = Table()
    table.add_column("type")
    table.add_column("ok", justify="right")
    table.add_column("failed", justify="right")
    for kind, counts in summary["by_type"].items():
        table.add_row(kind, str(counts.get("ok", 0)), str(counts.get("failed", 0)))
    console.print(table)
    if summary["failed"]:
        console.print(f"{summary['failed']} documents failed: see `kashf status {case}`")


def process(
    case: Path = CaseArg,
    stage: list[str] = typer.Option(None, "--stage", callback=_one_of(ALL_STAGES, "stage"),
                                    help=f"Only these stages (repeatable): {', '.join(ALL_STAGES)}."),
    force: bool = typer.Option(False, "--force", help="Re-run even what is up to date."),
    workers: int = typer.Option(0, "--workers", "-w", min=0,
                                help="Worker processes (0: one per core)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address."),
    json_: bool = JsonOpt,
) -> None:
    """Run every enrichment stage that is missing or outdated."""
    from kashf.cli.progress import ProgressView

    with open_case(case) as opened:
        summary = opened.process(stage or None, force=force, workers=workers or None,
                                 scheduler=scheduler,
                                 progress=ProgressView("process", "docs", enabled=None if not json_
                                                       else False))
    if json_:
        print_json(summary)
        return
    console.print(f"Processed {summary['documents']} documents in {summary['seconds']:.1f} s")
    for name, counts in summary["stages"].items():
        console.print(f"  {name}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


def status(case: Path = CaseArg, json_: bool = JsonOpt) -> None:
    """Counts of files, documents, failures (with reasons) and stages."""
    with open_case(case) as opened:
        info = opened.status()
    if json_:
        print_json(info)
        return
    documents = info["documents"]
    console.print(f"[bold]{info['case']}[/bold]: {info['files_seen']} files seen, "
                  f"{documents['total']} documents ({documents['ok']} ok, {documents['failed']} failed)")
    table = Table("type", "status", "documents")
    for row in info["by_type"]:
        table.add_row(row["kind"], row["status"], str(row["count"]))
    console.print(table)
    if info["stages"]:
        stages = Table("stage", "version", "ok", "failed")
        for name, entry in info["stages"].items():
            for version, counts in entry["versions"].items():
                stages.add_row(name, version, str(counts.get("ok", 0)), str(counts.get("failed", 0)))
        console.print(stages)
    if info["low_confidence_ocr_documents"]:
        console.print(f"{info['low_confidence_ocr_documents']} documents have low-confidence OCR "
                      f"pages (search with ocr:low)")
    if info["failures"]:
        failures = Table("failed file", "reason", title="Failures")
        for failure in info["failures"]:
            failures.add_row(failure["path"], failure["reason"] or "")
        console.print(failures)
    _print_stage_failures(info)


def _print_stage_failures(info: dict[str, Any]) -> None:
    """Why each failed stage failed (stage, path, reason), at most STAGE_FAILURE_ROWS rows."""
    rows = info.get("stage_failures") or []
    if not rows:
        return
    total = max(len(rows), sum(counts.get("failed", 0) for entry in info["stages"].values()
                               for counts in entry["versions"].values()))
    table = Table("stage", "path", "reason", title="Stage failures")
    for row in rows[:STAGE_FAILURE_ROWS]:
        table.add_row(row["stage"], row["path"], row.get("error") or "")
    console.print(table)
    shown = min(len(rows), STAGE_FAILURE_ROWS)
    if total > shown:
        console.print(f"… and {total - shown} more: kashf status {info['case']} --json",
                      highlight=False)


def ls(case: Path = CaseArg, json_: bool = JsonOpt,
       jsonl: bool = typer.Option(False, "--jsonl", help="One JSON object a line (streams).")) -> None:
    """List the documents of a case."""
    with open_case(case) as opened:
        if jsonl:
            for row in opened.ls():
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            return
        rows = list(opened.ls())
    if json_:
        print_json(rows)
        return
    table = Table("id", "path", "type", "status", "lang", "pages")
    for row in rows:
        table.add_row(row["id"][:12], row["path"], row["kind"] or "", row["status"],
                      row["language"] or "", str(row["pages"] or ""))
    console.print(table)


def search(
    case: Path = CaseArg,
    query: str = typer.Argument(..., help="Words, \"phrases\", prefix*, AND/OR/NOT, lang:fa …"),
    limit: int = typer.Option(10, "--limit", min=1, max=MAX_LIMIT,
                              help=f"How many hits to return (1-{MAX_LIMIT})."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many hits (paging)."),
    sort: str = typer.Option("relevance", "--sort", help="relevance or date"),
    no_expand: bool = typer.Option(False, "--no-expand",
                                   help="Do not add other spellings of known names."),
    json_: bool = JsonOpt,
) -> None:
    """Search the case (Persian/Arabic spelling variants find each other)."""
    with open_case(case) as opened:
        result = opened.search(query, limit=limit, offset=offset, sort=sort,
                               expand_names=not no_expand)
    if json_:
        print_json(result)
        return
    console.print(f"{result['total']} documents ({result['took_ms']:.1f} ms)")
    for expansion in result["expansions"]:
        console.print(f"  also searched: {expansion['term']} → {', '.join(expansion['spellings'])}")
    for hit in result["hits"]:
        console.print(f"[bold]{hit['path']}[/bold]  [dim]{hit['id'][:12]} {hit['score']}[/dim]",
                      highlight=False)
        console.print("  " + _highlighted(hit["snippet"], hit["highlights"]), highlight=False)
    for name, counts in result["facets"].items():
        console.print(f"[dim]{name}:[/dim] " + "  ".join(f"{k} ({v})" for k, v in counts.items()),
                      highlight=False)


def _highlighted(snippet: str, highlights: list[list[int]]) -> str:
    from rich.markup import escape

    out, cursor = [], 0
    for start, end in highlights:
        out.append(escape(snippet[cursor:start]))
        out.append(f"[reverse]{escape(snippet[start:end])}[/reverse]")
        cursor = end
    out.append(escape(snippet[cursor:]))
    return "".join(out)


def show(case: Path = CaseArg, document_id: str = typer.Argument(..., help="Id or id prefix."),
         json_: bool = JsonOpt) -> None:
    """A document: metadata, text, children and source paths."""
    with open_case(case) as opened:
        info = opened.show(document_id)
    if json_:
        print_json(info)
        return
    table = Table(show_header=False)
    for key in ("id", "path", "kind", "mime", "status", "reason", "title", "language", "date"):
        if info.get(key):
            table.add_row(key, str(info[key]))
    for path in info["paths"][1:]:
        table.add_row("also at", path)
    for key, value in (info["metadata"] or {}).items():
        table.add_row(key, json.dumps(value, ensure_ascii=False) if not isinstance(value, str)
                      else value)
    console.print(table)
    if info["cable"]:
        cable = info["cable"]
        console.print(f"[bold]cable[/bold] {cable.get('reference_id')} {cable.get('date')} "
                      f"{cable.get('classification')} from {cable.get('origin')}", highlight=False)
    for child in info["children"]:
        console.print(f"  child {child['id'][:12]} {child['path']} ({child['status']})",
                      highlight=False)
    console.print(info["text"], highlight=False, markup=False)


def reindex(case: Path = CaseArg, json_: bool = JsonOpt) -> None:
    """Rebuild the search index from the store."""
    from kashf.cli.progress import ProgressView

    with open_case(case) as opened:
        count = opened.reindex(progress=ProgressView("reindex", "docs",
                                                     enabled=None if not json_ else False))
    if json_:
        print_json({"documents": count})
    else:
        console.print(f"Reindexed {count} documents.")


def ingestors(json_: bool = JsonOpt) -> None:
    """The file formats kashf reads, one ingestor per format family."""
    from kashf.ingest.registry import registry_table

    rows = registry_table()
    if json_:
        print_json(rows)
        return
    table = Table("name", "version", "score", "extensions", "MIME types")
    for row in rows:
        table.add_row(row["name"], str(row["version"]), str(row["score"]),
                      " ".join(row.get("extensions", [])), " ".join(row.get("mime_types", [])))
    console.print(table)


def cables(
    case: Path = CaseArg,
    origin: str = typer.Option(None, "--origin", help="Only cables from this origin (substring)."),
    tag: str = typer.Option(None, "--tag", help="Only cables with this TAG, e.g. PREL."),
    classification: str = typer.Option(None, "--classification",
                                       help="Only this classification, e.g. secret."),
    date_from: str = typer.Option(None, "--from", callback=iso_date,
                                  help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive."),
    date_to: str = typer.Option(None, "--to", callback=iso_date,
                                help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive."),
    ref: str = typer.Option(None, "--ref",
                            help="Show what this cable cites and what cites it (in both directions)."),
    graph: bool = typer.Option(False, "--graph",
                               help="The whole reference graph: cables and cited ids, with edges."),
    json_: bool = JsonOpt,
) -> None:
    """The table of cables and reports in a case, with their parsed headers."""
    with open_case(case) as opened:
        if ref or graph:
            links = opened.cable_links(ref) if ref else opened.cable_graph()
            if ref and not links["document_id"] and not links["cited_by"]:
                raise CaseError(f"{links['reference_id']} is neither in the case nor cited by "
                                "any cable in it")
            if json_:
                print_json(links)
            elif ref:
                console.print(f"[bold]{links['reference_id']}[/bold] "
                              f"({'in the case' if links['document_id'] else 'only cited'})")
                for cited in links["cites"]:
                    console.print(f"  cites    {cited['reference_id']}"
                                  + ("" if cited["document_id"] else "  (not in the case)"))
                for citing in links["cited_by"]:
                    console.print(f"  cited by {citing['reference_id']}")
            else:
                console.print(f"{len(links['nodes'])} cables, {len(links['edges'])} references")
                for edge in links["edges"]:
                    console.print(f"  {edge['source']} → {edge['target']}")
            return
        rows = opened.cables(origin=origin, tag=tag, classification=classification,
                             date_from=date_from, date_to=date_to)
    if json_:
        print_json(rows)
        return
    console.print(_cables_table(rows))


def _cables_table(rows: list[dict[str, Any]]) -> Table:
    """Reference ids and dates never wrap or shrink (a "1…" cannot be read or copied); the
    free text (origin, subject) wraps instead, and long paths fold."""
    widest = max((len(row.get("reference_id") or "") for row in rows), default=9)
    table = Table()
    table.add_column("reference", no_wrap=True, min_width=min(max(widest, 9), 28))
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("classification", overflow="fold", max_width=14)
    table.add_column("from", overflow="fold")
    table.add_column("subject", overflow="fold")
    table.add_column("path", overflow="fold")
    for row in rows:
        table.add_row(row.get("reference_id") or "", (row.get("date") or "")[:10],
                      row.get("classification") or "", row.get("origin") or "",
                      row.get("subject") or "", row["path"])
    return table


def events(case: Path = CaseArg, json_: bool = JsonOpt,
           event_type: str = typer.Option(None, "--type", callback=_one_of(EVENT_TYPES, "event type"),
                                          help=f"Only this type: {', '.join(EVENT_TYPES)}.")) -> None:
    """Meetings, recruitment, tasking, payments and travel, each with its evidence."""
    with open_case(case) as opened:
        rows = [e for e in opened.events() if not event_type or e["type"] == event_type]
    if json_:
        print_json(rows)
        return
    table = Table("date", "type", "participants", "place", "tradecraft", "status", "quote")
    for row in rows:
        table.add_row(row.get("date") or row.get("date_text") or "", row["type"], ", ".join(row.get("participants") or []),
                      row.get("place") or "", ", ".join(row.get("tradecraft") or []),
                      row.get("status") or "", (row["evidence"].get("quote") or "")[:80])
    console.print(table)


def register(app: typer.Typer) -> None:
    for function in (init, ingest, process, status, ls, search, show, reindex, ingestors, cables,
                     events):
        app.command(function.__name__)(handle_errors(function))
