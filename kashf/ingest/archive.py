"""Archives (ZIP, TAR, GZ/BZ2/XZ, 7z, RAR): members become children, within the limits.

Zip bombs are stopped by counting: every member is read as a stream in 1 MiB chunks and
dropped the moment it passes ``max_member_bytes`` (a child error) or the archive passes
``max_expanded_bytes`` (an archive error, with the members read so far kept). Declared sizes
are checked first because they are cheap, but never trusted, because they can lie.
Nothing is ever written to disk, so a member named ``../../etc/passwd`` is only a name.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import lzma
import os
import tarfile
import zipfile
from typing import BinaryIO
from zlib import error as ZlibError

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.errors import describe
from kashf.ingest.model import ExtractedChild, Extraction, Limits

CHUNK = 1024 * 1024


class ArchiveTooBig(Exception):
    """All members together passed ``max_expanded_bytes``: stop reading the archive."""


class Collector:
    """Reads members into children while counting bytes and members against the limits."""

    def __init__(self, limits: Limits, label: str):
        self.limits = limits
        self.label = label  # "ZIP", "TAR", … for reasons a reader understands
        self.children: list[ExtractedChild] = []
        self.total = 0
        self.error: str | None = None

    def full(self) -> bool:
        """True once ``max_members`` children are held; the caller stops and reports it."""
        if len(self.children) >= self.limits.max_members:
            self.error = f"archive has more than {self.limits.max_members} members (the limit)"
            return True
        return False

    def skip(self, name: str, reason: str, metadata: dict | None = None) -> None:
        self.children.append(ExtractedChild(name, None, reason, metadata or {}))

    def read(self, name: str, stream: BinaryIO, declared: int | None, metadata: dict) -> None:
        """Read ``stream`` into a child, or a child error if it is over the member limit."""
        limit = self.limits.max_member_bytes
        if declared is not None and declared > limit:
            self.skip(name, f"{self.label} member exceeds the size limit", metadata)
            return
        chunks: list[bytes] = []
        size = 0
        # A small member's first read asks for its declared size: read(n) allocates n bytes
        # up front, and a megabyte for each of thousands of small members adds up.
        want = CHUNK if declared is None else min(CHUNK, declared + 1)
        while True:
            chunk = stream.read(want)
            want = CHUNK
            if not chunk:
                break
            size += len(chunk)
            self.total += len(chunk)
            if self.total > self.limits.max_expanded_bytes:
                raise ArchiveTooBig
            if size > limit:
                self.skip(name, f"{self.label} member exceeds the size limit", metadata)
                return
            chunks.append(chunk)
        self.children.append(ExtractedChild(name, b"".join(chunks), None, metadata))

    def result(self, ingestor: Ingestor, src: Source, **metadata) -> Extraction:
        metadata["members"] = len(self.children)
        return ingestor.result(src, children=self.children, metadata=metadata, error=self.error)


def _too_deep(src: Source) -> None:
    if src.depth >= src.limits.max_depth:
        raise fail(f"archive nested too deeply (more than {src.limits.max_depth} levels)")


def _oversize_error(collector: Collector) -> None:
    # The members read before the limit was hit stay as children; the archive is failed.
    collector.error = "archive expands beyond the size limit"


class ZipIngestor(Ingestor):
    """ZIP archives (and ZIP files nothing more specific claims)."""

    name = "zip"
    label = "ZIP archive"
    version = 1
    kind = "archive"
    mime_types = ("application/zip", "application/x-zip-compressed")
    extensions = (".zip",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        _too_deep(src)
        collector = Collector(src.limits, "ZIP")
        try:
            archive = zipfile.ZipFile(src.path)
        except (zipfile.BadZipFile, UnicodeDecodeError, ValueError, EOFError) as exc:
            why = "a member name cannot be decoded" if isinstance(exc, UnicodeDecodeError) else exc
            raise fail(f"corrupt ZIP archive: {why}") from None
        with archive:
            try:
                for info in archive.infolist():
                    if info.is_dir():
                        continue
                    if collector.full():
                        break
                    self._member(archive, info, collector)
            except ArchiveTooBig:
                _oversize_error(collector)
        return collector.result(self, src, comment=_zip_comment(archive))

    @staticmethod
    def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, collector: Collector) -> None:
        name = _zip_name(info)
        metadata = {"modified": _iso(info.date_time), "size": info.file_size}
        if info.flag_bits & 0x1:
            collector.skip(name, "encrypted ZIP member: a password is required", metadata)
            return
        try:
            with archive.open(info) as stream:
                collector.read(name, stream, info.file_size, metadata)
        except ArchiveTooBig:
            raise
        except NotImplementedError:
            collector.skip(name, "ZIP member uses an unsupported compression method", metadata)
        except zipfile.BadZipFile as exc:
            reason = "bad CRC" if "CRC" in str(exc) else str(exc)
            collector.skip(name, f"corrupt ZIP member: {reason}", metadata)
        except (EOFError, OSError, ValueError, ZlibError) as exc:
            why = "damaged compressed data" if isinstance(exc, ZlibError) else describe(exc)
            collector.skip(name, f"corrupt ZIP member: {why}", metadata)


def _zip_name(info: zipfile.ZipInfo) -> str:
    # Without the UTF-8 flag zipfile decodes names as cp437; most modern tools wrote UTF-8
    # anyway (7-Zip, macOS), so try that before accepting the DOS reading.
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _zip_comment(archive: zipfile.ZipFile) -> str | None:
    return archive.comment.decode("utf-8", "replace").strip() or None if archive.comment else None


def _iso(date_time: tuple) -> str | None:
    try:
        return dt.datetime(*date_time).isoformat()
    except (ValueError, TypeError):
        return None


class TarIngestor(Ingestor):
    """TAR archives, plain or compressed (tar.gz, tar.bz2, tar.xz)."""

    name = "tar"
    label = "TAR archive"
    version = 1
    kind = "archive"
    mime_types = ("application/x-tar",)
    extensions = (".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz")
    score = 50

    def extract(self, src: Source) -> Extraction:
        _too_deep(src)
        return read_tar(self, src)


def read_tar(ingestor: Ingestor, src: Source) -> Extraction:
    """Members of the (possibly compressed) TAR at ``src.path`` as children."""
    collector = Collector(src.limits, "TAR")
    skipped = 0
    try:
        with tarfile.open(src.path, "r:*") as archive:
            try:
                for member in archive:
                    if not member.isfile():
                        skipped += not member.isdir()  # links and devices are not followed
                        continue
                    if collector.full():
                        break
                    metadata = {
                        "modified": dt.datetime.fromtimestamp(member.mtime, dt.UTC).isoformat(),
                        "size": member.size,
                    }
                    stream = archive.extractfile(member)
                    if stream is None:
                        collector.skip(member.name, "TAR member cannot be read", metadata)
                        continue
                    collector.read(member.name, stream, member.size, metadata)
            except ArchiveTooBig:
                _oversize_error(collector)
    except (tarfile.TarError, EOFError, OSError, ZlibError, lzma.LZMAError) as exc:
        if not collector.children:
            raise fail(f"corrupt TAR archive: {_first_line(exc)}") from None
        collector.error = (
            f"TAR archive is truncated or damaged after {len(collector.children)} members"
        )
    extra = {"links_skipped": skipped} if skipped else {}
    return collector.result(ingestor, src, **extra)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


_OPENERS = {
    "application/gzip": (gzip.open, "GZIP", (".gz", ".gzip")),
    "application/x-bzip2": (bz2.open, "BZIP2", (".bz2",)),
    "application/x-xz": (lzma.open, "XZ", (".xz",)),
}


class CompressedIngestor(Ingestor):
    """Single compressed files (.gz, .bz2, .xz): a compressed TAR is read as a TAR."""

    name = "compressed"
    label = "compressed file"
    version = 1
    kind = "archive"
    mime_types = tuple(_OPENERS)
    extensions = (".gz", ".tgz", ".bz2", ".xz")
    score = 50

    def extract(self, src: Source) -> Extraction:
        _too_deep(src)
        if _is_tar(src.path):
            result = read_tar(self, src)
            result.metadata["container"] = "tar"
            return result
        opener, label, suffixes = _OPENERS[src.mime]
        base = os.path.basename(src.name)
        stem, ext = os.path.splitext(base)
        inner = stem if ext.lower() in suffixes else base + ".out"
        if ext.lower() == ".tgz":
            inner = stem + ".tar"
        collector = Collector(src.limits, label)
        try:
            with opener(src.path, "rb") as stream:
                collector.read(inner, stream, None, {})
        except ArchiveTooBig:
            _oversize_error(collector)
        except (EOFError, OSError, ZlibError, lzma.LZMAError, ValueError) as exc:
            raise fail(f"corrupt {label} file: {_first_line(exc)}") from None
        return collector.result(self, src)


def _is_tar(path: str) -> bool:
    try:
        with tarfile.open(path, "r:*") as archive:
            return archive.next() is not None
    except Exception:  # not a TAR inside (or damaged): read as a single compressed file
        return False


class SevenZipIngestor(Ingestor):
    """7-Zip archives (py7zr)."""

    name = "7z"
    label = "7z archive"
    version = 1
    kind = "archive"
    mime_types = ("application/x-7z-compressed",)
    extensions = (".7z",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        import py7zr

        _too_deep(src)
        collector = Collector(src.limits, "7z")
        try:
            with py7zr.SevenZipFile(src.path, mode="r") as archive:
                if archive.needs_password():
                    # Names are readable unless the header is encrypted too: keep them.
                    for info in archive.list():
                        if not info.is_directory:
                            collector.skip(
                                info.filename, "encrypted 7z member: a password is required"
                            )
                    return collector.result(self, src, encrypted=True)
                wanted = self._select(archive.list(), collector)
                if wanted:
                    factory = _LimitedFactory(collector)
                    archive.extract(targets=wanted, factory=factory)
                    factory.finish()
        except ArchiveTooBig:
            _oversize_error(collector)
        except py7zr.exceptions.PasswordRequired:
            raise fail("encrypted 7z archive: a password is required") from None
        except (py7zr.exceptions.Bad7zFile, py7zr.exceptions.ArchiveError, EOFError) as exc:
            raise fail(f"corrupt 7z archive: {_first_line(exc)}") from None
        except py7zr.exceptions.UnsupportedCompressionMethodError:
            raise fail("7z archive uses an unsupported compression method") from None
        return collector.result(self, src)

    @staticmethod
    def _select(infos, collector: Collector) -> list[str]:
        wanted = []
        for info in infos:
            if info.is_directory:
                continue
            if len(wanted) >= collector.limits.max_members:
                collector.error = (
                    f"archive has more than {collector.limits.max_members} members (the limit)"
                )
                break
            if (
                info.uncompressed is not None
                and info.uncompressed > collector.limits.max_member_bytes
            ):
                collector.skip(info.filename, "7z member exceeds the size limit")
                continue
            wanted.append(info.filename)
        return wanted


class _LimitedIO:
    """A py7zr writer that keeps at most ``max_member_bytes`` and counts the archive total."""

    def __init__(self, collector: Collector, name: str):
        self.collector, self.name = collector, name
        self.chunks: list[bytes] = []
        self.length = 0
        self.over = False

    def write(self, data: bytes) -> int:
        self.length += len(data)
        self.collector.total += len(data)
        if self.collector.total > self.collector.limits.max_expanded_bytes:
            raise ArchiveTooBig
        if self.length > self.collector.limits.max_member_bytes:
            self.over, self.chunks = True, []
        elif not self.over:
            self.chunks.append(bytes(data))
        return len(data)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return offset

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return self.length

    def close(self) -> None:
        return None


class _LimitedFactory:
    def __init__(self, collector: Collector):
        self.collector = collector
        self.writers: list[_LimitedIO] = []

    def create(self, filename: str) -> _LimitedIO:
        writer = _LimitedIO(self.collector, filename)
        self.writers.append(writer)
        return writer

    def finish(self) -> None:
        for writer in self.writers:
            if writer.over:
                self.collector.skip(writer.name, "7z member exceeds the size limit")
            else:
                self.collector.children.append(ExtractedChild(writer.name, b"".join(writer.chunks)))


class RarIngestor(Ingestor):
    """RAR archives through rarfile and an external tool (bsdtar from libarchive-tools)."""

    name = "rar"
    label = "RAR archive"
    version = 1
    kind = "archive"
    mime_types = ("application/vnd.rar", "application/x-rar-compressed")
    extensions = (".rar",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        import rarfile

        _too_deep(src)
        collector = Collector(src.limits, "RAR")
        try:
            archive = rarfile.RarFile(src.path)
        except rarfile.NeedFirstVolume:
            raise fail(
                "RAR archive: this is not the first volume of a multi-part archive"
            ) from None
        except rarfile.PasswordRequired:
            raise fail("encrypted RAR archive: a password is required") from None
        except (rarfile.BadRarFile, rarfile.NotRarFile) as exc:
            raise fail(f"corrupt RAR archive: {_first_line(exc)}") from None
        with archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            if not infos and src.size > 64:
                raise fail("corrupt RAR archive: no member can be read")
            try:
                for info in infos:
                    if collector.full():
                        break
                    self._member(archive, info, collector)
            except ArchiveTooBig:
                _oversize_error(collector)
        return collector.result(self, src)

    @staticmethod
    def _member(archive, info, collector: Collector) -> None:
        import rarfile

        metadata = {
            "modified": _iso(info.date_time) if info.date_time else None,
            "size": info.file_size,
        }
        if info.needs_password():
            collector.skip(info.filename, "encrypted RAR member: a password is required", metadata)
            return
        try:
            with archive.open(info) as stream:
                collector.read(info.filename, stream, info.file_size, metadata)
        except rarfile.RarCannotExec:
            raise fail(
                "RAR archive: the unrar tool is not installed (install libarchive-tools)"
            ) from None
        except (rarfile.Error, OSError) as exc:
            collector.skip(info.filename, f"corrupt RAR member: {_first_line(exc)}", metadata)
