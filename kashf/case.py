"""The case: the one front door the CLI, the web app and the Python API use.

    case = Case.create("mycase")          # or Case.open("mycase")
    case.ingest(["leak/"])
    case.search("میرود lang:fa")

A case folder holds ``kashf.toml`` (settings), ``kashf.db`` (SQLite), ``blobs/``
(the originals, by SHA-256) and ``index/`` (Tantivy, derived from the store).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kashf.config import Settings
from kashf.exc import CaseError
from kashf.index.engine import SearchIndex
from kashf.index.schema import document_date, fields_for, to_tantivy
from kashf.index.snippets import make_snippet
from kashf.model import IngestOutcome, record_results, record_row
from kashf.store import BlobStore, Store
from kashf.store import findings as found
from kashf.store.db import now

#: At most this many other spellings are added to one query word.
MAX_EXPANSIONS = 12
#: Quote marks, brackets and other punctuation a mention's edge may carry («…», "…", (…)).
_NOT_NAME_EDGE = "«»\"'“”‘’()[]{}<>.,:;!?؟،؛-–—_ـ"


class Case:
    def __init__(self, root: Path, settings: Settings, store: Store, index: SearchIndex | None):
        self.root = root
        self.settings = settings
        self.store = store
        self.blobs = BlobStore(root / "blobs")
        self._index = index

    # -- lifecycle ----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, settings: Settings | None = None) -> Case:
        root = Path(path)
        if (root / "kashf.toml").exists():
            raise CaseError(f"{root} is already a case: open it instead")
        if root.exists() and any(root.iterdir()):
            raise CaseError(f"{root} exists and is not empty: choose a new folder for the case")
        root.mkdir(parents=True, exist_ok=True)
        settings = settings or Settings(name=root.resolve().name)
        settings.save(root / "kashf.toml")
        (root / "blobs").mkdir(exist_ok=True)
        store = Store(root / "kashf.db", create=True)
        index = SearchIndex(root / "index", create=True)
        return cls(root, settings, store, index)

    @classmethod
    def open(cls, path: str | Path) -> Case:
        root = Path(path)
        if not (root / "kashf.toml").exists():
            raise CaseError(f"{root} is not a case folder (no kashf.toml): create it with `kashf init`")
        settings = Settings.load(root / "kashf.toml")
        store = Store(root / "kashf.db")
        return cls(root, settings, store, None)

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex(self.root / "index")
        return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        self.store.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # -- ingest and process ---------------------------------------------------------------------

    def ingest(self, paths: list[str | Path], workers: int | None = None, process: bool = True,
               scheduler: str | None = None, progress=None, retry_failed: bool = False):
        """Store, extract and (unless ``process`` is False) enrich every file under ``paths``."""
        from kashf.execute import make_executor
        from kashf.ingest.pipeline import IngestCoordinator

        stages = self.settings.enabled_stages() if process else []
        executor = make_executor(workers or self.settings.effective_workers(), scheduler,
                                 hard_timeout=self.settings.timeout_seconds * 3 + 60)
        try:
            report = IngestCoordinator(self, executor, stages, progress, retry_failed).run(
                [Path(p) for p in paths]
            )
        finally:
            executor.close()
        self.index.close()
        if process and "entities" in stages:
            self.resolve()
        found.audit(self.store, "ingest", {"paths": [str(p) for p in paths], **report.to_json()})
        return report

    def index_ingested(self, outcome: IngestOutcome) -> None:
        """Hand one ingested file's documents to the index writer, as soon as they arrive.

        Tantivy indexes on its own threads while the next files are extracted; nothing is
        searchable, or counted as ingested, until :meth:`write_outcomes` commits the batch.
        """
        for record in outcome.documents:
            self.index.replace(record.index_fields or fields_for(record_row(record),
                                                                 record_results(record)))
            record.index_fields = None  # the writer has its copy; the batch need not keep one

    def write_outcomes(self, outcomes: list[IngestOutcome],
                       index_committed: Callable[[], None] | None = None) -> None:
        """Commit the index, then store, one batch of files already passed to index_ingested.

        In that order (see the ingest module): a crash between the two leaves documents the
        store does not know, which the next run redoes. ``index_committed`` is called in
        between: from then on the index writer is free for the next batch's documents.
        """
        self.index.commit()
        if index_committed is not None:
            index_committed()
        with self.store.transaction():
            self.store.write_ingested_batch(
                [(outcome.source, outcome.documents) for outcome in outcomes], now()
            )

    def process(self, stages: list[str] | None = None, force: bool = False,
                workers: int | None = None, scheduler: str | None = None, progress=None):
        """Run every enabled stage that is missing or outdated; returns counts."""
        from kashf.execute import make_executor
        from kashf.runner import iter_tasks, ocr_pages_read, plan, run_task

        names = stages or self.settings.enabled_stages()
        todo = plan(self.store, names, force=force)
        summary = {"documents": len(todo), "stages": {}, "failed": 0, "seconds": 0.0}
        started = time.monotonic()
        if progress:
            progress.start(len(todo), 0)
        if todo:
            executor = make_executor(workers or self.settings.effective_workers(), scheduler)
            pending: list[tuple[str, list]] = []
            try:
                tasks = iter_tasks(self.store, self.blobs, todo,
                                   {"languages": self.settings.languages})
                for _task, result in executor.map_unordered(run_task, tasks):
                    if isinstance(result, BaseException):
                        summary["failed"] += 1
                        continue
                    document_id, outcomes, _seconds = result
                    pending.append((document_id, outcomes))
                    for outcome in outcomes:
                        counts = summary["stages"].setdefault(outcome.stage, {})
                        counts[outcome.status] = counts.get(outcome.status, 0) + 1
                    if progress:
                        progress.advance(0, sum(o.status == "failed" for o in outcomes),
                                         pages=ocr_pages_read(outcomes))
                    if len(pending) >= self.settings.batch_size:
                        self._write_stage_batch(pending)
                        pending = []
                self._write_stage_batch(pending)
            finally:
                executor.close()
        if "entities" in names:
            self.resolve()
        self.index.close()
        summary["seconds"] = round(time.monotonic() - started, 3)
        if progress:
            progress.finish()
        return summary

    def _write_stage_batch(self, pending: list[tuple[str, list]]) -> None:
        if not pending:
            return
        with self.store.transaction():
            for document_id, outcomes in pending:
                self.store.write_stage_outcomes(document_id, outcomes)
        self._reindex_documents([document_id for document_id, _ in pending])

    def _reindex_documents(self, ids: list[str]) -> None:
        documents = self.store.documents(ids)
        results = self.store.stage_results_many(ids)
        for document in documents:
            self.index.replace(fields_for(document, results.get(document["id"], {})))
        self.index.commit()

    def resolve(self) -> int:
        """Group mentions into entities across documents, spellings and scripts."""
        from kashf.resolve.cluster import resolve_mentions

        merges = [(a["target"], a["value"].get("with")) for a in found.annotations(self.store, "merge")]
        splits = [(a["target"], a["value"].get("from")) for a in found.annotations(self.store, "split")]
        entities = resolve_mentions(found.mentions_for_resolution(self.store), merges, splits)
        found.replace_entities(self.store, entities)
        return len(entities)

    def reindex(self, progress=None) -> int:
        """Rebuild the search index from the store."""
        if self._index is not None:
            self._index.close()
        self._index = SearchIndex.recreate(self.root / "index")
        ids = self.store.document_ids(status=None)
        if progress:
            progress.start(len(ids), 0)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            results = self.store.stage_results_many(chunk)
            for document in self.store.documents(chunk):
                fields = fields_for(document, results.get(document["id"], {}))
                self.index.writer.add_document(to_tantivy(fields))
                if progress:
                    progress.advance(0, 0)
        self.index.close()
        if progress:
            progress.finish()
        found.audit(self.store, "reindex", {"documents": len(ids)})
        return len(ids)

    # -- reading --------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        counts = self.store.counts()
        by_status = counts["by_status"]
        return {
            "case": str(self.root),
            "files_seen": counts["files_seen"],
            "documents": {
                "ok": by_status.get("ok", 0),
                "failed": by_status.get("failed", 0),
                "pending": by_status.get("pending", 0),
                "total": sum(by_status.values()),
            },
            "failures": [{"path": f["path"], "reason": f["reason"]} for f in counts["failures"]],
            "by_type": counts["by_kind"],
            "stages": self.store.stage_counts(),
            "stage_failures": self.store.stage_failures(),
            "low_confidence_ocr_documents": counts["low_confidence_ocr_documents"],
            "entities": len(found.entities(self.store)) if by_status else 0,
            "events": len(found.events(self.store)) if by_status else 0,
        }

    def ls(self) -> Iterator[dict[str, Any]]:
        batch: list[dict[str, Any]] = []
        for document in self.store.iter_documents():
            batch.append(document)
            if len(batch) >= 1000:
                yield from self._listing(batch)
                batch = []
        yield from self._listing(batch)

    def _listing(self, documents: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        ids = [d["id"] for d in documents]
        paths = self.store.paths_of(ids)
        pages = self.store.page_counts(ids)
        for d in documents:
            yield {
                "id": d["id"],
                "path": d["path"],
                "paths": paths.get(d["id"]) or [d["path"]],
                "parent": d["parent_id"],
                "mime": d["mime"],
                "kind": d["kind"],
                "status": d["status"],
                "reason": d["reason"],
                "pages": pages.get(d["id"], 0),
                "language": d["language"],
                "title": d["title"],
                "size": d["size"],
            }

    def resolve_id(self, id_or_prefix: str) -> str:
        return self.store.resolve_id(id_or_prefix)

    def show(self, id_or_prefix: str) -> dict[str, Any]:
        document_id = self.resolve_id(id_or_prefix)
        document = self.store.document(document_id)
        assert document is not None
        paths = self.store.paths_of([document_id])[document_id]
        parents = []
        parent_id = document["parent_id"]
        while parent_id and len(parents) < 32:
            parent = self.store.document(parent_id, with_text=False)
            if parent is None:
                break
            parents.append({"id": parent["id"], "path": parent["path"]})
            parent_id = parent["parent_id"]
        results = self.store.stage_results(document_id)
        pages = [
            {"number": p["number"], "start": p["start"], "end": p["end"],
             "has_text_layer": bool(p["has_text_layer"]), "ocr_confidence": p["ocr_confidence"],
             "ocr_low_confidence": bool(p["ocr_low"]) if p["ocr_low"] is not None else None}
            for p in self.store.page_rows(document_id)
        ]
        events = [e for e in found.events(self.store) if e["evidence"]["document_id"] == document_id]
        found.audit(self.store, "view", {"document_id": document_id})
        return {
            "id": document_id,
            "path": document["path"],
            "paths": paths or [document["path"]],
            "parent": document["parent_id"],
            "parents": parents,
            "children": [
                {"id": c["id"], "path": c["path"], "mime": c["mime"], "kind": c["kind"],
                 "status": c["status"], "reason": c["reason"]}
                for c in self.store.children(document_id)
            ],
            "mime": document["mime"],
            "kind": document["kind"],
            "title": document["title"],
            "status": document["status"],
            "reason": document["reason"],
            "size": document["size"],
            "ingestor": document["ingestor"],
            "metadata": document["metadata"],
            "language": document["language"],
            "languages": (results.get("language") or {}).get("languages"),
            "date": document["date"],
            "text": document["text"],
            "pages": pages,
            "cable": found.cable_by_document(self.store, document_id),
            "mentions": found.document_mentions(self.store, document_id),
            "events": events,
            "stages": {name: {"status": "ok"} for name in results},
        }

    def search(self, query: str, limit: int = 10, offset: int = 0, sort: str = "relevance",
               expand_names: bool = True) -> dict[str, Any]:
        started = time.perf_counter()
        expansions: list[dict[str, Any]] = []
        self.index.expand = self._name_expander(expansions) if expand_names else None
        result = self.index.search(query, limit=limit, offset=offset, sort=sort)
        documents = {d["id"]: d for d in self.store.documents([i for i, _ in result.hits])}
        hits = []
        for document_id, score in result.hits:
            document = documents.get(document_id)
            if document is None:  # indexed but not yet committed to the store: skip
                continue
            snippet, highlights = make_snippet(document["text"] or "", result.parsed.terms)
            hits.append({
                "id": document_id,
                "path": document["path"],
                "title": document["title"],
                "score": round(score, 4),
                "snippet": snippet,
                "highlights": highlights,
                "language": document["language"],
                "date": document_date(document),
                "kind": document["kind"],
                "status": document["status"],
            })
        return {
            "query": query,
            "total": result.total,
            "hits": hits,
            "facets": result.facets,
            "took_ms": round((time.perf_counter() - started) * 1000, 2),
            "expansions": expansions,
        }

    def _name_expander(self, log: list[dict[str, Any]]):
        """Other spellings of a query term that names a known entity (``Soleimani`` → «سلیمانی»)."""
        aliases: list[str] | None = None

        def expand(term: str) -> list[str]:
            nonlocal aliases
            if aliases is None:
                aliases = [a for e in found.entities(self.store) if e["type"] in ("PER", "ORG", "LOC")
                           for a in e["aliases"]]
            if not aliases or len(term) < 3:
                return []
            from kashf.nlp.ner.lexicons import is_common_word
            from kashf.resolve.names import expand_query_term, match_score

            if is_common_word(term):  # «دیدار» (meeting) is no name, whatever it sounds like
                return []

            # A one-word query matches multi-word names through one of their words; search
            # for that word in its other spellings, not for the whole name.
            others: dict[str, None] = {}
            for spelling in expand_query_term(term, aliases):
                words = spelling.split()
                if len(words) > 1:
                    words = [w for w in words if match_score(term, w) >= 0.88]
                for word in words:
                    word = word.strip(_NOT_NAME_EDGE)
                    if len(word) >= 2 and word.casefold() != term.casefold():
                        others[word] = None
            others_list = list(others)[:MAX_EXPANSIONS]
            if others_list:
                log.append({"term": term, "spellings": others_list})
            return others_list

        return expand

    def similar(self, id_or_prefix: str, limit: int = 5) -> list[dict[str, Any]]:
        document_id = self.resolve_id(id_or_prefix)
        document = self.store.document(document_id)
        hits = self.index.more_like((document or {}).get("text") or "", document_id, limit)
        documents = {d["id"]: d for d in self.store.documents([i for i, _ in hits], with_text=False)}
        return [
            {"id": i, "path": documents[i]["path"], "title": documents[i]["title"],
             "score": round(s, 3), "kind": documents[i]["kind"]}
            for i, s in hits if i in documents
        ]

    def cables(self, **filters: str) -> list[dict[str, Any]]:
        return found.cables(self.store, {k: v for k, v in filters.items() if v})

    def cable_links(self, reference_id: str) -> dict[str, Any]:
        from kashf.cables import normalize_cable_id

        return found.cable_links(self.store, normalize_cable_id(reference_id))

    def cable_graph(self) -> dict[str, Any]:
        return found.cable_graph(self.store)

    def entities(self) -> list[dict[str, Any]]:
        return found.entities(self.store)

    def entity(self, entity_id: str) -> dict[str, Any]:
        entity = next((e for e in found.entities(self.store) if e["id"] == entity_id), None)
        if entity is None:
            raise CaseError(f"no entity with id {entity_id}")
        mentions = found.entity_mentions(self.store, entity_id)
        by_date: dict[str, int] = {}
        for m in mentions:
            if m["date"]:
                by_date[m["date"][:7]] = by_date.get(m["date"][:7], 0) + 1
        return {
            **entity,
            "mentions_list": mentions,
            "cooccurring": found.cooccurring(self.store, entity_id),
            "timeline": [{"date": d, "count": c} for d, c in sorted(by_date.items())],
        }

    def events(self) -> list[dict[str, Any]]:
        entity_of = {}
        for row in self.store.db.execute("SELECT document_id, start, end, entity_id FROM mentions"
                                         " WHERE entity_id IS NOT NULL"):
            entity_of[(row[0], row[1], row[2])] = row[3]
        out = []
        for event in found.events(self.store):
            document_id = event["evidence"]["document_id"]
            spans = event.get("participant_spans") or []
            event["participant_ids"] = [entity_of.get((document_id, s, e)) for s, e in spans]
            place_span = event.get("place_span")
            event["place_id"] = entity_of.get((document_id, *place_span)) if place_span else None
            out.append(event)
        return out

    def graph(self) -> dict[str, Any]:
        entities = {e["id"]: e for e in found.entities(self.store) if e["type"] in ("PER", "ORG")}
        edges = [
            {"source": a, "target": b, "weight": w, "kind": "co-mention"}
            for a, b, w in found.comention_edges(self.store)
            if a in entities and b in entities
        ]
        for event in self.events():
            ids = [i for i in event.get("participant_ids") or [] if i in entities]
            for position, a in enumerate(ids):
                for b in ids[position + 1 :]:
                    if a != b:
                        edges.append({"source": a, "target": b, "weight": 1, "kind": event["type"]})
        return {
            "nodes": [{"id": e["id"], "name": e["name"], "type": e["type"], "weight": e["mentions"]}
                      for e in entities.values()],
            "edges": edges,
        }

    def timeline(self) -> list[dict[str, Any]]:
        items = [
            {"date": d["date"], "kind": "document", "id": d["id"], "label": d["title"] or d["path"]}
            for d in found.document_dates(self.store)
        ]
        for event in self.events():
            # an event dated only by its month («مهر ۱۳۹۳», "March 2014") goes under that month
            when = event.get("date") or (event.get("date_start") or "")[:7]
            if when:
                items.append({"date": when, "kind": "event", "id": event["id"],
                              "label": f"{event['type']}: " + ", ".join(event.get("participants") or []),
                              "date_text": event.get("date_text")})
        items.sort(key=lambda i: i["date"])
        return items

    def places(self) -> list[dict[str, Any]]:
        out = []
        for entity in found.entities(self.store):
            place = entity.get("place")
            if entity["type"] == "LOC" and place and place.get("lat") is not None:
                out.append({"id": entity["id"], "name": entity["name"], "lat": place["lat"],
                            "lon": place["lon"], "count": entity["mentions"]})
        return out

    def blob_path(self, id_or_prefix: str) -> Path:
        document_id = self.resolve_id(id_or_prefix)
        path = self.blobs.path(document_id)
        if not path.exists():
            raise CaseError(f"the original of {document_id[:12]} is not stored (it could not be read)")
        return path

    def page_image(self, id_or_prefix: str, page: int, width: int = 1000) -> bytes:
        """A PNG of one page of a PDF or image, for the reader."""
        import io

        from PIL import Image

        document_id = self.resolve_id(id_or_prefix)
        document = self.store.document(document_id, with_text=False) or {}
        path = self.blob_path(document_id)
        if document.get("kind") == "pdf":
            import pypdfium2

            pdf = pypdfium2.PdfDocument(str(path))
            try:
                if not 1 <= page <= len(pdf):
                    raise CaseError(f"page {page} is out of range")
                pdf_page = pdf[page - 1]
                scale = width / max(1.0, pdf_page.get_width())
                image = pdf_page.render(scale=scale).to_pil()
            finally:
                pdf.close()
        elif document.get("kind") == "image":
            image = Image.open(path)
            image.seek(page - 1)
            image = image.convert("RGB")
            image.thumbnail((width, width * 2))
        else:
            raise CaseError("this document has no page images")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()
