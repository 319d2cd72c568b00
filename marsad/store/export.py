"""Exports of the archive for pandas, R or DuckDB: articles, entities, quotes and events.

Each export is one table with fixed columns (:data:`TABLES`), read from the archive's views and
written as JSON Lines, CSV (UTF-8, a header row) or Parquet (typed columns, written in
row groups so an archive of any size streams through). Lists (an event's actors) are JSON
arrays in JSON Lines, and JSON text in CSV and Parquet.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import IO, Any

from marsad.errors import ConfigError

FORMATS = ("jsonl", "csv", "parquet")
CHUNK = 5000

#: export name -> (SQL, [(column, type)]); type is str, int, float, bool or json.
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "articles": (
        "SELECT a.id, a.url, a.source, a.category, a.title, a.published, a.day, a.language, "
        "a.encoding, d.id, a.duplicate_kind, a.similarity, a.text FROM articles a "
        "LEFT JOIN articles d ON d.aid = a.duplicate_of ORDER BY a.aid",
        [("id", "str"), ("url", "str"), ("source", "str"), ("category", "str"),
         ("title", "str"), ("published", "str"), ("day", "str"), ("language", "str"),
         ("encoding", "str"), ("duplicate_of", "str"), ("duplicate_kind", "str"),
         ("similarity", "float"), ("text", "str")],
    ),
    "entities": (
        "SELECT article_id, seq, start, end, text, type, kb_id, canonical, score, ref, entity "
        "FROM mentions",
        [("article_id", "str"), ("seq", "int"), ("start", "int"), ("end", "int"),
         ("text", "str"), ("type", "str"), ("kb_id", "str"), ("canonical", "str"),
         ("score", "float"), ("ref", "int"), ("entity", "str")],
    ),
    "quotes": (
        "SELECT article_id, seq, start, end, text, kind, cue, speaker, content, direct, "
        "speaker_kb_id, continues, anonymous FROM attributions",
        [("article_id", "str"), ("seq", "int"), ("start", "int"), ("end", "int"),
         ("text", "str"), ("kind", "str"), ("cue", "str"), ("speaker", "str"),
         ("content", "str"), ("direct", "bool"), ("speaker_kb_id", "str"),
         ("continues", "int"), ("anonymous", "bool")],
    ),
    "events": (
        "SELECT article_id, seq, start, end, text, type, mode, trigger, actors, recipients, "
        "place, date, negated, hypothetical, reported, historical FROM events",
        [("article_id", "str"), ("seq", "int"), ("start", "int"), ("end", "int"),
         ("text", "str"), ("type", "str"), ("mode", "str"), ("trigger", "str"),
         ("actors", "json"), ("recipients", "json"), ("place", "str"), ("date", "str"),
         ("negated", "bool"), ("hypothetical", "bool"), ("reported", "bool"),
         ("historical", "bool")],
    ),
}


def rows(conn: sqlite3.Connection, what: str) -> Iterator[dict[str, Any]]:
    """The rows of export ``what`` as dictionaries (JSON columns parsed)."""
    if what not in TABLES:
        raise ConfigError(f"unknown export {what!r}: one of {', '.join(TABLES)}")
    sql, columns = TABLES[what]
    for row in conn.execute(sql):
        out: dict[str, Any] = {}
        for (name, kind), value in zip(columns, row, strict=True):
            if value is not None and kind == "json":
                value = json.loads(value)
            elif value is not None and kind == "bool":
                value = bool(value)
            out[name] = value
        yield out


def export(conn: sqlite3.Connection, what: str, fmt: str, out: IO[Any] | str) -> int:
    """Write export ``what`` in ``fmt`` to ``out`` (a text stream, or a path for Parquet)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, str):
            raise ConfigError("Parquet is binary: give an output file (-o FILE.parquet)")
        return _parquet(conn, what, out)
    if isinstance(out, str):
        with open(out, "w", encoding="utf-8", newline="") as f:
            return export(conn, what, fmt, f)
    if fmt == "jsonl":
        n = 0
        for n, row in enumerate(rows(conn, what), 1):  # noqa: B007 - n is the count
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return n
    return _csv(conn, what, out)


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _csv(conn: sqlite3.Connection, what: str, out: IO[str]) -> int:
    names = [c for c, _ in TABLES[what][1]]
    writer = csv.DictWriter(out, fieldnames=names)
    writer.writeheader()
    n = 0
    for row in rows(conn, what):
        writer.writerow({k: _flat(v) for k, v in row.items()})
        n += 1
    return n


def _arrow_schema(what: str) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "json": pa.string()}
    return pa.schema([pa.field(c, types[k]) for c, k in TABLES[what][1]])


def _parquet(conn: sqlite3.Connection, what: str, path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - the store extra is missing
        raise ConfigError("Parquet export needs pyarrow: pip install 'marsad[store]'") from None
    schema = _arrow_schema(what)
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        chunk: list[dict[str, Any]] = []
        for row in rows(conn, what):
            chunk.append({k: _flat(v) for k, v in row.items()})
            if len(chunk) == CHUNK:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n
