"""JSON, JSONL and CSV: one Article per record, fields found through a :class:`FieldMap`.

* **JSON**: a list of objects; an object holding such a list (under ``records_key``, else the
  first of ``articles items data records docs documents results entries hits`` — or any
  key — that holds a list of objects); or one object that is itself a record. A ``.json``
  file that is really JSON Lines is read as such.
* **JSONL**: one object a line, read as a stream (any size); a bad line is one failure.
* **CSV/TSV**: read as a stream with :mod:`csv`; the dialect (``, ; tab |``) is detected
  unless ``csv_delimiter`` is given; the first row names the columns; fields may be as large
  as ``max_input_bytes``.

A record's text may be a string or a list of paragraphs; a text that is HTML (``<p>`` …) is
turned into plain text. Keys that the mapping does not use are kept in ``meta["extra"]``
(scalar values only), the record's id in ``meta["source_id"]``, its position in
``meta["record"]`` (JSON: index from 0; JSONL: line number; CSV: data row from 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping
from typing import IO, Any

from marsad.decode import _looks_utf16, non_ascii_arabic_share, require_arabic
from marsad.errors import EmptyInputError, InputError, TooLargeError
from marsad.ingest.base import (
    SourceError,
    SourceFailure,
    SourceOptions,
    lookup,
    malformed,
)
from marsad.ingest.dates import parse_date
from marsad.model import Article

Item = Article | SourceFailure

_LIST_KEYS = ("articles", "items", "data", "records", "docs", "documents", "results", "entries",
              "hits")
_HTML = re.compile(r"<(p|br|div|span|a|strong|em|b|i|h[1-6]|ul|li|img|figure)\b[^>]*>", re.I)
_ARABIC_LANGS = {"ar", "ara", "arb", "arabic", "عربي", "العربية"}


# --------------------------------------------------------------------------- one record


def record_article(record: Mapping[str, Any], where: str, options: SourceOptions,
                   meta: dict[str, Any] | None = None, encoding: str | None = None) -> Article:
    """The Article of one record; an InputError naming ``where`` when it has no usable text."""
    fields = options.fields
    key, value = fields.get(record, "text")
    if key is None and any(lookup(record, k) == "" for k in fields.keys["text"]):
        raise EmptyInputError(where, "empty text field")
    if key is None:
        raise SourceError(where, f"no text field (looked for {', '.join(fields.keys['text'])}; "
                                 "map another key with a field mapping text=KEY)", "no-text")
    text = _text_value(value, where)
    if not text.strip():
        raise EmptyInputError(where, f"empty text in field {key!r}")
    if len(text.encode("utf-8")) > options.max_bytes:
        raise TooLargeError(where, f"text of {len(text.encode('utf-8')) / 1e6:.1f} MB is over the "
                                   f"{options.max_bytes / 1e6:.1f} MB limit of one input")
    info: dict[str, Any] = dict(meta or {})
    used = {key}
    values: dict[str, Any] = {}
    for name in ("title", "url", "published", "source", "id", "category", "author", "language"):
        k, v = fields.get(record, name)
        if k is not None:
            used.add(k.split(".")[0])
            values[name] = v
    published = parse_date(values.get("published"))
    if published is None and values.get("published") is not None:
        info["date_raw"] = str(values["published"])
    for name in ("id", "author"):
        if values.get(name) is not None:
            info["source_id" if name == "id" else name] = _string(values[name])
    extra = {k: v for k, v in record.items() if k not in used and _scalar(v)}
    if extra:
        info["extra"] = extra
    language = (_string(values.get("language")) or "ar").strip().lower()
    return Article(
        text=text,
        url=_string(values.get("url")),
        source=_string(values.get("source")),
        title=_string(values.get("title")),
        published=published,
        language="ar" if language in _ARABIC_LANGS else language,
        encoding=encoding,
        category=_string(values.get("category")),
        meta=info,
    )


def _text_value(value: Any, where: str) -> str:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "\n".join(v for v in value if v.strip())
    if not isinstance(value, str):
        raise SourceError(where, f"text field holds a {type(value).__name__}, not a string",
                          "no-text")
    if _HTML.search(value):
        from marsad.ingest.html import fragment_text

        return fragment_text(value)
    return value


def _string(value: Any) -> str | None:
    """A field's value as one string: a name of an object, items of a list joined."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title") or value.get("@id") or value.get("url")
    if isinstance(value, list):
        parts = [_string(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    text = str(value).strip() if value is not None else ""
    return text or None


def _scalar(value: Any) -> bool:
    return isinstance(value, bool | int | float) or (isinstance(value, str) and len(value) <= 2000)


def _finish(record: Any, where: str, options: SourceOptions, meta: dict[str, Any],
            encoding: str | None) -> Item:
    try:
        if not isinstance(record, Mapping):
            raise malformed(where, f"record is a JSON {type(record).__name__}, not an object")
        article = record_article(record, where, options, meta, encoding)
        require_arabic(article.text, where, options.min_arabic_share)
    except InputError as exc:
        return SourceFailure.from_error(exc)
    return article


# --------------------------------------------------------------------------- JSON


def json_articles(text: str, source: str, options: SourceOptions,
                  encoding: str | None = None) -> Iterator[Item]:
    """The records of one JSON document (already decoded)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            stream = io.BytesIO(text.encode("utf-8"))
            yield from jsonl_articles(stream, source, options, encoding="utf-8", reported=encoding)
            return
        yield SourceFailure(source, "malformed", f"invalid JSON: {exc.msg} at line {exc.lineno} "
                                                 f"column {exc.colno}")
        return
    try:
        records = _records(data, source, options)
    except InputError as exc:
        yield SourceFailure.from_error(exc)
        return
    for n, record in enumerate(records):
        yield _finish(record, f"{source} (record {n})", options, {"record": n}, encoding)


def _records(data: Any, source: str, options: SourceOptions) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise malformed(source, f"JSON {type(data).__name__} holds no records")
    if options.records_key:
        found = lookup(data, options.records_key)
        if not isinstance(found, list):
            raise malformed(source, f"no list of records under key {options.records_key!r}")
        return found
    if options.fields.get(data, "text")[0] is not None:
        return [data]
    keys = [k for k in _LIST_KEYS if k in data] + [k for k in data if k not in _LIST_KEYS]
    for key in keys:
        value = data[key]
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return value
    raise SourceError(source, "JSON object with no text field and no list of records "
                              "(name the list with records_key)", "no-text")


# --------------------------------------------------------------------------- JSONL


def sniff_encoding(head: bytes) -> str:
    """The encoding of a stream from its first bytes (``utf-8`` when in doubt)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _looks_utf16(head)
    if utf16:
        return utf16
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in head if b > 0x7F)
    if head.decode("utf-8", errors="replace").count("\ufffd") < 0.05 * high:
        return "utf-8"  # UTF-8 with a few bad bytes: those lines fail alone
    best, best_share = "utf-8", 0.5
    for codec in ("cp1256", "iso-8859-6"):
        try:
            sample = head.decode(codec)
        except UnicodeDecodeError:
            continue
        share = non_ascii_arabic_share(sample)
        if share > best_share:
            best, best_share = codec, share
    return best


def jsonl_articles(stream: IO[bytes], source: str, options: SourceOptions,
                   encoding: str | None = None, reported: str | None = None) -> Iterator[Item]:
    """The records of a JSON Lines stream, one a line; blank lines are skipped."""
    if encoding is None:
        encoding = sniff_encoding(_peek(stream))
    reported = reported or encoding.replace("utf-8-sig", "utf-8")
    for n, line in _lines(stream, source, encoding, options.max_bytes):
        where = f"{source} (line {n})"
        if isinstance(line, InputError):
            yield SourceFailure.from_error(line)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceFailure(where, "malformed", f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _finish(record, where, options, {"record": n}, reported)


def _peek(stream: IO[bytes], size: int = 65536) -> bytes:
    head = stream.read(size)
    stream.seek(0)
    return head


def _lines(stream: IO[bytes], source: str, encoding: str,
           max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text or the error of that line); UTF-16 is decoded as a whole."""
    if encoding.startswith("utf-16"):
        wrapper = io.TextIOWrapper(stream, encoding=encoding, errors="strict")
        n = 0
        try:
            for n, text in enumerate(wrapper, 1):
                yield n, text
        except UnicodeDecodeError as exc:
            yield n + 1, SourceError(f"{source} (line {n + 1})", f"undecodable {encoding}: "
                                     f"{exc.reason}; the rest of the file is not read",
                                     "undecodable")
        finally:
            wrapper.detach()
        return
    n = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield n, TooLargeError(f"{source} (line {n})", f"line over the "
                                   f"{max_bytes / 1e6:.1f} MB limit of one input")
            continue
        try:
            yield n, raw.decode(encoding)
        except UnicodeDecodeError as exc:
            yield n, SourceError(f"{source} (line {n})", f"undecodable {encoding} at byte "
                                 f"{exc.start} of the line", "undecodable")


# --------------------------------------------------------------------------- CSV


def csv_articles(stream: IO[bytes], source: str, options: SourceOptions,
                 delimiter: str | None = None) -> Iterator[Item]:
    """The rows of a CSV or TSV stream whose first row names the columns."""
    head = _peek(stream)
    if not head.strip():
        yield SourceFailure(source, "empty", "empty CSV file")
        return
    encoding = sniff_encoding(head)
    reported = encoding.replace("utf-8-sig", "utf-8")
    text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
    try:
        yield from _csv_rows(text, source, options, delimiter or options.csv_delimiter, reported)
    finally:
        text.detach()


def _csv_rows(text: IO[str], source: str, options: SourceOptions, delimiter: str | None,
              encoding: str) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), min(options.max_bytes, sys.maxsize)))
    try:
        sample = text.read(65536)
    except UnicodeDecodeError as exc:
        yield SourceFailure(source, "undecodable", f"undecodable {encoding}: {exc.reason}")
        return
    text.seek(0)
    dialect = _dialect(sample, delimiter)
    reader = csv.DictReader(text, dialect=dialect)
    try:
        columns = reader.fieldnames or []
    except (csv.Error, UnicodeDecodeError) as exc:
        yield SourceFailure(source, "malformed", f"unreadable CSV header: {exc}")
        return
    if options.fields.get({c: "x" for c in columns if c}, "text")[0] is None:
        yield SourceFailure(source, "no-text", f"no column for the text (columns: "
                            f"{', '.join(map(str, columns)) or 'none'}; map one with text=COLUMN)")
        return
    yield from _csv_records(reader, source, options, encoding)


def _csv_records(reader: csv.DictReader[str], source: str, options: SourceOptions,
                 encoding: str) -> Iterator[Item]:
    errors = rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            yield SourceFailure(f"{source} (row near line {reader.line_num + 1})", "undecodable",
                                f"undecodable {encoding}: {exc.reason}; the rest is not read")
            return
        except csv.Error as exc:
            errors += 1
            yield SourceFailure(f"{source} (line {reader.line_num})", "malformed", f"bad CSV: {exc}")
            if errors >= 100:
                yield SourceFailure(source, "malformed", "100 bad CSV rows: the rest is not read")
                return
            continue
        rows += 1
        record = {k: v for k, v in row.items() if k is not None}
        where = f"{source} (row {rows}, line {reader.line_num})"
        yield _finish(record, where, options, {"record": rows}, encoding)


def _dialect(sample: str, delimiter: str | None) -> type[csv.Dialect]:
    """Excel's dialect (quotes doubled inside quoted fields) with the delimiter given or found.

    Only the delimiter is sniffed, from the header line: csv.Sniffer guesses ``doublequote``
    wrong from a header without quotes, which breaks every field with a quote in it.
    """
    if not delimiter:
        first = sample.split("\n", 1)[0]
        try:
            delimiter = csv.Sniffer().sniff(first if len(first) > 2 else sample,
                                            delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    found = "\t" if delimiter in ("\\t", "tab") else delimiter

    class Found(csv.excel):
        pass

    Found.delimiter = found
    return Found
