"""Duplicates, nested archives, zip bombs, crashes: recorded, bounded, never fatal."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pytest

from kashf.execute import LocalExecutor, WorkerLost


def test_a_file_seen_twice_is_stored_once_with_every_path(case, tmp_path):
    leak = tmp_path / "leak"
    (leak / "a").mkdir(parents=True)
    (leak / "b").mkdir()
    (leak / "a" / "memo.txt").write_text("the same memo")
    (leak / "b" / "copy of memo.txt").write_text("the same memo")
    report = case.ingest([leak], workers=1, process=False)
    assert (report.files_given, report.documents) == (2, 1)  # the summary counts it once too
    rows = list(case.ls())
    assert len(rows) == 1
    assert sorted(rows[0]["paths"]) == ["leak/a/memo.txt", "leak/b/copy of memo.txt"]
    assert case.status()["files_seen"] == 2


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_nested_archives_become_child_documents_with_their_paths(case, tmp_path):
    inner = _zip({"docs/report.txt": "گزارش درون بایگانی تو در تو".encode()})
    tar_buffer = io.BytesIO()
    with tarfile.open(fileobj=tar_buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo("inner.zip")
        info.size = len(inner)
        tar.addfile(info, io.BytesIO(inner))
    outer = _zip({"bundle.tar.gz": tar_buffer.getvalue(), "note.txt": b"cover note"})
    leak = tmp_path / "leak"
    leak.mkdir()
    (leak / "leak.zip").write_bytes(outer)
    case.ingest([leak], workers=1, process=False)
    paths = {row["path"]: row for row in case.ls()}
    deepest = "leak/leak.zip!/bundle.tar.gz!/inner.zip!/docs/report.txt"
    assert deepest in paths, sorted(paths)
    assert paths[deepest]["status"] == "ok"
    assert "leak/leak.zip!/note.txt" in paths
    shown = case.show(paths[deepest]["id"][:10])
    assert [p["path"] for p in shown["parents"]] == [
        "leak/leak.zip!/bundle.tar.gz!/inner.zip",
        "leak/leak.zip!/bundle.tar.gz",
        "leak/leak.zip",
    ]
    assert case.search("تو در تو")["hits"][0]["path"] == deepest
    assert case.status()["files_seen"] == 1


def test_a_zip_bomb_is_recorded_and_the_batch_goes_on(case, tmp_path):
    leak = tmp_path / "leak"
    leak.mkdir()
    case.settings.max_member_mb = 4
    case.settings.max_expanded_mb = 8
    bomb = _zip({f"zeros{n}.bin": b"\0" * (10 * 1024 * 1024) for n in range(3)})
    assert len(bomb) < 1024 * 1024
    (leak / "bomb.zip").write_bytes(bomb)
    (leak / "fine.txt").write_text("an ordinary file next to the bomb")
    case.ingest([leak], workers=1, process=False)
    status = case.status()
    assert status["files_seen"] == 2
    reasons = [f["reason"] for f in status["failures"]]
    assert any("limit" in r for r in reasons), reasons
    assert case.search("ordinary")["total"] == 1


def _crash_on_three(task: int) -> int:
    if task == 3:
        import os

        os._exit(139)  # what a segfaulting parser looks like from outside
    return task * 10


def test_a_worker_that_dies_fails_only_its_own_task():
    executor = LocalExecutor(2)
    try:
        results = dict(executor.map_unordered(_crash_on_three, range(8)))
    finally:
        executor.close()
    assert isinstance(results.pop(3), WorkerLost)
    assert results == {n: n * 10 for n in range(8) if n != 3}


def test_a_case_never_ingests_itself(tmp_path):
    from kashf.case import Case
    from kashf.exc import IngestError

    leak = tmp_path / "leak"
    (leak / "docs").mkdir(parents=True)
    (leak / "docs" / "memo.txt").write_text("a memo about Baghdad", encoding="utf-8")
    case = Case.create(leak / "mycase")  # the analyst made the case inside the leak folder
    try:
        report = case.ingest([leak], process=False)
        assert report.files_given == 1
        assert [d["path"] for d in case.ls()] == ["leak/docs/memo.txt"]
        with pytest.raises(IngestError, match="case folder"):
            case.ingest([leak / "mycase"], process=False)
    finally:
        case.close()
