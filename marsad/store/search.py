"""Search the archive: BM25 over the derived index, filters, snippets and facets.

A hit's ``score`` is ``-bm25`` over the index columns (title and lead weigh 3, the rest of the
body 1; see :mod:`marsad.store.terms`), multiplied, with ``recent``, by
``1 + 1 / (1 + age / half_life)`` where ``age`` counts back from the newest article of the
archive, so the newest articles count up to twice. Duplicates (``url``, ``near``, ``id``) are
left out unless ``duplicates`` is true. Snippets are cut from the original text and their
highlights are offsets into the snippet of the words that matched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from marsad.errors import ConfigError
from marsad.store.query import Compiled, compile_query, compile_tree, estimate, prune, stems_of
from marsad.store.terms import WEIGHTS, iter_terms
from marsad.store.write import entity_key

SNIPPET_WORDS = 30
FACET_LIMIT = 10
#: archives up to this many articles are searched exactly as the query says.
PLAN_FROM = 50_000
#: a ranked query keeps its rarest words while their document frequencies add up to this.
TERM_BUDGET = 10_000
#: a query estimated to match more articles is ranked among the most recently stored ones.
MATCH_CAP = 10_000


@dataclass
class Hit:
    id: str
    title: str | None
    url: str | None
    published: str | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    source: str | None = None
    category: str | None = None
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["highlights"] = [list(h) for h in self.highlights]
        return out


@dataclass
class Results:
    query: str
    hits: list[Hit]
    facets: dict[str, list[dict[str, Any]]] | None = None
    total: int | None = None
    fts: str | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"query": self.query, "hits": [h.to_dict() for h in self.hits]}
        if self.total is not None:
            out["total"] = self.total
        if self.facets is not None:
            out["facets"] = self.facets
        return out


@dataclass
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    duplicates: bool = False

    def sql(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if not self.duplicates:
            where.append("a.duplicate_of IS NULL")
        if self.date_from:
            where.append("a.day >= ?")
            args.append(self.date_from)
        if self.date_to:
            where.append("a.day <= ?")
            args.append(self.date_to)
        for column, values in (("source", self.sources), ("category", self.categories)):
            if values:
                where.append(f"a.{column} IN ({','.join('?' * len(values))})")
                args.extend(values)
        for value in self.entities:
            where.append("EXISTS (SELECT 1 FROM spans s WHERE s.aid = a.aid AND "
                         "s.grp = 'entities' AND s.key IN (?, ?))")
            args.extend((value, entity_key(value)))
        if self.event_types:
            marks = ",".join("?" * len(self.event_types))
            where.append("EXISTS (SELECT 1 FROM spans s WHERE s.aid = a.aid AND "
                         f"s.grp = 'events' AND s.label IN ({marks}))")
            args.extend(t.upper() for t in self.event_types)
        return where, args


def day_bound(value: str | None, end: bool, name: str) -> str | None:
    """An ISO day from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the last day with ``end``)."""
    if not value:
        return None
    parts = value.strip().split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 12 if end else 1, 31 if end else 1).isoformat()
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            if not end:
                return date(y, m, 1).isoformat()
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1).isoformat()
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ConfigError(f"{name} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def search(conn: sqlite3.Connection, query: str, *, date_from: str | None = None,
           date_to: str | None = None, sources: tuple[str, ...] = (),
           categories: tuple[str, ...] = (), entities: tuple[str, ...] = (),
           event_types: tuple[str, ...] = (), recent: bool = False,
           half_life_days: float = 365.0, limit: int = 10, offset: int = 0,
           duplicates: bool = False, facets: bool = False,
           snippet_words: int = SNIPPET_WORDS) -> Results:
    """Search the archive (see the module docstring and ``docs/store.md``)."""
    if limit < 0 or offset < 0:
        raise ConfigError("limit and offset must not be negative")
    filters = Filters(day_bound(date_from, False, "--from"), day_bound(date_to, True, "--to"),
                      tuple(sources), tuple(categories), tuple(entities), tuple(event_types),
                      duplicates)
    compiled = compile_query(query)
    where, args = filters.sql()
    low = 0
    if compiled is not None:
        compiled, low = plan(conn, compiled)
    sql, sql_args = _hits_sql(compiled, filters, where, args, recent, half_life_days, conn, low)
    try:
        rows = conn.execute(sql, (*sql_args, limit, offset)).fetchall()
    except sqlite3.OperationalError as exc:  # pragma: no cover - the compiler's bug, not the user's
        raise ConfigError(f"search failed on {query!r}: {exc}") from None
    hits = _hits(conn, rows, compiled, snippet_words)
    results = Results(query, hits, fts=compiled.fts if compiled else None)
    if facets:
        if low:
            where, args = [*where, "a.aid >= ?"], [*args, low]
        results.total, results.facets = _facets(conn, compiled, where, args)
    return results


def plan(conn: sqlite3.Connection, compiled: Compiled) -> tuple[Compiled, int]:
    """Keep queries on a large archive fast: a ranked query drops its most common words
    (:func:`~marsad.store.query.prune`), and a query still estimated to match more than
    :data:`MATCH_CAP` articles is ranked among the most recently stored ones. Returns the
    query to run and the lowest article key to consider (0: all)."""
    n = conn.execute("SELECT max(aid) FROM articles").fetchone()[0] or 0
    if n <= PLAN_FROM or compiled.tree is None:
        return compiled, 0
    stems = sorted(stems_of(compiled.tree))
    df = dict(conn.execute(
        f"SELECT term, df FROM term_df WHERE term IN ({','.join('?' * len(stems))})", stems
    ).fetchall()) if stems else {}
    tree = prune(compiled.tree, df, TERM_BUDGET)
    if tree is not compiled.tree:
        planned = compile_tree(compiled.text, tree)
        planned.stems, planned.words = compiled.stems, compiled.words
        planned.prefixes = compiled.prefixes
        compiled = planned
    matches = estimate(tree, df, n)
    if matches <= MATCH_CAP:
        return compiled, 0
    return compiled, max(0, n - int(n * MATCH_CAP / matches))


def _hits_sql(compiled: Compiled | None, filters: Filters, where: list[str], args: list[Any],
              recent: bool, half_life_days: float, conn: sqlite3.Connection,
              low: int) -> tuple[str, list[Any]]:
    cols = ("a.aid, a.id, a.title, a.url, a.published, a.source, a.category, "
            "(SELECT d.id FROM articles d WHERE d.aid = a.duplicate_of)")
    if compiled is None:
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        return (f"SELECT {cols}, 0.0 AS score FROM articles a{cond} "
                "ORDER BY a.ts IS NULL, a.ts DESC, a.aid LIMIT ? OFFSET ?"), list(args)
    score = f"-bm25(search, {', '.join(str(w) for w in WEIGHTS)})"
    window = " AND search.rowid >= ?" if low else ""
    fts_args: list[Any] = [compiled.fts, *([low] if low else [])]
    if not recent and where == ([] if filters.duplicates else ["a.duplicate_of IS NULL"]):
        # No filter but duplicates: rank in the index alone, read the ten articles after.
        dups = "" if filters.duplicates else (
            " AND search.rowid NOT IN (SELECT aid FROM articles WHERE duplicate_of IS NOT NULL)")
        return (f"SELECT {cols}, h.score FROM (SELECT search.rowid AS aid, {score} AS score "
                f"FROM search WHERE search MATCH ?{window}{dups} ORDER BY score DESC, aid "
                "LIMIT ? OFFSET ?) h JOIN articles a ON a.aid = h.aid ORDER BY h.score DESC, "
                "a.aid"), fts_args
    extra: list[Any] = []
    if recent:
        newest = conn.execute("SELECT max(ts) FROM articles").fetchone()[0] or 0.0
        half = max(half_life_days, 0.001) * 86400.0
        score = (f"{score} * (CASE WHEN a.ts IS NULL THEN 1.0 ELSE "
                 "1.0 + 1.0 / (1.0 + max(0.0, ? - a.ts) / ?) END)")
        extra = [newest, half]
    cond = "".join(f" AND {w}" for w in where)
    sql = (f"SELECT {cols}, {score} AS score FROM search JOIN articles a ON a.aid = search.rowid "
           f"WHERE search MATCH ?{window}{cond} ORDER BY score DESC, a.aid LIMIT ? OFFSET ?")
    return sql, [*extra, *fts_args, *args]


def _hits(conn: sqlite3.Connection, rows: list[Any], compiled: Compiled | None,
          words: int) -> list[Hit]:
    if not rows:
        return []
    if words <= 0:  # no snippets asked for
        return [Hit(r[1], r[2], r[3], r[4], round(float(r[8]), 4), "", [], r[5], r[6], r[7])
                for r in rows]
    aids = [r[0] for r in rows]
    texts = dict(conn.execute(
        f"SELECT aid, text FROM articles WHERE aid IN ({','.join('?' * len(aids))})", aids
    ).fetchall())
    out = []
    for aid, ident, title, url, published, source, category, dup, score in rows:
        snippet, marks = make_snippet(texts[aid], compiled, words)
        out.append(Hit(ident, title, url, published, round(float(score), 4), snippet, marks,
                       source, category, dup))
    return out


def make_snippet(text: str, compiled: Compiled | None,
                 words: int = SNIPPET_WORDS) -> tuple[str, list[tuple[int, int]]]:
    """A window of about ``words`` words of the original text around the best matches, and
    the (start, end) of each matched word in it."""
    tokens = list(iter_terms(text))
    if not tokens:
        return text[:200], []
    hits = [i for i, (_s, _e, st, wd) in enumerate(tokens)
            if compiled is not None and compiled.matches(st, wd)]
    first = _best_window(tokens, hits, words)
    last = min(len(tokens), first + words)
    start, end = tokens[first][0], tokens[last - 1][1]
    if last == len(tokens):
        end = len(text)
    snippet = ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
    shift = start - (1 if start > 0 else 0)
    marks = [(tokens[i][0] - shift, tokens[i][1] - shift) for i in hits if first <= i < last]
    return snippet.replace("\n", " ").replace("\r", " "), marks


def _best_window(tokens: list[tuple[int, int, str, str]], hits: list[int], words: int) -> int:
    """The first token of the window with the most distinct matched terms (then matches)."""
    if not hits:
        return 0
    best, best_key = hits[0], (-1, -1)
    lead = max(1, words // 6)
    for i in hits:
        first = max(0, i - lead)
        inside = [j for j in hits if first <= j < first + words]
        key = (len({tokens[j][2] for j in inside}), len(inside))
        if key > best_key:
            best, best_key = first, key
    return best


def _facets(conn: sqlite3.Connection, compiled: Compiled | None, where: list[str],
            args: list[Any]) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS facet_hits (aid INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM facet_hits")
    if compiled is None:
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        conn.execute(f"INSERT INTO facet_hits SELECT a.aid FROM articles a{cond}", args)
    else:
        cond = "".join(f" AND {w}" for w in where)
        conn.execute(
            "INSERT INTO facet_hits SELECT a.aid FROM search JOIN articles a "
            f"ON a.aid = search.rowid WHERE search MATCH ?{cond}", [compiled.fts, *args])
    total = conn.execute("SELECT count(*) FROM facet_hits").fetchone()[0]
    ents = conn.execute(
        "SELECT s.key, coalesce(max(json_extract(s.attrs, '$.canonical')), max(s.text)), "
        "max(s.label), count(DISTINCT s.aid) AS n FROM spans s JOIN facet_hits h USING (aid) "
        "WHERE s.grp = 'entities' GROUP BY s.key ORDER BY n DESC, s.key LIMIT ?",
        (FACET_LIMIT,)).fetchall()
    srcs = conn.execute(
        "SELECT a.source, count(*) AS n FROM facet_hits h JOIN articles a USING (aid) "
        "GROUP BY a.source ORDER BY n DESC, a.source LIMIT ?", (FACET_LIMIT,)).fetchall()
    events = conn.execute(
        "SELECT s.label, count(DISTINCT s.aid) AS n FROM spans s JOIN facet_hits h USING (aid) "
        "WHERE s.grp = 'events' GROUP BY s.label ORDER BY n DESC, s.label LIMIT ?",
        (FACET_LIMIT,)).fetchall()
    return int(total), {
        "entities": [{"entity": k, "name": n, "type": t, "count": c} for k, n, t, c in ents],
        "sources": [{"source": s, "count": c} for s, c in srcs],
        "event_types": [{"type": t, "count": c} for t, c in events],
    }
