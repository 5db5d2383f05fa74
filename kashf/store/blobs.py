"""Originals, content-addressed by SHA-256 under ``blobs/ab/cd/<sha256>``, never modified.

Writing is idempotent and safe from several processes at once: bytes go to a
temporary file that is renamed into place, and a blob that exists is never
touched again. Blobs are made read-only once written.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

CHUNK = 1024 * 1024
#: Files up to this size are read whole: one read, one hash, one write.
SMALL = 8 * 1024 * 1024


class BlobStore:
    def __init__(self, root: Path):
        self.root = root
        self._root = str(root)
        self._folders: set[str] = set()
        self._counter = 0

    def path(self, sha256: str) -> Path:
        return Path(self.location(sha256))

    def location(self, sha256: str) -> str:
        """The blob's path as a string: ingest asks for it twice per file, pathlib is slow."""
        return f"{self._root}/{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def exists(self, sha256: str) -> bool:
        return os.path.exists(self.location(sha256))

    def put_bytes(self, data: bytes) -> str:
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.location(sha256)
        if not os.path.exists(target):
            self._write(target, [data])
        return sha256

    def put_file(self, source: Path) -> tuple[str, int]:
        """Copy a file in, hashing as it streams; returns (sha256, size)."""
        sha256, size, _data = self.store_file(source)
        return sha256, size

    def store_file(self, source: str | Path) -> tuple[str, int, bytes | None]:
        """Copy a file in; returns (sha256, size, its bytes when small enough to keep in memory)."""
        with open(source, "rb") as reader:
            expected = os.fstat(reader.fileno()).st_size
            if expected <= SMALL:
                # Asked for the file's own size, not SMALL: read(n) allocates n bytes first,
                # and an 8 MiB buffer mapped and unmapped for each 10 kB cable was a third of
                # a worker's time.
                data = reader.read(expected + 1)
                if len(data) <= expected:  # all of it; a file that grew meanwhile streams
                    return self.put_bytes(data), len(data), data
        return *self._put_large(Path(source)), None

    def _put_large(self, source: Path) -> tuple[str, int]:
        digest = hashlib.sha256()
        size = 0
        target_dir = self.root / "tmp"
        target_dir.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=target_dir)
        try:
            with open(source, "rb") as reader, os.fdopen(fd, "wb") as writer:
                while chunk := reader.read(CHUNK):
                    digest.update(chunk)
                    writer.write(chunk)
                    size += len(chunk)
            sha256 = digest.hexdigest()
            target = self.path(sha256)
            if target.exists():
                os.unlink(temp_name)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.chmod(temp_name, 0o444)
                os.replace(temp_name, target)
            return sha256, size
        except BaseException:
            if os.path.exists(temp_name):
                os.unlink(temp_name)
            raise

    def _write(self, target: str, chunks: list[bytes]) -> None:
        folder = os.path.dirname(target)
        if folder not in self._folders:
            try:
                os.mkdir(folder)  # the parent nearly always exists: one call, not makedirs' three
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        # A name unique to this process and call: cheaper than mkstemp, and as safe here.
        self._counter += 1
        temp_name = f"{folder}/.tmp-{os.getpid()}-{self._counter}"
        try:
            # Created read-only (the open descriptor may still write): no chmod afterwards.
            fd = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o444)
            with os.fdopen(fd, "wb") as writer:
                for chunk in chunks:
                    writer.write(chunk)
            os.replace(temp_name, target)
        except BaseException:
            if os.path.exists(temp_name):
                os.unlink(temp_name)
            raise

    def verify(self, sha256: str) -> bool:
        """True when the stored bytes still hash to their name."""
        digest = hashlib.sha256()
        with open(self.location(sha256), "rb") as reader:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest() == sha256
