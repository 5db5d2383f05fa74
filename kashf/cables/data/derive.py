"""Rebuild the compact station tables in this folder from cablemap's BSD reference tables.

Run once by hand (not at run time):
    python kashf/cables/data/derive.py ../shared/data/cables/cablemap-tests/reference_tables

Writes ``stations.tsv`` (station code as it appears in cable ids, number of cables, the
years in which every serial of the station stayed below 10,000)
and ``routes.tsv`` (routing indicator → station name). Station codes seen only a few
times and one or two edits away from a far more common code are typing errors in the
original ids (``BRASIIA``) and are left out, so that the id normaliser corrects them.
"""

from __future__ import annotations

import collections
import csv
import gzip
import re
import sys
from pathlib import Path

from rapidfuzz.distance import OSA

HERE = Path(__file__).resolve().parent
# Prefixes glued onto station codes by the 2010 release's own id errors.
JUNK_PREFIXES = ("EFTO", "NOFORN", "SIFIED", "AMEMBASSY")


def derive(tables: Path) -> None:
    counts: collections.Counter[str] = collections.Counter()
    largest: dict[tuple[str, str], int] = {}
    with gzip.open(tables / "cable2month.csv.gz", "rt") as handle:
        for line in handle:
            m = re.fullmatch(r"(\d{2})([A-Z]+?)(\d+)", line.split(",")[0].strip())
            if m:
                counts[m.group(2)] += 1
                key = (m.group(2), m.group(1))
                largest[key] = max(largest.get(key, 0), int(m.group(3)))
    keep = {}
    for code, n in counts.items():
        if code.startswith(JUNK_PREFIXES):
            continue
        if n <= 3 and any(m >= 20 * n and OSA.distance(code, other) <= 2
                          for other, m in counts.items() if other != code):
            continue
        keep[code] = n
    with (HERE / "stations.tsv").open("w") as out:
        # The routing line's serial (DE RUEHFR #2725) has four digits: it is the whole
        # serial only in a year the station never passed 9,999.
        out.write("# station\tcables\tyears with serials below 10,000"
                  "  (derived from cablemap cable2month.csv, BSD)\n")
        for code, n in sorted(keep.items(), key=lambda kv: (-kv[1], kv[0])):
            short = sorted((year for (station, year), top in largest.items()
                            if station == code and top < 10000), key=_century_order)
            out.write(f"{code}\t{n}\t{','.join(short)}\n")
    with (tables / "route2name.csv").open(newline="") as handle, \
            (HERE / "routes.tsv").open("w") as out:
        out.write("# routing indicator\tname  (cablemap route2name.csv, BSD)\n")
        for row in csv.reader(handle):
            if len(row) >= 2 and row[0].strip() and row[1].strip():
                out.write(f"{row[0].strip()}\t{' '.join(row[1].split())}\n")


def _century_order(yy: str) -> int:
    return int(yy) + (1900 if int(yy) >= 50 else 2000)


if __name__ == "__main__":
    derive(Path(sys.argv[1]))
