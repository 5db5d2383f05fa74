"""Fixtures for the workbench tests: a real case with hostile files, a client, a live server.

The case is built once per session (ingest is the slow part) from files we write
here — Persian, Arabic and English text, an HTML page, an e-mail, a Word file and a
PDF carrying script payloads — plus real third-party files read from
``../shared/data`` (never copied into the repository).
"""

from __future__ import annotations

import email.message
import os
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))  # fake_case, helpers

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data")).resolve()
TOKEN = "test-token-" + "x" * 20

# Each payload flips window.__pwned (and opens a dialog) if it ever runs.
SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
ONERROR = '<img src=x onerror="window.__pwned=1;alert(1)">'
JSURL = "javascript:window.__pwned=1;alert(1)"
PAYLOADS = (SCRIPT, ONERROR, JSURL)


def shared_data() -> Path:
    """The shared data folder, or a skip (a failure on CI, where it must be present)."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared test data missing at {SHARED} (required on CI)")
        pytest.skip(f"shared test data not found at {SHARED}")
    return SHARED


def _minimal_pdf(title: str, author: str, lines: list[str]) -> bytes:
    """A small valid PDF with metadata of our choosing (hostile, here) and one page of text."""

    def literal(text: str) -> str:
        return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"

    content = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"{literal(t)} '" for t in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title {literal(title)} /Author {literal(author)} /Producer (kashf tests) >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


def write_corpus(folder: Path) -> Path:
    """Our own small leak: ordinary reports in three languages and files built to attack."""
    folder.mkdir(parents=True, exist_ok=True)
    ours = folder / "field"
    ours.mkdir()
    (ours / "gozaresh-fa.txt").write_text(
        "گزارش جلسه با منبع در بغداد\n\n"
        "مأمور با دو تاکسی به محل ملاقات رفت و در نمایشگاه عکس در کربلا با منبع دیدار کرد. "
        "منبع به کارکنان فرودگاه بغداد دسترسی دارد.\n",
        encoding="utf-8",
    )
    (ours / "taqrir-ar.txt").write_text(
        "تقرير عن لقاء في بغداد\n\nالتقى الضابط بالمصدر في مركز تجاري في بغداد.\n", encoding="utf-8"
    )
    (ours / "meeting-en.txt").write_text(
        "Meeting report\n\nThe officer met the source near Baghdad airport on 12 October 2014. "
        "The source works with the airport staff.\n",
        encoding="utf-8",
    )
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / "page.html").write_text(
        "<html><head><title>Baghdad station " + SCRIPT + "</title>"
        '<meta name="author" content="' + ONERROR.replace('"', "&quot;") + '"></head><body>'
        "<p>Baghdad body payloads: " + SCRIPT + ONERROR
        + f'<a href="{JSURL}">click me</a> <iframe src="{JSURL}"></iframe></p>'
        "<p>Plain text that says &lt;script&gt;window.__pwned=1&lt;/script&gt; as words.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    (hostile / f"Baghdad {ONERROR.replace('/', '_')}.txt").write_text(
        "Baghdad: this file's name is the payload.\n", encoding="utf-8"
    )
    (hostile / "javascript:window.__pwned=1.txt").write_text("Baghdad javascript name\n")
    (hostile / "snippet.txt").write_text(
        f"Baghdad {SCRIPT} Baghdad {ONERROR} Baghdad {JSURL} Baghdad\n", encoding="utf-8"
    )
    message = email.message.EmailMessage()
    message["Subject"] = "Baghdad " + SCRIPT
    message["From"] = f'"{ONERROR}" <source@example.org>'
    message["To"] = "officer@example.org"
    message["Date"] = "Sun, 12 Oct 2014 10:00:00 +0000"
    message.set_content("Baghdad: the meeting moved to the mall. " + SCRIPT)
    (hostile / "mail.eml").write_bytes(bytes(message))
    (hostile / "meta.pdf").write_bytes(
        _minimal_pdf("Baghdad " + SCRIPT, ONERROR, ["Baghdad PDF with hostile metadata", SCRIPT])
    )
    try:
        import docx

        document = docx.Document()
        document.add_paragraph("Baghdad Word file with hostile properties " + SCRIPT)
        document.core_properties.title = "Baghdad " + SCRIPT
        document.core_properties.author = ONERROR
        document.save(str(hostile / "props.docx"))
    except ImportError:  # python-docx is in the base set-up; without it the PDF covers metadata
        pass
    return folder


def add_shared_files(folder: Path) -> None:
    """Real files from ../shared/data: a multi-page PDF, an Arabic PDF and a few cables."""
    data = shared_data()
    real = folder / "real"
    real.mkdir()
    for name in ("004-pdflatex-4-pages/pdflatex-4-pages.pdf", "015-arabic/habibi.pdf"):
        source = data / "files" / "pypdf" / name
        (real / source.name).write_bytes(source.read_bytes())
    import json

    with (data / "cables" / "cablegate-2010.jsonl").open(encoding="utf-8") as lines:
        cables = [json.loads(line) for line in lines]
    chosen = [c for c in cables if "TEHRAN" in c["reference_id"] or "BAGHDAD" in c["reference_id"]]
    for cable in chosen[:6]:
        (real / f"{cable['reference_id']}.txt").write_text(
            cable["routing_header"] + "\n" + cable["body"], encoding="utf-8"
        )


def add_example_files(folder: Path) -> None:
    """Part of the project's own fictional example case: Persian reports and English cables."""
    example = ROOT / "examples" / "case"
    target = folder / "example"
    for sub, pattern in (("reports", "*.txt"), ("cables", "*.txt"), ("mail", "*.eml")):
        for source in sorted((example / sub).glob(pattern)):
            (target / sub).mkdir(parents=True, exist_ok=True)
            (target / sub / source.name).write_bytes(source.read_bytes())


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    folder = write_corpus(tmp_path_factory.mktemp("leak") / "leak")
    add_shared_files(folder)
    add_example_files(folder)
    return folder


@pytest.fixture(scope="session")
def real_case(tmp_path_factory, corpus):
    from kashf.case import Case

    case = Case.create(tmp_path_factory.mktemp("case") / "case")
    case.ingest([corpus], workers=1)
    yield case
    case.close()


@pytest.fixture(scope="session")
def web_app(real_case):
    from kashf.web.app import create_app

    return create_app(real_case, TOKEN, ["127.0.0.1", "localhost"])


@pytest.fixture()
def client(web_app):
    """A client signed in the way a browser is: one visit with the token, then the cookie."""
    test_client = TestClient(web_app, base_url="http://127.0.0.1:8000", follow_redirects=False)
    assert test_client.get(f"/?token={TOKEN}").status_code == 303
    return test_client


@pytest.fixture(scope="session")
def live_server(web_app):
    """The app under real uvicorn on 127.0.0.1 at a random port, in a thread."""
    from browser import serve_in_thread

    with serve_in_thread(web_app) as origin:
        yield origin
