"""Ministries, generated when the knowledge base is built: one entry per country and portfolio.

``marsad/kb/data/ministries.tsv`` lists the portfolios, one a line, tab-separated::

    slug  en  names  countries

* ``names``: the Arabic names of the portfolio after وزارة, ``|``-separated, the usual one
  first (``الخارجية|الشؤون الخارجية``);
* ``countries``: ``*`` for every country of the knowledge base, else ISO codes separated by
  spaces (portfolios that only some countries' news name often).

Each (country, portfolio) gets an entry ``marsad:ministry-<slug>-<cc>`` (type ORG, kind
``ministry``, canonical name وزارة الداخلية التونسية), unless a curated entry claims it with
``ministry=<slug>`` (the Pentagon is the US defence ministry). Its aliases are the portfolio's
names followed by the country's feminine adjective (وزارة الخارجية الأمريكية, and without
وزارة for foreign affairs and interior: الخارجية الروسية), and the bare names (وزارة الداخلية)
flagged :data:`~marsad.kb.base.COUNTRY`: linked to the ministry of the country the article
names most, or left an unlinked ORG mention when it names none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from marsad.kb.base import COUNTRY, KB, NAME, Entry, prior_of
from marsad.kb.source import Problem, Row

FILE = "ministries.tsv"
#: portfolios also named without وزارة (الخارجية الروسية، الداخلية التونسية).
SHORT = frozenset({"foreign", "interior"})
HEAD = "الوزاره"


@dataclass(frozen=True)
class Portfolio:
    slug: str
    en: str
    names: tuple[str, ...]
    countries: frozenset[str] | None  # None: every country


def read_portfolios(path: Path) -> tuple[list[Portfolio], list[Problem]]:
    """The portfolios of ``path`` and the problems of its bad lines."""
    out: list[Portfolio] = []
    problems: list[Problem] = []
    if not path.exists():
        return out, problems
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 4 or not all(cells):
            problems.append(Problem(str(path), n, "a portfolio needs 4 cells: slug, en, "
                                                  "names, countries"))
            continue
        slug, en, names, scope = cells
        codes = None if scope == "*" else frozenset(scope.split())
        out.append(Portfolio(slug, en, tuple(x.strip() for x in names.split("|")), codes))
    return out, problems


def feminine_adjectives(row: Row) -> list[str]:
    """The definite feminine adjectives of a country row (تونسي → التونسية)."""
    out = []
    for base in row.extra.get("adj", ()):
        if " " not in base and base.endswith("ي"):
            out.append("ال" + base + "ة")
    return out


def add_ministries(kb: KB, rows: list[Row], path: Path) -> tuple[int, list[Problem]]:
    """Add the ministries of every country row to ``kb``; how many entries were added."""
    portfolios, problems = read_portfolios(path)
    claimed = {(r.country, m): kb.by_id[r.id] for r in rows
               for m in r.extra.get("ministry", ()) if r.id in kb.by_id}
    added = 0
    for row in rows:
        adjs = feminine_adjectives(row) if row.kind == "country" else []
        if not adjs:
            continue
        for p in portfolios:
            if p.countries is not None and row.country not in p.countries:
                continue
            index = claimed.get((row.country, p.slug))
            if index is None:
                index = _entry(kb, row, p, adjs[0])
                added += 1
            _aliases(kb, index, p, adjs)
    return added, problems


def _entry(kb: KB, country: Row, p: Portfolio, adj: str) -> int:
    entry = Entry(
        id=f"marsad:ministry-{p.slug}-{country.country.lower()}", type="ORG", kind="ministry",
        ar=f"وزارة {p.names[0]} {adj}", en=f"{p.en} ({country.en})", country=country.country,
        prior=prior_of("ministry"), heads=(HEAD,),
    )
    kb.entries.append(entry)
    kb.by_id[entry.id] = len(kb.entries) - 1
    kb.add_alias(entry.ar, len(kb.entries) - 1, NAME)
    return len(kb.entries) - 1


def _aliases(kb: KB, index: int, p: Portfolio, adjs: list[str]) -> None:
    for name in p.names:
        for adj in adjs:
            kb.add_alias(f"وزارة {name} {adj}", index, 0)
            if p.slug in SHORT:
                kb.add_alias(f"{name} {adj}", index, 0)
        kb.add_alias(f"وزارة {name}", index, COUNTRY)
