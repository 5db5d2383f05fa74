"""The evaluation benchmark runs in --quick mode and prints its three tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data")).resolve()


def test_eval_quick():
    if not (DATA / "cables").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"test data missing on CI: {DATA / 'cables'}")
        pytest.skip(f"shared test data not present at {DATA}")
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks/eval_cables.py"), "--quick"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Field accuracy" in out and "Coverage of cablegate" in out and "cables/s" in out
    accuracy = next(line for line in out.splitlines() if line.startswith("all fields"))
    assert float(accuracy.split()[-1].rstrip("%")) >= 95.0
