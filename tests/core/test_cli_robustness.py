"""Bad input to the CLI gives a clear error, never a traceback or a silent exit 0.

Each test drives the real Typer app on a real case, as a new user would.
"""

from __future__ import annotations

import json
import socket

import pytest
from PIL import Image, ImageDraw
from typer.testing import CliRunner

from kashf.case import Case
from kashf.cli import app

runner = CliRunner()

CABLE = ("O 101719Z JUN 00\nFM AMEMBASSY DAMASCUS\nTO SECSTATE WASHDC IMMEDIATE 1404\n"
         "C O N F I D E N T I A L DAMASCUS 002976\n\nE.O. 12958: DECL: 1/26/10\n"
         "TAGS: PGOV SY\nSUBJECT: A LONG SUBJECT ABOUT THE MINISTER AND HIS VISIT TO THE BORDER\n"
         "REF: DAMASCUS 100\n\n"
         "1. (C) PolOff met Qasem Soleimani in Baghdad on 12 May 2000. The meeting was cordial.\n\n"
         "2. (U) Second.\n\nCROCKER\n")
NOTE = "Qasem Soleimani met Hadi al-Amiri in Baghdad on 2014-05-12.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("robust")
    leak = root / "leak"
    leak.mkdir()
    (leak / "cable.txt").write_text(CABLE, encoding="utf-8")
    (leak / "note.txt").write_text(NOTE, encoding="utf-8")
    with Case.create(root / "case") as case:
        case.ingest([leak], workers=1)
    return root / "case"


def cli(*args: str, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def refused(result, *words: str) -> None:
    """A usage error (exit 2) that names the problem, and no traceback."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output


# -- 1. search paging -------------------------------------------------------------------------

@pytest.mark.parametrize("args, option", [
    (["--limit", "0"], "--limit"),
    (["--limit", "-1"], "--limit"),
    (["--limit", "100000"], "--limit"),
    (["--offset", "-5"], "--offset"),
])
def test_search_paging_is_validated(built, args, option):
    refused(cli("search", built, "baghdad", *args), option)


def test_search_paging_at_the_bounds_works(built):
    result = cli("search", built, "baghdad", "--limit", "1000", "--offset", "0", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == 2
    result = cli("search", built, "baghdad", "--limit", "1", "--offset", "5", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["hits"] == []


# -- 4. unknown names, bad dates, negative workers, unknown cable ids --------------------------

def test_unknown_stage_is_refused_with_the_valid_ones(built):
    refused(cli("process", built, "--stage", "bogus"), "bogus", "language", "entities", "events")
    result = cli("process", built, "--stage", "cables", "--json")
    assert result.exit_code == 0, result.output


def test_unknown_event_type_is_refused_with_the_valid_ones(built):
    refused(cli("events", built, "--type", "bogus"), "bogus", "meeting", "recruitment")
    result = cli("events", built, "--type", "meeting", "--json")
    assert result.exit_code == 0, result.output
    assert {event["type"] for event in json.loads(result.stdout)} <= {"meeting"}


@pytest.mark.parametrize("option", ["--from", "--to"])
@pytest.mark.parametrize("value", ["2014-13-01", "2014-02-30", "14-01-01", "yesterday",
                                   "2014/01/01", "2014-1-1"])
def test_cable_dates_must_be_iso(built, option, value):
    refused(cli("cables", built, option, value), option, "YYYY-MM-DD")


@pytest.mark.parametrize("date_from, date_to, found", [
    ("2000", None, 1), ("2000-06", "2000-06", 1), ("2000-06-10", "2000-06-10", 1),
    ("2000-06-11", None, 0), (None, "1999", 0),
])
def test_cable_dates_in_each_iso_form_filter(built, date_from, date_to, found):
    args = [*(["--from", date_from] if date_from else []), *(["--to", date_to] if date_to else [])]
    result = cli("cables", built, *args, "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == found


@pytest.mark.parametrize("command", ["ingest", "process"])
def test_negative_workers_are_refused(built, tmp_path, command):
    paths = [tmp_path] if command == "ingest" else []
    refused(cli(command, built, *paths, "--workers", "-3"), "--workers")


def test_a_cable_id_neither_in_the_case_nor_cited_is_an_error(built):
    for args in ([], ["--json"]):
        result = cli("cables", built, "--ref", "NOPE", *args)
        assert result.exit_code == 1, result.output
        assert "neither in the case nor cited" in result.output
        assert "only cited" not in result.output


def test_cable_ids_in_the_case_or_only_cited_keep_their_answers(built):
    cited = cli("cables", built, "--ref", "00DAMASCUS100")
    assert cited.exit_code == 0 and "only cited" in cited.stdout
    assert "00DAMASCUS2976" in cited.stdout
    shown = cli("cables", built, "--ref", "00DAMASCUS2976", "--json")
    assert shown.exit_code == 0, shown.output
    links = json.loads(shown.stdout)
    assert set(links) == {"reference_id", "document_id", "cites", "cited_by"}
    assert links["document_id"] and links["cites"] == [{"reference_id": "00DAMASCUS100",
                                                        "document_id": None}]


# -- 5. serve on a port in use -----------------------------------------------------------------

def test_serve_on_a_port_in_use_says_so_before_printing_a_link(built):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = cli("serve", built, "--port", port, "--no-browser")
    assert result.exit_code == 1, result.output
    assert f"port {port} is in use: pass --port" in result.output
    assert "token=" not in result.output and "Open that link" not in result.output
    assert "Errno" not in result.output


def test_serve_refuses_a_port_out_of_range(built):
    refused(cli("serve", built, "--port", "70000", "--no-browser"), "--port")


# -- 6. stage failures with their reasons in plain status --------------------------------------

@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """A case whose OCR stage fails on 23 truncated scans (ingest itself accepts them)."""
    root = tmp_path_factory.mktemp("damaged")
    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).text((20, 20), "HELLO WORLD", fill="black")
    image.save(root / "good.jpg", "JPEG")
    data = (root / "good.jpg").read_bytes()
    scans = root / "scans"
    scans.mkdir()
    for number in range(23):
        (scans / f"scan{number:02}.jpg").write_bytes(data[: len(data) // 3] + bytes([number]))
    with Case.create(root / "case") as case:
        case.ingest([scans], workers=1)
    return root / "case"


def test_plain_status_shows_why_stages_failed_capped(damaged):
    result = cli("status", damaged, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Stage failures" in result.output
    rows = [line for line in result.output.splitlines() if "scans/scan" in line]
    assert len(rows) == 20
    assert all("ocr" in row and "damaged image" in row for row in rows)
    assert "… and 3 more: kashf status" in result.output and "--json" in result.output
    info = json.loads(cli("status", damaged, "--json").stdout)
    assert len(info["stage_failures"]) == 23


def test_plain_status_without_stage_failures_has_no_such_table(built):
    result = cli("status", built)
    assert result.exit_code == 0 and "Stage failures" not in result.output


# -- 7. readable cable tables on narrow terminals and pipes ------------------------------------

@pytest.mark.parametrize("columns", ["80", "60"])
def test_cable_ids_and_dates_are_never_squeezed(built, columns):
    result = cli("cables", built, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert "00DAMASCUS2976" in result.output and "2000-06-10" in result.output
    assert all(len(line) <= int(columns) for line in result.output.splitlines())



def test_the_subject_wraps_instead_of_being_cut_off(built):
    result = cli("cables", built, env={"COLUMNS": "80"})
    words = result.output.replace("│", " ").split()
    for word in ("MINISTER", "VISIT", "BORDER"):
        assert word in words


def test_demo_checks_the_port_before_building_the_case(tmp_path):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = cli("demo", "--case", tmp_path / "demo", "--port", port, "--no-browser")
    assert result.exit_code == 1, result.output
    assert f"port {port} is in use: pass --port" in result.output
    assert not (tmp_path / "demo").exists()
