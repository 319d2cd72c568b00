"""Reading the archive: one article's record, and the archive's statistics."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from marsad.store.schema import LATEST

ARTICLE_COLUMNS = ("id", "url", "source", "category", "title", "published", "language",
                   "encoding", "fetched", "meta", "duplicate_kind", "similarity", "ingested")


def article_info(conn: sqlite3.Connection, ident: str, aid: int | None) -> dict[str, Any] | None:
    """The article's metadata, its first copy, its exact copies and its duplicates."""
    if aid is None:
        return None
    cols = ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS)
    row = conn.execute(
        f"SELECT {cols}, (SELECT d.id FROM articles d WHERE d.aid = a.duplicate_of) "
        "FROM articles a WHERE a.aid = ?", (aid,)).fetchone()
    info = dict(zip((*ARTICLE_COLUMNS, "duplicate_of"), row, strict=True))
    info["meta"] = json.loads(info["meta"] or "{}")
    info["copies"] = [
        {"url": u or None, "source": s or None, "title": t or None, "published": p or None}
        for u, s, t, p in conn.execute(
            "SELECT url, source, title, published FROM copies WHERE aid = ? ORDER BY ingested, "
            "url", (aid,))
    ]
    info["duplicates"] = [
        {"id": i, "kind": k, "similarity": s, "url": u}
        for i, k, s, u in conn.execute(
            "SELECT id, duplicate_kind, similarity, url FROM articles WHERE duplicate_of = ? "
            "ORDER BY aid", (aid,))
    ]
    info["stage_failures"] = [
        {"stage": st, "code": c, "message": m}
        for st, c, m in conn.execute(
            "SELECT stage, code, message FROM stage_failures WHERE aid = ? ORDER BY stage", (aid,))
    ]
    return info


def _one(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> Any:
    return conn.execute(sql, args).fetchone()[0]


def stats(conn: sqlite3.Connection, path: str) -> dict[str, Any]:
    """Counts of what the archive holds."""
    spans = dict(conn.execute("SELECT grp, count(*) FROM spans GROUP BY grp ORDER BY grp"))
    dups = dict(conn.execute(
        "SELECT duplicate_kind, count(*) FROM articles WHERE duplicate_kind IS NOT NULL "
        "GROUP BY duplicate_kind"))
    dups["exact"] = _one(conn, "SELECT count(*) FROM copies")
    first, last = conn.execute("SELECT min(day), max(day) FROM articles").fetchone()
    size = Path(path).stat().st_size if Path(path).is_file() else 0
    wal = Path(path + "-wal")
    return {
        "path": path,
        "schema_version": LATEST,
        "bytes": size + (wal.stat().st_size if wal.is_file() else 0),
        "articles": _one(conn, "SELECT count(*) FROM articles"),
        "originals": _one(conn, "SELECT count(*) FROM articles WHERE duplicate_of IS NULL"),
        "duplicates": dups,
        "first_day": first,
        "last_day": last,
        "sources": dict(conn.execute(
            "SELECT coalesce(source, ''), count(*) AS n FROM articles GROUP BY source "
            "ORDER BY n DESC LIMIT 20")),
        "categories": dict(conn.execute(
            "SELECT coalesce(category, ''), count(*) AS n FROM articles GROUP BY category "
            "ORDER BY n DESC LIMIT 20")),
        "spans": spans,
        "entities": _one(conn, "SELECT count(DISTINCT key) FROM spans WHERE grp = 'entities'"),
        "stage_failures": dict(conn.execute(
            "SELECT stage, count(*) FROM stage_failures GROUP BY stage ORDER BY stage")),
        "ingest_failures": dict(conn.execute(
            "SELECT code, count(*) FROM ingest_failures GROUP BY code ORDER BY code")),
    }
