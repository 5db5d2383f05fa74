"""OCR accuracy and speed: kashf (language not given) against plain Tesseract (language given).

Run from the repository root::

    .venv/bin/python benchmarks/eval_ocr.py            # all pages of ../shared/data/ocr-pages
    .venv/bin/python benchmarks/eval_ocr.py --quick    # one page per language

Both readers see the same page files in the same run. Plain Tesseract is the
``tesseract`` command with its defaults and the right ``-l fas|ara|eng``;
kashf is :func:`kashf.ocr.ocr_file` told nothing. Both run with one OpenMP
thread.

**CER** (character error rate) = Levenshtein distance / reference length, after
the same normalisation of both texts: Unicode NFKC; format characters (ZWNJ,
ZWJ, bidi marks), combining marks (harakat) and tatweel removed; ي and ى → ی,
ك → ک, ۀ → ه; Persian and Arabic-Indic digits → ASCII digits; every run of
whitespace → one space. The language mean is the mean of page CERs.

**Time** is CPU seconds per page (process time for kashf, child-process time
for the ``tesseract`` command), because wall time on a shared machine measures
the neighbours. kashf's engines are loaded before timing (a worker loads them
once); the command loads its model every page, as it does in use. Wall seconds
are printed too. The speed target compares pages that needed no retry.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / ".." / "shared" / "data")) / "ocr-pages"
MODELS = {"fa": "fas", "ar": "ara", "en": "eng"}
TARGET_CER = {"fa": 0.05, "ar": 0.04, "en": 0.01}
TARGET_TIME_RATIO = 1.5

_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ـ": None})
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def normalize(text: str) -> str:
    """The scoring normalisation described in the module docstring."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Mn"))
    text = text.translate(_FOLD).translate(_DIGITS)
    return re.sub(r"\s+", " ", text).strip()


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate of ``hypothesis`` against ``reference`` after normalisation."""
    from rapidfuzz.distance import Levenshtein

    ref, hyp = normalize(reference), normalize(hypothesis)
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))


@dataclass
class Row:
    page: str
    lang: str
    kashf_cer: float
    kashf_cpu: float
    kashf_wall: float
    chosen: str
    retried: bool
    rereads: int
    tess_cer: float | None = None
    tess_cpu: float | None = None
    tess_wall: float | None = None


def load_pages(folder: Path) -> list[tuple[str, str, Path]]:
    """(page id, language, image path) from ``manifest.tsv``."""
    with open(folder / "manifest.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(r["page"], r["lang"], folder / r["file"]) for r in rows]


def run_kashf(path: Path) -> tuple[str, float, float, str, bool, int]:
    from kashf.ocr import ocr_file

    wall, cpu = time.perf_counter(), time.process_time()
    page = next(ocr_file(path))
    return (page.text, time.process_time() - cpu, time.perf_counter() - wall, page.language,
            page.retried, page.rereads)


def run_tesseract(path: Path, lang: str) -> tuple[str, float, float]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run(["tesseract", str(path), "stdout", "-l", MODELS[lang]], env=env,
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done.stdout, cpu, wall


def evaluate(folder: Path, quick: bool, baseline: bool, only: list[str] | None) -> list[Row]:
    from kashf.ocr import engine

    pages = load_pages(folder)
    if only:
        pages = [p for p in pages if p[0] in only]
    if quick:
        seen: set[str] = set()
        pages = [p for p in pages if not (p[1] in seen or seen.add(p[1]))]
    engine.warm(["eng", "fas", "ara"])
    rows = []
    for page_id, lang, path in pages:
        reference = path.with_suffix(".txt").read_text(encoding="utf-8")
        text, cpu, wall, chosen, retried, rereads = run_kashf(path)
        row = Row(page_id, lang, cer(reference, text), cpu, wall, chosen, retried, rereads)
        if baseline:
            text, row.tess_cpu, row.tess_wall = run_tesseract(path, lang)
            row.tess_cer = cer(reference, text)
        rows.append(row)
        print(_page_line(row), file=sys.stderr, flush=True)
    return rows


def _page_line(row: Row) -> str:
    base = "" if row.tess_cer is None else f" | tesseract cer {row.tess_cer:.4f} cpu {row.tess_cpu:.2f}s"
    return (f"{row.page}: kashf cer {row.kashf_cer:.4f} cpu {row.kashf_cpu:.2f}s "
            f"lang {row.chosen} retried {row.retried} re-read lines/words {row.rereads}{base}")


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def report(rows: list[Row]) -> bool:
    """Print the table; True when every target is met."""
    ok = True
    print(f"{'lang':<5}{'pages':>6}{'kashf CER':>11}{'tess CER':>10}{'target':>8}"
          f"{'kashf s/p':>11}{'tess s/p':>10}{'lang ok':>9}  verdict")
    for lang in ("fa", "ar", "en"):
        group = [r for r in rows if r.lang == lang]
        if not group:
            continue
        k_cer = _mean([r.kashf_cer for r in group])
        has_base = group[0].tess_cer is not None
        t_cer = _mean([r.tess_cer for r in group]) if has_base else float("nan")
        right = sum(1 for r in group if r.chosen.split("+")[0] == MODELS[lang])
        passed = k_cer <= TARGET_CER[lang] and (not has_base or k_cer <= t_cer)
        ok &= passed
        t_cpu = _mean([r.tess_cpu for r in group]) if has_base else float("nan")
        print(f"{lang:<5}{len(group):>6}{k_cer:>11.4f}{t_cer:>10.4f}{TARGET_CER[lang]:>8.2f}"
              f"{_mean([r.kashf_cpu for r in group]):>11.2f}{t_cpu:>10.2f}"
              f"{right:>6}/{len(group):<2}  {'PASS' if passed else 'FAIL'}")
    plain = [r for r in rows if not r.retried]
    retried = [r for r in rows if r.retried]
    print(f"\nretry rate: {len(retried)}/{len(rows)} pages read twice whole; "
          f"{sum(1 for r in rows if r.rereads)}/{len(rows)} pages had dropped lines or words "
          f"re-read ({sum(r.rereads for r in rows)} in all)")
    if rows[0].tess_cpu is not None:
        if plain:
            ratio = sum(r.kashf_cpu for r in plain) / sum(r.tess_cpu for r in plain)
            ok &= ratio <= TARGET_TIME_RATIO
            print(f"pages without retry: kashf {_mean([r.kashf_cpu for r in plain]):.2f} s/page, "
                  f"tesseract {_mean([r.tess_cpu for r in plain]):.2f} s/page (CPU), "
                  f"ratio {ratio:.2f} (target <= {TARGET_TIME_RATIO}) "
                  f"{'PASS' if ratio <= TARGET_TIME_RATIO else 'FAIL'}")
        if retried:
            print(f"retried pages:       kashf {_mean([r.kashf_cpu for r in retried]):.2f} s/page, "
                  f"tesseract {_mean([r.tess_cpu for r in retried]):.2f} s/page (CPU)")
        print(f"wall: kashf {_mean([r.kashf_wall for r in rows]):.2f} s/page, "
              f"tesseract {_mean([r.tess_wall for r in rows]):.2f} s/page")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true", help="one page per language")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain tesseract")
    parser.add_argument("--pages", help="comma-separated page ids, e.g. fa-01,ar-02")
    args = parser.parse_args(argv)
    if not (args.data / "manifest.tsv").is_file():
        print(f"no OCR pages at {args.data}", file=sys.stderr)
        return 2
    baseline = not args.no_baseline and shutil.which("tesseract") is not None
    only = args.pages.split(",") if args.pages else None
    rows = evaluate(args.data, args.quick, baseline, only)
    return 0 if report(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
