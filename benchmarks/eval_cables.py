"""Score the cable parser: accuracy per field, coverage of a real corpus, and speed.

    .venv/bin/python benchmarks/eval_cables.py            # full run (about a minute)
    .venv/bin/python benchmarks/eval_cables.py --quick    # a few seconds

Four tables:

1. Accuracy per field on cablemap's test expectations
   (``../shared/data/cables/cablemap-tests/expectations.json``, BSD): the cases
   whose input is raw cable text or a cable id. Cases that need a cable's full
   text by id are skipped (the corpus does not hold them).
2. Coverage of the 796 cables of ``cablegate-2010.jsonl`` (routing header + body,
   parsed as one text, as the release gives them): the share that get the reference
   id, a date equal to the routing header's DTG, an origin, and the classification of
   the release. A cable id holds the year, so the id is split by whether the text
   holds the year at all: cables published as a "partial extract" mostly lack the
   routing header and with it the DTG (some keep the DTG under the notice, one has
   the release's date line). For those the parser gives no id rather than guess the
   year; they are scored once more with the year given, as the JSONL batch and the
   stage (file name ``02BRASILIA4227.txt``) allow.
3. The few cablemap cases that give only a cable id (whole-cable Classified By and
   signer) whose cable the sample holds, scored on that cable's text.
4. Parse speed on one core, cables per second, beside a floor measured in the
   same run: one pass of a single compiled regex over the same texts.

The data folder is ``../shared/data`` from the repository root, or
``$KASHF_SHARED_DATA``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kashf.cables import normalize_cable_id, parse_cable, parse_references  # noqa: E402
from kashf.cables.fields import (  # noqa: E402
    parse_declassify_on,
    parse_subject,
    parse_summary,
    parse_tags,
)
from kashf.cables.persons import name_case, parse_classified_by, parse_signers  # noqa: E402
from kashf.cables.titles import title_case  # noqa: E402

MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}


def data_dir() -> Path:
    return Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data")).resolve()


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def field_cases(expectations: dict) -> dict[str, list[tuple[Callable[[], Any], Any]]]:
    """Field → [(thunk computing our answer, expected answer)] for the raw-text and id cases."""

    def cases(test: str, key: str = "_TEST_DATA") -> list:
        return expectations.get(test, {}).get(key, {}).get("cases", [])

    table: dict[str, list] = {}
    table["id"] = [((lambda c=c: normalize_cable_id(c[0])), c[1])
                   for c in cases("test_c14n_id_c14n.py")]
    table["references"] = [((lambda c=c: parse_references(c[0], c[1])), c[-1])
                           for c in cases("test_reader_references.py")]
    table["subject"] = [((lambda c=c: parse_subject(c[0], *c[1:-1])), c[-1])
                        for c in cases("test_reader_subject.py")]
    table["tags"] = [((lambda c=c: parse_tags(c[0])), c[1]) for c in cases("test_reader_tags.py")]
    table["declassify_on"] = [((lambda c=c: parse_declassify_on(c[0])), c[1])
                              for c in cases("test_reader_nondisclosure_deadline.py")]
    table["summary"] = [((lambda c=c: parse_summary(c[0])), c[1])
                        for c in cases("test_reader_summary.py")]
    # A fourth item asks for names in name case (cablemap's ``normalize``).
    table["classified_by"] = [((lambda c=c: parse_classified_by(c[2], normalize=len(c) > 3 and c[3])),
                               _as_list(c[1])) for c in cases("test_reader_classified_by.py")]
    table["signers"] = [((lambda c=c: parse_signers(c[1])), _as_list(c[0]))
                        for c in cases("test_reader_signers.py")]
    table["title"] = [((lambda c=c: title_case(c[0])), c[1]) for c in cases("test_utils_titlefy.py")]
    return table


def score_fields(expectations: dict, limit: int | None, show: bool) -> list[tuple[str, int, int]]:
    rows = []
    for field, cases in field_cases(expectations).items():
        cases = cases[:limit] if limit else cases
        right = 0
        for thunk, expected in cases:
            got = thunk()
            if got == expected:
                right += 1
            elif show:
                print(f"  [{field}] expected {expected!r}\n  {'':>{len(field) + 2}} got      {got!r}")
        rows.append((field, right, len(cases)))
    return rows


def routing_dtg(header: str) -> str | None:
    m = re.search(r"\b(\d{2})(\d{2})(\d{2})Z\s*([A-Za-z]{3})\s*(\d{2})\b", header)
    if not m or m.group(4).upper() not in MONTHS:
        return None
    day, hour, minute, month, year = m.groups()
    yy = int(year)
    full = 1900 + yy if yy >= 50 else 2000 + yy
    return f"{full:04d}-{MONTHS[month.upper()]:02d}-{int(day):02d}T{hour}:{minute}Z"


_DAY_LINE = re.compile(r"^\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}",
                       re.MULTILINE)


def _origin_agrees(ours: str | None, theirs: str) -> bool:
    if not ours:
        return False
    if theirs == "Secretary of State":
        return "SECSTATE" in ours or ours.startswith("SECSTATE")
    place = re.sub(r"^(Embassy|Consulate|Mission|REO|US Office|US Mission( to)?|USUN|"
                   r"US Interests Section|Ambassador|US Delegation)\s*", "", theirs, flags=re.I)
    squash = re.sub(r"[^A-Z]", "", place.upper())
    mine = re.sub(r"[^A-Z]", "", ours.upper())
    # "Iran RPO Dubai" (the release's name) and "RPO DUBAI" (the FM line) are one office.
    return len(squash) >= 4 and len(mine) >= 4 and (squash in mine or mine in squash)


def cable_text(row: dict) -> str:
    """What the release gives for one cable: its routing header (or the partial-extract
    notice, which may carry the DTG) above the body."""
    return row["routing_header"] + "\n\n" + row["body"]


def score_corpus(rows: list[dict]) -> tuple[list[tuple[str, int, int]], list[str]]:
    counts = {k: 0 for k in ("parsed", "reference_id", "dated", "dated_id", "undated",
                             "undated_id", "undated_with_year", "dtg_date", "origin",
                             "origin_agrees", "classification")}
    with_dtg = 0
    misses: list[str] = []
    for row in rows:
        header = row["routing_header"]
        cable = parse_cable(cable_text(row))
        record = cable.to_json() if cable else {}
        right_id = record.get("reference_id") == row["reference_id"]
        counts["parsed"] += cable is not None
        counts["reference_id"] += right_id
        dtg = routing_dtg(header)
        # The id's year is in the text only with a DTG or the release's own date line.
        if dtg or _DAY_LINE.search(row["body"][:3000]):
            counts["dated"] += 1
            counts["dated_id"] += right_id
        else:
            counts["undated"] += 1
            counts["undated_id"] += right_id
            again = parse_cable(cable_text(row), year=int(row["created"][:4]))
            counts["undated_with_year"] += bool(again) and again.reference_id == row["reference_id"]
        if dtg:
            with_dtg += 1
            counts["dtg_date"] += record.get("date") == dtg
        counts["origin"] += bool(record.get("origin"))
        counts["origin_agrees"] += _origin_agrees(record.get("origin"), row["origin"])
        level = row["classification"].split("//")[0]
        counts["classification"] += record.get("classification") == level
        if not right_id and (dtg or _DAY_LINE.search(row["body"][:3000])):
            misses.append(f"id {row['reference_id']}: got {record.get('reference_id')}")
        if record.get("classification") != level:
            misses.append(f"classification {row['reference_id']}: got "
                          f"{record.get('classification')}, release says {row['classification']}")
    n = len(rows)
    table = [
        ("recognised as a cable", counts["parsed"], n),
        ("reference id", counts["reference_id"], n),
        ("  text holds the year (DTG or date line)", counts["dated_id"], counts["dated"]),
        ("  no year in the text (partial extracts)", counts["undated_id"], counts["undated"]),
        ("    the same, year given from outside", counts["undated_with_year"], counts["undated"]),
        ("date = routing header DTG", counts["dtg_date"], with_dtg),
        ("origin present", counts["origin"], n),
        ("origin agrees with release", counts["origin_agrees"], n),
        ("classification", counts["classification"], n),
    ]
    return table, misses


DATA_NAME = "cablegate-2010.jsonl"


def score_by_id(expectations: dict, rows: list[dict], show: bool) -> list[tuple[str, int, int]]:
    """cablemap's cases that give only a cable id and need its whole text: scored on the few
    cables the sample holds (names compared in name case, as cablemap's Cable gives them)."""
    texts = {row["reference_id"]: cable_text(row) for row in rows}
    table = []
    for field, test, id_at, expected_at in (("classified_by", "test_reader_classified_by.py", 0, 1),
                                            ("signers", "test_reader_signers.py", 1, 0)):
        cases = [c for c in expectations.get(test, {}).get("_TEST_CABLES", {}).get("cases", [])
                 if c[id_at] in texts]
        right = 0
        for case in cases:
            cable = parse_cable(texts[case[id_at]])
            got = [name_case(n) for n in getattr(cable, field)] if cable else []
            expected = [name_case(n) for n in _as_list(case[expected_at])]
            right += got == expected
            if show and got != expected:
                print(f"  [{field} {case[id_at]}] expected {expected!r} got {got!r}")
        table.append((field, right, len(cases)))
    return table


def measure_speed(texts: list[str], repeat: int) -> list[tuple[str, float]]:
    floor_re = re.compile(r"^(?:FM|TO|INFO|TAGS|SUBJECT|REF|E\.O\.)\b.*$", re.MULTILINE)
    results = []
    for name, work in (("floor: one regex pass", lambda t: sum(1 for _ in floor_re.finditer(t))),
                       ("parse_cable", parse_cable)):
        best = float("inf")
        for _ in range(repeat):
            start = time.process_time()
            for text in texts:
                work(text)
            best = min(best, time.process_time() - start)
        results.append((name, len(texts) / best))
    return results


def _pct(right: int, total: int) -> str:
    return f"{100.0 * right / total:6.1f}%" if total else "     -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a subset, in a few seconds")
    parser.add_argument("--show", action="store_true", help="print each miss")
    args = parser.parse_args(argv)
    data = data_dir() / "cables"
    if not data.is_dir():
        print(f"no data at {data}", file=sys.stderr)
        return 2
    expectations = json.loads((data / "cablemap-tests/expectations.json").read_text("utf-8"))
    rows = [json.loads(line) for line in
            (data / "cablegate-2010.jsonl").read_text("utf-8").splitlines() if line.strip()]
    if args.quick:
        rows = rows[:60]

    print("Field accuracy on cablemap expectations (raw-text and id cases)")
    print(f"{'field':<16}{'right':>7}{'cases':>7}{'accuracy':>10}")
    field_rows = score_fields(expectations, 12 if args.quick else None, args.show)
    right = sum(r for _, r, _ in field_rows)
    total = sum(t for _, _, t in field_rows)
    for field, r, t in field_rows:
        print(f"{field:<16}{r:>7}{t:>7}{_pct(r, t):>10}")
    print(f"{'all fields':<16}{right:>7}{total:>7}{_pct(right, total):>10}")

    print(f"\nCoverage of cablegate-2010.jsonl ({len(rows)} cables)")
    corpus, misses = score_corpus(rows)
    for name, r, t in corpus:
        print(f"{name:<44}{r:>5} / {t:<5}{_pct(r, t):>8}")
    if args.show:
        for miss in misses:
            print("  miss", miss)

    by_id = score_by_id(expectations, rows, args.show)
    print(f"\nBy cable id, where {DATA_NAME} holds the cable (cablemap's whole-cable cases)")
    for field, r, t in by_id:
        print(f"{field:<44}{r:>5} / {t:<5}{_pct(r, t):>8}")

    texts = [cable_text(r) for r in rows]
    speeds = measure_speed(texts, 1 if args.quick else 3)
    print(f"\nSpeed on one core ({len(texts)} cables, mean {sum(map(len, texts)) // len(texts)} "
          "characters)")
    for name, rate in speeds:
        print(f"{name:<28}{rate:>12,.0f} cables/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
