"""Places: the derived GeoNames/airport/country table plus kashf's own sites.

The table loads once per process (about 12k places, a few hundred ms) into a
dict from *place key* (folded, article-free name, see
:func:`kashf.nlp.ner.tokens.place_key`) to candidate places. A mention is linked
by key; when a key names several places, context decides: a country already
named or implied in the document, then the core countries of these leaks (Iraq,
Iran, Syria, Lebanon, Bahrain), then population. So "Najaf" is the Iraqi city,
not a village of the same name.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kashf.nlp.ner.tokens import place_key

DATA = Path(__file__).parent / "data"
CORE_COUNTRIES = frozenset({"IQ", "IR", "SY", "LB", "BH"})
# Our own sites outrank a city of the same name only when the full site name was written.
# A province of ours (Iraq's Babil, «بابل») has no population figure here; its weight lets it
# win over a same-named city abroad (Babol, Iran) once the document's context is Iraqi.
_FEATURE_WEIGHT = {"country": 6.0, "shrine": 3.0, "base": 3.0, "airport": 2.0,
                   "border_crossing": 3.0, "mall": 3.0, "market": 3.0, "province": 3.0}
MAX_KEY_WORDS = 6


@dataclass(frozen=True)
class Place:
    """One place: a stable id (``geonames:NNN``, ``icao:XXXX``, ``iso3166:IQ``, ``kashf:slug``)."""

    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str
    feature: str
    population: int

    def as_dict(self) -> dict[str, object]:
        """The shape a LOC mention carries under ``place``."""
        return {"gazetteer_id": self.id, "name": self.name, "lat": self.lat, "lon": self.lon,
                "country": self.country, "feature": self.feature}


def _float(text: str) -> float | None:
    return float(text) if text else None


class Gazetteer:
    """Place lookup by any alias, with context-aware choice among namesakes."""

    def __init__(self, places: Iterable[tuple[Place, Iterable[str]]],
                 keyed: Iterable[tuple[Place, Iterable[str]]] = ()) -> None:
        """``places`` come with their names; ``keyed`` with their lookup keys already made."""
        self.places: list[Place] = []
        self.by_key: dict[str, list[int]] = {}
        named = ((p, {place_key(n) for n in {p.name, *names}}) for p, names in places)
        for place, keys in (*keyed, *named):
            index = len(self.places)
            self.places.append(place)
            for key in keys:
                if key and len(key) >= 2:
                    bucket = self.by_key.setdefault(key, [])
                    if index not in bucket:
                        bucket.append(index)
        self.first_words = {key.split(" ", 1)[0] for key in self.by_key}

    @classmethod
    def load(cls, folder: Path = DATA) -> Gazetteer:
        """Read ``places.tsv.gz`` (names stored as keys), with the names ``place_aliases.tsv``
        adds to them, and ``sites.tsv`` from ``folder``."""
        aliases = _read_aliases(folder / "place_aliases.tsv")
        keyed = ((place, [*keys, *(place_key(a) for a in aliases.get(place.id, ()))])
                 for place, keys in _read_places(folder / "places.tsv.gz"))
        return cls(_read_sites(folder / "sites.tsv"), keyed=keyed)

    def candidates(self, name: str) -> list[Place]:
        """Every place one of whose names folds to the same key as ``name``."""
        return [self.places[i] for i in self.by_key.get(place_key(name), ())]

    def is_place(self, key: str) -> bool:
        """Whether a folded key (see :func:`place_key`) names a place."""
        return key in self.by_key

    def link(self, names: list[str]) -> list[Place | None]:
        """The place each name refers to, choosing among namesakes by the document's context.

        ``names`` are the LOC mentions of one document, in order.
        """
        options = [self.candidates(name) for name in names]
        # A shadda written in the name tells namesakes apart that fold alike: «عمّان» is Amman,
        # «عُمان» Oman; no country's name carries one, so a city with it is the city.
        options = [[p for p in found if p.feature != "country"]
                   if "\u0651" in name and any(p.feature != "country" for p in found) else found
                   for name, found in zip(names, options, strict=True)]
        context: dict[str, float] = {}
        for found in options:
            for country in {p.country for p in found}:
                # An unambiguous mention, or a country named outright, says the most.
                weight = 2.0 if len(found) == 1 or any(p.feature == "country" for p in found) else 0.5
                context[country] = context.get(country, 0.0) + weight
        return [max(found, key=lambda p: self._score(p, context)) if found else None
                for found in options]

    @staticmethod
    def _score(place: Place, context: dict[str, float]) -> float:
        score = math.log10(place.population + 10)
        score += _FEATURE_WEIGHT.get(place.feature, 0.0)
        score += 2.0 if place.country in CORE_COUNTRIES else 0.0
        score += min(context.get(place.country, 0.0), 4.0)
        return score


def _read_places(path: Path) -> Iterable[tuple[Place, list[str]]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            pid, name, lat, lon, country, feature, population, keys = line.rstrip("\n").split("\t")
            place = Place(pid, name, _float(lat), _float(lon), country, feature, int(population))
            yield place, keys.split("|") if keys else []


def _read_aliases(path: Path) -> dict[str, list[str]]:
    """Place id -> the names our own table adds (none when the file is absent)."""
    if not path.exists():
        return {}
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            place_id, names = line.split("\t", 1)
            out.setdefault(place_id, []).extend(names.strip().split("|"))
    return out


def _read_sites(path: Path) -> Iterable[tuple[Place, list[str]]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pid, feature, country, lat, lon, _precision, name, aliases = line.split("\t")
        yield Place(pid, name, _float(lat), _float(lon), country, feature, 0), aliases.split("|")


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.load()
