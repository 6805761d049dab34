"""A map of where a story's events happened, drawn as inline SVG on the server.

Offline by design: no tile server, no CDN and no script. Country outlines come from the
``countryinfo`` package (Natural Earth's small-scale shapes, installed with crosswire);
the projection is plate carrée (x = longitude, y = -latitude), which is all a map of a few
points needs. The view frames the points with a margin, so a story in one province is not a
dot on a world map.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

WORLD = (-180.0, -90.0, 180.0, 90.0)  # lon_min, lat_min, lon_max, lat_max


@lru_cache(maxsize=1)
def outlines() -> tuple[tuple[str, str, tuple[float, float, float, float]], ...]:
    """(ISO alpha-2, SVG path, bounding box) of every country with a shape, read once."""
    import countryinfo

    shapes = []
    for country in countryinfo.all_countries():
        try:
            geo = country.geo_json()
            iso = country.iso().get("alpha2") or ""
        except (KeyError, AttributeError, countryinfo.CountryNotFoundError):
            continue
        for feature in (geo or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates") or []
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            path, box = _path(ring for polygon in polygons for ring in polygon)
            if path:
                shapes.append((iso, path, box))
    return tuple(shapes)


def _path(rings: Any) -> tuple[str, tuple[float, float, float, float]]:
    parts: list[str] = []
    lons: list[float] = []
    lats: list[float] = []
    for ring in rings:
        points: list[str] = []
        for lon, lat, *_ in ring:
            point = f"{lon:.1f} {-lat:.1f}"
            if not points or points[-1] != point:  # 0.1 degree is finer than the drawing needs
                points.append(point)
            lons.append(lon)
            lats.append(lat)
        if len(points) > 2:
            parts.append("M" + "L".join(points) + "Z")
    if not parts:
        return "", WORLD
    return "".join(parts), (min(lons), min(lats), max(lons), max(lats))


AREA_PRECISIONS = frozenset({"country", "continent", "region"})


def frame(points: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """The part of the world to draw: the points with a margin, at least 8 by 4 degrees, 2:1.

    A country named as a whole has its centre as coordinates; where towns are named too, the
    frame holds the towns (a story in Homs is not framed by Moscow and Washington)."""
    towns = [p for p in points if p.get("precision") not in AREA_PRECISIONS]
    points = towns or points
    if not points:
        return WORLD
    lons = [p["lon"] for p in points]
    lats = [p["lat"] for p in points]
    width = max(8.0, (max(lons) - min(lons)) * 1.5)
    height = max(4.0, (max(lats) - min(lats)) * 1.5)
    width, height = max(width, height * 2), max(height, width / 2)
    mid_lon, mid_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    return (max(-180.0, mid_lon - width / 2), max(-90.0, mid_lat - height / 2),
            min(180.0, mid_lon + width / 2), min(90.0, mid_lat + height / 2))


def _overlaps(box: tuple[float, float, float, float], view: tuple[float, float, float, float]) -> bool:
    return box[0] <= view[2] and view[0] <= box[2] and box[1] <= view[3] and view[1] <= box[3]


def map_svg(points: list[dict[str, Any]]) -> Markup:
    """The SVG of a story's places; each point links to the sentence of its first event.

    Place names and labels come from articles: they are escaped, and the SVG has no script,
    no style attribute and no external reference (the page's Content-Security-Policy holds).
    """
    view = frame(points)
    lon0, lat0, lon1, lat1 = view
    radius = max(0.05, (lon1 - lon0) / 120)
    shapes = "".join(f'<path class="land" d="{path}"/>' for _, path, box in outlines() if _overlaps(box, view))
    dots = []
    for p in points:
        first = p["events"][0] if p["events"] else None
        label = escape(f"{p['name']}: " + "; ".join(f"{e['type']} {e['date'] or 'undated'}" for e in p["events"]))
        kind = "area" if p.get("precision") in AREA_PRECISIONS else "place"
        dot = (f'<circle class="{kind}" cx="{p["lon"]:.3f}" cy="{-p["lat"]:.3f}" r="{radius * (2 if kind == "area" else 1):.3f}">'
               f"<title>{label}</title></circle>")
        if first:
            href = f"/documents/{quote(first['doc'])}#ev-{quote(first['id'])}"
            dot = f'<a href="{escape(href)}">{dot}</a>'
        dots.append(dot)
    box = f"{lon0:.2f} {-lat1:.2f} {lon1 - lon0:.2f} {lat1 - lat0:.2f}"
    return Markup(
        f'<svg class="map" role="img" aria-label="map of {len(points)} places" viewBox="{box}" '
        f'xmlns="http://www.w3.org/2000/svg" width="{lon1 - lon0:.2f}" height="{lat1 - lat0:.2f}">'
        f'<rect class="sea" x="{lon0:.2f}" y="{-lat1:.2f}" width="{lon1 - lon0:.2f}" height="{lat1 - lat0:.2f}"/>'
        f"{shapes}{''.join(dots)}</svg>")
