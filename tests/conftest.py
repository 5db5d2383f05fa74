"""Shared fixtures: a real case in a temporary folder, and the path to the shared test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("KASHF_SHARED_DATA", ROOT.parent / "shared" / "data")).resolve()


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data; skips the test when it is absent, but never on CI."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"test data missing on CI: {path}")
        pytest.skip(f"shared test data not found at {path}")
    return path


@pytest.fixture
def case(tmp_path):
    from kashf.case import Case

    opened = Case.create(tmp_path / "case")
    yield opened
    opened.close()
