"""The HTML pages: thin handlers that ask the case and hand the answer to a template."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from kashf.exc import KashfError, QueryError
from kashf.web import basemap, dates, textmarks
from kashf.web.gateway import CaseView
from kashf.web.render import basename
from kashf.web.security import cookie_name

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
MAX_TEXT = 400_000  # characters of a document's text shown on its page; the rest: download


def _case(request: Request) -> CaseView:
    return request.app.state.case


def _page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request, name, {"path": request.url.path, **context}, status_code=status_code
    )


def not_found(request: Request, what: str) -> HTMLResponse:
    return _page(request, "error.html", status_code=404, title="Not found", message=what)


@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = "",
    page: int = Query(1, ge=1, le=10_000),
    sort: str = Query("relevance", pattern="^(relevance|date)$"),
) -> HTMLResponse:
    case = _case(request)
    result, error = None, None
    if q.strip():
        try:
            result = case.call("search", q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, sort=sort)
        except QueryError as exc:
            error = str(exc)
    status = case.optional("status", {}) if result is None else {}
    pages = 0
    if result:
        pages = min(500, (int(result.get("total") or 0) + PAGE_SIZE - 1) // PAGE_SIZE)
    return _page(
        request, "search.html", status_code=400 if error else 200, title=q or "Search",
        q=q, page=page, sort=sort, result=result, error=error, pages=pages, status=status,
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    case = _case(request)
    try:
        doc = case.call("show", doc_id)
    except KashfError as exc:
        return not_found(request, str(exc))
    similar = case.listing("similar", doc["id"], limit=5)
    text = doc.get("text") or ""
    return _page(
        request, "document.html", title=doc.get("title") or _name(doc.get("path")),
        doc=doc, similar=similar, blocks=_blocks(doc, text[:MAX_TEXT]),
        truncated=len(text) > MAX_TEXT, has_images=_has_images(doc),
        filename=safe_filename(doc),
    )


def _has_images(doc: dict) -> bool:
    mime = doc.get("mime") or ""
    paged = doc.get("kind") in ("pdf", "image") or mime == "application/pdf" or mime.startswith("image/")
    return bool(doc.get("pages")) and paged


def _blocks(doc: dict, text: str) -> list[dict]:
    """The text cut at page boundaries (one block when there are no pages), each cut into
    pieces at its entity mentions. Mentions are sorted once and handed out per page, so a
    long PDF with thousands of mentions costs one pass, not pages x mentions."""
    pages = [p for p in doc.get("pages") or [] if isinstance(p, dict)]
    spans = [(0, len(text), None, None)]
    if pages:
        spans = []
        for page in pages:
            start, end = int(page.get("start") or 0), int(page.get("end") or 0)
            if start >= len(text) and spans:
                break
            spans.append((start, min(end, len(text)), page.get("number"), page))
    mentions = sorted((m for m in doc.get("mentions") or [] if isinstance(m, dict)),
                      key=lambda m: _offset(m.get("start")))
    starts = [_offset(m.get("start")) for m in mentions]
    blocks = []
    for start, end, number, page in spans:
        # A mention starting before the page may run into it; a few characters of slack.
        first = bisect.bisect_left(starts, start - 200)
        last = bisect.bisect_left(starts, end)
        pieces = textmarks.with_mentions(text, mentions[first:last], start, end)
        blocks.append({"number": number, "start": start, "end": end, "page": page,
                       "pieces": pieces})
    return blocks


def _offset(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]+')


def safe_filename(doc: dict) -> str:
    """The original's name for a download: no path, no control or quoting characters."""
    name = _name(doc.get("path")) or ""
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE.sub("_", name).strip(" .") or ""
    if not name:
        name = f"{str(doc.get('id', 'document'))[:16]}.bin"
    return name[:180]


def _name(path: Any) -> str:
    return basename(path)


def content_disposition(filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


@router.get("/documents/{doc_id}/download")
def download(request: Request, doc_id: str) -> Response:
    case = _case(request)
    try:
        doc = case.call("show", doc_id)
        blob = case.call("blob_path", doc["id"])
    except KashfError as exc:
        return not_found(request, str(exc))
    # Never inline: a leaked HTML file opened from our origin could script against it.
    return FileResponse(
        blob,
        media_type="application/octet-stream",
        headers={"content-disposition": content_disposition(safe_filename(doc)),
                 "cache-control": "no-store"},
    )


@router.get("/documents/{doc_id}/pages/{number}.png")
def page_image(request: Request, doc_id: str, number: int) -> Response:
    try:
        png = _case(request).call("page_image", doc_id, number)
    except (KashfError, IndexError, ValueError, EOFError) as exc:
        return Response(str(exc) or "no such page", status_code=404, media_type="text/plain")
    return Response(png, media_type="image/png", headers={"cache-control": "private, max-age=3600"})


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, type: str = "", q: str = "") -> HTMLResponse:
    entities = _case(request).listing("entities")
    types = Counter(str(e.get("type") or "") for e in entities)
    shown = [e for e in entities if (not type or e.get("type") == type) and _matches(e, q)]
    shown.sort(key=lambda e: -int(e.get("mentions") or 0))
    return _page(request, "entities.html", title="Entities", entities=shown[:1000],
                 total=len(shown), types=sorted(types.items()), type=type, q=q)


def _matches(entity: dict, q: str) -> bool:
    if not q:
        return True
    q = q.casefold()
    names = [entity.get("name") or ""] + list(entity.get("aliases") or [])
    return any(q in str(n).casefold() for n in names)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    try:
        entity = _case(request).call("entity", entity_id)
    except (KashfError, AttributeError) as exc:
        return not_found(request, str(exc) or "no such entity")
    return _page(request, "entity.html", title=entity.get("name") or entity_id, entity=entity,
                 bars=_bars(entity.get("timeline") or []))


def _bars(points: list[dict], width: float = 600.0, height: float = 80.0) -> list[dict]:
    """Documents over time as SVG bars: attributes, not inline styles, so CSP allows them."""
    points = [p for p in points if p.get("date")]
    if not points:
        return []
    top = max(int(p.get("count") or 0) for p in points) or 1
    step = width / len(points)
    return [
        {"x": round(i * step, 1), "w": round(max(step - 2, 1), 1),
         "h": round(height * int(p.get("count") or 0) / top, 1),
         "y": round(height - height * int(p.get("count") or 0) / top, 1),
         "date": p["date"], "count": p.get("count")}
        for i, p in enumerate(points)
    ]


@router.get("/cables", response_class=HTMLResponse)
def cables_page(request: Request) -> HTMLResponse:
    cables = _case(request).listing("cables")
    return _page(request, "cables.html", title="Cables", cables=cables[:2000], total=len(cables))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, type: str = "") -> HTMLResponse:
    events = _case(request).listing("events")
    types = Counter(str(e.get("type") or "") for e in events)
    shown = [e for e in events if not type or e.get("type") == type]
    shown.sort(key=lambda e: str(e.get("date") or e.get("date_start") or "9999"))
    return _page(request, "events.html", title="Events", events=shown, types=sorted(types.items()),
                 type=type)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    graph = _case(request).optional("graph", {"nodes": [], "edges": []})
    return _page(request, "network.html", title="Network", graph=graph)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, kind: str = "") -> HTMLResponse:
    items = _case(request).listing("timeline")
    items = [i for i in items if not kind or i.get("kind") == kind]
    items.sort(key=lambda i: str(i.get("date") or "9999"))
    groups: dict[str, list[dict]] = {}
    for item in items:
        shown = dates.show(item.get("date"))
        key = shown.gregorian[:7] if shown.year else "undated"
        groups.setdefault(key, []).append({**item, "shown": shown})
    return _page(request, "timeline.html", title="Timeline", groups=groups, kind=kind,
                 total=len(items))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    places = _case(request).listing("places")
    view = basemap.render(places)
    unplaced = [p for p in places if p.get("lat") is None or p.get("lon") is None]
    return _page(request, "map.html", title="Map", view=view, places=places, unplaced=unplaced)


@router.get("/status", response_class=HTMLResponse)
def status_page(request: Request) -> HTMLResponse:
    status = _case(request).optional("status", {})
    return _page(request, "status.html", title="Case", status=status)


@router.post("/logout")
def logout(request: Request) -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(cookie_name(request), path="/", httponly=True, samesite="strict")
    return response
