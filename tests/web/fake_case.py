"""A stand-in with the Case methods the web app calls, for checks that must not wait on ingest.

Only the security-layer tests use it; every route test runs against a real case.
"""

from __future__ import annotations

from pathlib import Path

from kashf.exc import KashfError, QueryError


class FakeCase:
    def __init__(self, blob: Path):
        self.blob = blob
        self.doc = {
            "id": "a" * 64, "path": "leak/report.txt", "paths": ["leak/report.txt"], "parent": None,
            "parents": [], "children": [], "mime": "text/plain", "kind": "text", "title": "Report",
            "status": "ok", "reason": None, "size": 11, "metadata": {}, "language": "en",
            "text": "hello world", "pages": [], "cable": None, "mentions": [], "events": [],
        }

    def search(self, q, limit=10, offset=0, sort="relevance"):
        if q.startswith("("):
            raise QueryError("unbalanced parenthesis")
        hit = {"id": self.doc["id"], "path": self.doc["path"], "title": "Report", "score": 1.0,
               "snippet": "hello world", "highlights": [[0, 5]], "language": "en", "date": None,
               "kind": "text"}
        return {"total": 1, "hits": [hit], "facets": {}, "took_ms": 1, "query": q,
                "expansions": []}

    def show(self, doc_id):
        if not self.doc["id"].startswith(doc_id):
            raise KashfError(f"no document {doc_id}")
        return self.doc

    def blob_path(self, doc_id):
        return self.blob

    def status(self):
        return {"documents": 1}
