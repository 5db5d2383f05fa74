"""The one home of Tantivy: open, write in batches, search with facets.

Writes are idempotent: a document is always deleted by id before it is added,
so replaying a batch after a crash never duplicates it. The coordinator commits
the index *before* the database, so a crash in between leaves documents that
the store still calls pending, and the next run redoes them.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from kashf.exc import CaseError, QueryError
from kashf.index.query import ParsedQuery, QueryParser
from kashf.index.schema import (
    FACET_FIELDS,
    FACET_NAMES,
    INDEX_VERSION,
    build_schema,
    to_tantivy,
)

WRITER_HEAP = 128 * 1024 * 1024
FACET_SIZE = 20


def indexing_threads() -> int:
    """Tantivy's indexing threads: half the cores, the workers extracting files have the rest.

    Tantivy's own default (a thread per core) made it compete with the workers on a 2-core
    laptop: on 20,000 cables one thread spent 5–10% less CPU for the same files per second.
    """
    return max(1, min(8, (os.cpu_count() or 2) // 2))


@dataclass
class SearchResult:
    total: int
    hits: list[tuple[str, float]]
    facets: dict[str, dict[str, int]]
    parsed: ParsedQuery


class SearchIndex:
    def __init__(self, folder: Path, create: bool = False):
        self.folder = folder
        self.schema = build_schema()
        version_file = folder / "kashf-index.json"
        if not create and not folder.exists():
            raise CaseError(f"the search index is missing ({folder}): run `kashf reindex CASE`")
        if create:
            folder.mkdir(parents=True, exist_ok=True)
            version_file.write_text(json.dumps({"version": INDEX_VERSION}))
        else:
            try:
                version = json.loads(version_file.read_text()).get("version")
            except (OSError, ValueError):
                version = None
            if version != INDEX_VERSION:
                raise CaseError(
                    f"the search index in {folder} is from another kashf version: "
                    "run `kashf reindex CASE`"
                )
        try:
            self.index = tantivy.Index(self.schema, path=str(folder), reuse=True)
        except ValueError as error:
            raise CaseError(f"cannot open the search index: {error}; run `kashf reindex CASE`") from error
        self._writer: tantivy.IndexWriter | None = None
        self.expand = None

    @classmethod
    def recreate(cls, folder: Path) -> SearchIndex:
        if folder.exists():
            shutil.rmtree(folder)
        return cls(folder, create=True)

    # -- writing ------------------------------------------------------------------------------

    @property
    def writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            self._writer = self.index.writer(heap_size=WRITER_HEAP, num_threads=indexing_threads())
        return self._writer

    def replace(self, fields: dict[str, Any]) -> None:
        self.writer.delete_documents_by_term("id", fields["id"])
        self.writer.add_document(to_tantivy(fields))

    def delete(self, document_id: str) -> None:
        self.writer.delete_documents_by_term("id", document_id)

    def commit(self) -> None:
        if self._writer is not None:
            self._writer.commit()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self._writer = None

    # -- reading ------------------------------------------------------------------------------

    def count(self) -> int:
        self.index.reload()
        return self.index.searcher().num_docs

    def parse(self, query: str) -> ParsedQuery:
        return QueryParser(self.schema, expand=self.expand).parse(query)

    def search(
        self, query: str, limit: int = 10, offset: int = 0, sort: str = "relevance", facets: bool = True
    ) -> SearchResult:
        parsed = self.parse(query)
        self.index.reload()
        searcher = self.index.searcher()
        try:
            if sort == "date":
                result = searcher.search(
                    parsed.query, limit=limit, offset=offset, order_by_field="day"
                )
            elif sort == "relevance":
                result = searcher.search(parsed.query, limit=limit, offset=offset)
            else:
                raise QueryError(f"unknown sort {sort!r}: use relevance or date")
        except ValueError as error:
            raise QueryError(f"the search failed: {error}") from error
        hits = []
        for key, address in result.hits:
            document = searcher.doc(address)
            score = float(key) if sort == "relevance" else 0.0
            hits.append((document["id"][0], score))
        facet_counts = self._facets(searcher, parsed.query) if facets else {}
        return SearchResult(total=result.count or 0, hits=hits, facets=facet_counts, parsed=parsed)

    @staticmethod
    def _facets(searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, dict[str, int]]:
        request = {
            name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACET_FIELDS
        }
        answer = searcher.aggregate(query, request)
        facets: dict[str, dict[str, int]] = {}
        for name in FACET_FIELDS:
            buckets = answer.get(name, {}).get("buckets", [])
            if buckets:
                facets[FACET_NAMES.get(name, name)] = {
                    str(b["key"]): int(b["doc_count"]) for b in buckets
                }
        return facets

    def more_like(self, text: str, exclude: str, limit: int = 5) -> list[tuple[str, float]]:
        """Documents sharing the most telling words of ``text`` (for "similar documents")."""
        import math

        from kashf.index.query import tokens_of

        counts: dict[str, int] = {}
        for word in tokens_of(text[:20000]):
            if len(word) > 2 and not word.isdigit():
                counts[word] = counts.get(word, 0) + 1
        if not counts:
            return []
        self.index.reload()
        searcher = self.index.searcher()
        total = max(1, searcher.num_docs)
        weighted = []
        for word, count in counts.items():
            frequency = searcher.doc_freq("body", word)
            if 1 < frequency < total * 0.3:
                weighted.append((count * math.log(total / frequency), word))
        top = [word for _, word in sorted(weighted, reverse=True)[:25]]
        if not top:
            return []
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "body", w)) for w in top]
            + [(tantivy.Occur.MustNot, tantivy.Query.term_query(self.schema, "id", exclude))]
        )
        result = searcher.search(query, limit=limit)
        return [(searcher.doc(address)["id"][0], float(score)) for score, address in result.hits]
