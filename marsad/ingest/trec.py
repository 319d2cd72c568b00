"""TREC-style documents (the ANT corpus format): ``<DOC>`` records of SGML-like fields.

TREC files are SGML, not XML: text is not escaped and a file may hold several ``<DOC>``s, so
fields are read with a tolerant pattern rather than an XML parser. Recognised fields:
``DOCNO`` (id), ``URL``, ``SRC`` (source), ``CAT`` (category), ``TITLE``, ``TIME``
(ISO 8601 publication time), ``ABSTRACT`` (lead, kept in meta) and ``TEXT`` (the body).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

from marsad.errors import InputError
from marsad.model import Article

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_FIELD = re.compile(r"<([A-Z]+)>(.*?)</\1>", re.S)


def looks_like_trec(text: str) -> bool:
    return text.lstrip()[:5].upper() == "<DOC>"


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
    """The Articles of a TREC file's text. A ``<DOC>`` with no ``TEXT`` is an error."""
    found = False
    for n, m in enumerate(_DOC.finditer(text), 1):
        found = True
        fields = {k.upper(): v for k, v in _FIELD.findall(m.group(1))}
        body = fields.get("TEXT", "").strip("\n")
        docno = (fields.get("DOCNO") or "").strip()
        where = f"{source} (DOC {docno or n})"
        if not body.strip():
            raise InputError(where, "TREC document with an empty or missing <TEXT>")
        meta = {"docno": docno} if docno else {}
        if fields.get("ABSTRACT", "").strip():
            meta["abstract"] = fields["ABSTRACT"].strip()
        yield Article(
            text=body,
            url=(fields.get("URL") or "").strip() or None,
            source=(fields.get("SRC") or "").strip() or None,
            title=(fields.get("TITLE") or "").strip() or None,
            published=_published(fields.get("TIME"), where),
            category=(fields.get("CAT") or "").strip() or None,
            encoding=encoding,
            meta=meta,
        )
    if not found:
        raise InputError(source, "looks like TREC (starts with <DOC>) but has no complete <DOC>…</DOC>")
