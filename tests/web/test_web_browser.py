"""End to end in real headless Chromium against uvicorn: search, read, follow — and nothing runs.

Every request to anything but the local server is blocked and recorded; the record
must stay empty. Hostile payloads in the corpus set ``window.__pwned`` or open a
dialog if they ever execute; neither may happen on any page.
"""

from __future__ import annotations

import os
from urllib.parse import quote

import pytest
from browser import chromium, chromium_path, sign_in, watched_page
from conftest import TOKEN

pytestmark = pytest.mark.browser

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("chromium is required on CI: apt-get install chromium")
    pytest.skip("Chromium is not installed (/usr/bin/chromium); apt-get install chromium",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def session(browser, live_server):
    """One page for the module, signed in once, as a journalist would be."""
    with watched_page(browser, live_server) as (page, watch):
        sign_in(page, live_server, TOKEN)
        yield page, watch, live_server


@pytest.fixture()
def page(session):
    page, watch, origin = session
    before = {name: len(getattr(watch, name)) for name in ("blocked", "dialogs", "errors", "csp")}
    yield page, origin
    assert watch.blocked == [], f"requests left the machine: {watch.blocked}"
    assert watch.dialogs == [], f"a payload opened a dialog: {watch.dialogs}"
    assert len(watch.errors) == before["errors"], f"page errors: {watch.errors}"
    assert watch.csp == [], f"the page broke its own CSP: {watch.csp}"
    assert page.evaluate("window.__pwned") == 0, "a hostile payload ran"


def rendered(page) -> None:
    """The page came out whole: styles applied, footer reached, fonts loaded, no broken image."""
    page.wait_for_load_state("load")
    assert page.locator("footer").is_visible()
    background = page.evaluate("getComputedStyle(document.querySelector('header.top')).backgroundColor")
    assert background == "rgb(32, 32, 31)", "the stylesheet did not load"
    broken = page.evaluate(
        "[...document.images].filter(i => i.complete && i.loading !== 'lazy' && !i.naturalWidth)"
        ".map(i => i.src)"
    )
    assert broken == []


def search(page, origin: str, query: str) -> None:
    page.goto(f"{origin}/search")
    box = page.locator("form.search input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_selector("#count")


def test_without_token_a_fresh_browser_gets_the_sign_in_page(browser, live_server):
    with watched_page(browser, live_server) as (page, watch):
        response = page.goto(f"{live_server}/search?q=Baghdad")
        assert response.status == 401
        assert "kashf serve" in page.inner_text("body")
        assert watch.blocked == []


def test_search_in_persian_renders_right_to_left(page):
    page, origin = page
    search(page, origin, "بغداد path:field")
    hit = page.locator("li.hit", has_text="gozaresh-fa.txt")
    assert hit.count() == 1, page.inner_text("main")
    snippet = hit.locator("p.snippet")
    assert snippet.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert snippet.locator("mark").count() >= 1
    assert "بغداد" in snippet.locator("mark").first.inner_text()
    assert page.evaluate("document.fonts.check('16px Vazirmatn', 'بغداد')")
    rendered(page)


def test_search_in_english_then_open_the_document(page):
    page, origin = page
    search(page, origin, "airport path:field")
    hit = page.locator("li.hit", has_text="meeting-en.txt")
    assert hit.locator("p.snippet").evaluate("el => getComputedStyle(el).direction") == "ltr"
    hit.locator("a.title").click()
    page.wait_for_selector("article.document")
    assert "/documents/" in page.url
    assert "near Baghdad airport" in page.inner_text("pre.text")
    download = page.locator("a", has_text="Download original")
    assert download.get_attribute("href").endswith("/download")
    rendered(page)


def test_facet_click_narrows_the_search(page):
    page, origin = page
    search(page, origin, "Baghdad")
    total = int(page.inner_text("#count strong").replace(",", ""))
    page.locator(".facet a").first.click()
    page.wait_for_selector("#count")
    assert int(page.inner_text("#count strong").replace(",", "")) <= total
    rendered(page)


def test_follow_an_entity_from_a_document(page, real_case):
    page, origin = page
    entities = real_case.entities()
    if not entities:
        pytest.skip("the entities stage has not landed: no mentions to follow")
    mention = None
    for doc in real_case.ls():
        mentions = [m for m in real_case.show(doc["id"])["mentions"] if m.get("entity_id")]
        if mentions:
            mention = (doc["id"], mentions[0])
            break
    if mention is None:
        pytest.skip("no resolved mention in the case")
    page.goto(f"{origin}/documents/{mention[0]}")
    link = page.locator("pre.text a.mention").first
    link.click()
    page.wait_for_selector("article.entity")
    assert "/entities/" in page.url
    rendered(page)


HOSTILE = ["page.html", "snippet.txt", "mail.eml", "meta.pdf", "props.docx", "onerror",
           "javascript:"]


@pytest.mark.parametrize("fragment", HOSTILE)
def test_hostile_document_runs_nothing(page, real_case, fragment):
    page, origin = page
    doc = next(d for d in real_case.ls() if fragment in d["path"])
    page.goto(f"{origin}/documents/{quote(doc['id'])}")
    page.wait_for_selector("article.document")
    rendered(page)
    text = page.inner_text("main")
    if doc["kind"] != "other":
        assert "window.__pwned" in text, "the payload should be visible as text"
    # Click every link the document produced: a javascript: URL would run here.
    for link in page.locator("pre.text a").all():
        href = link.get_attribute("href") or ""
        assert href.startswith("/entities/"), href


def test_hostile_search_results_run_nothing(page):
    page, origin = page
    search(page, origin, "Baghdad")
    assert "<script>window.__pwned" in page.inner_text("ol.hits")  # shown, as text
    rendered(page)
    search(page, origin, "<script>window.__pwned=1</script>")
    rendered(page)


@pytest.mark.parametrize("path", ["/entities", "/cables", "/events", "/timeline", "/map", "/status"])
def test_other_pages_render_offline(page, path):
    page, origin = page
    page.goto(origin + path)
    rendered(page)
    assert page.locator("main h1").count() == 1


def test_network_draws_with_the_vendored_library(page, real_case):
    page, origin = page
    page.goto(f"{origin}/network")
    rendered(page)
    assert page.evaluate("typeof cytoscape") == "function"
    if real_case.graph()["nodes"]:
        page.wait_for_selector("#graph[data-ready='1']", timeout=15_000)
        assert page.locator("#graph canvas").count() >= 1


def test_map_draws_borders_and_zooms(page):
    page, origin = page
    page.goto(f"{origin}/map")
    rendered(page)
    assert page.locator("svg#map .countries path").count() > 5
    before = page.evaluate("document.getElementById('map').viewBox.baseVal.width")
    page.locator("svg#map").hover()
    page.mouse.wheel(0, -300)
    after = page.evaluate("document.getElementById('map').viewBox.baseVal.width")
    assert after < before, "the wheel should zoom in"


def test_sign_out_needs_and_sends_the_csrf_token(browser, live_server):
    with watched_page(browser, live_server) as (page, watch):
        sign_in(page, live_server, TOKEN)
        page.goto(f"{live_server}/status")
        with page.expect_navigation():
            page.locator("form.logout button").click()
        assert page.url == f"{live_server}/", page.content()[:300]
        assert "kashf serve" in page.inner_text("body")  # signed out: the sign-in note
        assert page.goto(f"{live_server}/status").status == 401
        assert watch.blocked == [] and watch.dialogs == []
