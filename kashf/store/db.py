"""The case database: SQLite in WAL mode, one writer (the coordinator), named queries.

Only this package imports ``sqlite3``. Every query the rest of kashf needs is a
method here, so no other module knows a table's columns.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kashf.exc import CaseError
from kashf.model import DocumentRecord, SourceFile, StageOutcome
from kashf.store.schema import MIGRATIONS

DOCUMENT_COLUMNS = (
    "id, parent_id, path, name, size, mime, kind, title, status, reason, ingestor, "
    "ingestor_version, metadata, language, depth, date, added_at, updated_at"
)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store:
    """One connection to a case database. Readers may open several; one process writes."""

    def __init__(self, path: Path, create: bool = False):
        if not create and not path.exists():
            raise CaseError(f"no case database at {path}")
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA cache_size=-65536")
        self._in_transaction = False
        self.migrate()

    def close(self) -> None:
        self.db.close()

    # -- migrations ---------------------------------------------------------------------------

    def migrate(self) -> list[int]:
        """Apply the migrations this database has not seen; returns their numbers."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations "
            "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self.db.execute("SELECT number FROM migrations")}
        if done and max(done) > len(MIGRATIONS):
            raise CaseError(
                f"this case was written by a newer kashf (schema {max(done)}, "
                f"this one knows {len(MIGRATIONS)}): upgrade kashf"
            )
        applied = []
        for number, (name, sql) in enumerate(MIGRATIONS, start=1):
            if number in done:
                continue
            code = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
            with self.transaction():
                for statement in code.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO migrations (number, name, applied_at) VALUES (?, ?, ?)",
                    (number, name, now()),
                )
            applied.append(number)
        return applied

    def migrations(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute("SELECT * FROM migrations ORDER BY number")]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._in_transaction = False

    # -- ingest -------------------------------------------------------------------------------

    def known_sources(self) -> dict[str, tuple[int | None, int | None, str]]:
        """Top-level source path → (size, mtime_ns, document status): what resume may skip."""
        rows = self.db.execute(
            "SELECT s.path, s.size, s.mtime_ns, d.status FROM sources s "
            "JOIN documents d ON d.id = s.document_id WHERE s.top_level = 1"
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def write_ingested_batch(
        self, files: list[tuple[SourceFile, list[DocumentRecord]]], stamp: str | None = None
    ) -> None:
        """Store a batch of top-level files and their descendants (call inside a transaction).

        One query learns which documents the store already holds, so that a new document
        (nearly all of them, on a first ingest) costs one INSERT and its source row another.
        """
        stamp = stamp or now()
        known = self._statuses(doc.id for _source, documents in files for doc in documents)
        source_rows = []
        for source, documents in files:
            for position, doc in enumerate(documents):
                top = position == 0
                self._upsert_document(doc, stamp, known)
                source_rows.append((
                    doc.path,
                    doc.id,
                    doc.parent_id,
                    1 if top else 0,
                    source.size if top else doc.size,
                    source.mtime_ns if top else None,
                    stamp,
                ))
                self.write_stage_outcomes(doc.id, doc.stages)
        self.db.executemany(
            "INSERT INTO sources (path, document_id, parent_id, top_level, size, mtime_ns, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET"
            " document_id=excluded.document_id, parent_id=excluded.parent_id,"
            " top_level=max(top_level, excluded.top_level), size=excluded.size,"
            " mtime_ns=excluded.mtime_ns, seen_at=excluded.seen_at",
            source_rows,
        )

    def _statuses(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored status of each of these documents that the store holds."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start:start + 500]
            marks = ",".join("?" * len(part))
            for row in self.db.execute(
                f"SELECT id, status FROM documents WHERE id IN ({marks})", part
            ):
                found[row["id"]] = row["status"]
        return found

    def _upsert_document(self, doc: DocumentRecord, stamp: str, known: dict[str, str]) -> None:
        status = known.get(doc.id)
        if status is not None and status != "pending":
            # Same bytes seen again under another path: the content is stored once, the
            # new path is kept in `sources`. A failed copy never overwrites an ok one.
            if status == "ok" or doc.status != "ok":
                return
        self.db.execute(
            "INSERT INTO documents (id, parent_id, path, name, size, mime, kind, title, status,"
            " reason, ingestor, ingestor_version, metadata, text, depth, added_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET status=excluded.status, reason=excluded.reason,"
            " mime=excluded.mime, kind=excluded.kind, title=excluded.title,"
            " ingestor=excluded.ingestor, ingestor_version=excluded.ingestor_version,"
            " metadata=excluded.metadata, text=excluded.text, updated_at=excluded.updated_at",
            (
                doc.id,
                doc.parent_id,
                doc.path,
                doc.name,
                doc.size,
                doc.mime,
                doc.kind,
                doc.title,
                doc.status,
                doc.reason,
                doc.ingestor,
                doc.ingestor_version,
                _json(doc.metadata),
                doc.text,
                doc.depth,
                stamp,
                stamp,
            ),
        )
        if status is not None:  # a document redone: its old pages go
            self.db.execute("DELETE FROM pages WHERE document_id = ?", (doc.id,))
        known[doc.id] = doc.status
        if doc.pages:
            self.db.executemany(
                "INSERT INTO pages (document_id, number, start, end, has_text_layer)"
                " VALUES (?, ?, ?, ?, ?)",
                [(doc.id, p.number, p.start, p.end, int(p.has_text_layer)) for p in doc.pages],
            )

    # -- documents ----------------------------------------------------------------------------

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with ``prefix``."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4 or any(c not in "0123456789abcdef" for c in prefix):
            raise CaseError(f"not a document id: {prefix!r} (give at least 4 hex digits)")
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "g")
        ).fetchall()
        if not rows:
            raise CaseError(f"no document with id {prefix}")
        if len(rows) > 1:
            raise CaseError(f"id prefix {prefix} is ambiguous: give more digits")
        return rows[0][0]

    def document(self, document_id: str, with_text: bool = True) -> dict[str, Any] | None:
        columns = DOCUMENT_COLUMNS + (", text" if with_text else "")
        row = self.db.execute(
            f"SELECT {columns} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return self._document_row(row) if row else None

    def documents(self, ids: Iterable[str], with_text: bool = True) -> list[dict[str, Any]]:
        ids = list(ids)
        columns = DOCUMENT_COLUMNS + (", text" if with_text else "")
        found: dict[str, dict[str, Any]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT {columns} FROM documents WHERE id IN ({marks})", chunk
            ):
                found[row["id"]] = self._document_row(row)
        return [found[i] for i in ids if i in found]

    def iter_documents(self, with_text: bool = False) -> Iterator[dict[str, Any]]:
        columns = DOCUMENT_COLUMNS + (", text" if with_text else "")
        cursor = self.db.execute(f"SELECT {columns} FROM documents ORDER BY path")
        for row in cursor:
            yield self._document_row(row)

    def document_ids(self, status: str | None = "ok") -> list[str]:
        if status is None:
            return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]
        return [
            r[0]
            for r in self.db.execute("SELECT id FROM documents WHERE status = ? ORDER BY id", (status,))
        ]

    @staticmethod
    def _document_row(row: sqlite3.Row) -> dict[str, Any]:
        doc = dict(row)
        doc["metadata"] = json.loads(doc["metadata"] or "{}")
        return doc

    def paths_of(self, document_ids: Iterable[str]) -> dict[str, list[str]]:
        ids = list(document_ids)
        paths: dict[str, list[str]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT document_id, path FROM sources WHERE document_id IN ({marks})"
                " ORDER BY seen_at, path",
                chunk,
            ):
                paths[row[0]].append(row[1])
        return paths

    def children(self, document_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT DISTINCT d.id, s.path, d.mime, d.kind, d.status, d.reason FROM sources s"
            " JOIN documents d ON d.id = s.document_id WHERE s.parent_id = ? ORDER BY s.path",
            (document_id,),
        )
        return [dict(r) for r in rows]

    def page_rows(self, document_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT number, start, end, has_text_layer, ocr_confidence, ocr_low FROM pages"
            " WHERE document_id = ? ORDER BY number",
            (document_id,),
        )
        return [dict(r) for r in rows]

    def page_counts(self, document_ids: Iterable[str]) -> dict[str, int]:
        ids = list(document_ids)
        counts: dict[str, int] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT document_id, count(*) FROM pages WHERE document_id IN ({marks})"
                " GROUP BY document_id",
                chunk,
            ):
                counts[row[0]] = row[1]
        return counts

    # -- status -------------------------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        db = self.db
        by_status = {r[0]: r[1] for r in db.execute("SELECT status, count(*) FROM documents GROUP BY 1")}
        by_kind = [
            {"kind": r[0] or "unknown", "status": r[1], "count": r[2]}
            for r in db.execute(
                "SELECT kind, status, count(*) FROM documents GROUP BY 1, 2 ORDER BY 1, 2"
            )
        ]
        files_seen = db.execute("SELECT count(*) FROM sources WHERE top_level = 1").fetchone()[0]
        failures = [
            {"id": r[0], "path": r[1], "reason": r[2]}
            for r in db.execute(
                "SELECT id, path, reason FROM documents WHERE status = 'failed' ORDER BY path"
            )
        ]
        low_ocr = db.execute(
            "SELECT count(DISTINCT document_id) FROM pages WHERE ocr_low = 1"
        ).fetchone()[0]
        return {
            "files_seen": files_seen,
            "by_status": by_status,
            "by_kind": by_kind,
            "failures": failures,
            "low_confidence_ocr_documents": low_ocr,
        }

    def stage_counts(self) -> dict[str, dict[str, Any]]:
        counts: dict[str, dict[str, Any]] = {}
        for stage, version, status, n in self.db.execute(
            "SELECT stage, version, status, count(*) FROM stage_runs GROUP BY 1, 2, 3"
        ):
            entry = counts.setdefault(stage, {"versions": {}})
            entry["versions"].setdefault(str(version), {})[status] = n
        return counts

    def stage_failures(self, limit: int = 50) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT r.document_id, d.path, r.stage, r.error FROM stage_runs r"
            " JOIN documents d ON d.id = r.document_id WHERE r.status = 'failed'"
            " ORDER BY d.path LIMIT ?",
            (limit,),
        )
        return [dict(r) for r in rows]

    # -- stages -------------------------------------------------------------------------------

    def next_seq(self) -> int:
        row = self.db.execute("SELECT coalesce(max(seq), 0) FROM stage_runs").fetchone()
        return int(row[0]) + 1

    def stage_state(self, stage: str) -> dict[str, tuple[int, int]]:
        """document id → (version, seq) of its recorded run of ``stage``."""
        return {
            r[0]: (r[1], r[2])
            for r in self.db.execute(
                "SELECT document_id, version, seq FROM stage_runs WHERE stage = ?", (stage,)
            )
        }

    def failed_stage_ids(self, stage: str) -> set[str]:
        """Documents whose last run of ``stage`` failed."""
        rows = self.db.execute(
            "SELECT document_id FROM stage_runs WHERE stage = ? AND status = 'failed'", (stage,)
        )
        return {r[0] for r in rows}

    def stage_results(self, document_id: str) -> dict[str, dict[str, Any]]:
        rows = self.db.execute(
            "SELECT stage, result FROM stage_runs WHERE document_id = ? AND status = 'ok'",
            (document_id,),
        )
        return {r[0]: json.loads(r[1]) if r[1] else {} for r in rows}

    def stage_results_many(self, document_ids: list[str]) -> dict[str, dict[str, dict[str, Any]]]:
        found: dict[str, dict[str, dict[str, Any]]] = {i: {} for i in document_ids}
        for chunk_start in range(0, len(document_ids), 500):
            chunk = document_ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT document_id, stage, result FROM stage_runs WHERE status = 'ok'"
                f" AND document_id IN ({marks})",
                chunk,
            ):
                found[row[0]][row[1]] = json.loads(row[2]) if row[2] else {}
        return found

    def write_stage_outcomes(self, document_id: str, outcomes: list[StageOutcome]) -> None:
        """Record stage results and fill the stage's own tables (call inside a transaction)."""
        if not outcomes:
            return
        seq = self.next_seq()
        stamp = now()
        for outcome in outcomes:
            self.db.execute(
                "INSERT INTO stage_runs (document_id, stage, version, status, error, result, seq,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(document_id, stage) DO"
                " UPDATE SET version=excluded.version, status=excluded.status, error=excluded.error,"
                " result=excluded.result, seq=excluded.seq, updated_at=excluded.updated_at",
                (
                    document_id,
                    outcome.stage,
                    outcome.version,
                    outcome.status,
                    outcome.error,
                    _json(outcome.result) if outcome.result is not None else None,
                    seq,
                    stamp,
                ),
            )
            seq += 1
            apply = _STAGE_TABLES.get(outcome.stage)
            if apply is not None:
                apply(self, document_id, outcome.result if outcome.status == "ok" else None)

    def _apply_language(self, document_id: str, result: dict[str, Any] | None) -> None:
        language = (result or {}).get("language")
        # Only when it changes: an UPDATE rewrites the whole row, stored text included.
        self.db.execute("UPDATE documents SET language = ? WHERE id = ? AND language IS NOT ?",
                        (language, document_id, language))

    def _apply_ocr(self, document_id: str, result: dict[str, Any] | None) -> None:
        """Put OCR text in place of the pages it read, and shift the page spans to match."""
        pages_ocr = {p["page"]: p for p in (result or {}).get("pages", [])}
        if not pages_ocr:
            return
        row = self.db.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
        pages = self.page_rows(document_id)
        if row is None or not pages:
            return
        text = row[0]
        pieces: list[str] = []
        spans: list[tuple[int, int, int]] = []
        cursor = 0
        for page in pages:
            ocr = pages_ocr.get(page["number"])
            piece = ocr["text"] if ocr else text[page["start"] : page["end"]]
            if pieces:
                pieces.append(PAGE_SEPARATOR)
                cursor += len(PAGE_SEPARATOR)
            pieces.append(piece)
            spans.append((page["number"], cursor, cursor + len(piece)))
            cursor += len(piece)
        self.db.execute(
            "UPDATE documents SET text = ?, updated_at = ? WHERE id = ?",
            ("".join(pieces), now(), document_id),
        )
        for number, start, end in spans:
            ocr = pages_ocr.get(number)
            self.db.execute(
                "UPDATE pages SET start = ?, end = ?, ocr_confidence = ?, ocr_low = ?, ocr = ?"
                " WHERE document_id = ? AND number = ?",
                (
                    start,
                    end,
                    ocr.get("confidence") if ocr else None,
                    int(bool(ocr.get("low_confidence"))) if ocr else None,
                    _json({k: v for k, v in ocr.items() if k != "text"}) if ocr else None,
                    document_id,
                    number,
                ),
            )

    def _apply_cables(self, document_id: str, result: dict[str, Any] | None) -> None:
        self.db.execute("DELETE FROM cables WHERE document_id = ?", (document_id,))
        self.db.execute("DELETE FROM cable_refs WHERE document_id = ?", (document_id,))
        cable = (result or {}).get("cable")
        if not cable:
            return
        self.db.execute(
            "INSERT INTO cables (document_id, reference_id, date, date_precision, classification,"
            " origin, subject, format, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document_id,
                cable.get("reference_id"),
                cable.get("date"),
                cable.get("date_precision"),
                cable.get("classification"),
                cable.get("origin"),
                cable.get("subject"),
                cable.get("format"),
                _json(cable),
            ),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO cable_refs (document_id, reference_id) VALUES (?, ?)",
            [(document_id, ref) for ref in cable.get("references") or [] if ref],
        )
        if cable.get("date"):
            self.db.execute("UPDATE documents SET date = ? WHERE id = ?", (cable["date"], document_id))

    def _apply_entities(self, document_id: str, result: dict[str, Any] | None) -> None:
        self.db.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))
        rows = []
        for m in (result or {}).get("mentions", []):
            rows.append(
                (
                    document_id,
                    m["start"],
                    m["end"],
                    m["label"],
                    m["text"],
                    m.get("page"),
                    m.get("extractor"),
                    m.get("version"),
                    m.get("confidence"),
                    _json(m["place"]) if m.get("place") else None,
                )
            )
        self.db.executemany(
            "INSERT INTO mentions (document_id, start, end, label, text, page, extractor, version,"
            " confidence, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    def _apply_events(self, document_id: str, result: dict[str, Any] | None) -> None:
        self.db.execute("DELETE FROM events WHERE document_id = ?", (document_id,))
        for position, event in enumerate((result or {}).get("events", [])):
            event_id = hashlib.sha256(f"{document_id}:{position}".encode()).hexdigest()[:16]
            self.db.execute(
                "INSERT INTO events (id, document_id, type, date, record) VALUES (?, ?, ?, ?, ?)",
                (event_id, document_id, event.get("type"), event.get("date"), _json(event)),
            )


PAGE_SEPARATOR = "\n\n"

_STAGE_TABLES = {
    "language": Store._apply_language,
    "ocr": Store._apply_ocr,
    "cables": Store._apply_cables,
    "entities": Store._apply_entities,
    "events": Store._apply_events,
}
