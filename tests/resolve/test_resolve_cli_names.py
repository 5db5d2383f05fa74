"""`kashf names match`: JSONL in, JSONL out, in order, errors per line, against a real case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kashf.cli.names import app

runner = CliRunner()


def run(lines: list[str], *args: str) -> tuple[int, list[dict]]:
    result = runner.invoke(app, ["match", *args], input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, out


def test_match_with_candidates_best_first_in_order() -> None:
    lines = [
        json.dumps({"id": "a", "name": "سلیمانی", "candidates": ["Larijani", "Soleimani", "Salami"]}),
        json.dumps({"id": "b", "name": "Abu Mahdi al-Muhandis", "candidates": ["ابومهدی المهندس", "قاسم"]}),
    ]
    code, out = run(lines, "--top", "2")
    assert code == 0
    assert [o["id"] for o in out] == ["a", "b"]
    assert out[0]["matches"][0]["candidate"] == "Soleimani"
    assert len(out[0]["matches"]) == 2
    scores = [m["score"] for m in out[0]["matches"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert out[1]["matches"][0]["candidate"] == "ابومهدی المهندس"


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("not json", "Expecting value"),
        (json.dumps({"id": 7}), '"name"'),
        (json.dumps({"id": 8, "name": "x", "candidates": "Soleimani"}), "list of strings"),
        (json.dumps({"id": 9, "name": "x"}), "--case"),
        (json.dumps([1, 2]), '"name"'),
    ],
)
def test_bad_lines_give_an_error_line_and_the_batch_goes_on(line: str, error: str) -> None:
    good = json.dumps({"id": "ok", "name": "Soleimani", "candidates": ["Soleimani"]})
    code, out = run([line, good])
    assert code == 0
    assert error in out[0]["error"]
    assert out[1]["matches"][0]["score"] == 1.0


def test_min_score_drops_weak_matches() -> None:
    line = json.dumps({"id": 1, "name": "Soleimani", "candidates": ["Soleimani", "Mohammadi"]})
    _, out = run([line], "--min-score", "0.9")
    assert [m["candidate"] for m in out[0]["matches"]] == ["Soleimani"]


def test_match_against_a_case(tmp_path: Path) -> None:
    from kashf.case import Case
    from kashf.store import findings

    case = Case.create(tmp_path / "case")
    findings.replace_entities(
        case.store,
        [
            {"id": "per-1", "type": "PER", "name": "Qasem Soleimani",
             "aliases": ["Qasem Soleimani", "قاسم سلیمانی"], "score": 1.0, "mention_ids": []},
            {"id": "per-2", "type": "PER", "name": "Ali Larijani",
             "aliases": ["Ali Larijani", "علی لاریجانی"], "score": 1.0, "mention_ids": []},
        ],
    )
    case.close()
    line = json.dumps({"id": "q", "name": "قاسم سليماني"})
    code, out = run([line], "--case", str(tmp_path / "case"), "--top", "1")
    assert code == 0, out
    (match,) = out[0]["matches"]
    assert match["entity_id"] == "per-1" and match["score"] > 0.9


def test_missing_case_is_a_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["match", "--case", str(tmp_path / "nope")], input=json.dumps({"name": "x"}) + "\n"
    )
    assert result.exit_code == 1
    assert "not a case folder" in result.output


def test_blank_lines_get_an_error_line_so_lines_stay_aligned() -> None:
    good = json.dumps({"id": "ok", "name": "Soleimani", "candidates": ["Soleimani"]})
    code, out = run([good, "", "   ", good])
    assert code == 0
    assert out[1:3] == [{"id": None, "error": "empty line"}] * 2
    assert [o["id"] for o in out] == ["ok", None, None, "ok"]


def _case_with_a_date_and_a_person(tmp_path: Path) -> Path:
    from kashf.case import Case
    from kashf.store import findings

    case = Case.create(tmp_path / "case")
    findings.replace_entities(
        case.store,
        [
            {"id": "per-1", "type": "PER", "name": "Qasem Soleimani",
             "aliases": ["Qasem Soleimani"], "score": 1.0, "mention_ids": []},
            {"id": "org-1", "type": "ORG", "name": "Quds Force",
             "aliases": ["Quds Force"], "score": 1.0, "mention_ids": []},
            {"id": "date-1", "type": "DATE", "name": "Qasem 1400",
             "aliases": ["Qasem 1400"], "score": 1.0, "mention_ids": []},
        ],
    )
    case.close()
    return tmp_path / "case"


def test_case_candidates_are_names_by_default(tmp_path: Path) -> None:
    root = _case_with_a_date_and_a_person(tmp_path)
    line = json.dumps({"id": "q", "name": "Qasem"})
    code, out = run([line], "--case", str(root), "--top", "5")
    assert code == 0, out
    assert {m["type"] for m in out[0]["matches"]} <= {"PER", "ORG", "LOC"}
    assert "date-1" not in {m["entity_id"] for m in out[0]["matches"]}
    assert out[0]["matches"][0]["entity_id"] == "per-1"


def test_type_chooses_the_candidate_types(tmp_path: Path) -> None:
    root = _case_with_a_date_and_a_person(tmp_path)
    line = json.dumps({"id": "q", "name": "Qasem"})
    _, out = run([line], "--case", str(root), "--type", "DATE")
    assert [m["entity_id"] for m in out[0]["matches"]] == ["date-1"]
    _, out = run([line], "--case", str(root), "--type", "per", "--type", "ORG", "--top", "5")
    assert {m["entity_id"] for m in out[0]["matches"]} <= {"per-1", "org-1"}
    result = runner.invoke(app, ["match", "--case", str(root), "--type", "BOGUS"], input=line)
    assert result.exit_code == 2 and "BOGUS" in result.output and "PER" in result.output
