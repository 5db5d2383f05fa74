"""The ``cables`` stage: a document's cable header, if it is a cable, report, memo or letter."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from kashf.cables.parse import parse_cable
from kashf.stages import StageInput, stage


@stage("cables", version=7)  # 7: «هجدهم اردیبهشت ۹۲»; 6: «يوليو من العام ٢٠٢٢»; 5: «ك١»
def cables_stage(inp: StageInput) -> dict[str, Any]:
    """Parse cable, report, memo and letter headers: {"cable": record | None}."""
    year = inp.metadata.get("cable_year") if isinstance(inp.metadata, dict) else None
    cable = parse_cable(inp.text, year=year if isinstance(year, int) else None,
                        document_id=inp.document_id, name_hint=PurePath(inp.path).name)
    return {"cable": cable.to_json() if cable else None}
