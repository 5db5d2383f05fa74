"""The benchmarks of this area run in --quick mode and print their tables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))


def _need_data() -> None:
    if not DATA.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared data missing at {DATA} on CI")
        pytest.skip(f"shared data not found at {DATA}")


def _run(script: str) -> str:
    return subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--quick"],
        capture_output=True, text=True, timeout=300, check=True, cwd=ROOT,
    ).stdout


def test_eval_names_quick_beats_floor_and_target() -> None:
    _need_data()
    out = _run("eval_names.py")
    rows = [line.split() for line in out.splitlines() if line.startswith(("ar2en", "gazetteer"))]
    assert len(rows) == 2, out
    names = rows[0]
    ours, floor = float(names[-3].rstrip("%")), float(names[-2].rstrip("%"))
    assert ours >= 88 and ours > floor + 20, out


def test_entities_speed_quick_prints_a_table() -> None:
    _need_data()
    out = _run("entities_speed.py")
    assert "floor" in out and "s per 1,000" in out or "wall s/1,000" in out, out
