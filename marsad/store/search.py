"""Search the archive: BM25 over the derived index, filters, snippets and facets.

A hit's ``score`` is ``-bm25`` over the index columns (title and lead weigh 3, the rest of the
body 1; see :mod:`marsad.store.terms`), multiplied, with ``recent``, by
``1 + 1 / (1 + age / half_life)`` where ``age`` counts back from the newest article of the
archive, so the newest articles count up to twice; the best hits of a pasted headline (three
or more plain words side by side, no operator) get a second look (:mod:`marsad.store.rerank`).
Duplicates (``url``, ``near``, ``id``) are left out unless ``duplicates`` is true. Snippets are cut from the original text and their
highlights are offsets into the snippet of the words that matched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from marsad.errors import ConfigError
from marsad.store.keys import DAY_SHIFT, DAY_SQL, day_ordinal, key_range
from marsad.store.plan import Limits, plan
from marsad.store.query import Compiled, compile_query
from marsad.store.rerank import DAY_HITS, SecondLook, prepare, query_terms, rerank
from marsad.store.rerank import DEPTH as RERANK_DEPTH
from marsad.store.terms import WEIGHTS, iter_terms, meta_token, text_terms
from marsad.store.write import entity_key

SNIPPET_WORDS = 30
#: snippets look for matches in this many first characters (then in the rest if none).
SNIPPET_SCAN = 10_000
FACET_LIMIT = 10
#: facets count the entities, sources and event types of this many newest matches.
FACET_SAMPLE = 500
#: archives up to this many articles are searched exactly as the query says.
PLAN_FROM = 10_000
#: a ranked query's condition: its rarest word forms while their frequencies add up to this.
TERM_BUDGET = 10_000
#: a query estimated to match more articles is ranked among its newest this many matches.
MATCH_CAP = 10_000
#: on a large archive, a ranked query leaves out words in more than this share of articles.
COMMON = 0.05


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

    def tokens(self) -> list[str]:
        """Full-text conditions (``meta`` tokens, :func:`~marsad.store.terms.meta_token`),
        each to be ANDed with the query: any of the sources, any of the categories, every
        entity (by key or, for unlinked ones, by normalized name), any of the event types."""
        groups = [[meta_token("source", v) for v in self.sources],
                  [meta_token("category", v) for v in self.categories],
                  *([meta_token("entity", v), meta_token("entity", entity_key(v))]
                    for v in self.entities),
                  [meta_token("event", t.upper()) for t in self.event_types]]
        return [_any_of(g) for g in groups if g]

    def keys(self) -> tuple[list[str], list[Any]]:
        """Conditions on the search key: the date range and duplicates."""
        where: list[str] = []
        args: list[Any] = []
        lo, hi = key_range(self.date_from, self.date_to)
        if lo is not None:
            where.append("search.rowid >= ?")
            args.append(lo)
        if hi is not None:
            where.append("search.rowid < ?")
            args.append(hi)
        if not self.duplicates:
            where.append("(search.rowid & 1) = 0")
        return where, args


def _any_of(tokens: list[str]) -> str:
    quoted = list(dict.fromkeys(f'"{t}"' for t in tokens))
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


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
           snippet_words: int = SNIPPET_WORDS, plan_limits: Limits | None = None,
           second_look: SecondLook | None = None) -> Results:
    """Search the archive (see the module docstring and ``docs/store.md``; ``plan_limits``
    replaces the large-archive planner's limits, :func:`limits`; ``second_look`` the
    function that ranks a headline's best hits again, :func:`marsad.store.rerank.rerank`)."""
    if limit < 0 or offset < 0:
        raise ConfigError("limit and offset must not be negative")
    filters = Filters(day_bound(date_from, False, "--from"), day_bound(date_to, True, "--to"),
                      tuple(sources), tuple(categories), tuple(entities), tuple(event_types),
                      duplicates)
    compiled = compile_query(query)
    fts = condition = None
    window = False
    if compiled is not None and compiled.tree is not None:
        n = conn.execute("SELECT max(aid) FROM articles").fetchone()[0] or 0
        planned = plan(conn, compiled.tree, compiled.fts, n, plan_limits or limits())
        fts, window, condition = planned.fts, planned.window, planned.condition
    match = _and([fts] if fts else [], filters.tokens())
    # the same articles as ``match``, found more cheaply (the planned query's condition)
    finder = _and([condition], filters.tokens()) if condition else match
    where, args = base = filters.keys()
    if window and finder:
        cap = (plan_limits or limits()).cap
        where, args = _window(conn, finder, where, args, cap)
    try:
        terms = query_terms(compiled.tree) if compiled is not None else None
        if fts and terms:
            # every page is a slice of one ranking: the rows up to the page's end, the extra
            # rows of the query's days taken out of them, and one row past the hits looked at
            # again (whose score they all stay above)
            second = prepare(conn, terms, query)
            extra = [r for day in second.days for r in _ranked(
                conn, match, *_on_day(where, args, day), recent, half_life_days, DAY_HITS, 0)]
            rows = _ranked(conn, match, where, args, recent, half_life_days,
                           max(offset + limit, RERANK_DEPTH + 1) + len(extra), 0)
            rows = (second_look or rerank)(conn, rows, second, extra)[offset:offset + limit]
        elif fts:
            rows = _ranked(conn, match, where, args, recent, half_life_days, limit, offset)
        else:
            rows = _listed(conn, match, where, args, limit, offset)
    except sqlite3.OperationalError as exc:  # pragma: no cover - the compiler's bug, not the user's
        raise ConfigError(f"search failed on {query!r}: {exc}") from None
    hits = _hits(conn, rows, compiled, snippet_words)
    results = Results(query, hits, fts=fts)
    if facets:
        results.total, results.facets = _facets(conn, finder, *base)
    return results


def limits() -> Limits:
    """The planner's limits (this module's constants, so that tests can change them)."""
    return Limits(PLAN_FROM, TERM_BUDGET, MATCH_CAP, COMMON)


def _and(query: list[str], tokens: list[str]) -> str | None:
    parts = query + tokens
    return (parts[0] if len(parts) == 1 else " AND ".join(f"({p})" for p in parts)) or None


def _cond(match: str | None, where: list[str]) -> str:
    conds = (["search MATCH ?"] if match else []) + where
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def _on_day(where: list[str], args: list[Any], day: int) -> tuple[list[str], list[Any]]:
    """The key conditions narrowed to the articles of one day (an ordinal)."""
    return ([*where, "search.rowid >= ?", "search.rowid < ?"],
            [*args, day << DAY_SHIFT, (day + 1) << DAY_SHIFT])


def _window(conn: sqlite3.Connection, match: str, where: list[str], args: list[Any],
            cap: int) -> tuple[list[str], list[Any]]:
    """The key conditions narrowed to the newest ``cap`` matches."""
    low = conn.execute(
        f"SELECT min(k) FROM (SELECT search.rowid AS k FROM search{_cond(match, where)} "
        "ORDER BY search.rowid DESC LIMIT ?)", (match, *args, cap)).fetchone()[0]
    if low is None:
        return where, args
    return [*where, "search.rowid >= ?"], [*args, low]


def _ranked(conn: sqlite3.Connection, match: str | None, where: list[str], args: list[Any],
            recent: bool, half_life_days: float, limit: int,
            offset: int) -> list[tuple[int, float]]:
    score = f"-bm25(search, {', '.join(str(w) for w in WEIGHTS)})"
    extra: list[Any] = []
    if recent:
        newest = conn.execute("SELECT max(day) FROM articles").fetchone()[0]
        score = (f"{score} * (CASE WHEN {DAY_SQL} = 0 THEN 1.0 ELSE "
                 f"1.0 + 1.0 / (1.0 + max(0, ? - {DAY_SQL}) / ?) END)")
        extra = [day_ordinal(newest), max(half_life_days, 0.001)]
    sql = (f"SELECT search.rowid, {score} AS score FROM search{_cond(match, where)} "
           "ORDER BY score DESC, search.rowid LIMIT ? OFFSET ?")
    return conn.execute(sql, (*extra, *([match] if match else []), *args, limit,
                              offset)).fetchall()


def _listed(conn: sqlite3.Connection, match: str | None, where: list[str], args: list[Any],
            limit: int, offset: int) -> list[tuple[int, float]]:
    """No words to rank: the matching articles, newest first."""
    sql = (f"SELECT search.rowid, 0.0 FROM search{_cond(match, where)} "
           "ORDER BY search.rowid DESC LIMIT ? OFFSET ?")
    return conn.execute(sql, (*([match] if match else []), *args, limit, offset)).fetchall()


def _hits(conn: sqlite3.Connection, rows: list[tuple[int, float]], compiled: Compiled | None,
          words: int) -> list[Hit]:
    """The hits of ``(search key, score)`` rows, in their order (one read of their articles)."""
    if not rows:
        return []
    keys = [key for key, _score in rows]
    text = ", a.text" if words > 0 else ""
    found = {r[0]: r[1:] for r in conn.execute(
        "SELECT a.skey, a.id, a.title, a.url, a.published, a.source, a.category, "
        f"(SELECT d.id FROM articles d WHERE d.aid = a.duplicate_of){text} FROM articles a "
        f"WHERE a.skey IN ({','.join('?' * len(keys))})", keys)}
    out = []
    for key, score in rows:
        ident, title, url, published, source, category, dup, *body = found[key]
        snippet, marks = make_snippet(body[0], compiled, words) if body else ("", [])
        out.append(Hit(ident, title, url, published, round(float(score), 4), snippet, marks,
                       source, category, dup))
    return out


def make_snippet(text: str, compiled: Compiled | None,
                 words: int = SNIPPET_WORDS) -> tuple[str, list[tuple[int, int]]]:
    """A window of about ``words`` words of the original text around the best matches, and
    the (start, end) of each matched word in it. The matches are looked for in the first
    :data:`SNIPPET_SCAN` characters, and in the rest only when there are none there."""
    part = text[:SNIPPET_SCAN]
    found = text_terms(part)
    hits = _hits_in(found, compiled)
    if not hits and len(part) < len(text):
        more = text_terms(text)
        if _hits_in(more, compiled):
            part, found = text, more
            hits = _hits_in(found, compiled)
    if not found:
        return text[:200], []
    first = _best_window(found, hits, words)
    last = min(len(found), first + words)
    spans = [(s, e) for s, e, _st, _wd in islice(iter_terms(part), first, last)]
    start, end = spans[0][0], spans[-1][1]
    if last == len(found) and len(part) == len(text):
        end = len(text)
    snippet = ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
    shift = start - (1 if start > 0 else 0)
    marks = [(spans[i - first][0] - shift, spans[i - first][1] - shift)
             for i in hits if first <= i < last]
    return snippet.replace("\n", " ").replace("\r", " "), marks


def _hits_in(found: list[tuple[str, str]], compiled: Compiled | None) -> list[int]:
    """The indexes of the (stem, word) pairs the query matches."""
    if compiled is None:
        return []
    stems, forms = compiled.stems, compiled.words
    prefixes = tuple(compiled.prefixes)
    return [i for i, (st, wd) in enumerate(found)
            if st in stems or wd in forms or (prefixes and wd.startswith(prefixes))]


def _best_window(found: list[tuple[str, str]], hits: list[int], words: int) -> int:
    """The first token of the window with the most distinct matched terms (then matches)."""
    if not hits:
        return 0
    best, best_key = hits[0], (-1, -1)
    lead = max(1, words // 6)
    for i in hits:
        first = max(0, i - lead)
        inside = [j for j in hits if first <= j < first + words]
        key = (len({found[j][0] for j in inside}), len(inside))
        if key > best_key:
            best, best_key = first, key
    return best


def _entity_name(conn: sqlite3.Connection, key: str) -> tuple[str, str]:
    """The canonical name (else the text) and type of an entity key's first mention."""
    row = conn.execute(
        "SELECT coalesce(json_extract(attrs, '$.canonical'), text), label FROM spans "
        "WHERE grp = 'entities' AND key = ? LIMIT 1", (key,)).fetchone()
    return (row[0], row[1]) if row else (key, "")


def _facets(conn: sqlite3.Connection, match: str | None, where: list[str],
            args: list[Any]) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The number of matching articles (of the planned query, on a large archive) and the
    top entities, sources and event types of the newest :data:`FACET_SAMPLE` of them."""
    found = [*([match] if match else []), *args]
    total = conn.execute(f"SELECT count(*) FROM search{_cond(match, where)}", found).fetchone()[0]
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS facet_rows (aid INTEGER PRIMARY KEY, source)")
    conn.execute("DELETE FROM facet_rows")
    conn.execute(
        "INSERT INTO facet_rows SELECT a.aid, a.source FROM (SELECT search.rowid AS k FROM "
        f"search{_cond(match, where)} ORDER BY search.rowid DESC LIMIT ?) h "
        "JOIN articles a ON a.skey = h.k", [*found, FACET_SAMPLE])
    # CROSS JOIN keeps the sample as the outer loop: left to itself, SQLite's planner reads
    # every span of the group through spans_grp_key and probes the sample (a scan of the
    # whole archive's entities: 50 ms at 7,000 articles, seconds at a million)
    spans = "FROM facet_rows h CROSS JOIN spans s ON s.aid = h.aid AND s.grp = ?"
    top = conn.execute(
        f"SELECT s.key, count(DISTINCT s.aid) AS n {spans} GROUP BY s.key "
        "ORDER BY n DESC, s.key LIMIT ?", ("entities", FACET_LIMIT)).fetchall()
    names = {k: _entity_name(conn, k) for k, _n in top}
    srcs = conn.execute(
        "SELECT source, count(*) AS n FROM facet_rows GROUP BY source ORDER BY n DESC, source "
        "LIMIT ?", (FACET_LIMIT,)).fetchall()
    events = conn.execute(
        f"SELECT s.label, count(DISTINCT s.aid) AS n {spans} GROUP BY s.label "
        "ORDER BY n DESC, s.label LIMIT ?", ("events", FACET_LIMIT)).fetchall()
    return int(total), {
        "entities": [{"entity": k, "name": names[k][0], "type": names[k][1], "count": c}
                     for k, c in top],
        "sources": [{"source": s, "count": c} for s, c in srcs],
        "event_types": [{"type": t, "count": c} for t, c in events],
    }
