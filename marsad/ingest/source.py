"""One entry point for every source: :func:`iter_source`.

``iter_source(spec)`` takes a file, a directory (read recursively, hidden files left out), a
URL (fetched with the client passed in) or ``-`` (standard input), finds out what kind of
input it is, and yields an :class:`~marsad.model.Article` for each report in it, or a
:class:`~marsad.ingest.base.SourceFailure` for each file, record, page or entry that cannot
be read, and goes on.

The kind (``options.format`` forces one) comes from the file name, else the HTTP
Content-Type, else the first bytes:

=========  =====================================================  ===========================
kind       names                                                  content
=========  =====================================================  ===========================
warc       ``.warc .arc`` (``.gz`` too)                           ``WARC/``, ``filedesc://``
trec       ``.trec .sgml``                                        ``<DOC>``
feed       ``.rss .atom``                                         ``<rss``, ``<feed``, ``<rdf:RDF``
html       ``.html .htm .xhtml .shtml .php .asp .aspx .jsp``      ``<!doctype html``, ``<html``
json       ``.json`` (JSON Lines inside are read as such)         ``{`` or ``[``
jsonl      ``.jsonl .ndjson .jsonlines``
csv        ``.csv .tsv`` (tab for ``.tsv``)
text       ``.txt`` and anything else that is text
=========  =====================================================  ===========================

``.txt`` and ``.xml`` files are sniffed (ANT's TREC files are ``.txt``). Any other file
``NAME.gz`` is decompressed and read as ``NAME``. Known binary formats (PDF, ZIP, images,
Office files) are refused as ``binary``.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import IO, Any, cast
from urllib.parse import urlsplit

from marsad.decode import decode_bytes, require_arabic
from marsad.errors import InputError, TooLargeError, UnreadableError
from marsad.ingest.base import SourceError, SourceFailure, SourceOptions, SourceStats
from marsad.ingest.fetch import Fetcher, FetchState, is_url
from marsad.model import Article

Item = Article | SourceFailure
KINDS = ("text", "json", "jsonl", "csv", "html", "feed", "warc", "trec")
STREAMED = ("jsonl", "csv", "warc")

_BY_SUFFIX = {
    ".warc": "warc", ".arc": "warc", ".trec": "trec", ".sgml": "trec", ".rss": "feed",
    ".atom": "feed", ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".php": "html", ".asp": "html", ".aspx": "html", ".jsp": "html", ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".csv": "csv", ".tsv": "csv",
}
_MAGIC = (
    (b"%PDF", "a PDF file"), (b"PK\x03\x04", "a ZIP archive (or an Office file)"),
    (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"\xd0\xcf\x11\xe0", "an old Office file"), (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"BZh", "a bzip2 file"), (b"\xfd7zXZ", "an xz file"), (b"RIFF", "a RIFF (audio/video) file"),
    (b"\x7fELF", "an executable"), (b"SQLite format 3", "an SQLite database"),
)
_TYPES = (("warc", "warc"), ("rss", "feed"), ("atom", "feed"), ("html", "html"),
          ("jsonl", "jsonl"), ("ndjson", "jsonl"), ("json", "json"), ("csv", "csv"),
          ("tab-separated", "csv"), ("xml", None), ("text/plain", None))
_OVER = ("over the {:.1f} MB limit of one input (raise max_input_bytes, or use JSONL, CSV or "
         "WARC, which are read as streams)")
_HTML_HEAD = re.compile(r"<(!doctype\s+html|html|head|body|meta|title)\b", re.I)


def iter_source(
    spec: str,
    *,
    client: Any = None,
    options: SourceOptions | None = None,
    state: FetchState | None = None,
    stats: SourceStats | None = None,
) -> Iterator[Item]:
    """The Articles (and failures) of one file, directory, URL or ``-``.

    ``client`` is the ``httpx.Client`` URLs are fetched with (a default one is made, and
    closed, when none is given); ``state`` keeps conditional-GET validators and per-host
    request times across calls (persist it with ``state.save(path)``); ``stats`` counts
    articles, failures, skipped WARC records and unchanged URLs.
    """
    options = options or SourceOptions()
    if options.format is not None and options.format not in KINDS:
        from marsad.errors import ConfigError

        raise ConfigError(f"unknown format {options.format!r}: one of {', '.join(KINDS)}")
    counted = stats if stats is not None else SourceStats()
    for item in _items(spec, client, options, state, counted):
        if isinstance(item, SourceFailure):
            counted.failures[item.code] += 1
        else:
            counted.articles += 1
        yield item


def _items(spec: str, client: Any, options: SourceOptions, state: FetchState | None,
           stats: SourceStats) -> Iterator[Item]:
    if is_url(spec):
        yield from _url(spec, client, options, state, stats)
    elif spec == "-":
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        yield from _guarded("<stdin>", partial(_bytes, data, "<stdin>", options, stats))
    else:
        path = Path(spec)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(path).parts
                if file.is_file() and not any(p.startswith(".") for p in rel):
                    yield from _guarded(str(file), partial(_file, file, options, stats))
        else:
            yield from _guarded(spec, partial(_file, path, options, stats))


def _guarded(name: str, read: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """``read()``'s items; an InputError it raises becomes the last, a failure."""
    try:
        yield from read()
    except InputError as exc:
        yield SourceFailure.from_error(exc)
    except OSError as exc:
        yield SourceFailure(name, "unreadable", exc.strerror or str(exc))
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield SourceFailure(name, "truncated", f"compressed stream breaks off ({exc})")


# --------------------------------------------------------------------------- files


def _file(path: Path, options: SourceOptions, stats: SourceStats) -> Iterator[Item]:
    name = str(path)
    if not path.exists():
        raise UnreadableError(name, "no such file")
    kind = options.format or kind_of_name(path.name)
    inner = path.name
    if path.suffix.lower() == ".gz" and kind != "warc":
        inner = path.name[:-3]
        kind = options.format or kind_of_name(inner)
        with gzip.open(path, "rb") as stream:
            yield from _stream(cast(IO[bytes], stream), name, inner, kind, options, stats)
        return
    size = path.stat().st_size
    with path.open("rb") as stream:
        yield from _stream(stream, name, inner, kind, options, stats, size)


def _stream(stream: IO[bytes], name: str, filename: str, kind: str | None,
            options: SourceOptions, stats: SourceStats, size: int | None = None) -> Iterator[Item]:
    if options.format is None and kind in (None, "text", "xml"):
        kind = sniff(_peek(stream), kind)
    assert kind is not None
    if kind in STREAMED:
        yield from _streamed(kind, stream, name, filename, options, stats)
        return
    if size is not None and size > options.max_bytes:
        raise TooLargeError(name, f"{size / 1e6:.1f} MB is {_OVER.format(options.max_bytes / 1e6)}")
    data = stream.read(options.max_bytes + 1)
    yield from _whole(kind, data, name, options, stats, path=name, filename=filename)


def _peek(stream: IO[bytes], size: int = 8192) -> bytes:
    head = stream.read(size)
    stream.seek(0)
    return head


def kind_of_name(filename: str) -> str | None:
    """The kind a file name says (None: sniff); ``.txt`` and ``.xml`` give a hint only."""
    lower = filename.lower()
    for double in (".warc.gz", ".arc.gz"):
        if lower.endswith(double):
            return "warc"
    suffix = Path(lower).suffix
    if suffix == ".txt":
        return "text"
    if suffix == ".xml":
        return "xml"
    return _BY_SUFFIX.get(suffix)


def sniff(head: bytes, hint: str | None = None) -> str:
    """The kind of a document from its first bytes (``text`` when nothing else fits)."""
    from marsad.ingest.feeds import looks_like_feed
    from marsad.ingest.warc import looks_like_warc

    if looks_like_warc(head):
        return "warc"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary:{what}"
    text = _head_text(head).lstrip("\ufeff \t\r\n")
    lower = text[:300].lower()
    if lower.startswith("<doc>") or (lower.startswith("<?xml") and "<doc>" in lower):
        return "trec"
    if text.startswith("<"):
        if looks_like_feed(text):
            return "feed"
        if _HTML_HEAD.search(text[:4096]) or hint is None:
            return "html"
        if hint == "xml":
            return "feed"
    if hint is None and text[:1] in ("{", "["):
        return "json"
    return "text"


def _head_text(head: bytes) -> str:
    from marsad.ingest.records import sniff_encoding

    encoding = sniff_encoding(head)
    return head.decode(encoding, errors="ignore")


def _bytes(data: bytes, name: str, options: SourceOptions, stats: SourceStats) -> Iterator[Item]:
    """The items of a document given as bytes (standard input)."""
    kind = options.format or sniff(data[:8192])
    yield from _whole(kind, data, name, options, stats, filename=name)


# --------------------------------------------------------------------------- by kind


def _streamed(kind: str, stream: IO[bytes], name: str, filename: str, options: SourceOptions,
              stats: SourceStats) -> Iterator[Item]:
    if kind == "warc":
        from marsad.ingest.warc import warc_articles

        yield from warc_articles(stream, name, options, stats)
        return
    from marsad.ingest import records

    if kind == "jsonl":
        yield from records.jsonl_articles(stream, name, options)
    else:
        tab = "\t" if filename.lower().endswith((".tsv", ".tsv.gz")) else None
        yield from records.csv_articles(stream, name, options, delimiter=tab)


def _whole(kind: str, data: bytes, name: str, options: SourceOptions, stats: SourceStats, *,
           path: str | None = None,
           filename: str | None = None, url: str | None = None, charset: str | None = None,
           fetched: datetime | None = None, fetcher: Any = None) -> Iterator[Item]:
    """The items of a document read whole (every kind but the streamed ones)."""
    if kind.startswith("binary:"):
        raise SourceError(name, f"{kind[7:]}, not a format marsad reads", "binary")
    if len(data) > options.max_bytes:
        raise TooLargeError(name, _OVER.format(options.max_bytes / 1e6))
    if kind == "html":
        yield _checked(_html(data, name, options, url, charset, fetched, path), name, options)
    elif kind == "feed":
        from marsad.ingest.feeds import feed_articles

        yield from feed_articles(data, name, options, url=url, charset=charset, fetched=fetched,
                                 fetcher=fetcher)
    elif kind in ("json", "trec", "text"):
        decoded = decode_bytes(data, name, options.max_bytes)
        yield from _decoded(kind, decoded.text, decoded.encoding, name, options,
                            path=path, filename=filename, url=url, fetched=fetched)
    else:
        yield from _streamed(kind, io.BytesIO(data), name, filename or name, options, stats)


def _html(data: bytes, name: str, options: SourceOptions, url: str | None, charset: str | None,
          fetched: datetime | None, path: str | None) -> Article:
    from marsad.ingest.html import html_article

    meta = {"path": path} if path else None
    return html_article(data, name, url=url, charset=charset, fetched=fetched,
                        max_bytes=options.max_bytes, meta=meta)


def _decoded(kind: str, text: str, encoding: str, name: str, options: SourceOptions, *,
             path: str | None, filename: str | None, url: str | None,
             fetched: datetime | None) -> Iterator[Item]:
    from marsad.ingest.trec import trec_records

    if kind == "json":
        from marsad.ingest.records import json_articles

        yield from json_articles(text, name, options, encoding)
    elif kind == "trec":
        for item in trec_records(text, name, encoding):
            if isinstance(item, InputError):
                yield SourceFailure.from_error(item)
            else:
                meta = {**item.meta, "path": path} if path else item.meta
                yield _checked(replace(item, meta=meta, fetched=fetched), _where(name, item),
                               options)
    else:
        meta = {"path": path} if path else {}
        title = Path(filename).stem if filename and path else None
        article = Article(text=text, encoding=encoding, title=title, url=url, fetched=fetched,
                          meta=meta)
        yield _checked(article, name, options)


def _where(name: str, article: Article) -> str:
    docno = article.meta.get("docno")
    return f"{name} (DOC {docno})" if docno else name


def _checked(article: Article, where: str, options: SourceOptions) -> Item:
    try:
        require_arabic(article.text, where, options.min_arabic_share)
    except InputError as exc:
        return SourceFailure.from_error(exc)
    return article


# --------------------------------------------------------------------------- URLs


def _url(url: str, client: Any, options: SourceOptions, state: FetchState | None,
         stats: SourceStats) -> Iterator[Item]:
    from marsad.ingest.fetch import make_client

    own = client is None
    client = make_client(options.timeout) if own else client
    try:
        fetcher = Fetcher(client, state, timeout=options.timeout, min_delay=options.min_delay,
                          max_bytes=options.max_bytes)
        yield from _guarded(url, partial(_fetched, url, fetcher, options, stats))
    finally:
        if own:
            client.close()


def _fetched(url: str, fetcher: Fetcher, options: SourceOptions,
             stats: SourceStats) -> Iterator[Item]:
    from marsad.ingest.html import charset_of

    got = fetcher.get(url)
    if got is None:
        stats.not_modified += 1
        return
    kind = options.format or kind_of_type(got.content_type) or kind_of_name(
        urlsplit(got.url).path.rsplit("/", 1)[-1] or "index")
    if options.format is None and kind in (None, "text", "xml"):
        kind = sniff(got.data[:8192], "xml" if kind == "xml" else None)
    assert kind is not None
    yield from _whole(kind, got.data, url, options, stats, url=got.url,
                      charset=charset_of(got.content_type), fetched=got.fetched, fetcher=fetcher,
                      filename=urlsplit(got.url).path)


def kind_of_type(content_type: str) -> str | None:
    """The kind an HTTP Content-Type says (None: look at the name and the bytes)."""
    value = content_type.split(";", 1)[0].strip().lower()
    for marker, kind in _TYPES:
        if marker in value:
            return kind or ("xml" if marker == "xml" else None)
    return None
