"""Screenshots of the workbench's main pages, for docs/ and the README.

    .venv/bin/python tests/web/screenshots.py                # builds the example case in a temp dir
    .venv/bin/python tests/web/screenshots.py --case mycase  # or shoots an existing case

Runs the real app under uvicorn on 127.0.0.1 and Debian's headless Chromium, with
every request to anything but that server blocked (and reported, which would be a bug).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from browser import chromium, serve_in_thread, sign_in, watched_page  # noqa: E402

TOKEN = "screenshot-" + "t" * 24


def pages_to_shoot(case) -> list[tuple[str, str]]:
    """(name, path) for each main page, picking a telling document and entity from the case."""
    shots = [
        ("search-fa", "/search?" + urlencode({"q": "دیدار منبع"})),
        ("search-en", "/search?" + urlencode({"q": "Karbala"})),
    ]
    documents = [d for d in case.ls() if d["status"] == "ok"]
    reports = [d for d in documents if "/reports/" in d["path"]] or documents
    best = max(reports[:40], key=lambda d: len(case.show(d["id"])["mentions"]), default=None)
    if best:
        shots.append(("document", f"/documents/{best['id']}"))
    people = [e for e in case.entities() if e.get("type") == "PER"]
    if people:
        top = max(people, key=lambda e: e.get("mentions") or 0)
        shots.append(("entity", f"/entities/{quote(top['id'], safe='')}"))
    shots += [("network", "/network"), ("timeline", "/timeline"), ("map", "/map"),
              ("events", "/events")]
    return shots


def shoot(case, out: Path) -> list[Path]:
    from kashf.web.app import create_app

    out.mkdir(parents=True, exist_ok=True)
    app = create_app(case, TOKEN, ["127.0.0.1"])
    saved = []
    with serve_in_thread(app) as origin, chromium() as browser:
        with watched_page(browser, origin, width=1360, height=860) as (page, watch):
            sign_in(page, origin, TOKEN)
            for name, path in pages_to_shoot(case):
                page.goto(origin + path)
                page.wait_for_load_state("load")
                if name == "network" and page.locator("#graph").count():
                    page.wait_for_selector("#graph[data-ready='1']", timeout=20_000)
                    page.wait_for_timeout(500)
                target = out / f"{name}.png"
                page.screenshot(path=str(target))
                saved.append(target)
            if watch.blocked or watch.dialogs or watch.csp:
                raise SystemExit(f"the pages misbehaved: {watch}")
    return saved


def build_example_case(folder: Path):
    from kashf.case import Case

    case = Case.create(folder / "case")
    case.ingest([ROOT / "examples" / "case"], workers=2)
    return case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", type=Path, help="an existing case (default: build the example)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    from kashf.case import Case

    with tempfile.TemporaryDirectory() as scratch:
        case = Case.open(args.case) if args.case else build_example_case(Path(scratch))
        try:
            for path in shoot(case, args.out):
                print(path)
        finally:
            case.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
