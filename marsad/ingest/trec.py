"""TREC-style documents (the ANT corpus format): ``<DOC>`` records of SGML-like fields.

TREC files are SGML, not XML: text is not escaped and a file may hold several ``<DOC>``s, so
fields are read with a tolerant pattern rather than an XML parser. Recognised fields:
``DOCNO`` (id), ``URL``, ``SRC`` (source), ``CAT`` (category), ``TITLE``, ``TIME``
(ISO 8601 publication time), ``ABSTRACT`` (lead, kept in meta) and ``TEXT`` (the body).

:func:`trec_records` yields each document or the error naming it, so one bad ``<DOC>`` does
not lose the others; :func:`parse_trec` raises at the first error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from marsad.errors import InputError
from marsad.ingest.base import SourceError
from marsad.ingest.dates import parse_date
from marsad.model import Article

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_FIELD = re.compile(r"<([A-Z]+)>(.*?)</\1>", re.S)


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})$")
_COMPACT = re.compile(r"(\d{4}-\d\d-\d\dT)(\d\d)(\d\d)(\d\d)$")


def _published(value: str | None, source: str) -> datetime | date | None:
    """TIME as ISO 8601 (2017-01-21T16:19:00+01:00 or 2017-01-21T161900) or dd/mm/yyyy."""
    if not value or not value.strip():
        return None
    text = value.strip()
    m = _DMY.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _COMPACT.match(text)
        if m:
            text = f"{m.group(1)}{m.group(2)}:{m.group(3)}:{m.group(4)}"
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(source, f"TIME {value.strip()!r} is not a date (ISO 8601 or dd/mm/yyyy)") from None


def parse_trec(text: str, source: str = "<trec>", encoding: str | None = None) -> Iterator[Article]:
    """The Articles of a TREC file's text; raises at the first bad ``<DOC>``."""
    for item in trec_records(text, source, encoding):
        if isinstance(item, InputError):
            raise item
        yield item


def trec_records(text: str, source: str = "<trec>",
                 encoding: str | None = None) -> Iterator[Article | InputError]:
    """Each ``<DOC>`` of a TREC file's text: its Article, or the error that names it.

    A ``<DOC>`` with no ``TEXT`` is an error (``no-text``); the other documents of the file are
    still read. A ``TIME`` that no date parser reads leaves ``published`` empty and is kept in
    ``meta["date_raw"]``.
    """
    found = False
    for n, m in enumerate(_DOC.finditer(text), 1):
        found = True
        fields = {k.upper(): v for k, v in _FIELD.findall(m.group(1))}
        docno = (fields.get("DOCNO") or "").strip()
        where = f"{source} (DOC {docno or n})"
        try:
            yield _article(fields, docno, where, encoding)
        except InputError as exc:
            yield exc
    if not found:
        yield SourceError(source, "looks like TREC (starts with <DOC>) but has no complete "
                                  "<DOC>…</DOC>", "malformed")


def _article(fields: dict[str, str], docno: str, where: str, encoding: str | None) -> Article:
    body = fields.get("TEXT", "").strip("\n")
    if not body.strip():
        raise SourceError(where, "TREC document with an empty or missing <TEXT>", "no-text")
    meta = {"docno": docno} if docno else {}
    if fields.get("ABSTRACT", "").strip():
        meta["abstract"] = fields["ABSTRACT"].strip()
    raw_time = (fields.get("TIME") or "").strip()
    try:
        published = _published(raw_time, where)
    except InputError:
        published = parse_date(raw_time)
        if published is None:
            meta["date_raw"] = raw_time
    return Article(
        text=body,
        url=(fields.get("URL") or "").strip() or None,
        source=(fields.get("SRC") or "").strip() or None,
        title=(fields.get("TITLE") or "").strip() or None,
        published=published,
        category=(fields.get("CAT") or "").strip() or None,
        encoding=encoding,
        meta=meta,
    )
