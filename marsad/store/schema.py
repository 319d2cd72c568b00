"""The archive's schema and its migrations.

The database records the migrations applied in ``schema_version`` (one row each: version,
description, when). :func:`migrate` applies the missing ones in order, each in its own
transaction, so a database is always at one version. A database newer than this marsad is
refused rather than guessed at. ``docs/store.md`` describes every table and view.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from marsad.errors import MarsadError
from marsad.store.keys import day_ordinal, make_key


class StoreError(MarsadError):
    """The archive cannot be used: not a marsad database, a newer schema, a missing file."""

    code = "store"


V1_CORE = """
CREATE TABLE articles (
    aid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    url_key TEXT,
    source TEXT,
    category TEXT,
    title TEXT,
    published TEXT,
    day TEXT,
    ts REAL,
    language TEXT,
    encoding TEXT,
    fetched TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    duplicate_of INTEGER REFERENCES articles(aid),
    duplicate_kind TEXT CHECK (duplicate_kind IN ('url', 'near', 'id')),
    similarity REAL,
    ingested TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX articles_url_key ON articles(url_key);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_ts ON articles(ts);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_category ON articles(category);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE copies (
    aid INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,
    url TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    category TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    ingested TEXT NOT NULL,
    PRIMARY KEY (aid, url, source, title, published)
) WITHOUT ROWID;

CREATE TABLE docs (
    aid INTEGER PRIMARY KEY REFERENCES articles(aid) ON DELETE CASCADE,
    schema INTEGER NOT NULL,
    stages TEXT NOT NULL,
    doc TEXT NOT NULL
);

CREATE TABLE spans (
    sid INTEGER PRIMARY KEY,
    aid INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,
    grp TEXT NOT NULL,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT,
    key TEXT,
    text TEXT NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    UNIQUE (aid, grp, seq)
);
CREATE INDEX spans_grp_label ON spans(grp, label);
CREATE INDEX spans_grp_key ON spans(grp, key);

CREATE TABLE stage_failures (
    aid INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (aid, stage)
) WITHOUT ROWID;

CREATE TABLE ingest_failures (
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (source, code, reason)
) WITHOUT ROWID;

CREATE VIEW mentions AS
SELECT a.id AS article_id, s.seq, s.start, s.end, s.text, s.label AS type,
       json_extract(s.attrs, '$.kb_id') AS kb_id,
       json_extract(s.attrs, '$.canonical') AS canonical,
       json_extract(s.attrs, '$.score') AS score,
       json_extract(s.attrs, '$.ref') AS ref, s.key AS entity
FROM spans s JOIN articles a USING (aid) WHERE s.grp = 'entities';

CREATE VIEW entities AS
SELECT s.key AS entity, json_extract(s.attrs, '$.kb_id') AS kb_id,
       max(json_extract(s.attrs, '$.canonical')) AS canonical, max(s.label) AS type,
       count(*) AS mentions, count(DISTINCT s.aid) AS articles
FROM spans s WHERE s.grp = 'entities' GROUP BY s.key;

CREATE VIEW quantities AS
SELECT a.id AS article_id, s.seq, s.start, s.end, s.text, s.label AS kind,
       json_extract(s.attrs, '$.value') AS value, json_extract(s.attrs, '$.unit') AS unit,
       json_extract(s.attrs, '$.currency') AS currency,
       json_extract(s.attrs, '$.bound') AS bound
FROM spans s JOIN articles a USING (aid) WHERE s.grp = 'quantities';

CREATE VIEW dates AS
SELECT a.id AS article_id, s.seq, s.start, s.end, s.text, s.label AS granularity,
       json_extract(s.attrs, '$.value') AS value, json_extract(s.attrs, '$.first') AS first,
       json_extract(s.attrs, '$.last') AS last,
       json_extract(s.attrs, '$.calendar') AS calendar,
       json_extract(s.attrs, '$.relative') AS relative
FROM spans s JOIN articles a USING (aid) WHERE s.grp = 'dates';

CREATE VIEW attributions AS
SELECT a.id AS article_id, s.seq, s.start, s.end, s.text, s.label AS kind,
       json_extract(s.attrs, '$.cue.text') AS cue,
       json_extract(s.attrs, '$.speaker.text') AS speaker,
       json_extract(s.attrs, '$.content.text') AS content,
       json_extract(s.attrs, '$.direct') AS direct,
       json_extract(s.attrs, '$.speaker_kb_id') AS speaker_kb_id,
       json_extract(s.attrs, '$.continues') AS continues,
       json_extract(s.attrs, '$.anonymous') AS anonymous
FROM spans s JOIN articles a USING (aid) WHERE s.grp = 'attributions';

CREATE VIEW events AS
SELECT a.id AS article_id, s.seq, s.start, s.end, s.text, s.label AS type,
       json_extract(s.attrs, '$.mode') AS mode,
       json_extract(s.attrs, '$.trigger.text') AS trigger,
       json_extract(s.attrs, '$.actors') AS actors,
       json_extract(s.attrs, '$.recipients') AS recipients,
       json_extract(s.attrs, '$.place.text') AS place,
       json_extract(s.attrs, '$.date') AS date,
       json_extract(s.attrs, '$.negated') AS negated,
       json_extract(s.attrs, '$.hypothetical') AS hypothetical,
       json_extract(s.attrs, '$.reported') AS reported,
       json_extract(s.attrs, '$.historical') AS historical
FROM spans s JOIN articles a USING (aid) WHERE s.grp = 'events';
"""

V2_SEARCH = """
CREATE VIRTUAL TABLE search USING fts5(
    title, lead, body, wlead, wbody,
    content='', columnsize=1, tokenize='unicode61 remove_diacritics 0'
);
CREATE TABLE minhashes (
    aid INTEGER PRIMARY KEY REFERENCES articles(aid) ON DELETE CASCADE,
    sig BLOB NOT NULL
);
CREATE TABLE minhash_bands (
    key INTEGER NOT NULL,
    aid INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,
    PRIMARY KEY (key, aid)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_aid ON minhash_bands(aid);
CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;
"""


def _v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(V1_CORE):
        conn.execute(statement)


def _search_table(tokenize: str) -> str:
    """The search index of versions 3 and on, with its FTS5 ``tokenize`` option."""
    return f"""
CREATE VIRTUAL TABLE search USING fts5(
    title, lead, body, wlead, wbody, phrases, prefixes, meta,
    content='', columnsize=1, tokenize={tokenize}
);
INSERT INTO search(search, rank) VALUES ('hashsize', 16777216);
"""


V3_SEARCH = _search_table("'unicode61 remove_diacritics 0'")


# numbers keep their decimal point and thousands separator (1.5, 1,500: one term each, as
# in term_df); unicode61 alone split them into a phrase of two common tokens
V4_SEARCH = _search_table('"unicode61 remove_diacritics 0 tokenchars \'.,\'"')
V4_FACETS = "CREATE INDEX IF NOT EXISTS spans_facets ON spans(aid, grp, key, label)"


def _v2(conn: sqlite3.Connection) -> None:
    """Near-duplicate signatures and the tables of the first search index (filled by v3)."""
    from marsad.store import dedup
    from marsad.store.terms import terms
    from marsad.store.write import add_signature

    for statement in _statements(V2_SEARCH):
        conn.execute(statement)
    for aid, text in conn.execute("SELECT aid, text FROM articles ORDER BY aid").fetchall():
        add_signature(conn, aid, dedup.signature(terms(text)[0]))


def _v3(conn: sqlite3.Connection) -> None:
    """Search keys (:mod:`marsad.store.keys`) and the search index keyed by them, with phrase,
    prefix and metadata tokens; stem and word frequencies (rebuilt from the stored articles)."""
    conn.execute("ALTER TABLE articles ADD COLUMN skey INTEGER")
    keys: dict[int, int] = {}
    for aid, day, dup in conn.execute(
            "SELECT aid, day, duplicate_of FROM articles ORDER BY aid").fetchall():
        d = day_ordinal(day)
        keys[d] = keys.get(d, 0) + 1
        conn.execute("UPDATE articles SET skey = ? WHERE aid = ?",
                     (make_key(d, keys[d], dup is not None), aid))
    conn.execute("CREATE UNIQUE INDEX articles_skey ON articles(skey)")
    conn.execute("DROP TABLE IF EXISTS search")
    for statement in _statements(V3_SEARCH):
        conn.execute(statement)
    conn.execute("DELETE FROM term_df")
    reindex(conn)


def _v4(conn: sqlite3.Connection) -> None:
    """Numbers as one index token (1.5, 1,500), and an index that covers the facet counts
    (an article's entity keys and event types without reading its span rows)."""
    conn.execute("DROP TABLE IF EXISTS search")
    for statement in _statements(V4_SEARCH):
        conn.execute(statement)
    conn.execute("DELETE FROM term_df")
    reindex(conn)
    conn.execute(V4_FACETS)


def reindex(conn: sqlite3.Connection) -> int:
    """Index every stored article (into an empty index); the number indexed."""
    from collections import Counter

    from marsad.store.terms import COLUMNS, index_text, meta_tokens

    marks = ", ".join("?" * (len(COLUMNS) + 1))
    insert = f"INSERT INTO search(rowid, {', '.join(COLUMNS)}) VALUES ({marks})"
    spans = ("SELECT DISTINCT CASE grp WHEN 'entities' THEN key ELSE label END FROM spans "
             "WHERE aid = ? AND grp = ? ORDER BY 1")
    df: Counter[str] = Counter()
    n = 0
    rows = conn.cursor().execute(
        "SELECT aid, skey, title, text, source, category FROM articles ORDER BY aid")
    for aid, key, title, text, source, category in rows:
        it = index_text(text, title)
        ents, events = ([v for (v,) in conn.execute(spans, (aid, grp)) if v]
                        for grp in ("entities", "events"))
        meta = meta_tokens(source, category, ents, events)
        conn.execute(insert, (key, *it.values(), meta))
        df.update(it.distinct)
        n += 1
    conn.executemany("INSERT INTO term_df(term, df) VALUES (?, ?)", sorted(df.items()))
    return n


def _statements(script: str) -> list[str]:
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]


#: version -> (description, function applying it inside an open transaction).
MIGRATIONS: dict[int, tuple[str, Callable[[sqlite3.Connection], None]]] = {
    1: ("articles, copies, docs, spans, failures and their views", _v1),
    2: ("full-text search index, stem document frequencies, near-duplicate signatures", _v2),
    3: ("search index keyed by day, article and duplicate flag; phrase, prefix and metadata "
        "tokens; stem and word frequencies", _v3),
    4: ("numbers as one search token; an index of spans by article for facets", _v4),
}
LATEST = max(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of the database (0 for an empty one)."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError("not a marsad archive (it has tables but no schema_version)")
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> list[int]:
    """Apply the migrations the database lacks, up to ``target``; the versions applied."""
    version = current_version(conn)
    if version > LATEST:
        raise StoreError(
            f"the archive has schema version {version}, newer than this marsad reads "
            f"({LATEST}): upgrade marsad"
        )
    applied = []
    for v in range(version + 1, target + 1):
        _apply(conn, v)
        applied.append(v)
    return applied


def _apply(conn: sqlite3.Connection, version: int) -> None:
    description, func = MIGRATIONS[version]
    conn.execute("BEGIN IMMEDIATE")
    try:
        if version == 1:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                "description TEXT NOT NULL, applied TEXT NOT NULL)"
            )
        func(conn)
        conn.execute(
            "INSERT INTO schema_version VALUES (?, ?, ?)",
            (version, description, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
