"""The gate: Host allow-list, launch token, session cookie, CSRF, and the headers on every answer.

These tests exercise the security layer alone, so they run on a tiny stand-in case;
every page and API route is tested on a real case in test_web_routes.py.
"""

from __future__ import annotations

import pytest
from fake_case import FakeCase
from fastapi.testclient import TestClient

from kashf.web.app import create_app
from kashf.web.security import CONTENT_SECURITY_POLICY, Gate

TOKEN = "launch-token-1234"
BASE = "http://127.0.0.1:8000"


@pytest.fixture()
def app(tmp_path):
    blob = tmp_path / "blob"
    blob.write_bytes(b"hello world")
    return create_app(FakeCase(blob), TOKEN, ["127.0.0.1", "localhost"])


@pytest.fixture()
def anon(app):
    return TestClient(app, base_url=BASE, follow_redirects=False)


@pytest.fixture()
def signed_in(app):
    client = TestClient(app, base_url=BASE, follow_redirects=False)
    assert client.get(f"/?token={TOKEN}").status_code == 303
    return client


@pytest.mark.parametrize(
    ("path", "status", "kind"),
    [
        ("/", 401, "text/html"),
        ("/search?q=x", 401, "text/html"),
        ("/documents/aaaa", 401, "text/html"),
        ("/documents/aaaa/download", 401, "text/html"),
        ("/api/search?q=x", 401, "application/json"),
        ("/api/status", 401, "application/json"),
        ("/api/openapi.json", 401, "application/json"),
        ("/nope", 401, "text/html"),
    ],
)
def test_without_credentials_pages_and_api_are_refused(anon, path, status, kind):
    response = anon.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith(kind)
    if kind == "text/html":
        assert "kashf serve" in response.text  # tells the journalist where the link is
    else:
        assert "error" in response.json()


@pytest.mark.parametrize(
    ("path", "headers", "status"),
    [
        ("/?token=wrong", {}, 403),
        ("/api/status?token=wrong", {}, 403),
        ("/api/status", {"authorization": "Bearer wrong"}, 403),
        ("/api/status", {"authorization": "Basic " + TOKEN}, 401),
        ("/api/status", {"authorization": "Bearer"}, 401),
        ("/api/status", {"cookie": "kashf_session_8000=guess"}, 401),
        ("/api/status", {"authorization": f"Bearer {TOKEN}"}, 200),
        (f"/api/status?token={TOKEN}", {}, 200),
    ],
)
def test_token_forms(anon, path, headers, status):
    assert anon.get(path, headers=headers).status_code == status


def test_token_visit_sets_strict_httponly_cookie_and_drops_token_from_url(anon):
    response = anon.get(f"/search?q=tehran&token={TOKEN}&sort=date")
    assert response.status_code == 303
    assert response.headers["location"] == "/search?q=tehran&sort=date"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("kashf_session_8000=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert TOKEN not in cookie  # the cookie is a separate per-launch secret
    follow = anon.get("/search?q=tehran&sort=date")
    assert follow.status_code == 200 and "Report" in follow.text


def test_session_of_another_launch_is_refused(signed_in, tmp_path):
    other = create_app(FakeCase(tmp_path), TOKEN, ["127.0.0.1"])
    client = TestClient(other, base_url=BASE, follow_redirects=False)
    client.cookies = signed_in.cookies
    assert client.get("/api/status").status_code == 401


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:8000", 200),
        ("localhost:8000", 200),
        ("LOCALHOST:8000", 200),
        ("evil.example:8000", 403),  # DNS rebinding: the attacker's name resolving to us
        ("127.0.0.1.evil.example", 403),
        ("", 403),
    ],
)
def test_host_allow_list(signed_in, host, status):
    response = signed_in.get("/api/status", headers={"host": host})
    assert response.status_code == status


def test_wrong_host_is_refused_even_with_token(anon):
    response = anon.get(f"/?token={TOKEN}", headers={"host": "attacker.test"})
    assert response.status_code == 403 and "set-cookie" not in response.headers


def test_static_files_need_no_token_but_an_allowed_host(anon):
    assert anon.get("/static/css/kashf.css").status_code == 200
    assert anon.get("/static/css/kashf.css", headers={"host": "evil.test"}).status_code == 403


@pytest.mark.parametrize(
    ("headers", "data", "status"),
    [
        ({}, {}, 403),  # no CSRF token
        ({"x-csrf-token": "forged"}, {}, 403),
        ("HEADER", {}, 303),
        ({}, "FIELD", 303),
        ({"origin": "http://evil.test"}, "FIELD", 403),  # right token, foreign origin
        ({"origin": "null"}, "FIELD", 303),  # what no-referrer makes browsers send
        ({"origin": "null"}, {}, 403),
        ({"origin": BASE}, "FIELD", 303),
        ({"referer": "http://evil.test/page"}, "FIELD", 403),
    ],
)
def test_csrf_on_state_changing_requests(signed_in, app, headers, data, status):
    csrf = app.state.gate.csrf_token
    if headers == "HEADER":
        headers = {"x-csrf-token": csrf}
    if data == "FIELD":
        data = {"csrf_token": csrf}
    response = signed_in.post("/logout", headers=headers, data=data)
    assert response.status_code == status


def test_logout_forgets_the_session(signed_in, app):
    response = signed_in.post("/logout", data={"csrf_token": app.state.gate.csrf_token})
    assert response.status_code == 303
    assert signed_in.get("/api/status").status_code == 401


def test_bearer_writes_need_no_csrf_token(anon):
    # No ambient credential is involved, so a forged cross-site form cannot carry it.
    response = anon.post("/logout", headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 303


def test_pages_embed_the_csrf_token_for_their_forms(signed_in, app):
    page = signed_in.get("/search").text
    assert f'name="csrf_token" value="{app.state.gate.csrf_token}"' in page


@pytest.mark.parametrize("path", ["/", "/search?q=x", "/api/status", "/nope", "/static/js/kashf.js"])
def test_security_headers_on_every_answer(signed_in, anon, path):
    for client in (signed_in, anon):
        headers = client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"


def test_policy_allows_nothing_inline_or_foreign():
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY


def test_openapi_schema_lists_the_api_and_stock_docs_pages_are_off(signed_in):
    schema = signed_in.get("/api/openapi.json").json()
    for path in ["/api/search", "/api/documents/{doc_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/events", "/api/cables", "/api/graph", "/api/timeline", "/api/places",
                 "/api/status"]:
        assert path in schema["paths"], path
    assert not any(p.startswith("/documents") for p in schema["paths"])
    assert signed_in.get("/docs").status_code == 404  # Swagger UI would load from a CDN


@pytest.mark.parametrize(
    ("token", "hosts", "message"),
    [("", ["127.0.0.1"], "token"), ("t", [], "host"), ("t", [""], "host")],
)
def test_gate_refuses_to_start_without_secrets(token, hosts, message):
    with pytest.raises(ValueError, match=message):
        Gate.make(token, hosts)


def test_two_launches_differ():
    a, b = Gate.make("t", ["127.0.0.1"]), Gate.make("t", ["127.0.0.1"])
    assert a.session != b.session and a.csrf_token != b.csrf_token
