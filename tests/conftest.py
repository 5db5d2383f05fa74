"""Shared fixtures: a real case in a temporary folder, and the path to the shared test data."""

from __future__ import annotations

import pytest
from datapaths import ROOT, SHARED_DATA, shared_data  # noqa: F401  (re-exported)


@pytest.fixture
def case(tmp_path):
    from kashf.case import Case

    opened = Case.create(tmp_path / "case")
    yield opened
    opened.close()
