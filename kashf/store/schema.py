"""The database schema as a numbered list of migrations, applied in order and recorded.

A migration is never edited once released: a change to the schema is a new
entry at the end of ``MIGRATIONS``.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    (
        "documents, sources and pages",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,          -- SHA-256 of the original bytes (or of the path when unreadable)
            parent_id TEXT,               -- archive or e-mail this was found in, NULL for a file given to ingest
            path TEXT NOT NULL,           -- first source path; members read 'leak.zip!/docs/a.pdf'
            name TEXT,
            size INTEGER,
            mime TEXT,
            kind TEXT,
            title TEXT,
            status TEXT NOT NULL,         -- pending | ok | failed
            reason TEXT,
            ingestor TEXT,
            ingestor_version INTEGER,
            metadata TEXT NOT NULL DEFAULT '{}',
            text TEXT NOT NULL DEFAULT '',
            language TEXT,
            depth INTEGER NOT NULL DEFAULT 0,
            date TEXT,                    -- best known date of the document, ISO 8601
            added_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX documents_parent ON documents(parent_id);
        CREATE INDEX documents_status ON documents(status);
        CREATE TABLE sources (
            path TEXT PRIMARY KEY,
            document_id TEXT NOT NULL,
            parent_id TEXT,
            top_level INTEGER NOT NULL,   -- 1 for a file given to ingest, 0 for a member/attachment
            size INTEGER,
            mtime_ns INTEGER,
            seen_at TEXT NOT NULL
        );
        CREATE INDEX sources_document ON sources(document_id);
        CREATE TABLE pages (
            document_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            has_text_layer INTEGER NOT NULL,
            ocr_confidence REAL,
            ocr_low INTEGER,
            ocr TEXT,                     -- JSON: words with boxes, engine, language
            PRIMARY KEY (document_id, number)
        );
        """,
    ),
    (
        "stage runs",
        """
        CREATE TABLE stage_runs (
            document_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            version INTEGER NOT NULL,
            status TEXT NOT NULL,         -- ok | failed
            error TEXT,
            result TEXT,                  -- JSON
            seq INTEGER NOT NULL,         -- increases with every write: tells dependants they are stale
            updated_at TEXT NOT NULL,
            PRIMARY KEY (document_id, stage)
        );
        CREATE INDEX stage_runs_stage ON stage_runs(stage, version);
        """,
    ),
    (
        "cables, mentions, entities, events",
        """
        CREATE TABLE cables (
            document_id TEXT PRIMARY KEY,
            reference_id TEXT,
            date TEXT,
            date_precision TEXT,
            classification TEXT,
            origin TEXT,
            subject TEXT,
            format TEXT,
            record TEXT NOT NULL
        );
        CREATE INDEX cables_reference ON cables(reference_id);
        CREATE TABLE cable_refs (
            document_id TEXT NOT NULL,
            reference_id TEXT NOT NULL,
            PRIMARY KEY (document_id, reference_id)
        );
        CREATE INDEX cable_refs_target ON cable_refs(reference_id);
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            label TEXT NOT NULL,
            text TEXT NOT NULL,
            page INTEGER,
            extractor TEXT,
            version INTEGER,
            confidence REAL,
            place TEXT,
            entity_id TEXT
        );
        CREATE INDEX mentions_document ON mentions(document_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            score REAL,
            place TEXT
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL,
            type TEXT NOT NULL,
            date TEXT,
            record TEXT NOT NULL
        );
        CREATE INDEX events_document ON events(document_id);
        """,
    ),
    (
        "annotations and audit",
        """
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,           -- tag | note | star | redaction | merge | split
            target TEXT NOT NULL,
            value TEXT NOT NULL DEFAULT '{}',
            user TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX annotations_target ON annotations(kind, target);
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        """,
    ),
    (
        "stage_runs by seq",
        # Every stage write asks for max(seq): without an index that read scanned the whole
        # table, once per document, and an ingest with stages slowed as the case grew.
        """
        CREATE INDEX stage_runs_seq ON stage_runs(seq);
        """,
    ),
]
