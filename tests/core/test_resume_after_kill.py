"""SIGKILL mid-ingest, run again: nothing lost, nothing duplicated."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kashf.case import Case

KASHF = [sys.executable, "-m", "kashf.cli.run"]
FILES = 2500


def make_leak(folder: Path) -> Path:
    for n in range(FILES):
        sub = folder / f"box{n % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"cable-{n:05}.txt").write_text(
            f"UNCLASSIFIED cable {n} from AMEMBASSY BAGHDAD about meeting number {n}\n" * 20
        )
    return folder


def committed(db: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return connection.execute("SELECT count(*) FROM sources WHERE top_level = 1").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def snapshot(root: Path) -> tuple:
    with Case.open(root) as case:
        rows = sorted((r["id"], r["path"], r["status"], tuple(r["paths"])) for r in case.ls())
        texts = {r["id"]: case.store.document(r["id"])["text"] for r in case.ls()}
        hits = case.search("meeting", limit=5)["total"]
        index_count = case.index.count()
    return rows, texts, hits, index_count


def test_kill_and_resume_equals_an_uninterrupted_run(tmp_path):
    leak = make_leak(tmp_path / "leak")
    killed = tmp_path / "killed"
    subprocess.run([*KASHF, "init", str(killed)], check=True, capture_output=True)
    # Batches of 500 (the default is larger than this leak): the kill lands between commits.
    settings = killed / "kashf.toml"
    settings.write_text(re.sub(r"batch_size = \d+", "batch_size = 500", settings.read_text()))
    process = subprocess.Popen(
        [*KASHF, "ingest", str(killed), str(leak), "--no-process", "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while committed(killed / "kashf.db") < 300:
        assert process.poll() is None, "ingest finished before it could be killed: make it bigger"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    at_kill = committed(killed / "kashf.db")
    assert 300 <= at_kill < FILES

    resumed = subprocess.run([*KASHF, "ingest", str(killed), str(leak), "--no-process", "--json"],
                             check=True, capture_output=True, text=True)
    assert '"files_skipped_unchanged"' in resumed.stdout

    clean = tmp_path / "clean"
    subprocess.run([*KASHF, "init", str(clean)], check=True, capture_output=True)
    subprocess.run([*KASHF, "ingest", str(clean), str(leak), "--no-process"], check=True,
                   capture_output=True)

    killed_rows, killed_texts, killed_hits, killed_index = snapshot(killed)
    clean_rows, clean_texts, clean_hits, clean_index = snapshot(clean)
    assert len(killed_rows) == FILES
    assert killed_rows == clean_rows
    assert killed_texts == clean_texts
    assert killed_hits == clean_hits == FILES
    assert killed_index == clean_index == FILES  # no document indexed twice


def test_running_the_same_ingest_again_adds_and_redoes_nothing(case, tmp_path):
    leak = tmp_path / "leak"
    leak.mkdir()
    for n in range(20):
        (leak / f"{n}.txt").write_text(f"text {n}")
    first = case.ingest([leak], workers=1, process=False)
    second = case.ingest([leak], workers=1, process=False)
    assert first.files_done == 20
    assert second.files_done == 0 and second.files_skipped == 20
    assert case.status()["files_seen"] == 20
    assert case.index.count() == 20
