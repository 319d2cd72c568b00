"""The knowledge base at run time: entries, their aliases, and loading the compiled index.

The compiled index (``marsad/kb/data/kb-index.json.gz``, written by ``marsad kb build``) holds
every entry and every alias already normalized. :func:`load` reads it once, adds the rows of a
user's file (``--kb-user FILE`` or the ``kb_user_file`` setting) and returns a :class:`KB`.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.errors import ModelError
from marsad.kb.source import Problem, Row, inflect_adjective, read_rows
from marsad.text.normalize import normalize_text
from marsad.text.tokenize import TOKEN_RE

FORMAT = "marsad-kb"
VERSION = 1
DATA = Path(__file__).resolve().parent / "data"
INDEX = DATA / "kb-index.json.gz"
REBUILD = "run `marsad kb build` to rebuild it"

# Alias flags.
WEAK = 1  #: linked only when the entity is named strongly elsewhere in the article
CONTEXT = 2  #: needs a place context (في مالي) or a strong mention elsewhere
ADJ = 4  #: an adjective or demonym form: may carry the article the alias lacks
GOV = 8  #: always stands for the government of the entry (a country)
NAME = 16  #: the canonical name
COUNTRY = 32  #: linked only to the entry of a country the article names (وزارة الداخلية)

#: definite head nouns that an alias's first word gives its entity automatically.
AUTO_HEADS = frozenset({"تنظيم", "حركه", "حزب", "جماعه", "تحالف", "منظمه", "جبهه"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor or place."""

    id: str
    type: str
    kind: str
    ar: str
    en: str = ""
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    prior: float = 0.0
    heads: tuple[str, ...] = ()
    located_in: str | None = None
    gov_of: str | None = None
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def alias_key(text: str) -> str:
    """An alias as the matcher sees it: normalized, tokens joined by one space."""
    return " ".join(TOKEN_RE.findall(normalize_text(text)))


def prior_of(kind: str, population: int = 0, extra: float = 0.0) -> float:
    """The prior weight of an entry of ``kind`` (the most likely reading of a shared name)."""
    base = {"country": 10.0, "continent": 8.0, "region": 6.0, "person": 6.0, "city": 4.0}
    value = base.get(kind, 6.0)
    if population:
        value += min(3.0, math.log10(max(population, 1)) / 2.5)
    return value + extra


@dataclass
class KB:
    """Entries and the alias table: ``aliases[key] -> [(entry index, flags), ...]``."""

    entries: list[Entry]
    aliases: dict[str, list[tuple[int, int]]]
    problems: list[Problem] = field(default_factory=list)
    by_id: dict[str, int] = field(default_factory=dict)
    heads: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.by_id:
            self.by_id = {e.id: i for i, e in enumerate(self.entries)}
        if not self.heads:
            self._index_heads()

    def _index_heads(self) -> None:
        self.heads = {}
        for i, entry in enumerate(self.entries):
            for head in entry.heads:
                self.heads.setdefault(head, []).append(i)

    def get(self, kb_id: str) -> Entry | None:
        """The entry with id ``kb_id`` (None when there is none)."""
        i = self.by_id.get(kb_id)
        return None if i is None else self.entries[i]

    def lookup(self, name: str) -> list[Entry]:
        """The entries an exact name (any spelling the KB knows) can stand for."""
        return [self.entries[i] for i, _ in self.aliases.get(alias_key(name), ())]

    def add_alias(self, text: str, index: int, flags: int) -> None:
        key = alias_key(text)
        if not key:
            return
        items = self.aliases.setdefault(key, [])
        for n, (i, f) in enumerate(items):
            if i == index:
                items[n] = (i, f | flags)
                return
        items.append((index, flags))

    def __len__(self) -> int:
        return len(self.entries)


def entry_from_dict(d: dict[str, Any]) -> Entry:
    return Entry(
        id=d["id"], type=d["type"], kind=d["kind"], ar=d["ar"], en=d.get("en", ""),
        country=d.get("country", ""), lat=d.get("lat"), lon=d.get("lon"),
        prior=float(d.get("prior", 0.0)), heads=tuple(d.get("heads", ())),
        located_in=d.get("located_in"), gov_of=d.get("gov_of"),
        population=int(d.get("population", 0)),
    )


def read_index(path: Path = INDEX) -> KB:
    """The compiled index at ``path``; :class:`ModelError` (saying how to rebuild) if it is
    missing or corrupted."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ModelError(f"knowledge-base index {path} is missing: {REBUILD}") from None
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"knowledge-base index {path} is corrupted ({exc}): {REBUILD}") from None
    try:
        return _from_data(data, path)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ModelError(
            f"knowledge-base index {path} is corrupted ({type(exc).__name__}: {exc}): {REBUILD}"
        ) from None


def _from_data(data: Any, path: Path) -> KB:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a marsad knowledge-base index")
    if data.get("version") != VERSION:
        raise ValueError(f"index version {data.get('version')!r}, this marsad reads {VERSION}")
    entries = [entry_from_dict(d) for d in data["entries"]]
    aliases: dict[str, list[tuple[int, int]]] = {}
    n = len(entries)
    for key, index, flags in data["aliases"]:
        if not 0 <= int(index) < n:
            raise IndexError(f"alias {key!r} points to entry {index} of {n}")
        aliases.setdefault(str(key), []).append((int(index), int(flags)))
    return KB(entries, aliases)


def apply_rows(kb: KB, rows: Iterable[Row]) -> list[Problem]:
    """Add a user's rows to ``kb``: new entries, or aliases for existing ones."""
    problems: list[Problem] = []
    for row in rows:
        path, _, line = row.origin.rpartition(":")
        index = kb.by_id.get(row.id)
        if index is None:
            if not row.type:
                reason = f"{row.id}: not in the knowledge base, so type, kind and ar are needed"
                problems.append(Problem(path, int(line or 0), reason))
                continue
            index = _add_entry(kb, row)
        add_row_aliases(kb, index, row)
    kb._index_heads()
    return problems


def _add_entry(kb: KB, row: Row) -> int:
    heads = tuple(alias_key(h) for h in row.extra.get("heads", ()))
    lat, lon = row.coords if row.coords else (None, None)
    prior = float(row.extra.get("prior", ["0"])[0])
    entry = Entry(
        id=row.id, type=row.type, kind=row.kind, ar=row.ar, en=row.en, country=row.country,
        lat=lat, lon=lon, prior=prior_of(row.kind, 0, prior), heads=heads,
        located_in=first_extra(row, "in"), gov_of=first_extra(row, "gov_of"),
    )
    kb.entries.append(entry)
    kb.by_id[row.id] = len(kb.entries) - 1
    return len(kb.entries) - 1


def first_extra(row: Row, key: str) -> str | None:
    """The first value of an extra key of ``row`` (None when it has none)."""
    values = row.extra.get(key)
    return values[0] if values else None


def add_row_aliases(kb: KB, index: int, row: Row) -> None:
    """The aliases of ``row`` (names, adjectives, government metonyms) for entry ``index``."""
    flagged: dict[str, int] = {}
    for alias in row.aliases:
        flags = 0
        while alias[:1] in ("~", "?"):
            flags |= WEAK if alias[0] == "~" else CONTEXT
            alias = alias[1:]
        flagged[alias_key(alias)] = flags
        kb.add_alias(alias, index, flags)
    if row.ar:  # a canonical name also listed as ~alias or ?alias keeps that flag
        kb.add_alias(row.ar, index, NAME | flagged.get(alias_key(row.ar), 0))
    if row.kind == "party":  # حركة نداء تونس is also written حزب حركة نداء تونس
        for name in [row.ar, *row.aliases]:
            if name.startswith("حركة "):
                kb.add_alias("حزب " + name, index, flagged.get(alias_key(name), 0))
    for base in row.extra.get("adj", ()):
        for form in inflect_adjective(base):
            kb.add_alias(form, index, ADJ)
    for form in row.extra.get("adjx", ()):
        kb.add_alias(form, index, ADJ)
    for name in row.extra.get("gov", ()):
        kb.add_alias(name, index, GOV)


def load_user_file(kb: KB, path: str | Path) -> list[Problem]:
    """Add a user's file to ``kb``; the problems of its bad rows (the rest is loaded)."""
    rows, problems = read_rows(path, partial=True)
    problems += apply_rows(kb, rows)
    kb.problems.extend(problems)
    return problems


@lru_cache(maxsize=8)
def _load_cached(index: str, user_file: str | None, mtime: float) -> KB:
    kb = read_index(Path(index))
    if user_file:
        load_user_file(kb, user_file)
    return kb


def load(user_file: str | Path | None = None, index: str | Path | None = None) -> KB:
    """The knowledge base (cached): the compiled index plus the user's file.

    ``user_file`` defaults to the ``kb_user_file`` setting; an empty value means none.
    """
    from marsad import settings

    if user_file is None:
        user_file = settings.get("kb_user_file") or None
    path = Path(index) if index else INDEX
    mtime = 0.0
    if user_file:
        try:
            mtime = Path(user_file).stat().st_mtime
        except OSError:
            mtime = -1.0
    return _load_cached(str(path), str(user_file) if user_file else None, mtime)
