"""Where the shared third-party test data lives (../shared/data), for tests and fixtures alike.

A plain module rather than conftest, so that `from datapaths import …` means the same
thing whichever conftest pytest imported last.
"""

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
