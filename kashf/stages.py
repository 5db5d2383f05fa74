"""Enrichment stages: pure, versioned functions the runner schedules.

A per-document stage is a plain function ``StageInput -> dict | None``. It does
no I/O of its own (the OCR stage alone may read the document's original, whose
path it is given), so the runner can ship it to any executor and cache its
result by ``(document, stage, version)``. Bumping ``version`` re-runs it.

The result dict is JSON-serialisable and documented per stage; the store keeps
it and fills its stage-specific tables (cables, mentions, events) from it.

Stages live in the packages that own their subject (``text``, ``ocr``,
``cables``, ``nlp``) and register here through :func:`stage`; the registry is
filled by importing :mod:`kashf.pipeline`, never at import time of this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

StageFunction = Callable[["StageInput"], dict[str, Any] | None]


@dataclass(frozen=True)
class PageSpan:
    """One page of a document: its number (1-based) and where its text sits in the full text."""

    number: int
    start: int
    end: int
    has_text_layer: bool = True


@dataclass(frozen=True)
class StageInput:
    """What a per-document stage may look at."""

    document_id: str
    path: str
    mime: str
    text: str
    pages: tuple[PageSpan, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    blob_path: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding ``offset`` in ``text``, or None for a document without pages."""
        for page in self.pages:
            if page.start <= offset < page.end or (offset == page.end == len(self.text)):
                return page.number
        return None


@dataclass(frozen=True)
class Stage:
    """A registered stage. ``depends`` names the stages whose results it reads."""

    name: str
    version: int
    function: StageFunction
    depends: tuple[str, ...] = ()
    needs_blob: bool = False
    changes_text: bool = False
    description: str = ""


REGISTRY: dict[str, Stage] = {}


def stage(
    name: str,
    version: int,
    depends: tuple[str, ...] = (),
    needs_blob: bool = False,
    changes_text: bool = False,
) -> Callable[[StageFunction], StageFunction]:
    """Register a per-document stage; returns the function unchanged."""

    def register(function: StageFunction) -> StageFunction:
        REGISTRY[name] = Stage(
            name=name,
            version=version,
            function=function,
            depends=tuple(depends),
            needs_blob=needs_blob,
            changes_text=changes_text,
            description=(function.__doc__ or "").strip().splitlines()[0] if function.__doc__ else "",
        )
        return function

    return register


def ordered_stages() -> list[Stage]:
    """Every registered stage, each after the stages it depends on."""
    done: dict[str, Stage] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in trail:
            raise ValueError(f"stage dependency cycle: {' -> '.join(trail + (name,))}")
        entry = REGISTRY[name]
        for dependency in entry.depends:
            visit(dependency, trail + (name,))
        done[name] = entry

    for name in sorted(REGISTRY):
        visit(name, ())
    return list(done.values())
