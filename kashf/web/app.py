"""The workbench application: one FastAPI app per launch, bound to one case and one token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from kashf import __version__
from kashf.web import api, pages
from kashf.web.gateway import CaseView
from kashf.web.render import make_templates
from kashf.web.security import Gate, SecurityMiddleware

STATIC = Path(__file__).resolve().parent / "static"

DESCRIPTION = """The JSON API of a kashf case, the same answers as the CLI's `--json`.

Every request needs the launch token, as `Authorization: Bearer TOKEN` or the session
cookie that opening the URL printed by `kashf serve` sets."""


def create_app(case: Any, token: str, allowed_hosts: list[str]) -> FastAPI:
    """The workbench for ``case``, answering only to ``allowed_hosts`` and ``token``."""
    gate = Gate.make(token, allowed_hosts)
    app = FastAPI(
        title="kashf workbench",
        version=__version__,
        description=DESCRIPTION,
        # The stock /docs page loads Swagger UI from a CDN; the schema alone stays, behind the token.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.case = CaseView(case)
    app.state.gate = gate
    app.state.templates = make_templates(gate.csrf_token)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_request)
    app.add_middleware(SecurityMiddleware, gate=gate)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path.startswith("/static/")


async def _http_error(request: Request, exc: StarletteHTTPException):
    message = str(exc.detail or "error")
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)
    return _error_page(request, exc.status_code, message)


async def _bad_request(request: Request, exc: RequestValidationError):
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}" for e in exc.errors()
    )
    if _wants_json(request):
        return JSONResponse({"error": problems or "bad request"}, status_code=400)
    return _error_page(request, 400, problems or "bad request")


def _error_page(request: Request, status: int, message: str) -> HTMLResponse:
    title = {404: "Not found", 405: "Not allowed", 400: "Bad request"}.get(status, "Error")
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"path": request.url.path, "title": title, "message": message},
        status_code=status,
    )
