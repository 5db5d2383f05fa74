"""Case settings: ``kashf.toml`` plus explicit flags, into one dataclass handed to ``Case``."""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import tomli_w

from kashf.exc import CaseError

ALL_STAGES = ["language", "ocr", "cables", "entities", "events"]


@dataclass
class Settings:
    """Everything a case can be told. Each field is a documented default."""

    name: str = "case"
    #: Languages the analyst expects; used to order OCR models and name matching.
    languages: list[str] = field(default_factory=lambda: ["fa", "ar", "en"])
    #: Worker processes for extraction and stages; 0 means one per core.
    workers: int = 0
    #: Enrichment stages to run, in dependency order.
    stages: list[str] = field(default_factory=lambda: list(ALL_STAGES))
    #: Read pages without a usable text layer with Tesseract.
    ocr: bool = True
    #: Larger originals are stored and recorded as failed, not parsed.
    max_file_mb: int = 2048
    #: One archive member or attachment, expanded.
    max_member_mb: int = 512
    #: All members of one archive together, expanded.
    max_expanded_mb: int = 2048
    #: Members of one archive.
    max_members: int = 20000
    #: Archives inside archives.
    max_depth: int = 8
    #: Wall-clock limit for extracting one file.
    timeout_seconds: float = 120.0
    #: Documents written to the store and index per transaction.
    batch_size: int = 10000

    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)

    def enabled_stages(self) -> list[str]:
        return [s for s in self.stages if s != "ocr" or self.ocr]

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CaseError(f"no kashf.toml in {path.parent}: is this a case folder?") from error
        except tomllib.TOMLDecodeError as error:
            raise CaseError(f"kashf.toml is not valid TOML: {error}") from error
        return cls.from_dict(data.get("case", {}))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise CaseError(f"kashf.toml: unknown setting(s) {', '.join(unknown)}")
        settings = cls(**data)
        for name in settings.stages:
            if name not in ALL_STAGES:
                raise CaseError(f"kashf.toml: unknown stage {name!r} (known: {', '.join(ALL_STAGES)})")
        return settings

    def save(self, path: Path) -> None:
        body = tomli_w.dumps({"case": asdict(self)})
        header = "# kashf case settings; see docs/concepts.md. Flags on the command line override these.\n"
        path.write_text(header + body, encoding="utf-8")
