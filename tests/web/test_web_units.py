"""Tables for the pure helpers: highlight pieces, mention pieces, dual-calendar dates, the basemap."""

from __future__ import annotations

import pytest

from kashf.web import basemap, dates
from kashf.web.render import facet_query, path_part, search_url
from kashf.web.server import allowed_hosts_for, is_loopback, launch_url
from kashf.web.textmarks import Piece, highlight, with_mentions


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("hello world", [[0, 5]], [("hello", True), (" world", False)]),
        ("hello world", [[6, 11]], [("hello ", False), ("world", True)]),
        ("abc", [], [("abc", False)]),
        ("abc", None, [("abc", False)]),
        ("", [[0, 3]], [("", False)]),
        ("abcdef", [[1, 3], [2, 5]], [("a", False), ("bcde", True), ("f", False)]),  # overlap
        ("abcdef", [[4, 6], [0, 1]], [("a", True), ("bcd", False), ("ef", True)]),  # unsorted
        ("abc", [[-5, 1], [2, 99]], [("a", True), ("b", False), ("c", True)]),  # clamped
        ("abc", [[2, 1], ["x", 2], [1]], [("abc", False)]),  # malformed: ignored
        ("در بغداد", [[3, 8]], [("در ", False), ("بغداد", True)]),
        ("<b>x</b>", [[3, 4]], [("<b>", False), ("x", True), ("</b>", False)]),  # text, not markup
    ],
)
def test_highlight(text, spans, expected):
    assert [(p.text, p.marked) for p in highlight(text, spans)] == expected


def test_with_mentions_links_entities_and_respects_the_slice():
    text = "Ali met Hassan in Baghdad."
    mentions = [
        {"start": 0, "end": 3, "label": "PER", "entity_id": "e1"},
        {"start": 8, "end": 14, "label": "PER", "entity_id": None},
        {"start": 18, "end": 25, "label": "LOC", "entity_id": "e3"},
        {"start": 18, "end": 21, "label": "LOC", "entity_id": "e4"},  # overlaps: dropped
        {"start": None, "end": 2},  # malformed: dropped
    ]
    pieces = with_mentions(text, mentions)
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.entity_id) for p in pieces if p.marked] == [
        ("Ali", "e1"), ("Hassan", None), ("Baghdad", "e3")]
    sliced = with_mentions(text, mentions, 4, 21)
    assert "".join(p.text for p in sliced) == text[4:21]
    assert [p.text for p in sliced if p.marked] == ["Hassan", "Bag"]
    assert with_mentions(None, None) == [Piece("")]


@pytest.mark.parametrize(
    ("value", "gregorian", "solar"),
    [
        ("2014-03-21", "2014-03-21", "1393-01-01"),
        ("2014-10-12", "2014-10-12", "1393-07-20"),
        ("2014-10-12T10:00Z", "2014-10-12", "1393-07-20"),
        ("2014-03", "2014-03", "1392-12/1393-01"),
        ("2014", "2014", "1392/1393"),
        ("2014-02-30", "2014-02-30", ""),  # impossible day: shown as given
        ("soon", "soon", ""),
        ("", "", ""),
        (None, "", ""),
    ],
)
def test_dates_in_two_calendars(value, gregorian, solar):
    shown = dates.show(value)
    assert (shown.gregorian, shown.solar_hijri) == (gregorian, solar)
    assert shown.solar_hijri_fa == solar.translate(dates.PERSIAN_DIGITS)


def test_basemap_decodes_natural_earth_and_frames_the_places():
    names = {c.name for c in basemap.countries()}
    assert {"Iran", "Iraq", "Syria", "Lebanon", "Bahrain"} <= names
    iran = next(c for c in basemap.countries() if c.name == "Iran")
    west, south, east, north = iran.bbox
    assert 43 < west < 45 and 60 < east < 64 and 24 < south < 26 and 39 < north < 40.5
    view = basemap.render([{"id": "t", "name": "Tehran", "lat": 35.69, "lon": 51.39, "count": 3},
                           {"id": "b", "name": "Baghdad", "lat": 33.31, "lon": 44.36, "count": 1},
                           {"id": "x", "name": "Nowhere", "lat": None, "lon": None, "count": 9}])
    assert [m.name for m in view.markers] == ["Tehran", "Baghdad"]
    tehran, baghdad = view.markers
    assert tehran.x > baghdad.x and tehran.y < baghdad.y  # east and north
    assert tehran.r > baghdad.r
    assert all(0 <= m.x <= view.width and 0 <= m.y <= view.height for m in view.markers)
    assert any(name == "Iraq" for name, _ in view.countries)
    assert not any(name == "Brazil" for name, _ in view.countries)


def test_basemap_without_places_shows_the_middle_east():
    view = basemap.render([])
    assert view.markers == () and {"Iran", "Iraq"} <= {n for n, _ in view.countries}


@pytest.mark.parametrize(
    ("q", "facet", "value", "expected"),
    [
        ("tehran", "type", "pdf", "tehran type:pdf"),
        ("tehran", "language", "fa", "tehran lang:fa"),
        ("", "origin", "Embassy Tehran", 'origin:"Embassy Tehran"'),
        ("x type:pdf", "type", "pdf", "x type:pdf"),  # already filtered
        ("x", "entity", "PER:Abu Mahdi", 'x entity:"PER:Abu Mahdi"'),
    ],
)
def test_facet_query(q, facet, value, expected):
    assert facet_query(q, facet, value) == expected


def test_urls_encode_hostile_values():
    assert search_url('"><script>', page=2) == "/search?q=%22%3E%3Cscript%3E&page=2"
    assert search_url("x", sort="", page=0) == "/search?q=x"
    assert path_part("../a b/c") == "..%2Fa%20b%2Fc"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)],
)
def test_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_server_urls_and_hosts():
    assert launch_url("127.0.0.1", 8000, "T") == "http://127.0.0.1:8000/?token=T"
    assert launch_url("0.0.0.0", 9000, "T") == "http://127.0.0.1:9000/?token=T"
    assert launch_url("::1", 8000, "T") == "http://[::1]:8000/?token=T"
    assert "10.0.0.5" in allowed_hosts_for("10.0.0.5")
    assert allowed_hosts_for("0.0.0.0") == ["127.0.0.1", "localhost", "::1"]


def test_serve_refuses_exposed_hosts_without_the_flag(tmp_path):
    from kashf.exc import KashfError
    from kashf.web.server import serve

    with pytest.raises(KashfError, match="exposed"):
        serve(tmp_path, host="0.0.0.0", open_browser=False)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("دانا met دانا", ["دانا"], [[0, 4], [9, 13]]),
        ("Abu Sajjad and ابوسجاد", ["Abu Sajjad", "ابوسجاد", ""], [[0, 10], [15, 22]]),
        ("nothing here", ["x"], []),  # one-letter names would mark noise
        (None, ["a"], []),
    ],
)
def test_name_spans(text, names, expected):
    from kashf.web.textmarks import name_spans

    assert sorted(name_spans(text, names)) == expected
