"""Jinja set-up: autoescape everywhere, and the small helpers templates may call.

Templates never mark data ``|safe``. Helpers return plain values or pieces of text
(see :mod:`kashf.web.textmarks`), and URLs are built here with proper encoding so
that a hostile query or name can only ever be a parameter value, never markup.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import ChainableUndefined, Environment, FileSystemLoader
from starlette.templating import Jinja2Templates

from kashf import __version__
from kashf.web import dates, textmarks

TEMPLATES = Path(__file__).resolve().parent / "templates"

NAV = (
    ("/search", "Search"),
    ("/entities", "Entities"),
    ("/cables", "Cables"),
    ("/events", "Events"),
    ("/network", "Network"),
    ("/timeline", "Timeline"),
    ("/map", "Map"),
    ("/status", "Case"),
)

# How facet keys from case.search() read on the page, and the query field each filters on.
FACET_LABELS = {
    "type": "Type",
    "language": "Language",
    "year": "Year",
    "folder": "Folder",
    "origin": "Origin",
    "classification": "Classification",
    "tag": "Tags",
    "entity": "Entities",
    "ocr": "OCR",
}
FACET_FIELDS = {"type": "type", "language": "lang"}


def search_url(q: str = "", **params: Any) -> str:
    """``/search?q=…`` with the non-empty parameters, each properly encoded."""
    pairs = [("q", q)] + [(k, str(v)) for k, v in params.items() if v not in (None, "", 0)]
    return "/search?" + urlencode(pairs)


def facet_query(q: str, facet: str, value: str) -> str:
    """The query with one more facet filter, as the query syntax writes it."""
    field = FACET_FIELDS.get(facet, facet)
    term = f'{field}:"{value}"' if any(c in value for c in ' ":()') else f"{field}:{value}"
    return f"{q} {term}".strip() if term not in q else q


def path_part(value: Any) -> str:
    """One URL path segment from data (an id): everything outside [A-Za-z0-9_.-~] encoded."""
    return quote(str(value), safe="")


def basename(path: Any) -> str:
    """The file name of a source path; archive members are written ``archive.zip!/inner/file``."""
    if not path:
        return ""
    return PurePosixPath(str(path).replace("\\", "/").split("!/")[-1]).name


def pretty_size(size: Any) -> str:
    try:
        size = float(size)
    except (TypeError, ValueError):
        return ""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


def make_templates(csrf_token: str) -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its extension
        undefined=ChainableUndefined,  # shapes grow as stages land: a missing key prints nothing
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        csrf_token=csrf_token,
        nav=NAV,
        version=__version__,
        search_url=search_url,
        facet_query=facet_query,
        facet_labels=FACET_LABELS,
        path_part=path_part,
        pretty_size=pretty_size,
        basename=basename,
        show_date=dates.show,
        highlight=textmarks.highlight,
        with_mentions=textmarks.with_mentions,
        name_spans=textmarks.name_spans,
    )
    return Jinja2Templates(env=env)
