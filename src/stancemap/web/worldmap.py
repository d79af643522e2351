"""The issue page's world map, drawn on the server as SVG.

The map used to be drawn in the browser by Vega-Lite, so a phone had to fetch and
run about 240 KB of compressed script before it saw a single country (7.7 s on
emulated Fast 3G; ``benchmarks/page_weight.py``). Drawn here, it arrives with the
page and shows as soon as the page does, script or no script.

The shapes are the vendored world-atlas ``countries-110m.json`` (TopoJSON; ids are
ISO 3166-1 numeric, as ``map_key`` in ``resolve/data/countries.tsv``), in the Equal
Earth projection (Šavrič, Patterson and Jenny, 2018). They are decoded, projected
and written as compact relative path data once, on first use; each page then only
adds the classes that colour the countries. Small states are dots
(``countries.marker``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

__all__ = ["Country", "MapState", "countries", "render"]

#: Units per radian of the projection: the map is about 1,090 x 530 units, drawn at any width.
SCALE = 200.0
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth: longitude and latitude in degrees to map units (y grows downwards)."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x * SCALE, -y * SCALE


@dataclass(frozen=True)
class Country:
    """One shape of the atlas: its key (as ``map_key``), its name and its SVG path data."""

    key: str
    name: str
    path: str


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """Rings as SVG path data in whole units, relative moves, repeated points dropped."""
    out: list[str] = []
    for ring in rings:
        pts: list[tuple[int, int]] = []
        for x, y in ring:
            p = (round(x), round(y))
            if not pts or p != pts[-1]:
                pts.append(p)
        if len(pts) < 3:
            continue
        x0, y0 = pts[0]
        steps = [f"M{x0} {y0}l"]
        for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
            steps.append(f"{bx - ax} {by - ay} ")
        out.append("".join(steps).rstrip() + "z")
    return "".join(out).replace(" -", "-")


def _unwrap(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian, made continuous, and its copy on the other side.

    The atlas keeps such rings (eastern Russia, Fiji) whole, jumping from 180° to -180°;
    drawn as they are they would streak across the map. Unwrapped, one copy lies partly
    beyond 180° and the other partly beyond -180°; the map's outline clips both.
    """
    out = [ring[0]]
    shift = 0.0
    for (lon0, _), (lon1, lat1) in zip(ring, ring[1:], strict=False):
        if lon1 - lon0 > 180:
            shift -= 360
        elif lon0 - lon1 > 180:
            shift += 360
        out.append((lon1 + shift, lat1))
    lons = [p[0] for p in out]
    if max(lons) <= 180 and min(lons) >= -180:
        return [out]
    other = 360.0 if max(lons) > 180 else -360.0
    other = -other
    return [out, [(lon + other, lat) for lon, lat in out]]


def _outline() -> list[tuple[float, float]]:
    """The edge of the projected globe: the meridians of ±180° from pole to pole."""
    east = [_project(180, lat) for lat in range(-90, 91, 5)]
    west = [_project(-180, lat) for lat in range(90, -91, -5)]
    return east + west


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[Country, ...], tuple[float, float, float, float], str]:
    """Every country of the atlas but Antarctica, projected; the map's view box; the globe's outline."""
    raw = resources.files("stancemap.web").joinpath("static", "vendor", "world-atlas", "countries-110m.json")
    topo = json.loads(raw.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    shapes = []
    ys: list[float] = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name", "")
        if name == "Antarctica" or g.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        rings = [
            [_project(lon, lat) for lon, lat in part]
            for poly in polygons
            for r in poly
            for part in _unwrap(ring(r))
        ]
        ys.extend(p[1] for r in rings for p in r)
        key = g.get("id") or f"name:{name}"
        shapes.append(Country(key=key, name=name, path=_path(rings)))
    edge = _outline()
    half = max(p[0] for p in edge)
    pad = 4.0
    box = (-half - pad, min(ys) - pad, 2 * (half + pad), max(ys) - min(ys) + 2 * pad)
    return tuple(shapes), box, _path([edge])


@dataclass(frozen=True)
class MapState:
    """What the map shows of one actor: where it is, its name and its stance."""

    actor: str
    name: str
    stance: str
    map_key: str | None = None
    marker: tuple[float, float] | None = None


def render(states: list[MapState], labels: dict[str, str]) -> Markup:
    """The SVG map with each state coloured by its stance and small states as dots.

    Each shape and dot carries ``data-actor`` (when a state took a position) and a
    ``<title>`` with its name and stance, which the browser shows on pointing; the
    page's script fills the preview box from them. The SVG is hidden from screen
    readers: the list of states beside it says the same as text.
    """
    shapes, (bx, by, bw, bh), outline = countries()
    by_key = {s.map_key: s for s in states if s.map_key}
    parts = [
        f'<svg class="worldmap" viewBox="{bx:.0f} {by:.0f} {bw:.0f} {bh:.0f}" '
        'xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">'
        f'<defs><clipPath id="globe"><path d="{outline}"/></clipPath></defs>'
        f'<path class="globe" d="{outline}"/><g clip-path="url(#globe)">'
    ]
    for c in shapes:
        st = by_key.get(c.key)
        if st is None:
            parts.append(
                f'<path class="s-none" d="{c.path}"><title>{escape(c.name)}: no statement</title></path>'
            )
        else:
            label = labels.get(st.stance, st.stance)
            parts.append(
                f'<path class="s-{escape(st.stance)}" data-actor="{escape(st.actor)}" d="{c.path}">'
                f"<title>{escape(st.name)}: {escape(label)}</title></path>"
            )
    parts.append("</g>")
    for st in states:
        if st.marker is None:
            continue
        x, y = _project(*st.marker)
        label = labels.get(st.stance, st.stance)
        parts.append(
            f'<circle class="dot s-{escape(st.stance)}" data-actor="{escape(st.actor)}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="5"><title>{escape(st.name)}: {escape(label)}</title></circle>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
