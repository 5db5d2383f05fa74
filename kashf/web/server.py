"""``kashf serve``: open a case, make a launch token, print the URL and run uvicorn."""

from __future__ import annotations

import errno
import ipaddress
import secrets
import socket
import threading
import webbrowser
from pathlib import Path

from kashf.exc import KashfError

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts_for(host: str) -> list[str]:
    """The Host names a browser may use to reach us; a wildcard bind answers to its own name only."""
    names = list(LOOPBACK_NAMES)
    if not is_loopback(host) and host not in ("0.0.0.0", "::"):
        names.append(host)
    return names


def check_port(host: str, port: int) -> None:
    """Raise a one-line KashfError unless ``host:port`` can be bound now.

    Binds the way uvicorn will (SO_REUSEADDR, IPv6 when the host has a colon) and lets go
    at once, so a port in use is reported before a launch URL that would never work.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise KashfError(f"port {port} is in use: pass --port") from None
            reason = error.strerror or str(error)
            raise KashfError(f"cannot listen on {host}:{port}: {reason}") from None


def launch_url(host: str, port: int, token: str) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/?token={token}"


def serve(
    case_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    exposed_ok: bool = False,
    open_browser: bool = True,
    extra_hosts: list[str] | None = None,
) -> None:
    """Serve the case at ``case_path`` until interrupted.

    Refuses a non-loopback ``host`` unless ``exposed_ok``: the workbench shows leaked
    material, and anyone who can reach the port and learns the token can read it.
    """
    if not is_loopback(host) and not exposed_ok:
        raise KashfError(
            f"refusing to listen on {host}: that exposes the case beyond this machine. "
            "Use --host 127.0.0.1, or pass --i-know-this-is-exposed if you really mean it."
        )
    check_port(host, port)
    import uvicorn

    from kashf.case import Case
    from kashf.web.app import create_app

    case = Case.open(Path(case_path))
    token = secrets.token_urlsafe(32)
    app = create_app(case, token, allowed_hosts_for(host) + list(extra_hosts or []))
    url = launch_url(host, port, token)
    print(f"kashf workbench for {case_path}\n\n    {url}\n\nOpen that link (it signs this "
          "browser in). Press Ctrl+C to stop.", flush=True)
    if open_browser:
        threading.Timer(1.0, _open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                server_header=False, proxy_headers=False)


def _open(url: str) -> None:
    try:
        webbrowser.open(url)
    except webbrowser.Error:
        pass  # A headless machine: the printed URL is enough.
