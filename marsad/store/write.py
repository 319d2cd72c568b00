"""Writing one article (and its Doc) into the archive, inside the caller's transaction.

:func:`add` decides what an incoming article is, in this order:

1. its text is already stored (same content hash): ``stored`` when the copy is the one already
   recorded (same URL, source, title and date: re-ingesting changes nothing), else an
   ``exact`` duplicate, whose metadata is kept in ``copies`` next to the first copy;
2. its id is taken by another text (a source that reuses ids): stored under ``ID-HASH8`` as an
   ``id`` duplicate of the first;
3. its canonical URL is already stored: a ``url`` duplicate (a new version of a page);
4. its MinHash signature is close to a stored one: a ``near`` duplicate;
5. otherwise ``new``.

Duplicates of kinds 2–4 are stored in full (text, Doc, spans), with ``duplicate_of`` pointing
to the first copy; search leaves them out unless asked.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from marsad.model import Article, Doc, Span
from marsad.store import dedup
from marsad.store.keys import next_key
from marsad.store.terms import COLUMNS, IndexText, index_text, meta_tokens
from marsad.text.normalize import normalize_text

#: attributes naming a span's label, first found wins.
LABEL_ATTRS = ("type", "kind", "granularity", "label")


@dataclass(frozen=True)
class Outcome:
    """What became of one incoming article."""

    status: str  # new | duplicate | stored
    id: str
    kind: str | None = None  # exact | id | url | near (for duplicates)
    duplicate_of: str | None = None
    similarity: float | None = None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def when_fields(value: date | datetime | None) -> tuple[str | None, str | None, float | None]:
    """(ISO text, day, unix time) of a publication date (naive times are taken as UTC)."""
    if value is None:
        return None, None, None
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return value.isoformat(), value.date().isoformat(), aware.timestamp()
    midnight = datetime(value.year, value.month, value.day, tzinfo=UTC)
    return value.isoformat(), value.isoformat(), midnight.timestamp()


def index_article(conn: sqlite3.Connection, key: int, it: IndexText, meta: str) -> None:
    """Add an article to the search index (rowid: its search key, :mod:`marsad.store.keys`)
    and its terms to the document frequencies."""
    conn.execute(
        f"INSERT INTO search(rowid, {', '.join(COLUMNS)}) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
        (key, *it.values(), meta),
    )
    count_terms(conn, it.distinct)


def add_signature(conn: sqlite3.Connection, aid: int, sig: tuple[int, ...] | None) -> None:
    """Add an article's near-duplicate signature and its band keys."""
    if sig is not None:
        conn.execute("INSERT INTO minhashes(aid, sig) VALUES (?, ?)", (aid, dedup.pack(sig)))
        conn.executemany(
            "INSERT OR IGNORE INTO minhash_bands(key, aid) VALUES (?, ?)",
            [(k, aid) for k in dedup.band_keys(sig)],
        )


def count_terms(conn: sqlite3.Connection, distinct: Iterable[str], n: int = 1) -> None:
    """Add ``n`` to the document frequency of each of the distinct terms (stems and words) of
    an article: what a query term, which matches in any column, is found in."""
    conn.executemany(
        "INSERT INTO term_df(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + ?",
        [(t, n, n) for t in sorted(distinct)],
    )


def add(conn: sqlite3.Connection, item: Doc | Article, stages: str,
        near_threshold: float = dedup.NEAR_THRESHOLD) -> Outcome:
    """Store one article (a Doc, or a bare Article when its text may already be stored)."""
    article = item.article if isinstance(item, Doc) else item
    digest = dedup.content_hash(article.text)
    row = conn.execute(
        "SELECT aid, id, url, source, title, published FROM articles WHERE content_hash = ?",
        (digest,),
    ).fetchone()
    if row is not None:
        return _copy(conn, row, article)
    if not isinstance(item, Doc):
        raise ValueError(f"article {article.id} is not stored yet: give its analysed Doc")
    return _insert(conn, item, digest, stages, near_threshold)


def _meta_key(article: Article) -> tuple[str, str, str, str]:
    published = when_fields(article.published)[0]
    return (article.url or "", article.source or "", article.title or "", published or "")


def _copy(conn: sqlite3.Connection, row: tuple[Any, ...], article: Article) -> Outcome:
    aid, first_id = row[0], row[1]
    stored = (row[2] or "", row[3] or "", row[4] or "", row[5] or "")
    key = _meta_key(article)
    if key == stored:
        return Outcome("stored", first_id)
    cur = conn.execute(
        "INSERT OR IGNORE INTO copies(aid, url, source, title, published, category, meta, "
        "ingested) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (aid, *key, article.category, _json(dict(article.meta)), now()),
    )
    if cur.rowcount == 0:
        return Outcome("stored", first_id)
    return Outcome("duplicate", first_id, "exact", first_id, 1.0)


def _root(conn: sqlite3.Connection, aid: int) -> tuple[int, str]:
    row = conn.execute(
        "SELECT coalesce(a.duplicate_of, a.aid) FROM articles a WHERE a.aid = ?", (aid,)
    ).fetchone()
    root = int(row[0])
    first = conn.execute("SELECT id FROM articles WHERE aid = ?", (root,)).fetchone()
    return root, str(first[0])


def _near(conn: sqlite3.Connection, sig: tuple[int, ...], threshold: float) -> tuple[int, float] | None:
    keys = dedup.band_keys(sig)
    marks = ",".join("?" * len(keys))
    cands = conn.execute(
        f"SELECT DISTINCT m.aid, m.sig FROM minhash_bands b JOIN minhashes m USING (aid) "
        f"WHERE b.key IN ({marks}) ORDER BY m.aid",
        keys,
    ).fetchall()
    best: tuple[int, float] | None = None
    for aid, blob in cands:
        sim = dedup.similarity(sig, dedup.unpack(blob))
        if sim >= threshold and (best is None or sim > best[1]):
            best = (int(aid), sim)
    return best


def _classify(conn: sqlite3.Connection, article: Article, digest: str, url_key: str | None,
              sig: tuple[int, ...] | None, threshold: float
              ) -> tuple[str, int | None, str | None, str | None, float | None]:
    """(id to store under, duplicate_of aid, its id, kind, similarity)."""
    clash = conn.execute("SELECT aid FROM articles WHERE id = ?", (article.id,)).fetchone()
    if clash is not None:
        root, first = _root(conn, clash[0])
        return f"{article.id}-{digest[:8]}", root, first, "id", None
    if url_key is not None:
        same = conn.execute(
            "SELECT aid FROM articles WHERE url_key = ? ORDER BY aid LIMIT 1", (url_key,)
        ).fetchone()
        if same is not None:
            root, first = _root(conn, same[0])
            return article.id, root, first, "url", None
    if sig is not None:
        near = _near(conn, sig, threshold)
        if near is not None:
            root, first = _root(conn, near[0])
            return article.id, root, first, "near", round(near[1], 4)
    return article.id, None, None, None, None


def _insert(conn: sqlite3.Connection, doc: Doc, digest: str, stages: str,
            threshold: float) -> Outcome:
    a = doc.article
    it = index_text(a.text, a.title)
    sig = dedup.signature(it.stems)
    url_key = dedup.canonical_url(a.url)
    new_id, dup_aid, dup_id, kind, sim = _classify(conn, a, digest, url_key, sig, threshold)
    published, day, ts = when_fields(a.published)
    fetched = a.fetched.isoformat() if a.fetched else None
    key = next_key(conn, day, dup_aid is not None)
    cur = conn.execute(
        "INSERT INTO articles(id, content_hash, url, url_key, source, category, title, published,"
        " day, ts, language, encoding, fetched, meta, text, duplicate_of, duplicate_kind,"
        " similarity, ingested, skey) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (new_id, digest, a.url, url_key, a.source, a.category, a.title, published, day, ts,
         a.language, a.encoding, fetched, _json(dict(a.meta)), a.text, dup_aid, kind, sim,
         now(), key),
    )
    aid = int(cur.lastrowid or 0)
    rows = _write_doc(conn, aid, doc, stages)
    meta = meta_tokens(a.source, a.category,
                       sorted({r[6] for r in rows if r[1] == "entities" and r[6]}),
                       sorted({r[5] for r in rows if r[1] == "events" and r[5]}))
    index_article(conn, key, it, meta)
    add_signature(conn, aid, sig)
    if kind is None:
        return Outcome("new", new_id)
    return Outcome("duplicate", new_id, kind, dup_id, sim)


def _write_doc(conn: sqlite3.Connection, aid: int, doc: Doc,
               stages: str) -> list[tuple[Any, ...]]:
    data = doc.to_dict()
    data.pop("text", None)
    conn.execute(
        "INSERT INTO docs(aid, schema, stages, doc) VALUES (?, ?, ?, ?)",
        (aid, data["schema"], stages, _json(data)),
    )
    rows = []
    for group, spans in doc.spans.items():
        for seq, span in enumerate(spans):
            rows.append(_span_row(aid, group, seq, span, doc.text))
    conn.executemany(
        "INSERT INTO spans(aid, grp, seq, start, end, label, key, text, attrs) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.executemany(
        "INSERT OR REPLACE INTO stage_failures(aid, stage, code, message) VALUES (?, ?, ?, ?)",
        [(aid, f.stage, f.code, f.message) for f in doc.failures],
    )
    return rows


def _span_row(aid: int, group: str, seq: int, span: Span, text: str) -> tuple[Any, ...]:
    data = span.to_dict(text)
    start, end, covered = data.pop("start"), data.pop("end"), data.pop("text")
    label = next((data[k] for k in LABEL_ATTRS if isinstance(data.get(k), str)), None)
    key = data.get("kb_id") or data.get("speaker_kb_id")
    if key is None and group == "entities":
        key = entity_key(data.get("canonical") or covered)
    return (aid, group, seq, start, end, label, key, covered, _json(data))


def entity_key(name: str) -> str:
    """The key of an entity with no knowledge-base id: ``~`` and its normalized name."""
    return "~" + " ".join(normalize_text(name).split())


def doc_from_row(text: str, doc_json: str) -> Doc:
    """The Doc stored for an article (its JSON lacks the text, kept once in ``articles``)."""
    data = json.loads(doc_json)
    data["text"] = text
    return Doc.from_dict(data)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
