"""Headless Chromium for the workbench tests and screenshots: Debian's browser, offline, watched.

Playwright drives ``/usr/bin/chromium`` (never a downloaded browser). Every request the
page makes is routed through :class:`Watch`: requests to the local server go on,
anything else is blocked and recorded, as are dialogs, page errors and CSP reports.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = os.environ.get("KASHF_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    """The browser to use, or None when it is not installed."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    return shutil.which("chromium")


@dataclass
class Watch:
    """What a page did that it should not have: foreign requests, dialogs, errors, CSP refusals."""

    origin: str
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = route.request.url
        if url == self.origin or url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def attach(self, page) -> None:
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)
        page.on("requestfailed", lambda request: self._failed(request))
        page.on("response", lambda response: response.status >= 400
                and self.failed.append(f"{response.status} {response.url}"))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.csp.append(message.text)

    def _failed(self, request) -> None:
        if request.url.startswith(self.origin):
            self.failed.append(f"failed {request.url}")


@contextmanager
def chromium():
    """One headless Chromium (Playwright's sync API allows one driver per thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def watched_page(browser, origin: str, width: int = 1360, height: int = 900):
    """A fresh context (no cookies) and page on ``origin``; yields (page, watch)."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  service_workers="block")
    try:
        watch = Watch(origin)
        context.route("**/*", watch.route)
        context.add_init_script("window.__pwned = 0;")
        page = context.new_page()
        watch.attach(page)
        yield page, watch
    finally:
        context.close()


def sign_in(page, origin: str, token: str) -> None:
    response = page.goto(f"{origin}/?token={token}")
    assert response is not None and response.ok, "signing in with the token failed"
    assert "token=" not in page.url, "the token stayed in the address bar"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_in_thread(app):
    """``app`` under real uvicorn on 127.0.0.1 at a free port; yields its origin."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
