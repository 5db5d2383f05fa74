"""The ``cables`` stage: registered, pure, JSON-serialisable."""

from __future__ import annotations

import json

from kashf.cables import stage as cables_stage_module
from kashf.stages import REGISTRY, StageInput

CABLE = ("R 010101Z JAN 09\nFM AMEMBASSY BAGHDAD\nTO SECSTATE WASHDC\n"
         "S E C R E T BAGHDAD 000123\n\nSUBJECT: X\n\n1. (S) Body.\n")


def test_stage_is_registered():
    assert REGISTRY["cables"].function is cables_stage_module.cables_stage
    assert REGISTRY["cables"].version >= 1


def test_stage_result_shape():
    result = cables_stage_module.cables_stage(
        StageInput(document_id="d" * 64, path="in/09BAGHDAD123.txt", mime="text/plain", text=CABLE))
    json.dumps(result)
    assert result["cable"]["reference_id"] == "09BAGHDAD123"
    assert result["cable"]["id"] == "d" * 64


def test_file_name_stands_in_for_a_missing_year():
    text = "S E C R E T BAGHDAD 000123\n\nSUBJECT: X\n\n1. (S) Body.\n"
    result = cables_stage_module.cables_stage(
        StageInput(document_id="e" * 64, path="leak/09BAGHDAD123.txt", mime="text/plain", text=text))
    assert result["cable"]["reference_id"] == "09BAGHDAD123"


def test_stage_on_a_non_cable():
    result = cables_stage_module.cables_stage(
        StageInput(document_id="f" * 64, path="a.txt", mime="text/plain", text="hello world"))
    assert result == {"cable": None}
