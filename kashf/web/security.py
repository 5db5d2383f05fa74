"""The workbench's front gate: who may talk to it, and what the browser may do with its pages.

Binding to 127.0.0.1 is not protection on its own: any web page the journalist
opens can make the browser send requests to loopback. So, as Jupyter does, every
launch has a secret token, printed in the URL that ``kashf serve`` shows:

* the ``Host`` header must name this server (a DNS-rebinding page sends its own name);
* a request must carry the token (``?token=`` or ``Authorization: Bearer``) or the
  session cookie that a visit with the token sets (HttpOnly, SameSite=Strict);
* a state-changing request made with the cookie must also carry the CSRF token that
  pages embed, and any ``Origin`` it carries must be this server;
* every response forbids inline script, framing, MIME sniffing and referrers, so
  that hostile text in a leaked file that slips past escaping still runs nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, parse_qsl, urlencode, urlsplit

from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_PARAM = "token"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"

# Every page is served under this policy. No 'unsafe-inline' anywhere: scripts and
# styles are files under /static, and templates carry no style="" or on*= attributes.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()"),
)

# Paths any allowed Host may fetch without the token: the look of the 401 page and
# the vendored libraries hold nothing from the case.
PUBLIC_PREFIXES = ("/static/",)
PUBLIC_PATHS = frozenset({"/favicon.ico"})

UNAUTHORISED_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kashf — sign in</title>
<link rel="stylesheet" href="/static/css/kashf.css"></head>
<body class="gate"><main><h1>kashf workbench</h1>
<p>This page needs the link printed by <code>kashf serve</code> in your terminal
(it looks like <code>http://127.0.0.1:8000/?token=…</code>).</p>
<p>Open that link once; the browser then stays signed in until the server stops.</p>
</main></body></html>"""


@dataclass(frozen=True)
class Gate:
    """The secrets of one launch and the hosts it answers to."""

    token: str
    allowed_hosts: tuple[str, ...]
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @classmethod
    def make(cls, token: str, allowed_hosts: Iterable[str]) -> Gate:
        hosts = tuple(sorted({_hostname(h) for h in allowed_hosts if h}))
        if not token:
            raise ValueError("the workbench needs a non-empty token")
        if not hosts:
            raise ValueError("the workbench needs at least one allowed host")
        return cls(token=token, allowed_hosts=hosts)

    @property
    def csrf_token(self) -> str:
        """Derived from the session secret, so it changes with every launch and never leaks it."""
        return hmac.new(self.session.encode(), b"csrf", hashlib.sha256).hexdigest()

    def host_allowed(self, host_header: str | None) -> bool:
        return bool(host_header) and _hostname(host_header) in self.allowed_hosts

    def token_ok(self, candidate: str | None) -> bool:
        return bool(candidate) and hmac.compare_digest(candidate.encode(), self.token.encode())

    def session_ok(self, candidate: str | None) -> bool:
        return bool(candidate) and hmac.compare_digest(candidate.encode(), self.session.encode())

    def csrf_ok(self, candidate: str | None) -> bool:
        return bool(candidate) and hmac.compare_digest(candidate.encode(), self.csrf_token.encode())


def _hostname(host: str) -> str:
    """``Host`` header → bare lower-case name; ``[::1]:8000`` → ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def cookie_name(request: Request) -> str:
    """Cookies ignore ports, so two servers on one machine need distinct names."""
    return f"kashf_session_{request.url.port or 80}"


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization", "")
    scheme, _, credential = value.partition(" ")
    return credential.strip() if scheme.lower() == "bearer" and credential.strip() else None


def _without_token(url: URL) -> str:
    """The same path and query, minus ``token``: the URL the browser should keep."""
    pairs = [(k, v) for k, v in _query_pairs(url) if k != TOKEN_PARAM]
    query = urlencode(pairs)
    return url.path + (f"?{query}" if query else "")


def _query_pairs(url: URL) -> list[tuple[str, str]]:
    return parse_qsl(url.query, keep_blank_values=True)


def _is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def _deny(request: Request, status: int, reason: str):
    if _is_api(request.url.path):
        return JSONResponse({"error": reason}, status_code=status)
    if status == 401:
        return HTMLResponse(UNAUTHORISED_PAGE, status_code=401)
    return PlainTextResponse(reason, status_code=status)


def _origin_ok(request: Request, gate: Gate) -> bool:
    """An ``Origin`` (or, lacking one, ``Referer``) on a write must be this server itself."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    # Under our own Referrer-Policy: no-referrer, browsers send ``Origin: null`` on form
    # posts, so a missing or null origin proves nothing either way: the CSRF token (which a
    # foreign page cannot read) and the SameSite=Strict cookie still decide.
    if not origin or origin == "null":
        return True
    parts = urlsplit(origin)
    own_host = request.headers.get("host", "")
    return parts.netloc.lower() == own_host.lower() and gate.host_allowed(parts.netloc)


class SecurityMiddleware:
    """Pure ASGI middleware: host check, authentication, CSRF, then response headers."""

    def __init__(self, app: ASGIApp, gate: Gate) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        refusal = await self._check(request)
        send_with_headers = _add_headers(send)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        if request._stream_consumed:  # the CSRF check read a form body: hand it on
            receive = _replay(await request.body())
        await self.app(scope, receive, send_with_headers)

    async def _check(self, request: Request):
        gate = self.gate
        if not gate.host_allowed(request.headers.get("host")):
            return PlainTextResponse("Host not allowed", status_code=403)
        path = request.url.path
        if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            return None
        query_token = request.query_params.get(TOKEN_PARAM)
        bearer = _bearer(request)
        if query_token is not None and not gate.token_ok(query_token):
            return _deny(request, 403, "wrong token")
        if bearer is not None and not gate.token_ok(bearer):
            return _deny(request, 403, "wrong token")
        if query_token is not None and request.method == "GET" and not _is_api(path):
            return _sign_in(request, gate)
        if bearer is not None or query_token is not None:
            return None  # Token-authenticated: no ambient cookie, so no CSRF to fear.
        if not gate.session_ok(request.cookies.get(cookie_name(request))):
            return _deny(request, 401, "authentication required: use the URL printed by kashf serve")
        if request.method not in SAFE_METHODS:
            return await _csrf_refusal(request, gate)
        return None


def _sign_in(request: Request, gate: Gate):
    """Trade the URL token for a session cookie, then drop the token from the address bar."""
    response = RedirectResponse(_without_token(request.url), status_code=303)
    response.set_cookie(
        cookie_name(request),
        gate.session,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


async def _csrf_refusal(request: Request, gate: Gate):
    if not _origin_ok(request, gate):
        return _deny(request, 403, "cross-origin request refused")
    candidate = request.headers.get(CSRF_HEADER)
    if candidate is None and request.headers.get("content-type", "").startswith(
        "application/x-www-form-urlencoded"
    ):
        body = await request.body()
        candidate = _form_field(body, CSRF_FIELD)
    if not gate.csrf_ok(candidate):
        return _deny(request, 403, "missing or wrong CSRF token")
    return None


def _form_field(body: bytes, name: str) -> str | None:
    values = parse_qs(body.decode("utf-8", "replace")).get(name)
    return values[0] if values else None


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _add_headers(send: Send) -> Send:
    async def wrapped(message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OURS]
            headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS]
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


_OURS = frozenset(k.encode() for k, _ in SECURITY_HEADERS)

