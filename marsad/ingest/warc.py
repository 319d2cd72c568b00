"""WARC and ARC web archives (warcio): each HTML response becomes an Article.

Records are read as a stream (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``; ARC records are
converted to WARC ones by warcio). A ``response`` (or ``resource``) record whose HTTP status is
2xx and whose Content-Type is HTML (or, without one, whose payload starts like HTML) is
extracted by the HTML source (:func:`marsad.ingest.html.html_article`): the URL is the page's
canonical link, else the record's ``WARC-Target-URI`` (kept in ``meta["page_url"]`` when they
differ); ``fetched`` is the record's ``WARC-Date``; ``meta["warc_file"]``,
``meta["warc_offset"]`` (the record's byte offset) and, in WARC files, ``meta["warc_record_id"]``
say where it came from.

Every other record (requests, metadata, revisits, warcinfo, redirects, images, scripts …) is
skipped and counted in ``SourceStats.skipped`` under ``warc:<reason>``. A record cut short
(the file ends inside it) is a ``truncated`` failure and a file that is not WARC/ARC at all,
or stops parsing, is ``malformed``; the records read before it are kept.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from marsad.decode import require_arabic
from marsad.errors import InputError, TooLargeError
from marsad.ingest.base import SourceError, SourceFailure, SourceOptions, SourceStats
from marsad.ingest.html import charset_of, html_article
from marsad.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like_warc(head: bytes) -> bool:
    """True for the first bytes of a WARC or ARC file (gzipped or not)."""
    return head.startswith((b"WARC/", b"filedesc://", b"\x1f\x8b"))


def warc_articles(stream: IO[bytes], source: str, options: SourceOptions,
                  stats: SourceStats | None = None) -> Iterator[Article | SourceFailure]:
    """The Articles of the HTML responses in one WARC/ARC stream."""
    from warcio.archiveiterator import ArchiveIterator

    stats = stats if stats is not None else SourceStats()
    head = _head(stream)
    if not head.startswith((b"WARC/", b"filedesc://")):
        yield SourceFailure(source, "malformed", f"not a WARC or ARC file (it starts with "
                                                 f"{head[:20]!r})")
        return
    arc = head.startswith(b"filedesc://")
    n = 0
    try:
        records = ArchiveIterator(stream, arc2warc=True)
        while True:
            with contextlib.redirect_stderr(io.StringIO()):  # warcio prints its warnings
                record = next(records, None)
                if record is None:
                    return
                n += 1
                origin = {"warc_file": source, "warc_offset": records.offset}  # record start
                item = _record(record, n, origin, options, stats, arc)
            if item is not None:
                yield item
    except Exception as exc:  # warcio raises many kinds on damaged input: all mean the same
        yield _broken(exc, n, source)


def _broken(exc: Exception, n: int, source: str) -> SourceFailure:
    where = f"{source} (after record {n})" if n else source
    if n == 0:
        return SourceFailure(where, "malformed", f"not a readable WARC or ARC file "
                                                 f"({type(exc).__name__}: {exc})")
    return SourceFailure(where, "truncated", f"the archive breaks off or is damaged after "
                                             f"{n} record(s) ({type(exc).__name__}: {exc})")


def _head(stream: IO[bytes]) -> bytes:
    """The first bytes of the archive, decompressed when it is gzipped."""
    head = stream.read(512)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        except zlib.error:
            return b""
    return head


def _record(record: Any, n: int, origin: dict[str, Any], options: SourceOptions,
            stats: SourceStats, arc: bool) -> Article | SourceFailure | None:
    source = origin["warc_file"]
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f"{source} (record {n}: {uri or record.rec_type})"
    if record.rec_type is None:
        return SourceFailure(where, "malformed", "record without a WARC-Type")
    reason = _skip_reason(record)
    payload: bytes | None = None
    if reason is None:
        payload = record.content_stream().read(options.max_bytes + 1)
        if _content_type(record) == "" and not _HTML_START.match(payload[:4096]):
            reason = "non-html"
    truncated = _drain(record)
    if truncated:
        return SourceFailure(where, "truncated", f"record cut short: {truncated} byte(s) of its "
                                                 "declared length are missing")
    if reason is not None:
        stats.skipped[f"warc:{reason}"] += 1
        return None
    assert payload is not None
    try:
        return _article(record, payload, uri, where, origin, options, arc)
    except InputError as exc:
        return SourceFailure.from_error(exc)


def _skip_reason(record: Any) -> str | None:
    if record.rec_type not in ("response", "resource"):
        return record.rec_type
    if record.http_headers is not None and record.rec_type == "response":
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return f"status-{status[:1] or 'none'}xx"
    ctype = _content_type(record)
    if ctype and not ctype.startswith(_HTML_TYPES):
        return "non-html"
    return None


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return (headers.get_header("Content-Type") or "").strip().lower()


def _drain(record: Any) -> int:
    """Read what is left of the record; the number of declared bytes that never came."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return int(getattr(raw, "limit", 0) or 0)


def _article(record: Any, payload: bytes, uri: str | None, where: str, origin: dict[str, Any],
             options: SourceOptions, arc: bool) -> Article:
    if len(payload) > options.max_bytes:
        raise TooLargeError(where, f"page over the {options.max_bytes / 1e6:.1f} MB limit of "
                                   "one input")
    if not payload.strip():
        raise SourceError(where, "empty HTML response", "empty")
    meta = dict(origin)
    record_id = None if arc else record.rec_headers.get_header("WARC-Record-ID")
    if record_id:
        meta["warc_record_id"] = record_id.strip("<>")
    article = html_article(payload, where, url=uri, charset=charset_of(_content_type(record)),
                           fetched=_warc_date(record), max_bytes=options.max_bytes, meta=meta)
    require_arabic(article.text, where, options.min_arabic_share)
    return article


def _warc_date(record: Any) -> datetime | None:
    value = record.rec_headers.get_header("WARC-Date")
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
