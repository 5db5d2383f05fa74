"""The stage runner: decides what is missing or outdated, runs it in the executor, records it.

A stage run is recorded as ``(document, stage, version, status, error)`` plus its
result and a sequence number. A run is outdated when the stage's version
changed, or when a stage it depends on ran again after it (its ``seq`` is
newer): OCR replacing a page's text makes entities stale, for example.

Workers compute; the coordinator alone writes, in batches.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kashf.exc import StageError
from kashf.model import DocumentRecord, StageOutcome
from kashf.stages import REGISTRY, PageSpan, Stage, StageInput, ordered_stages


def load_stages() -> None:
    """Import every stage module so the registry is full (never at import time of this module)."""
    import kashf.pipeline  # noqa: F401  (registers stages as a side effect)


def selected_stages(names: list[str]) -> list[Stage]:
    """The stages named, in dependency order, those that change the text (OCR) first.

    Every other stage reads the text, so a stage that replaces it is an implicit
    dependency of all of them: it runs before them, and a new run of it makes
    their results stale (see :func:`plan`).
    """
    load_stages()
    # A stage brings the stages it reads: `--stage events`, or a kashf.toml without
    # `cables`, still gets the document date events need.
    wanted: set[str] = set()
    todo = [name for name in names if name in REGISTRY]
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo.extend(REGISTRY[name].depends)
    chosen = [s for s in ordered_stages() if s.name in wanted]
    return [s for s in chosen if s.changes_text] + [s for s in chosen if not s.changes_text]


def _inputs_of(entry: Stage, stages: list[Stage]) -> list[str]:
    """The stages whose results ``entry`` depends on: declared, plus those that change the text."""
    implicit = [s.name for s in stages if s.changes_text and not entry.changes_text]
    return list(entry.depends) + [name for name in implicit if name not in entry.depends]


def run_stage(entry: Stage, stage_input: StageInput) -> StageOutcome:
    try:
        result = entry.function(stage_input)
        return StageOutcome(entry.name, entry.version, "ok", result=result or {})
    except StageError as error:
        return StageOutcome(entry.name, entry.version, "failed", error=str(error)[:300])
    except Exception as error:  # a bug: keep the traceback's last line, fail this document only
        last = traceback.format_exception_only(type(error), error)[-1].strip()
        return StageOutcome(entry.name, entry.version, "failed", error=f"internal error: {last}"[:300])


def _stage_input(
    document: dict[str, Any],
    pages: list[PageSpan],
    results: dict[str, dict[str, Any]],
    blob_path: str | None,
    settings: dict[str, Any],
) -> StageInput:
    return StageInput(
        document_id=document["id"],
        path=document["path"],
        mime=document.get("mime") or "",
        text=document.get("text") or "",
        pages=tuple(pages),
        metadata=document.get("metadata") or {},
        results=results,
        blob_path=blob_path,
        settings=settings,
    )


def run_stages_inline(
    record: DocumentRecord, blob_path: str, names: list[str], settings: dict[str, Any]
) -> list[StageOutcome]:
    """Run stages on a freshly extracted document, in the worker that extracted it.

    Saves a second trip through the store at ingest; the outcome is the same as
    ``kashf process`` would record.
    """
    document = {
        "id": record.id,
        "path": record.path,
        "mime": record.mime,
        "text": record.text,
        "metadata": record.metadata,
    }
    pages = [PageSpan(p.number, p.start, p.end, p.has_text_layer) for p in record.pages]
    results: dict[str, dict[str, Any]] = {}
    outcomes: list[StageOutcome] = []
    # Ingest stops a job that runs too long; OCR of a long scan stops first, keeps
    # what it read in its cache, and leaves the rest to `kashf process`.
    settings = {"ocr_max_seconds": INLINE_OCR_SECONDS, **settings}
    for entry in selected_stages(names):
        if any(d not in results for d in entry.depends if d in names):
            outcomes.append(StageOutcome(entry.name, entry.version, "failed",
                                         error="a stage it depends on failed"))
            continue
        stage_input = _stage_input(document, pages, dict(results), blob_path, settings)
        outcome = run_stage(entry, stage_input)
        outcomes.append(outcome)
        if outcome.status == "ok":
            results[entry.name] = outcome.result or {}
            if entry.changes_text and outcome.result and outcome.result.get("pages"):
                document["text"], pages = _apply_page_text(document["text"], pages, outcome.result)
    # Later stages saw the OCR'd text: so must the store and the index.
    record.text = document["text"]
    for page, span in zip(record.pages, pages, strict=True):
        page.start, page.end = span.start, span.end
    return outcomes


#: Seconds of OCR per document at ingest (the ingest job limit is longer).
INLINE_OCR_SECONDS = 180.0


def _apply_page_text(text: str, pages: list[PageSpan], result: dict[str, Any]):
    """The text after a stage replaced some pages (OCR), with page spans moved to match."""
    from kashf.store.db import PAGE_SEPARATOR

    replaced = {p["page"]: p["text"] for p in result["pages"]}
    pieces: list[str] = []
    spans: list[PageSpan] = []
    cursor = 0
    for page in pages:
        piece = replaced.get(page.number, text[page.start : page.end])
        if pieces:
            pieces.append(PAGE_SEPARATOR)
            cursor += len(PAGE_SEPARATOR)
        pieces.append(piece)
        spans.append(PageSpan(page.number, cursor, cursor + len(piece), page.has_text_layer))
        cursor += len(piece)
    return "".join(pieces), spans


# -- running over a case --------------------------------------------------------------------------


@dataclass
class StageTask:
    """One document's work for `kashf process`: the stages to run, in order, and their inputs."""

    document: dict[str, Any]
    pages: list[PageSpan]
    results: dict[str, dict[str, Any]]
    stages: list[str]
    blob_path: str | None
    settings: dict[str, Any] = field(default_factory=dict)


def run_task(task: StageTask) -> tuple[str, list[StageOutcome], float]:
    started = time.monotonic()
    document = dict(task.document)
    pages = list(task.pages)
    results = dict(task.results)
    outcomes: list[StageOutcome] = []
    for entry in selected_stages(task.stages):
        if any(d not in results for d in entry.depends):
            outcomes.append(StageOutcome(entry.name, entry.version, "failed",
                                         error="a stage it depends on failed or did not run"))
            continue
        outcome = run_stage(entry, _stage_input(document, pages, dict(results), task.blob_path,
                                                task.settings))
        outcomes.append(outcome)
        if outcome.status == "ok":
            results[entry.name] = outcome.result or {}
            if entry.changes_text and outcome.result and outcome.result.get("pages"):
                document["text"], pages = _apply_page_text(document["text"], pages, outcome.result)
    return task.document["id"], outcomes, time.monotonic() - started


def plan(store, names: list[str], force: bool = False) -> dict[str, list[str]]:
    """document id → the stages it needs, in order (missing, outdated, or stale inputs)."""
    stages = selected_stages(names)
    states = {s.name: store.stage_state(s.name) for s in stages}
    # A failed OCR run is tried again: its usual causes (Tesseract installed
    # since, the time limit at ingest) go away, and cached pages are not re-read.
    retry = {s.name: store.failed_stage_ids(s.name) for s in stages if s.needs_blob}
    todo: dict[str, list[str]] = {}
    for document_id in store.document_ids("ok"):
        needed: list[str] = []
        for entry in stages:
            state = states[entry.name].get(document_id)
            stale = (force or state is None or state[0] != entry.version
                     or document_id in retry.get(entry.name, ()))
            if not stale:
                for dependency in _inputs_of(entry, stages):
                    if dependency in needed:
                        stale = True
                        break
                    dep_state = states.get(dependency, {}).get(document_id)
                    if dep_state is not None and dep_state[1] > state[1]:
                        stale = True
                        break
            if stale:
                needed.append(entry.name)
        if needed:
            todo[document_id] = needed
    return todo


def iter_tasks(store, blobs, todo: dict[str, list[str]], settings: dict[str, Any],
               batch: int = 200) -> Iterator[StageTask]:
    ids = list(todo)
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        documents = {d["id"]: d for d in store.documents(chunk)}
        results = store.stage_results_many(chunk)
        for document_id in chunk:
            document = documents.get(document_id)
            if document is None:
                continue
            pages = [
                PageSpan(p["number"], p["start"], p["end"], bool(p["has_text_layer"]))
                for p in store.page_rows(document_id)
            ]
            needed = todo[document_id]
            # Inputs are the results of stages that are not being re-run now.
            inputs = {k: v for k, v in results.get(document_id, {}).items() if k not in needed}
            yield StageTask(
                document=document,
                pages=pages,
                results=inputs,
                stages=needed,
                blob_path=str(blobs.path(document_id)) if blobs.exists(document_id) else None,
                settings=settings,
            )


def ocr_pages_read(outcomes: list[StageOutcome]) -> int:
    """Pages that OCR recognised in these outcomes (cached readings do not count)."""
    return sum((o.result or {}).get("read", 0) for o in outcomes if o.stage == "ocr")


ProgressCallback = Callable[[int, int], None]
