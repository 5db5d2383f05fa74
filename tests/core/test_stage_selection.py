"""Which stages a run selects: a stage brings the stages it reads, text-changing ones first."""

from __future__ import annotations

import pytest

from kashf.runner import selected_stages


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["events"], {"language", "entities", "cables", "events"}),
        (["entities"], {"language", "entities"}),
        (["language", "bogus"], {"language"}),
        ([], set()),
    ],
)
def test_a_stage_brings_what_it_reads(names, expected):
    chosen = [s.name for s in selected_stages(names)]
    assert set(chosen) == expected
    for position, name in enumerate(chosen):  # every dependency runs before its reader
        entry = next(s for s in selected_stages(names) if s.name == name)
        assert all(chosen.index(d) < position for d in entry.depends)


def test_ocr_runs_before_every_reader():
    chosen = [s.name for s in selected_stages(["cables", "ocr", "language"])]
    assert chosen[0] == "ocr"


def test_events_without_cables_in_the_settings_still_get_the_document_date(case, tmp_path):
    report = tmp_path / "leak" / "r.txt"
    report.parent.mkdir()
    report.write_text(
        "شماره: ۴۱/۲۳۱۷\nتاریخ: ۱۳۹۲/۱۲/۲۰\nطبقه‌بندی: سری\nاز: حامد\nبه: اداره ۴۱\n"
        "موضوع: دیدار\n\n۱- روز گذشته با منبع ۲۰۷ در رستوران هتل بابل در بغداد دیدار کردم.\n",
        encoding="utf-8")
    case.settings.stages = ["language", "entities", "events"]
    case.ingest([report.parent], workers=1)
    events = case.events()
    assert events and all(e["date"] for e in events)
    stages = case.status()["stages"]
    assert stages["events"]["versions"] and "failed" not in str(stages["events"])
