"""Reading the curated knowledge-base files and users' own files.

Every file is tab-separated text, one entry a line, ``#`` starts a comment line, and an
optional header line starts with ``id``. Columns (``docs/kb.md``)::

    id  type  kind  ar  en  aliases  country  coords  extra

* ``id``: a Wikidata QID (``Q858``) or a ``prefix:slug`` id (``marsad:sdf``).
* ``type``: ``PERS``, ``ORG``, ``LOC`` or ``MISC``; ``kind``: a finer kind (``country``,
  ``city``, ``armed_group`` …).
* ``ar`` / ``en``: canonical Arabic and English names.
* ``aliases``: ``|``-separated Arabic spellings. A leading ``~`` marks a *weak* alias (a
  surname alone: linked only when the entity is named in full in the same article); a leading
  ``?`` one that needs a place context (في مالي, not دعم مالي).
* ``country``: ISO 3166 alpha-2; ``coords``: ``lat,lon``.
* ``extra``: ``;``-separated ``key=value`` pairs whose values are ``|``-separated
  (see :data:`EXTRA_KEYS`).

A bad row is reported as ``file:line: reason`` (a :class:`Problem`) and skipped; the other
rows are loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TYPES = frozenset({"PERS", "ORG", "LOC", "MISC"})
COLUMNS = ("id", "type", "kind", "ar", "en", "aliases", "country", "coords", "extra")
#: extra keys and what they mean.
EXTRA_KEYS = {
    "adj": "nisba adjectives (masculine singular); other forms are generated",
    "adjx": "irregular adjective or demonym forms, used as written",
    "capital": "the capital's Arabic name(s): the city in a political context is the government",
    "gov": "names that always stand for the government (البيت الأبيض، الكرملين)",
    "gov_of": "id of the country whose government this capital city stands for",
    "heads": "definite nouns that refer back to the entity (التنظيم، الحركة)",
    "in": "id of the place the entity is in",
    "prior": "a number added to the entity's prior weight in disambiguation",
    "ministry": "the portfolio (ministries.tsv) of the country's ministry this entry is",
}
_ID = re.compile(r"^(?:Q[1-9][0-9]*|[a-z][a-z0-9_-]*:[a-z0-9][a-z0-9_.@-]*)$")
_KIND = re.compile(r"^[a-z][a-z_]*$")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_CC = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Problem:
    """A row that could not be used: where it is and why."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class Row:
    """One entry as written in a source file."""

    id: str
    type: str = ""
    kind: str = ""
    ar: str = ""
    en: str = ""
    aliases: list[str] = field(default_factory=list)
    country: str = ""
    coords: tuple[float, float] | None = None
    extra: dict[str, list[str]] = field(default_factory=dict)
    origin: str = ""


class RowError(ValueError):
    """A row that breaks a rule (the message is the reason)."""


def read_rows(path: str | Path, *, partial: bool = False) -> tuple[list[Row], list[Problem]]:
    """The rows of one source file and the problems of its bad rows.

    With ``partial``, a row may give only an ``id`` and the columns it adds to (a user's
    extra aliases for an entity the knowledge base has).
    """
    rows: list[Row] = []
    problems: list[Problem] = []
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(name, 0, f"cannot read the file: {exc}")]
    for number, line in _lines(text):
        try:
            row = parse_row(line, partial=partial)
        except RowError as exc:
            problems.append(Problem(name, number, str(exc)))
            continue
        row.origin = f"{name}:{number}"
        rows.append(row)
    return rows, problems


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if number == 1 and line.lstrip("\ufeff").startswith("id\t"):
            continue
        if line.startswith("id\ttype\t"):
            continue
        yield number, line.lstrip("\ufeff").rstrip("\r\n")


def parse_row(line: str, *, partial: bool = False) -> Row:
    """One row; raises :class:`RowError` naming what is wrong."""
    cells = [c.strip() for c in line.split("\t")]
    if len(cells) > len(COLUMNS):
        raise RowError(f"{len(cells)} columns, at most {len(COLUMNS)} expected (tab-separated)")
    cells += [""] * (len(COLUMNS) - len(cells))
    values = dict(zip(COLUMNS, cells, strict=True))
    row = Row(id=_check_id(values["id"]))
    if partial and not (values["type"] or values["kind"] or values["ar"]):
        row.aliases = _aliases(values["aliases"])
        row.extra = _extra(values["extra"])
        if not row.aliases and not row.extra:
            raise RowError(f"{row.id}: nothing to add (no aliases, no extra)")
        return row
    row.type = _check_type(values["type"])
    row.kind = _check_kind(values["kind"])
    row.ar = _check_arabic(values["ar"], "ar")
    row.en = values["en"]
    row.aliases = _aliases(values["aliases"])
    row.country = _check_country(values["country"])
    row.coords = _coords(values["coords"])
    row.extra = _extra(values["extra"])
    return row


def _check_id(value: str) -> str:
    if not value:
        raise RowError("empty id")
    if not _ID.match(value):
        raise RowError(f"bad id {value!r}: a Wikidata QID (Q123) or prefix:slug (marsad:name)")
    return value


def _check_type(value: str) -> str:
    if value not in TYPES:
        raise RowError(f"bad type {value!r}: one of {', '.join(sorted(TYPES))}")
    return value


def _check_kind(value: str) -> str:
    if not _KIND.match(value):
        raise RowError(f"bad kind {value!r}: lower-case letters and _ (country, city, person…)")
    return value


def _check_arabic(value: str, column: str) -> str:
    if not _ARABIC.search(value):
        raise RowError(f"{column} {value!r} has no Arabic letter")
    return value


def _check_country(value: str) -> str:
    if value and not _CC.match(value):
        raise RowError(f"bad country {value!r}: an ISO 3166 alpha-2 code such as SY")
    return value


def _coords(value: str) -> tuple[float, float] | None:
    if not value:
        return None
    try:
        lat_s, lon_s = value.split(",")
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise RowError(f"bad coords {value!r}: lat,lon in decimal degrees") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise RowError(f"coords {value!r} out of range")
    return lat, lon


def _aliases(value: str) -> list[str]:
    out = []
    for alias in _split(value, "|"):
        if not _ARABIC.search(alias):
            raise RowError(f"alias {alias!r} has no Arabic letter")
        out.append(alias)
    return out


def _extra(value: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in _split(value, ";"):
        key, sep, val = item.partition("=")
        key = key.strip()
        if not sep or key not in EXTRA_KEYS:
            known = ", ".join(EXTRA_KEYS)
            raise RowError(f"bad extra item {item!r}: key=value with a key among {known}")
        values = _split(val, "|")
        if not values:
            raise RowError(f"extra {key} has no value")
        if key == "prior":
            try:
                float(values[0])
            except ValueError:
                raise RowError(f"prior {values[0]!r} is not a number") from None
        out.setdefault(key, []).extend(values)
    return out


def _split(value: str, sep: str) -> list[str]:
    return [v.strip() for v in value.split(sep) if v.strip()]


def inflect_adjective(base: str) -> list[str]:
    """The forms of a nisba adjective given in the masculine singular (سوري → سورية، سوريون،
    سوريين، سوريان، سوريات، and the accusative سوريا as in خمسين تونسيا …). Several words: the
    last one is inflected (شرق أوسطي)."""
    head, _, last = base.rpartition(" ")
    prefix = head + " " if head else ""
    if not last.endswith("ي"):
        return [base]
    forms = [last, last + "ة", last + "ان", last + "ين", last + "ون", last + "ات", last + "تان",
             last + "تين", last + "ا"]
    return [prefix + f for f in forms]


#: files of the data folder that are not entry rows (``marsad.kb.build``, ``marsad.kb.ministries``).
SPECIAL_FILES = frozenset({"blocklist.tsv", "ministries.tsv"})


def iter_files(folder: Path) -> Iterable[Path]:
    """The curated source files of a folder, in a stable order."""
    return sorted(p for p in folder.glob("*.tsv") if p.name not in SPECIAL_FILES)
