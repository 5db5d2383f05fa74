"""The held-out split of NTREX-128 used to evaluate the Persian and English taggers.

Whole documents are held out (every fifth document in DOCUMENT_IDS.tsv order),
so no sentence of an evaluation document was seen in training.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data"))


def document_of_lines() -> list[str]:
    ids = (SHARED / "parallel/ntrex128/DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in ids]


def heldout_lines() -> set[int]:
    """Line numbers (0-based) of the NTREX sentences kept for evaluation."""
    docs = document_of_lines()
    order = list(dict.fromkeys(docs))
    held = {doc for n, doc in enumerate(order) if n % 5 == 4}
    return {i for i, doc in enumerate(docs) if doc in held}
