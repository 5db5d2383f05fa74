"""Archives: members as children, nesting, and every limit that stops a bomb, made in the test."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import shutil
import struct
import tarfile
import time
import tracemalloc
import zipfile
import zlib

import pytest

from kashf.ingest.extract import extract
from kashf.ingest.model import Extraction, Limits

MB = 1024 * 1024


def zeros_deflate(megabytes: int) -> bytes:
    """A raw deflate stream of ``megabytes`` MiB of zeros, built in milliseconds.

    After a full flush the compressor starts afresh, so one compressed MiB can be repeated.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * megabytes + compressor.flush(zlib.Z_FINISH)


def raw_zip(entries: list[tuple[str, bytes, int, int, int, int]]) -> bytes:
    """A ZIP from (name, data, method, crc, declared size, flags): lets a test lie in headers."""
    out, central = io.BytesIO(), []
    for name, data, method, crc, size, flags in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                flags,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
            )
        )
        out.write(encoded + data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                flags,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0
        )
    )
    return out.getvalue()


def run(
    tmp_path, name: str, data: bytes, limits: Limits | None = None, depth: int = 0
) -> Extraction:
    path = tmp_path / name.replace("/", "_")
    path.write_bytes(data)
    return extract(str(path), name, limits or Limits(), depth)


def walk(tmp_path, name: str, data: bytes, depth: int = 0) -> list[str]:
    """Every path in a nested archive as the coordinator names them (``a.zip!/b``)."""
    result = run(tmp_path, name, data, depth=depth)
    paths = []
    for child in result.children:
        path = f"{name}!/{child.name}"
        paths.append(path)
        if child.data is not None:
            inner = walk(tmp_path, child.name.rsplit("/", 1)[-1], child.data, depth + 1)
            paths += [
                f"{name}!/{child.name}{p[len(child.name.rsplit('/', 1)[-1]) :]}" for p in inner
            ]
    return paths


def plain_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_honest_zip_bomb_is_refused_from_its_header(tmp_path):
    bomb = raw_zip([("zeros.bin", zeros_deflate(1024), 8, 0, 1024 * MB, 0)])
    started = time.perf_counter()
    result = run(tmp_path, "bomb.zip", bomb)  # default limits: 512 MiB a member
    assert time.perf_counter() - started < 1
    assert result.error is None
    assert [(c.name, c.data, c.error) for c in result.children] == [
        ("zeros.bin", None, "ZIP member exceeds the size limit")
    ]


def test_lying_zip_bomb_stops_at_its_declared_size(tmp_path):
    # zipfile never reads past the declared size, so the lie surfaces as a bad CRC at once.
    bomb = raw_zip([("small.txt", zeros_deflate(1024), 8, 0, 1000, 0)])
    started = time.perf_counter()
    result = run(tmp_path, "bomb.zip", bomb)
    assert time.perf_counter() - started < 1
    assert [(c.name, c.error) for c in result.children] == [
        ("small.txt", "corrupt ZIP member: bad CRC")
    ]


def test_streamed_bomb_is_stopped_by_counting_within_the_limit(tmp_path):
    # A gzip stream declares no size at all: only the byte counter stands between it and RAM.
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    bomb = header + zeros_deflate(1024) + struct.pack("<II", 0, 0)  # 1 GiB of zeros in 1 MB
    limits = Limits(max_member_bytes=16 * MB)
    tracemalloc.start()
    started = time.perf_counter()
    result = run(tmp_path, "zeros.gz", bomb, limits)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 3
    assert peak < 3 * 16 * MB  # never much more than the limit held at once
    assert [(c.name, c.error) for c in result.children] == [
        ("zeros", "GZIP member exceeds the size limit")
    ]


def test_many_members_together_stop_at_the_archive_limit(tmp_path):
    crc = zlib.crc32(bytes(8 * MB))
    bomb = raw_zip([(f"z{i}.bin", zeros_deflate(8), 8, crc, 8 * MB, 0) for i in range(20)])
    limits = Limits(max_member_bytes=10 * MB, max_expanded_bytes=30 * MB)
    result = run(tmp_path, "bombs.zip", bomb, limits)
    assert result.error == "archive expands beyond the size limit"
    assert len(result.children) == 3  # the members read before the limit are kept


def test_nested_zip_bombs_stay_small_at_each_level(tmp_path):
    inner = raw_zip([("zeros.bin", zeros_deflate(256), 8, 0, 256 * MB, 0)])
    outer = plain_zip({f"b{i}.zip": inner for i in range(10)})
    limits = Limits(max_member_bytes=64 * MB)
    result = run(tmp_path, "nested.zip", outer, limits)
    assert result.error is None and len(result.children) == 10
    child = result.children[0]
    inner_result = run(tmp_path, child.name, child.data, limits, depth=1)
    assert inner_result.children[0].error == "ZIP member exceeds the size limit"


def test_member_count_limit(tmp_path):
    archive = plain_zip({f"f{i}.txt": b"x" for i in range(30)})
    result = run(tmp_path, "many.zip", archive, Limits(max_members=10))
    assert result.error == "archive has more than 10 members (the limit)"
    assert len(result.children) == 10


def test_nesting_depth_limit(tmp_path):
    archive = plain_zip({"a.txt": b"x"})
    assert run(tmp_path, "a.zip", archive, Limits(max_depth=3), depth=2).error is None
    assert run(tmp_path, "a.zip", archive, Limits(max_depth=3), depth=3).error == (
        "archive nested too deeply (more than 3 levels)"
    )


def test_zip_in_tar_gz_in_zip_gives_every_name(tmp_path):
    inner = plain_zip({"docs/a.txt": b"hello", "../../etc/passwd": b"not written anywhere"})
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("sub/inner.zip")
        info.size = len(inner)
        archive.addfile(info, io.BytesIO(inner))
    outer = plain_zip({"leak/mid.tar.gz": buffer.getvalue()})
    assert walk(tmp_path, "outer.zip", outer) == [
        "outer.zip!/leak/mid.tar.gz",
        "outer.zip!/leak/mid.tar.gz!/sub/inner.zip",
        "outer.zip!/leak/mid.tar.gz!/sub/inner.zip!/docs/a.txt",
        "outer.zip!/leak/mid.tar.gz!/sub/inner.zip!/../../etc/passwd",
    ]
    assert not (tmp_path.parent / "etc").exists()


def test_encrypted_zip_member_is_a_child_error(tmp_path):
    archive = raw_zip(
        [
            ("secret.txt", b"\x00" * 24, 0, 0, 12, 0x1),
            ("open.txt", b"visible", 0, zlib.crc32(b"visible"), 7, 0),
        ]
    )
    result = run(tmp_path, "mixed.zip", archive)
    assert [(c.name, c.data, c.error) for c in result.children] == [
        ("secret.txt", None, "encrypted ZIP member: a password is required"),
        ("open.txt", b"visible", None),
    ]


def test_bad_crc_is_a_child_error_and_the_rest_goes_on(tmp_path):
    archive = raw_zip(
        [
            ("docs/a.txt", b"damaged", 0, 12345, 7, 0),
            ("docs/b.txt", b"fine", 0, zlib.crc32(b"fine"), 4, 0),
        ]
    )
    result = run(tmp_path, "crc.zip", archive)
    assert [(c.name, c.error) for c in result.children] == [
        ("docs/a.txt", "corrupt ZIP member: bad CRC"),
        ("docs/b.txt", None),
    ]


def test_member_metadata_is_kept(tmp_path):
    result = run(tmp_path, "m.zip", plain_zip({"a.txt": b"abc"}))
    assert result.children[0].metadata["size"] == 3
    assert result.children[0].metadata["modified"].startswith(("19", "20"))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("cut.zip", plain_zip({"a.txt": b"x" * 1000})[:60], "corrupt ZIP archive"),
        ("cut.tar.gz", gzip.compress(b"x" * 5000)[:30], "corrupt GZIP file"),
        ("fake.rar", b"Rar!\x1a\x07\x00" + b"junk" * 30, "corrupt RAR archive"),
        ("fake.7z", b"7z\xbc\xaf\x27\x1c" + b"junk" * 10, "corrupt 7z archive"),
        ("fake.bz2", b"BZh9" + b"junk" * 10, "corrupt BZIP2 file"),
    ],
)
def test_corrupt_archives_fail_with_one_line(tmp_path, name, data, reason):
    result = run(tmp_path, name, data)
    assert result.kind == "archive"
    assert result.error.startswith(reason) and "\n" not in result.error


@pytest.mark.parametrize(
    ("name", "compress", "inner"),
    [
        ("note.txt.gz", gzip.compress, "note.txt"),
        ("note.txt.bz2", bz2.compress, "note.txt"),
        ("note.txt.xz", lzma.compress, "note.txt"),
        ("blob", gzip.compress, "blob.out"),
    ],
)
def test_single_compressed_files(tmp_path, name, compress, inner):
    result = run(tmp_path, name, compress(b"the cable text"))
    assert [(c.name, c.data) for c in result.children] == [(inner, b"the cable text")]


def test_compressed_single_file_bomb_is_stopped(tmp_path):
    result = run(
        tmp_path, "z.gz", gzip.compress(bytes(64 * MB), 1), Limits(max_member_bytes=8 * MB)
    )
    assert [c.error for c in result.children] == ["GZIP member exceeds the size limit"]


def test_tar_links_are_not_followed(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo("real.txt")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"real"))
        link = tarfile.TarInfo("link")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    result = run(tmp_path, "l.tar", buffer.getvalue())
    assert [c.name for c in result.children] == ["real.txt"]
    assert result.metadata["links_skipped"] == 1


def test_7z_members_and_passwords(tmp_path):
    py7zr = pytest.importorskip("py7zr")
    for name, kwargs in (
        ("plain.7z", {}),
        ("locked.7z", {"password": "pw"}),
        ("hidden.7z", {"password": "pw", "header_encryption": True}),
    ):
        with py7zr.SevenZipFile(tmp_path / name, "w", **kwargs) as archive:
            archive.writestr(b"seven", "x/s.txt")
    plain = extract(str(tmp_path / "plain.7z"), "plain.7z", Limits())
    assert [(c.name, c.data) for c in plain.children] == [("x/s.txt", b"seven")]
    locked = extract(str(tmp_path / "locked.7z"), "locked.7z", Limits())
    assert [(c.name, c.error) for c in locked.children] == [
        ("x/s.txt", "encrypted 7z member: a password is required")
    ]
    hidden = extract(str(tmp_path / "hidden.7z"), "hidden.7z", Limits())
    assert hidden.error == "encrypted 7z archive: a password is required"


def rar4(members: list[tuple[str, bytes, bool]], method: int = 0x30) -> bytes:
    """A RAR 4 archive: (name, data, encrypted flag) members, stored (0x30) unless told.

    Built from the published block layout (marker, main header, file headers, end block; each
    header's CRC is the low 16 bits of its CRC-32), since no RAR writer can be installed.
    """

    def block(head_type: int, flags: int, body: bytes) -> bytes:
        header = struct.pack("<BHH", head_type, flags, 7 + len(body)) + body
        return struct.pack("<H", zlib.crc32(header) & 0xFFFF) + header

    out = b"Rar!\x1a\x07\x00" + block(0x73, 0, bytes(6))
    for name, data, encrypted in members:
        encoded = name.encode()
        body = (
            struct.pack(
                "<IIBIIBBHI",
                len(data),
                len(data),
                3,
                zlib.crc32(data),
                0x5A8E3100,
                29,
                method,
                len(encoded),
                0o100644,
            )
            + encoded
        )
        out += block(0x74, 0x8000 | (0x04 if encrypted else 0), body) + data
    return out + block(0x7B, 0x4000, b"")


def test_rar_members_and_passwords(tmp_path):
    # Stored members are read by rarfile itself; no external tool is needed for them.
    result = run(
        tmp_path,
        "box.rar",
        rar4([("docs/a.txt", b"hello rar", False), ("secret.txt", b"xxxx", True)]),
    )
    assert result.error is None and result.kind == "archive"
    assert [(c.name, c.data, c.error) for c in result.children] == [
        ("docs/a.txt", b"hello rar", None),
        ("secret.txt", None, "encrypted RAR member: a password is required"),
    ]


def test_compressed_rar_member_without_any_tool_says_what_to_install(tmp_path, monkeypatch):
    rarfile = pytest.importorskip("rarfile")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # a machine without unrar or bsdtar
    monkeypatch.setattr(rarfile, "CURRENT_SETUP", None)  # forget the tool found earlier
    packed = rar4([("docs/a.txt", b"not really compressed", False)], method=0x33)
    assert run(tmp_path, "box.rar", packed).error == (
        "RAR archive: the unrar tool is not installed (install libarchive-tools)"
    )


def test_damaged_compressed_rar_member_is_a_child_error(tmp_path):
    if not any(shutil.which(tool) for tool in ("unrar", "unar", "bsdtar", "7z")):
        pytest.skip("no RAR tool here (requirements/ingest.apt: libarchive-tools)")
    packed = rar4([("docs/a.txt", b"not really compressed", False)], method=0x33)
    result = run(tmp_path, "box.rar", packed)
    assert result.error is None
    assert result.children[0].error.startswith("corrupt RAR member")
