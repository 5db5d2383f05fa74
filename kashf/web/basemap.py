"""An offline basemap: country borders drawn as SVG paths on the server.

The borders are Natural Earth's 1:50m countries (public domain) as packed by the
``world-atlas`` npm package (ISC), shipped in ``kashf/web/data``. No tile server,
no map library: we decode the TopoJSON once, project with an equirectangular
projection scaled by the cosine of the view's middle latitude (faithful enough at
the scale of the Middle East), and emit only the countries that touch the view.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "countries-50m.json"

# Where the map opens when the case has no places yet: Levant to Afghanistan.
DEFAULT_VIEW = (25.0, 12.0, 65.0, 42.0)  # west, south, east, north
WIDTH = 1000.0


@dataclass(frozen=True)
class Country:
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # (lon, lat) rings
    bbox: tuple[float, float, float, float]


@dataclass(frozen=True)
class Marker:
    id: str
    name: str
    count: int
    x: float
    y: float
    r: float
    lat: float
    lon: float


@dataclass(frozen=True)
class MapView:
    width: float
    height: float
    countries: tuple[tuple[str, str], ...]  # (name, SVG path data)
    markers: tuple[Marker, ...]


@cache
def countries() -> tuple[Country, ...]:
    """Decode the shipped TopoJSON into rings of (lon, lat)."""
    topo = json.loads(DATA.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo["arcs"], topo["transform"])
    shapes = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = tuple(_ring(arcs, ring) for polygon in polygons for ring in polygon)
        points = [p for ring in rings for p in ring]
        if not points:
            continue
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        name = (geometry.get("properties") or {}).get("name", "")
        shapes.append(Country(name, rings, (min(lons), min(lats), max(lons), max(lats))))
    return tuple(shapes)


def _decode_arcs(raw: list, transform: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON quantised arcs are delta-encoded integers; undo both."""
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded = []
    for arc in raw:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list, indices: list[int]) -> tuple[tuple[float, float], ...]:
    ring: list[tuple[float, float]] = []
    for index in indices:
        # A negative index means arc ~index, walked backwards.
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return tuple(ring)


def view_for(places: list[dict]) -> tuple[float, float, float, float]:
    """A bounding box around the places with coordinates, padded; the default when none."""
    coords = [(p["lon"], p["lat"]) for p in places if _has_coords(p)]
    if not coords:
        return DEFAULT_VIEW
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    pad_lon = max(4.0, (max(lons) - min(lons)) * 0.15)
    pad_lat = max(3.0, (max(lats) - min(lats)) * 0.15)
    return (
        max(-180.0, min(lons) - pad_lon),
        max(-85.0, min(lats) - pad_lat),
        min(180.0, max(lons) + pad_lon),
        min(85.0, max(lats) + pad_lat),
    )


def _has_coords(place: dict) -> bool:
    lat, lon = place.get("lat"), place.get("lon")
    return (
        isinstance(lat, int | float)
        and isinstance(lon, int | float)
        and -90 <= lat <= 90
        and -180 <= lon <= 180
    )


def _projection(view: tuple[float, float, float, float]):
    west, south, east, north = view
    k = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / ((east - west) * k)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * k * scale, (north - lat) * scale

    return project, (north - south) * scale


@lru_cache(maxsize=16)
def _country_paths(view: tuple[float, float, float, float]) -> tuple[tuple[str, str], ...]:
    """The borders for one view; the same places give the same view, so this is cached."""
    west, south, east, north = view
    project, _ = _projection(view)
    paths = []
    for country in countries():
        c_west, c_south, c_east, c_north = country.bbox
        if c_east < west or c_west > east or c_north < south or c_south > north:
            continue
        paths.append((country.name, " ".join(_path(ring, project) for ring in country.rings)))
    return tuple(paths)


def render(places: list[dict]) -> MapView:
    """Country paths and place markers for the view that holds ``places``."""
    view = view_for(places)
    project, height = _projection(view)
    paths = _country_paths(view)
    top = max([p.get("count") or 1 for p in places if _has_coords(p)] or [1])
    markers = []
    for place in places:
        if not _has_coords(place):
            continue
        x, y = project(place["lon"], place["lat"])
        count = int(place.get("count") or 1)
        radius = 4 + 10 * math.sqrt(count / top)
        markers.append(
            Marker(str(place.get("id", "")), str(place.get("name", "")), count,
                   round(x, 1), round(y, 1), round(radius, 1), place["lat"], place["lon"])
        )
    return MapView(WIDTH, round(height, 1), paths, tuple(markers))


def _path(ring, project) -> str:
    """One closed ring as path data, rounded to a tenth of a pixel, repeats dropped."""
    out, last = [], None
    for lon, lat in ring:
        x, y = project(lon, lat)
        point = (round(x, 1), round(y, 1))
        if point != last:
            out.append(f"{point[0]},{point[1]}")
            last = point
    return "M" + "L".join(out) + "Z" if len(out) > 2 else ""
