"""The query language, facets and the CLI's JSON contracts, on a real case."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kashf.case import Case
from kashf.cli import app

runner = CliRunner()

DOCS = {
    "fa/report-1.txt": "گزارش: مأمور با منبع در کربلا دیدار کرد و دو تاکسی گرفت.",
    "fa/report-2.txt": "گزارش دوم: دیدار در بغداد لغو شد.",
    "en/cable-1.txt": "PolOff met the minister in Baghdad. The meeting was cordial.",
    "en/cable-2.txt": "The ambassador travelled to Erbil and Karbala for meetings.",
    "ar/news.txt": "التقى الوزير بالسفير في بغداد يوم الأحد.",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("s")
    leak = root / "leak"
    for name, text in DOCS.items():
        (leak / name).parent.mkdir(parents=True, exist_ok=True)
        (leak / name).write_text(text, encoding="utf-8")
    case = Case.create(root / "case")
    case.ingest([leak], workers=1, process=False)
    case.close()
    return root / "case"


def paths(case_root, query, **kwargs):
    with Case.open(case_root) as case:
        return sorted(h["path"].split("/", 1)[1] for h in case.search(query, limit=50, **kwargs)["hits"])


@pytest.mark.parametrize(
    "query, expected",
    [
        ("baghdad", ["en/cable-1.txt"]),
        ("بغداد", ["ar/news.txt", "fa/report-2.txt"]),
        ('"the meeting was"', ["en/cable-1.txt"]),
        ("meet*", ["en/cable-1.txt", "en/cable-2.txt"]),
        ("erbil OR minister", ["en/cable-1.txt", "en/cable-2.txt"]),
        ("baghdad NOT minister", []),
        ("بغداد -لغو", ["ar/news.txt"]),
        ("(erbil OR cordial) karbala", ["en/cable-2.txt"]),
        ("path:fa دیدار", ["fa/report-1.txt", "fa/report-2.txt"]),
        ("folder:leak type:text karbala", ["en/cable-2.txt"]),
        ("كربلا", ["fa/report-1.txt"]),
    ],
)
def test_query_language(built, query, expected):
    assert paths(built, query) == expected


def test_bad_queries_are_clear_errors(built):
    result = runner.invoke(app, ["search", str(built), "(baghdad", "--json"])
    assert result.exit_code == 1
    assert "error" in result.output.lower()
    result = runner.invoke(app, ["search", str(built), "date:yesterday"])
    assert result.exit_code == 1


def test_search_json_contract(built):
    result = runner.invoke(app, ["search", str(built), "بغداد", "--json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 2 and len(data["hits"]) == 1
    hit = data["hits"][0]
    assert {"id", "path", "title", "score", "snippet", "highlights"} <= set(hit)
    for start, end in hit["highlights"]:
        assert hit["snippet"][start:end] == "بغداد"
    assert data["facets"]["type"] == {"text": 2}
    assert "folder" in data["facets"]
    offset = json.loads(runner.invoke(app, ["search", str(built), "بغداد", "--json", "--offset",
                                            "1"]).stdout)
    assert offset["hits"][0]["id"] != hit["id"]


def test_status_ls_show_json_contracts(built):
    status = json.loads(runner.invoke(app, ["status", str(built), "--json"]).stdout)
    assert status["files_seen"] == 5
    assert status["documents"] == {"ok": 5, "failed": 0, "pending": 0, "total": 5}
    assert status["failures"] == [] and "stages" in status
    listing = json.loads(runner.invoke(app, ["ls", str(built), "--json"]).stdout)
    assert len(listing) == 5
    for row in listing:
        assert {"id", "path", "paths", "parent", "mime", "status", "reason", "pages",
                "language"} <= set(row)
    lines = runner.invoke(app, ["ls", str(built), "--jsonl"]).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [row["id"] for row in listing]
    shown = json.loads(runner.invoke(app, ["show", str(built), listing[0]["id"][:8], "--json"]).stdout)
    assert shown["id"] == listing[0]["id"]
    assert shown["text"] and shown["paths"] and shown["children"] == []
    missing = runner.invoke(app, ["show", str(built), "ffffffff"])
    assert missing.exit_code == 1 and "no document" in missing.output


def test_every_command_has_help_text():
    for command in app.registered_commands:
        assert command.callback.__doc__ or command.help, command.name


def test_ingest_over_a_dask_cluster_on_loopback(tmp_path):
    from distributed import LocalCluster

    leak = tmp_path / "leak"
    leak.mkdir()
    for n in range(12):
        (leak / f"{n}.txt").write_text(f"cable {n} mentions Najaf")
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                      processes=True) as cluster:
        with Case.create(tmp_path / "case") as case:
            report = case.ingest([leak], scheduler=cluster.scheduler_address, process=False)
            assert report.files_done == 12 and report.failed == 0
            assert case.search("najaf")["total"] == 12
