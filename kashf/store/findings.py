"""Queries over what the stages found: cables, mentions, entities, events, and the audit log."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from kashf.store.db import Store, _json, now


def cables(store: Store, where: dict[str, str] | None = None) -> list[dict[str, Any]]:
    clauses, params = [], []
    for column, value in (where or {}).items():
        if column in ("origin", "classification", "subject", "reference_id", "format"):
            clauses.append(f"lower(c.{column}) LIKE ?")
            params.append(f"%{value.lower()}%")
        elif column == "date_from":
            clauses.append("c.date >= ?")
            params.append(value)
        elif column == "date_to":
            clauses.append("c.date <= ?")
            params.append(value + "\uffff")
        elif column == "tag":
            clauses.append("c.record LIKE ?")
            params.append(f'%"{value.upper()}"%')
    sql = (
        "SELECT c.document_id, d.path, c.record FROM cables c JOIN documents d ON d.id = c.document_id"
        + (" WHERE " + " AND ".join(clauses) if clauses else "")
        + " ORDER BY c.date, c.reference_id"
    )
    rows = []
    for document_id, path, record in store.db.execute(sql, params):
        cable = json.loads(record)
        cable["document_id"] = document_id
        cable["path"] = path
        rows.append(cable)
    return rows


def cable_by_document(store: Store, document_id: str) -> dict[str, Any] | None:
    row = store.db.execute("SELECT record FROM cables WHERE document_id = ?", (document_id,)).fetchone()
    return json.loads(row[0]) if row else None


def cable_links(store: Store, reference_id: str) -> dict[str, Any]:
    """Both directions of the reference graph for one cable id."""
    cites = [
        r[0]
        for r in store.db.execute(
            "SELECT cr.reference_id FROM cable_refs cr JOIN cables c ON c.document_id = cr.document_id"
            " WHERE c.reference_id = ? ORDER BY 1",
            (reference_id,),
        )
    ]
    cited_by = [
        {"reference_id": r[0], "document_id": r[1]}
        for r in store.db.execute(
            "SELECT c.reference_id, c.document_id FROM cable_refs cr"
            " JOIN cables c ON c.document_id = cr.document_id WHERE cr.reference_id = ? ORDER BY 1",
            (reference_id,),
        )
    ]
    in_case = {
        r[0]: r[1]
        for r in store.db.execute("SELECT reference_id, document_id FROM cables WHERE reference_id"
                                  " IS NOT NULL")
    }
    return {
        "reference_id": reference_id,
        "document_id": in_case.get(reference_id),
        "cites": [{"reference_id": c, "document_id": in_case.get(c)} for c in cites],
        "cited_by": cited_by,
    }


def cable_graph(store: Store) -> dict[str, Any]:
    in_case = {
        r[0]: r[1]
        for r in store.db.execute("SELECT reference_id, document_id FROM cables WHERE reference_id"
                                  " IS NOT NULL")
    }
    edges = [
        {"source": r[0], "target": r[1]}
        for r in store.db.execute(
            "SELECT c.reference_id, cr.reference_id FROM cable_refs cr"
            " JOIN cables c ON c.document_id = cr.document_id WHERE c.reference_id IS NOT NULL"
        )
    ]
    nodes = set(in_case) | {e["target"] for e in edges}
    return {
        "nodes": [{"reference_id": n, "document_id": in_case.get(n), "in_case": n in in_case}
                  for n in sorted(nodes)],
        "edges": edges,
    }


def mentions_for_resolution(store: Store) -> list[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT id, document_id, label, text, place, extractor FROM mentions ORDER BY id"
    )
    return [
        {
            "mention_id": str(r[0]),
            "document_id": r[1],
            "label": r[2],
            "text": r[3],
            "place": json.loads(r[4]) if r[4] else None,
            "extractor": r[5],
        }
        for r in rows
    ]


def replace_entities(store: Store, entities: list[dict[str, Any]]) -> None:
    with store.transaction():
        store.db.execute("DELETE FROM entities")
        store.db.execute("UPDATE mentions SET entity_id = NULL")
        for entity in entities:
            store.db.execute(
                "INSERT OR REPLACE INTO entities (id, type, name, aliases, score, place)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (entity["id"], entity["type"], entity["name"], _json(entity.get("aliases", [])),
                 entity.get("score"), _json(entity["place"]) if entity.get("place") else None),
            )
            store.db.executemany(
                "UPDATE mentions SET entity_id = ? WHERE id = ?",
                [(entity["id"], int(m)) for m in entity.get("mention_ids", [])],
            )


def entities(store: Store) -> list[dict[str, Any]]:
    documents: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for entity_id, path, n in store.db.execute(
        "SELECT m.entity_id, d.path, count(*) FROM mentions m JOIN documents d ON d.id = m.document_id"
        " WHERE m.entity_id IS NOT NULL GROUP BY 1, 2 ORDER BY 2"
    ):
        documents.setdefault(entity_id, []).append(path)
        counts[entity_id] = counts.get(entity_id, 0) + n
    out = []
    for row in store.db.execute("SELECT id, type, name, aliases, place FROM entities"):
        out.append(
            {
                "id": row[0],
                "name": row[2],
                "type": row[1],
                "aliases": json.loads(row[3]),
                "documents": documents.get(row[0], []),
                "mentions": counts.get(row[0], 0),
                "place": json.loads(row[4]) if row[4] else None,
            }
        )
    out.sort(key=lambda e: (-e["mentions"], e["name"]))
    return out


def entity_mentions(store: Store, entity_id: str) -> list[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT m.document_id, d.path, m.start, m.end, m.text, m.page, d.date,"
        " substr(d.text, max(1, m.start - 79), (m.end - m.start) + 160)"
        " FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ?"
        " ORDER BY d.path, m.start",
        (entity_id,),
    )
    return [
        {"document_id": r[0], "path": r[1], "start": r[2], "end": r[3], "text": r[4], "page": r[5],
         "date": r[6], "quote": r[7]}
        for r in rows
    ]


def document_mentions(store: Store, document_id: str) -> list[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT start, end, label, text, entity_id, page, place FROM mentions WHERE document_id = ?"
        " ORDER BY start",
        (document_id,),
    )
    return [
        {"start": r[0], "end": r[1], "label": r[2], "text": r[3], "entity_id": r[4], "page": r[5],
         "place": json.loads(r[6]) if r[6] else None}
        for r in rows
    ]


def cooccurring(store: Store, entity_id: str, limit: int = 25) -> list[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT e.id, e.name, e.type, count(DISTINCT b.document_id) FROM mentions a"
        " JOIN mentions b ON a.document_id = b.document_id AND b.entity_id != a.entity_id"
        " JOIN entities e ON e.id = b.entity_id WHERE a.entity_id = ? GROUP BY 1"
        " ORDER BY 4 DESC, 2 LIMIT ?",
        (entity_id, limit),
    )
    return [{"id": r[0], "name": r[1], "type": r[2], "count": r[3]} for r in rows]


def comention_edges(store: Store, types: tuple[str, ...] = ("PER", "ORG")) -> list[tuple[str, str, int]]:
    marks = ",".join("?" * len(types))
    rows = store.db.execute(
        f"SELECT a.entity_id, b.entity_id, count(DISTINCT a.document_id) FROM mentions a"
        f" JOIN mentions b ON a.document_id = b.document_id AND a.entity_id < b.entity_id"
        f" JOIN entities ea ON ea.id = a.entity_id JOIN entities eb ON eb.id = b.entity_id"
        f" WHERE ea.type IN ({marks}) AND eb.type IN ({marks}) GROUP BY 1, 2",
        (*types, *types),
    )
    return [(r[0], r[1], r[2]) for r in rows]


def events(store: Store) -> list[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT e.id, e.document_id, d.path, e.record FROM events e"
        " JOIN documents d ON d.id = e.document_id ORDER BY e.date, d.path"
    )
    out = []
    for event_id, document_id, path, record in rows:
        event = json.loads(record)
        event["id"] = event_id
        evidence = dict(event.get("evidence") or {})
        evidence.update({"document_id": document_id, "path": path})
        event["evidence"] = evidence
        out.append(event)
    return out


def document_dates(store: Store) -> list[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT id, path, title, date FROM documents WHERE date IS NOT NULL ORDER BY date"
    )
    return [{"id": r[0], "path": r[1], "title": r[2], "date": r[3]} for r in rows]


def add_annotation(store: Store, kind: str, target: str, value: dict[str, Any],
                   user: str | None = None) -> int:
    with store.transaction():
        cursor = store.db.execute(
            "INSERT INTO annotations (kind, target, value, user, created_at) VALUES (?, ?, ?, ?, ?)",
            (kind, target, _json(value), user, now()),
        )
    return int(cursor.lastrowid)


def annotations(store: Store, kind: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT id, kind, target, value, user, created_at FROM annotations"
    rows = store.db.execute(sql + (" WHERE kind = ?" if kind else "") + " ORDER BY id",
                            (kind,) if kind else ())
    return [{"id": r[0], "kind": r[1], "target": r[2], "value": json.loads(r[3]), "user": r[4],
             "created_at": r[5]} for r in rows]


def audit(store: Store, action: str, detail: dict[str, Any], user: str | None = None) -> None:
    """Append to the hash-chained audit log: each entry's hash covers the previous one."""
    with store.transaction():
        row = store.db.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        previous = row[0] if row else "0" * 64
        stamp = now()
        body = _json(detail)
        digest = hashlib.sha256(f"{previous}|{stamp}|{user}|{action}|{body}".encode()).hexdigest()
        store.db.execute(
            "INSERT INTO audit (at, user, action, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
            (stamp, user, action, body, previous, digest),
        )


def verify_audit(store: Store) -> bool:
    previous = "0" * 64
    for at, user, action, detail, prev, digest in store.db.execute(
        "SELECT at, user, action, detail, previous_hash, hash FROM audit ORDER BY id"
    ):
        expected = hashlib.sha256(f"{previous}|{at}|{user}|{action}|{detail}".encode()).hexdigest()
        if prev != previous or digest != expected:
            return False
        previous = digest
    return True
