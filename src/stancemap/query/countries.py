"""Where an actor appears on the page: its flag and its shape on the world map.

Actor codes are ISO 3166-1 alpha-3 for states (and the spec's X.. codes for
entities without one). The flags are named by alpha-2 and the map's shapes by ISO
numeric id; the one country table (``resolve/data/countries.tsv``, which the gazetteer
reads too) gives both for each code. It is read once, on first use.
States too small for the map's shapes are drawn as a dot at the point
``data/markers.tsv`` gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..datafiles import read_table
from .assets import asset_url

__all__ = ["CountryCode", "country_codes", "flag_url", "map_key", "marker"]

#: International organizations that have a flag of their own among the vendored flags.
_IGO_FLAGS = {"EU": "eu", "UN": "un", "ARAB_LEAGUE": "arab", "ASEAN": "asean"}


@dataclass(frozen=True)
class CountryCode:
    """One row of the code table."""

    alpha3: str
    alpha2: str
    map_key: str
    name: str


@lru_cache(maxsize=1)
def country_codes() -> dict[str, CountryCode]:
    """The code table, by alpha-3."""
    rows = read_table("stancemap.resolve", "countries.tsv")
    return {r["code"]: CountryCode(r["code"], r["alpha2"], r["map_key"], r["name"]) for r in rows}


@lru_cache(maxsize=1)
def _flag_files() -> frozenset[str]:
    folder = resources.files("stancemap.web").joinpath("static", "vendor", "flag-icons", "4x3")
    return frozenset(p.name.removesuffix(".svg") for p in folder.iterdir() if p.name.endswith(".svg"))


def flag_url(actor_code: str) -> str | None:
    """The static URL of the actor's flag (a state's, or an IGO's that has one), or None."""
    row = country_codes().get(actor_code)
    name = row.alpha2.lower() if row and row.alpha2 else _IGO_FLAGS.get(actor_code)
    if name and name in _flag_files():
        return asset_url(f"vendor/flag-icons/4x3/{name}.svg")
    return None


def map_key(actor_code: str) -> str | None:
    """How the world map's geometry names the actor's country, or None if it has no shape."""
    row = country_codes().get(actor_code)
    return row.map_key if row and row.map_key else None


@lru_cache(maxsize=1)
def _markers() -> dict[str, tuple[float, float]]:
    rows = read_table("stancemap.web", "markers.tsv")
    return {r["alpha3"]: (float(r["lon"]), float(r["lat"])) for r in rows}


def marker(actor_code: str) -> tuple[float, float] | None:
    """Where the map draws a small state as a dot (longitude, latitude), or None for other actors."""
    return _markers().get(actor_code)
