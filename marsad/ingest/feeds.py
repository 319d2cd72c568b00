"""RSS and Atom feeds: one Article per entry (feedparser).

An entry's text is its longest ``content``, else its ``summary``, turned from HTML into plain
text (one line a paragraph). With ``follow_links`` (URLs only), the entry's page is fetched
and extracted as an HTML page instead; when that fails the entry's own text is kept and the
reason is in ``meta["page_error"]``.

Dates: the entry's ``published`` (else ``updated``) string is read by
:func:`marsad.ingest.dates.parse_date`, which keeps its UTC offset and reads Arabic month
names (``الخميس، 14 تشرين الثاني 2019``) that feedparser cannot; feedparser's own parse (in
UTC) is the fallback. The raw string is kept in ``meta["date_raw"]`` when neither reads it.

A document that is not a feed, or whose XML is so broken that no entry can be recovered, is
``malformed``; when feedparser's lenient parser recovers entries from broken XML, they are
kept and ``meta["feed_warning"]`` says what was wrong. A feed with no entries is ``empty``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from marsad.decode import require_arabic
from marsad.errors import EmptyInputError, InputError
from marsad.ingest.base import SourceError, SourceFailure, SourceOptions, malformed
from marsad.ingest.dates import parse_date
from marsad.ingest.html import _XML_DECL, decode_markup, fragment_text, html_article
from marsad.model import Article

_BENIGN = ("CharacterEncodingOverride", "NonXMLContentType", "CharacterEncodingUnknown")
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)\b", re.I)


def looks_like_feed(head: str) -> bool:
    """True when the first characters of a document open an RSS, Atom or RSS 1.0 feed."""
    return bool(_FEED_ROOT.search(head[:4096]))


def feed_articles(
    data: bytes,
    source: str,
    options: SourceOptions,
    *,
    url: str | None = None,
    charset: str | None = None,
    fetched: datetime | None = None,
    fetcher: Any = None,
) -> Iterator[Article | SourceFailure]:
    """The entries of one feed document, each an Article or a SourceFailure."""
    try:
        parsed, encoding = _parse(data, source, options.max_bytes, charset)
    except InputError as exc:
        yield SourceFailure.from_error(exc)
        return
    feed = parsed.get("feed", {})
    warning = _warning(parsed)
    base = {k: v for k, v in (("feed_url", url), ("feed_title", feed.get("title")),
                              ("feed_warning", warning)) if v}
    outlet = (feed.get("title") or "").strip() or _host(feed.get("link") or url)
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source} (entry {n}: {entry.get('link') or entry.get('id') or 'no link'})"
        try:
            article = _entry(entry, where, outlet, encoding, fetched, dict(base, entry=n))
            if options.follow_links and fetcher is not None and article.url:
                article = _follow(article, fetcher, options)
            require_arabic(article.text, where, options.min_arabic_share)
        except InputError as exc:
            yield SourceFailure.from_error(exc)
            continue
        yield article


def _parse(data: bytes, source: str, max_bytes: int, charset: str | None) -> tuple[Any, str]:
    import feedparser

    decoded = decode_markup(data, source, max_bytes, charset)
    text = _XML_DECL.sub('<?xml version="1.0" encoding="utf-8"?>', decoded.text, count=1)
    parsed = feedparser.parse(
        text.encode("utf-8"),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=True, resolve_relative_uris=True,
    )
    if parsed.entries:
        return parsed, decoded.encoding
    error = parsed.get("bozo_exception")
    if error is not None and type(error).__name__ not in _BENIGN:
        raise malformed(source, f"malformed feed: {_describe(error)}")
    if not parsed.get("version"):
        raise malformed(source, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
    raise EmptyInputError(source, "feed has no entries")


def _warning(parsed: Any) -> str | None:
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if error is None or type(error).__name__ in _BENIGN:
        return None
    return f"broken XML, entries recovered by a lenient parser: {_describe(error)}"


def _describe(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.removeprefix("<unknown>:")


def _entry(entry: Any, where: str, outlet: str | None, encoding: str, fetched: datetime | None,
           meta: dict[str, Any]) -> Article:
    body = _entry_text(entry)
    if not body:
        raise SourceError(where, "entry has no content or summary text", "no-text")
    raw_date = entry.get("published") or entry.get("updated") or entry.get("created")
    published = parse_date(raw_date) if raw_date else None
    if published is None:
        published = _struct_time(entry.get("published_parsed") or entry.get("updated_parsed"))
    if published is None and raw_date:
        meta["date_raw"] = raw_date
    if entry.get("id"):
        meta["guid"] = entry["id"]
    if entry.get("author"):
        meta["author"] = entry["author"]
    tags = [t.get("term") for t in entry.get("tags") or () if t.get("term")]
    title = entry.get("title")
    return Article(
        text=body,
        url=entry.get("link") or None,
        source=outlet or None,
        title=fragment_text(title) or None if title else None,
        published=published,
        fetched=fetched,
        encoding=encoding,
        category=tags[0] if tags else None,
        meta=meta,
    )


def _entry_text(entry: Any) -> str:
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        value = max(contents, key=lambda c: len(c.get("value") or "")).get("value", "")
    else:
        value = entry.get("summary") or ""
    return fragment_text(value) if value else ""


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        year, month, day, hour, minute, second = value[:6]
        return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return None


def _follow(article: Article, fetcher: Any, options: SourceOptions) -> Article:
    """The entry's page extracted as an HTML page, keeping the entry's metadata it lacks."""
    url = article.url or ""
    try:
        got = fetcher.get(url, conditional=False)
        if got is None:
            raise SourceError(url, "304 Not Modified on an unconditional request", "http")
        from marsad.ingest.html import charset_of

        page = html_article(got.data, url, url=got.url, charset=charset_of(got.content_type),
                            fetched=got.fetched, max_bytes=options.max_bytes)
    except InputError as exc:
        return _with_meta(article, page_error=f"{exc.code}: {exc.reason}")
    meta = {**article.meta, **page.meta, "summary": article.text}
    return Article(
        text=page.text, url=page.url or article.url, source=article.source or page.source,
        title=article.title or page.title, published=article.published or page.published,
        fetched=page.fetched, encoding=page.encoding, category=article.category or page.category,
        meta=meta,
    )


def _with_meta(article: Article, **extra: Any) -> Article:
    from dataclasses import replace

    return replace(article, meta={**article.meta, **extra})


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
