"""What every source shares: failures, options and the field mapping.

A source yields :class:`~marsad.model.Article`\\ s, or a :class:`SourceFailure` for each file,
record, page or entry it cannot read, and goes on. A failure's ``code`` is stable (scripts and
the store test it); its ``reason`` is for people. The codes (``docs/ingest.md``)::

    empty        nothing in it (an empty file, a record with an empty text field)
    binary       binary data, not text (or a known binary format: PDF, ZIP, an image)
    undecodable  not UTF-8, UTF-16, Windows-1256 or ISO-8859-6
    too-large    over the ``max_input_bytes`` limit (a file, a record, a response)
    no-arabic    too little Arabic in it (``min_arabic_share``)
    unreadable   missing file, permission denied, unknown format forced
    malformed    bad JSON, CSV, HTML, feed, WARC or TREC
    truncated    the file or stream ends in the middle of a record (WARC, gzip)
    no-text      the record, page or entry has no text field or no main text
    http         the server answered with an error status
    network      timeout, refused connection, too many redirects
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from marsad.errors import InputError

#: fields an Article takes from a record, and the keys looked for by default (first wins).
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "full_text", "story"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "published": (
        "published", "date", "pubDate", "date_publish", "published_at", "datePublished",
        "date_published", "datetime", "time", "timestamp",
    ),
    "source": ("source", "outlet", "site_name", "sitename", "site", "publisher", "domain"),
    "id": ("id", "docno", "guid", "_id", "doc_id"),
    "category": ("category", "section", "cat"),
    "author": ("author", "authors", "byline"),
    "language": ("language", "lang"),
}


class SourceError(InputError):
    """An input error whose code is chosen when it is raised (one of the codes above)."""

    def __init__(self, source: str, reason: str, code: str = "malformed") -> None:
        super().__init__(source, reason)
        self.code = code


def malformed(source: str, reason: str) -> SourceError:
    return SourceError(source, reason, "malformed")


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """One input (file, record, page, entry) that could not be read, and why."""

    source: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    @classmethod
    def from_error(cls, exc: InputError) -> SourceFailure:
        return cls(exc.source, exc.code, exc.reason)

    def to_error(self) -> SourceError:
        return SourceError(self.source, self.reason, self.code)


@dataclass(frozen=True)
class FieldMap:
    """Which keys of a JSON object or CSV row hold each Article field.

    ``FieldMap.parse(["text=body", "date=meta.published"])`` replaces the default keys of the
    fields named (``date`` is an alias of ``published``); a key with dots is a path into
    nested objects. Fields not named keep the keys of :data:`DEFAULT_FIELDS`.
    """

    keys: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FIELDS))

    ALIASES = {"date": "published", "body": "text", "link": "url", "outlet": "source",
               "docno": "id", "section": "category", "lang": "language"}

    @classmethod
    def parse(cls, specs: Iterable[str]) -> FieldMap:
        from marsad.errors import ConfigError

        keys = dict(DEFAULT_FIELDS)
        for spec in specs:
            for item in (s.strip() for s in spec.split(",")):
                if not item:
                    continue
                name, sep, key = item.partition("=")
                name = cls.ALIASES.get(name.strip(), name.strip())
                if not sep or not key.strip() or name not in DEFAULT_FIELDS:
                    raise ConfigError(
                        f"bad field mapping {item!r}: expected FIELD=KEY with FIELD one of "
                        f"{', '.join(DEFAULT_FIELDS)}"
                    )
                keys[name] = tuple(k.strip() for k in key.split("|") if k.strip())
        return cls(keys)

    def get(self, record: Mapping[str, Any], name: str) -> tuple[str | None, Any]:
        """The first key of field ``name`` that ``record`` has a non-empty value for."""
        for key in self.keys.get(name, ()):
            value = lookup(record, key)
            if value not in (None, "", [], {}):
                return key, value
        return None, None


def lookup(record: Mapping[str, Any], key: str) -> Any:
    """``record[key]``, or the value at a dotted path (``meta.title``) in nested objects."""
    if key in record:
        return record[key]
    value: Any = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _default_max_bytes() -> int:
    from marsad import settings

    return int(settings.get("max_input_bytes"))


@dataclass(frozen=True)
class SourceOptions:
    """How sources read their inputs (see ``docs/ingest.md``).

    ``format`` forces one reader (``text json jsonl csv html feed warc trec``) instead of
    detecting it. ``fields`` maps JSON/CSV keys to Article fields, ``records_key`` names the
    key of a JSON object that holds its list of records. ``min_arabic_share`` is the share of
    letters that must be Arabic. For URLs: ``timeout`` (seconds), ``min_delay`` (seconds
    between two requests to one host) and ``follow_links`` (fetch the page of each feed entry
    and extract it, instead of using the entry's summary).
    """

    max_bytes: int = field(default_factory=_default_max_bytes)
    format: str | None = None
    fields: FieldMap = field(default_factory=FieldMap)
    records_key: str | None = None
    csv_delimiter: str | None = None
    min_arabic_share: float = 0.25
    timeout: float = 20.0
    min_delay: float = 1.0
    follow_links: bool = False

    def with_(self, **changes: Any) -> SourceOptions:
        return replace(self, **changes)


@dataclass
class SourceStats:
    """Counts a caller may pass to a source to see what it did besides yielding."""

    articles: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    not_modified: int = 0

