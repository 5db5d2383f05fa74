"""The case folder: settings, SQLite in WAL mode with recorded migrations, blobs, the index."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from kashf.case import Case
from kashf.exc import CaseError
from kashf.store.schema import MIGRATIONS


def test_init_makes_every_part(case):
    root = case.root
    assert (root / "kashf.toml").is_file()
    assert (root / "blobs").is_dir()
    assert (root / "index").is_dir()
    db = sqlite3.connect(root / "kashf.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    numbers = [r[0] for r in db.execute("SELECT number FROM migrations ORDER BY number")]
    assert numbers == list(range(1, len(MIGRATIONS) + 1))


def test_create_refuses_an_existing_case_and_open_refuses_a_plain_folder(tmp_path):
    Case.create(tmp_path / "c").close()
    with pytest.raises(CaseError, match="already a case"):
        Case.create(tmp_path / "c")
    (tmp_path / "plain").mkdir()
    with pytest.raises(CaseError, match="not a case folder"):
        Case.open(tmp_path / "plain")


def test_a_newer_schema_is_refused(tmp_path):
    Case.create(tmp_path / "c").close()
    db = sqlite3.connect(tmp_path / "c" / "kashf.db")
    db.execute("INSERT INTO migrations VALUES (999, 'future', 'x')")
    db.commit()
    with pytest.raises(CaseError, match="newer kashf"):
        Case.open(tmp_path / "c")


def test_bad_settings_are_a_clear_error(tmp_path):
    Case.create(tmp_path / "c").close()
    (tmp_path / "c" / "kashf.toml").write_text("[case]\nworkerz = 3\n")
    with pytest.raises(CaseError, match="unknown setting"):
        Case.open(tmp_path / "c")


def test_originals_are_stored_byte_exact_and_read_only(case, tmp_path):
    leak = tmp_path / "leak"
    leak.mkdir()
    data = "گزارش شماره ۱۲\r\n".encode("utf-16") + b"\x00\xff"
    (leak / "report.txt").write_bytes(data)
    case.ingest([leak], workers=1, process=False)
    sha = hashlib.sha256(data).hexdigest()
    stored = case.blobs.path(sha)
    assert stored.read_bytes() == data
    assert not stored.stat().st_mode & 0o222
    assert case.blobs.verify(sha)


def test_reindex_rebuilds_the_index_from_the_store(case, tmp_path):
    leak = tmp_path / "leak"
    leak.mkdir()
    for n in range(5):
        (leak / f"{n}.txt").write_text(f"document number {n} about Karbala")
    case.ingest([leak], workers=1, process=False)
    assert case.search("karbala")["total"] == 5
    case.close()
    import shutil

    shutil.rmtree(case.root / "index")
    reopened = Case.open(case.root)
    with pytest.raises(CaseError, match="reindex"):
        reopened.search("karbala")
    assert reopened.reindex() == 5
    assert reopened.search("karbala")["total"] == 5
    reopened.close()


def test_an_older_case_gains_the_stage_runs_seq_index_on_open(tmp_path):
    Case.create(tmp_path / "c").close()
    db = sqlite3.connect(tmp_path / "c" / "kashf.db")
    db.execute("DROP INDEX stage_runs_seq")
    db.execute("DELETE FROM migrations WHERE number = ?", (len(MIGRATIONS),))
    db.commit()
    db.close()
    Case.open(tmp_path / "c").close()
    db = sqlite3.connect(tmp_path / "c" / "kashf.db")
    plan = " ".join(str(row) for row in db.execute(
        "EXPLAIN QUERY PLAN SELECT coalesce(max(seq), 0) FROM stage_runs"))
    assert "stage_runs_seq" in plan
