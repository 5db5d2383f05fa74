"""The micro-benchmark runs in --quick mode and prints its table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from datapaths import shared_data


def test_bench_quick_prints_the_table():
    shared_data("cables", "cablegate-2010.jsonl")
    shared_data("files", "pypdf")
    script = Path(__file__).with_name("bench_ingestors.py")
    done = subprocess.run(
        [sys.executable, str(script), "--quick"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("| measurement")
    assert any("µs/file" in line for line in lines) and any("pages/s" in line for line in lines)
    assert "text failures: 0" in lines
