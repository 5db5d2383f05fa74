"""The latency benchmark's --quick mode runs and prints its table with the floor beside it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_web_latency_quick_prints_the_table():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "web_latency.py"), "--quick"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "| case.search() (floor)" in out
    assert "| GET /search (uvicorn, HTTP)" in out
    assert "vs target 150 ms" in out


def test_web_latency_needs_a_case_or_quick():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "web_latency.py")],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert done.returncode == 2 and "--quick" in done.stderr
