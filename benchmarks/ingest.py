"""Ingest and search speed, beside a floor and a peer measured in the same run.

    .venv/bin/python benchmarks/ingest.py            # the full run (20,000 cable files)
    .venv/bin/python benchmarks/ingest.py --quick    # a few seconds, for the test suite

Prints one table: for each corpus, kashf's end-to-end ingest (detect, extract,
store, index; `--no-process`, and with the language stage) in files/s, MB/s and
peak memory of the whole process tree; the floor (read + SHA-256 of the same
bytes) and a bare Tantivy build of the same text (the two run in turns, three times,
and each side's best counts); born-digital PDF pages/s; and search latency p50/p95 (top 10 with snippets and facets) on the cable case.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT.parent / "shared" / "data"))

#: Turns of peer and kashf on the cables (best of each kept; --quick runs one).
ROUNDS = 3

QUERIES = [
    "tehran", "baghdad nuclear", '"human rights"', "iran*", "minister OR ambassador",
    "oil NOT gas", "tag:PREL", "classification:secret", "lang:en embassy", "sanctions",
    "hezbollah", "damascus", "election", "saudi", '"prime minister"', "kurdish", "refugees",
    "year:2008", "protest*", "military",
]


class PeakMemory:
    """Peak resident memory of a process (this one by default) and its children, every 50 ms.

    Resident memory includes the pages of the index files that Tantivy maps (page cache the
    kernel can drop at will), so it over-states what ingest holds; it is the cautious number.
    """

    def __init__(self, pid: int | None = None):
        self.peak = 0
        self.pid = pid
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            me = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                family = [me, *me.children(recursive=True)]
            except psutil.Error:  # the ingest has just exited: its peak is already taken
                return
            for process in family:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()


def write_cables(folder: Path, count: int) -> tuple[int, list[str]]:
    cables = [json.loads(line) for line in
              (SHARED / "cables" / "cablegate-2010.jsonl").read_text().splitlines() if line.strip()]
    folder.mkdir(parents=True)
    size = 0
    texts = []
    for n in range(count):
        cable = cables[n % len(cables)]
        text = f"{cable.get('routing_header', '')}\n{cable['body']}\n-- copy {n // len(cables)}\n"
        path = folder / f"{n // 1000:03}" / f"{cable['reference_id']}-{n}.txt"
        path.parent.mkdir(exist_ok=True)
        data = text.encode()
        path.write_bytes(data)
        size += len(data)
        texts.append(text)
    return size, texts


def floor_rate(folder: Path) -> tuple[float, int]:
    started = time.perf_counter()
    files = 0
    for path in folder.rglob("*"):
        if path.is_file():
            hashlib.sha256(path.read_bytes()).hexdigest()
            files += 1
    return files / (time.perf_counter() - started), files


def tantivy_rate(texts: list[str]) -> float:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False)
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    schema = builder.build()
    with tempfile.TemporaryDirectory() as folder:
        index = tantivy.Index(schema, path=folder)
        writer = index.writer(heap_size=128 * 1024 * 1024, num_threads=0)
        started = time.perf_counter()
        for n, text in enumerate(texts):
            writer.add_document(tantivy.Document(body=text, id=str(n)))
        writer.commit()
        writer.wait_merging_threads()
        return len(texts) / (time.perf_counter() - started)


# The ingest runs in a fresh interpreter, as `kashf ingest` would: its memory is then the
# ingest's own, not this benchmark's (which holds the peer's copy of the text, and whatever
# earlier rows left in its heap). The child times case.ingest() itself, without start-up.
_CHILD = """
import json, sys, time
from pathlib import Path
from kashf.case import Case
from kashf.config import Settings
folder, source, name, process, stages = sys.argv[1:6]
settings = Settings(name=name)
if stages != "-":
    settings.stages = stages.split(",")
case = Case.create(Path(folder), settings)
started = time.perf_counter()
report = case.ingest([Path(source)], process=process == "1")
seconds = time.perf_counter() - started
case.close()
print(json.dumps({"seconds": seconds, "files_done": report.files_done, "failed": report.failed}))
"""


def kashf_ingest(source: Path, work: Path, name: str, process: bool, stages=None):
    import subprocess
    from types import SimpleNamespace

    from kashf.case import Case

    folder = work / "cases" / name
    command = [sys.executable, "-c", _CHILD, str(folder), str(source), name,
               "1" if process else "0", ",".join(stages) if stages is not None else "-"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    with PeakMemory(child.pid) as memory:
        output, _ = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"the ingest of {source} failed (exit {child.returncode})")
    result = json.loads(output.strip().splitlines()[-1])
    report = SimpleNamespace(files_done=result["files_done"], failed=result["failed"])
    return Case.open(folder), report, result["seconds"], memory.peak


def pdf_pages(case) -> int:
    return sum(row["pages"] for row in case.ls() if row["kind"] == "pdf" and row["status"] == "ok")


def search_latency(case, queries: list[str], rounds: int) -> tuple[float, float]:
    for query in queries:  # warm the page cache and the searcher once
        case.search(query)
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            case.search(query)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def row(table, *cells):
    table.append([str(c) for c in cells])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora, a few seconds")
    parser.add_argument("--cables", type=int, default=20000, help="cable files to write")
    parser.add_argument("--keep", type=Path, help="keep the cable case here (for web_latency.py)")
    args = parser.parse_args()
    count = 300 if args.quick else args.cables
    work = Path(tempfile.mkdtemp(prefix="kashf-bench-"))
    table: list[list[str]] = []
    results = {}
    try:
        # (a) the real messy files
        files = SHARED / "files"
        if args.quick:
            subset = work / "files-subset"
            subset.mkdir()
            for path in sorted(p for p in files.rglob("*") if p.is_file())[:40]:
                shutil.copy(path, subset / f"{len(list(subset.iterdir()))}-{path.name}")
            files = subset
        size = sum(p.stat().st_size for p in files.rglob("*") if p.is_file())
        floor, nfiles = floor_rate(files)
        case, report, seconds, peak = kashf_ingest(files, work, "files", process=False)
        row(table, "messy files", nfiles, f"{nfiles / seconds:,.0f}", f"{size / seconds / 1e6:,.1f}",
            f"{peak / 2**20:,.0f}", f"{floor:,.0f}", "", f"{report.failed} failed")
        pages = pdf_pages(case)
        case.close()
        pdf_folder = work / "pdfs"
        pdf_folder.mkdir()
        for path in sorted((SHARED / "files").rglob("*.pdf")):
            shutil.copy(path, pdf_folder / f"{len(list(pdf_folder.iterdir()))}-{path.name}")
        case, report, seconds, peak = kashf_ingest(pdf_folder, work, "pdfs", process=False)
        pages = pdf_pages(case)
        results["pdf_pages_per_s"] = pages / seconds
        row(table, "PDFs (born-digital + scans)", report.files_done, f"{report.files_done / seconds:,.0f}",
            "", f"{peak / 2**20:,.0f}", "", "", f"{pages / seconds:,.0f} pages/s ({pages} pages)")
        case.close()

        # (b) cable-size text files. On a shared 2-core machine one timing swings by a
        # fifth either way (another process, the disk writing back the last phase), so the
        # peer and kashf run in turns, ROUNDS times each, after a sync; the table keeps each
        # side's best and the note the spread of both.
        cable_folder = work / "cables"
        size, texts = write_cables(cable_folder, count)
        floor, _ = floor_rate(cable_folder)
        peers, rates, peaks = [], [], []
        for turn in range(1 if args.quick else ROUNDS):
            os.sync()
            peers.append(tantivy_rate(texts))
            os.sync()
            name = f"cables-{turn}"
            case, report, seconds, peak = kashf_ingest(cable_folder, work, name, process=False)
            rates.append(count / seconds)
            peaks.append(peak)
            if turn + 1 < (1 if args.quick else ROUNDS):
                # Kept until the end: on an ext4 without a journal, inodes freed in the last
                # minutes are skipped one by one when files are made, and deleting 20,000 blobs
                # here made the next turn spend a quarter of the machine's CPU in that search.
                case.close()
        # The peer's copy of the text is the benchmark's, not kashf's; the peak memory above
        # is the ingest process tree's alone.
        del texts
        peer, rate, peak = max(peers), max(rates), max(peaks)
        results.update(cables_rate=rate, tantivy_rate=peer, peak_mb=peak / 2**20)
        spread = (f"; runs {min(rates):,.0f}–{rate:,.0f} vs {min(peers):,.0f}–{peer:,.0f}"
                  if len(rates) > 1 else "")
        row(table, f"{count:,} cables --no-process", count, f"{rate:,.0f}",
            f"{size * rate / count / 1e6:,.1f}", f"{peak / 2**20:,.0f}", f"{floor:,.0f}", f"{peer:,.0f}",
            f"{rate / peer:.0%} of Tantivy (target ≥ 40%){spread}")
        p50, p95 = search_latency(case, QUERIES[: 5 if args.quick else 20], 1 if args.quick else 5)
        results.update(search_p50_ms=p50, search_p95_ms=p95)
        if args.keep:
            case.close()
            if args.keep.exists():
                shutil.rmtree(args.keep)
            shutil.copytree(work / "cases" / name, args.keep)
        else:
            case.close()
        lang_folder = work / "cables-lang"
        shutil.copytree(cable_folder, lang_folder)
        case, report, seconds, peak = kashf_ingest(lang_folder, work, "cables-lang", process=True,
                                                   stages=["language"])
        row(table, f"{count:,} cables + language stage", count, f"{count / seconds:,.0f}",
            f"{size / seconds / 1e6:,.1f}", f"{peak / 2**20:,.0f}", "", "", "")
        case.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    headers = ["corpus", "files", "files/s", "MB/s", "peak MiB", "floor files/s (read+sha256, 1 core)",
               "Tantivy-only docs/s", "note"]
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(headers)]
    print(f"kashf ingest benchmark on {os.cpu_count()} cores" + (" (--quick)" if args.quick else ""))
    print(" | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for line in table:
        print(" | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))
    print()
    print(f"search on the {count:,}-file cable case, top 10 with snippets and facets: "
          f"p50 {results['search_p50_ms']:.1f} ms, p95 {results['search_p95_ms']:.1f} ms "
          f"(targets 10 / 50 ms)")
    print(f"born-digital PDF: {results['pdf_pages_per_s']:,.0f} pages/s (target ≥ 300)")
    print(f"peak memory of the cable ingest: {results['peak_mb']:,.0f} MiB (target < 1024)")


if __name__ == "__main__":
    main()
