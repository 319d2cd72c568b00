"""TREC-style documents (the ANT corpus format): ``<DOC>`` records of SGML-like fields.

TREC files are SGML, not XML: text is not escaped and a file may hold several ``<DOC>``s, so
fields are read with a tolerant pattern rather than an XML parser. Recognised fields:
``DOCNO`` (id), ``URL``, ``SRC`` (source), ``CAT`` (category), ``TITLE``, ``TIME``
(ISO 8601 publication time), ``ABSTRACT`` (lead, kept in meta) and ``TEXT`` (the body).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from marsad.errors import InputError
from marsad.model import Article

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_FIELD = re.compile(r"<([A-Z]+)>(.*?)</\1>", re.S)


def looks_like_trec(text: str) -> bool:
    return text.lstrip()[:5].upper() == "<DOC>"


def _published(value: str | None, source: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(source, f"TIME {value.strip()!r} is not an ISO 8601 date") from None


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
