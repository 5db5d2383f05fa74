"""The JSON API under ``/api/``: the same answers as the CLI's ``--json``, for scripts.

Each route returns what the case method returns, unchanged, so the CLI, the Python
API and the web agree by construction. Errors come back as ``{"error": "..."}``.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from kashf.exc import KashfError, QueryError
from kashf.web.gateway import CaseView

router = APIRouter(prefix="/api", tags=["case"])

NO_STORE = {"cache-control": "no-store"}


def _case(request: Request) -> CaseView:
    return request.app.state.case


class CaseJSON(JSONResponse):
    """JSON that keeps non-ASCII text readable and prints paths and dates as strings."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=str, separators=(",", ":")).encode()


def _json(value: Any, status_code: int = 200) -> JSONResponse:
    return CaseJSON(value, status_code=status_code, headers=NO_STORE)


def _error(message: str, status_code: int) -> JSONResponse:
    return _json({"error": message}, status_code)


@router.get("/search", summary="Full-text search (shape of `kashf search --json`)")
def api_search(
    request: Request,
    q: str = Query(..., description="query in the full query syntax, e.g. `tehran lang:fa`"),
    limit: int = Query(10, ge=1, le=1000),
    offset: int = Query(0, ge=0),
    sort: str = Query("relevance", pattern="^(relevance|date)$"),
) -> JSONResponse:
    """`{"total", "hits": [{"id", "path", "title", "score", "snippet", "highlights", ...}],
    "facets", "took_ms", "query", "expansions"}`."""
    try:
        return _json(_case(request).call("search", q, limit=limit, offset=offset, sort=sort))
    except QueryError as exc:
        return _error(str(exc), 400)


@router.get("/documents/{doc_id}", summary="One document (shape of `kashf show --json`)")
def api_document(request: Request, doc_id: str) -> JSONResponse:
    """Metadata, text, pages, cable header, mentions and events; an id prefix is accepted."""
    try:
        return _json(_case(request).call("show", doc_id))
    except KashfError as exc:
        return _error(str(exc), 404)


@router.get("/documents/{doc_id}/similar", summary="Documents like this one")
def api_similar(request: Request, doc_id: str, limit: int = Query(5, ge=1, le=100)) -> JSONResponse:
    try:
        return _json(_case(request).listing("similar", doc_id, limit=limit))
    except KashfError as exc:
        return _error(str(exc), 404)


@router.get("/entities", summary="Entities (shape of `kashf entities --json`)")
def api_entities(request: Request) -> JSONResponse:
    """`[{"id", "name", "type", "aliases", "documents", "mentions"}]`."""
    return _json(_case(request).listing("entities"))


@router.get("/entities/{entity_id}", summary="One entity with its mentions and neighbours")
def api_entity(request: Request, entity_id: str) -> JSONResponse:
    """Entity plus `mentions_list`, `cooccurring`, `timeline` and `place`."""
    try:
        return _json(_case(request).call("entity", entity_id))
    except (KashfError, AttributeError) as exc:
        return _error(str(exc) or "no such entity", 404)


@router.get("/events", summary="Events (shape of `kashf events --json`)")
def api_events(request: Request) -> JSONResponse:
    return _json(_case(request).listing("events"))


@router.get("/cables", summary="Cables (shape of `kashf cables --json`)")
def api_cables(request: Request) -> JSONResponse:
    return _json(_case(request).listing("cables"))


@router.get("/graph", summary="The network of people and organisations")
def api_graph(request: Request) -> JSONResponse:
    """`{"nodes": [{"id", "name", "type", "weight"}], "edges": [{"source", "target", "weight", "kind"}]}`."""
    return _json(_case(request).optional("graph", {"nodes": [], "edges": []}))


@router.get("/timeline", summary="Documents and events by date")
def api_timeline(request: Request) -> JSONResponse:
    """`[{"date", "kind", "id", "label", "date_text", "date_calendar"}]`."""
    return _json(_case(request).listing("timeline"))


@router.get("/places", summary="Places with coordinates")
def api_places(request: Request) -> JSONResponse:
    """`[{"id", "name", "lat", "lon", "count"}]`."""
    return _json(_case(request).listing("places"))


@router.get("/status", summary="Counts of documents by status, stage and type")
def api_status(request: Request) -> JSONResponse:
    return _json(_case(request).optional("status", {}))
