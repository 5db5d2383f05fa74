"""The ingest benchmark's --quick mode runs end to end and prints its table with the peers."""

from __future__ import annotations

import subprocess
import sys

from datapaths import ROOT, shared_data


def test_ingest_benchmark_quick_prints_the_table():
    shared_data("files")
    shared_data("cables", "cablegate-2010.jsonl")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ingest.py"), "--quick"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    for row in ("messy files", "PDFs", "300 cables --no-process", "300 cables + language stage"):
        assert row in out
    # the floor and the Tantivy peer are measured in the same run, and the verdicts printed
    assert "Tantivy-only docs/s" in out and "of Tantivy (target ≥ 40%)" in out
    assert "search on the 300-file cable case" in out and "peak memory of the cable ingest" in out
