"""Known-item search quality: does an article's headline find its own story?

``marsad eval search --data DIR`` reads the articles under ``DIR`` (the ANT corpus, or any
input marsad reads), stores them in a temporary archive **without their titles**, then
searches for each title and records the rank of the article it came from (among the first
:data:`DEPTH` hits; an article whose text is a duplicate of another counts as found when its
first copy is, since the archive keeps one copy). It reports MRR and success@1/@10 for
marsad's search and, over the same articles in the same run, for a stock FTS5 table
(``unicode61`` tokenizer, raw body text) queried with the title's words ORed, and ANDed
(FTS5's default).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.model import Article

DEPTH = 100
_WORD = re.compile(r"\w+")


@dataclass
class Score:
    """Reciprocal ranks of one system's queries."""

    ranks: list[int] = field(default_factory=list)  # 0 = not in the first DEPTH

    def add(self, rank: int) -> None:
        self.ranks.append(rank)

    def summary(self) -> dict[str, float]:
        n = len(self.ranks) or 1
        return {
            "mrr": round(sum(1 / r for r in self.ranks if r) / n, 4),
            "success@1": round(sum(1 for r in self.ranks if r == 1) / n, 4),
            "success@10": round(sum(1 for r in self.ranks if 0 < r <= 10) / n, 4),
        }


def read_articles(paths: Sequence[str], every: int = 1, offset: int = 0) -> list[Article]:
    """Articles of the inputs (every ``every``-th one, from the ``offset``-th), with failures
    left out."""
    from marsad.ingest import iter_source

    out: list[Article] = []
    n = 0
    for path in paths:
        for item in iter_source(path):
            if isinstance(item, Article):
                if n % every == offset % every:
                    out.append(item)
                n += 1
    return out


def build(articles: Iterable[Article], db: str) -> tuple[Any, dict[str, str]]:
    """An archive of the articles without titles, and the stored first copy of each id."""
    from marsad.pipeline import load_pipeline
    from marsad.store import Store

    store = Store(db)
    pipe = load_pipeline(["tokenize"])
    batch: list[Any] = []
    for a in articles:
        batch.append(pipe.analyze(replace(a, title=None)) if not store.has_text(a.text)
                     else replace(a, title=None))
        if len(batch) == 256:
            store.add(batch)
            batch = []
    store.add(batch)
    first = dict(store.conn.execute(
        "SELECT a.content_hash, coalesce(d.id, a.id) FROM articles a "
        "LEFT JOIN articles d ON d.aid = a.duplicate_of"))
    return store, first


def baseline_table(conn: sqlite3.Connection) -> None:
    """Stock FTS5 over the raw body text of the articles marsad's search can return."""
    conn.execute("CREATE VIRTUAL TABLE temp.stock USING fts5(body, content='')")
    conn.execute("INSERT INTO temp.stock(rowid, body) SELECT aid, text FROM articles "
                 "WHERE duplicate_of IS NULL")


def stock_query(title: str, op: str) -> str | None:
    words = list(dict.fromkeys(_WORD.findall(title)))
    if not words:
        return None
    return f" {op} ".join('"' + w.replace('"', '""') + '"' for w in words)


def scaled_limits(n: int, scale: int, rare_only: bool = False) -> Any:
    """The large-archive planner's limits for an archive of ``n`` articles standing for one of
    ``scale``: the term budget and the match cap shrunk in proportion (``rare_only``: rank
    by the rare words alone, as the planner did before it ranked with the others)."""
    from marsad.store import search as s
    from marsad.store.plan import Limits

    share = n / scale
    return Limits(0, max(1, round(s.TERM_BUDGET * share)), max(1, round(s.MATCH_CAP * share)),
                  0.0 if rare_only else s.COMMON)


def evaluate(articles: Sequence[Article], db: str | None = None,
             scale: int | None = None) -> dict[str, Any]:
    """Known-item scores of marsad's search and of the stock baselines; with ``scale``, also
    of marsad's search planned as on an archive of ``scale`` articles (:func:`scaled_limits`)."""
    from marsad.store.dedup import content_hash
    from marsad.store.query import QueryError

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        store, first = build(articles, db or str(Path(tmp) / "known-item.db"))
        built = time.perf_counter() - started
        baseline_table(store.conn)
        ids = dict(store.conn.execute("SELECT id, aid FROM articles"))
        scores = {"marsad": Score(), "stock_or": Score(), "stock_and": Score()}
        n_stored = store.conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0]
        plans = {} if scale is None else {
            "marsad_scaled": scaled_limits(n_stored, scale),
            "marsad_scaled_rare_only": scaled_limits(n_stored, scale, rare_only=True)}
        scores.update({name: Score() for name in plans})
        seen: set[tuple[str, str]] = set()
        for a in articles:
            target = first[content_hash(a.text)]
            if not a.title or (target, a.title) in seen:
                continue
            seen.add((target, a.title))
            try:
                hits = store.search(a.title, limit=DEPTH, snippet_words=0).hits
            except QueryError:
                hits = []
            got = [h.id for h in hits]
            scores["marsad"].add(got.index(target) + 1 if target in got else 0)
            for name, limits in plans.items():
                try:
                    got = [h.id for h in store.search(a.title, limit=DEPTH, snippet_words=0,
                                                      plan_limits=limits).hits]
                except QueryError:
                    got = []
                scores[name].add(got.index(target) + 1 if target in got else 0)
            for name, op in (("stock_or", "OR"), ("stock_and", "AND")):
                q = stock_query(a.title, op)
                rows = store.conn.execute(
                    "SELECT rowid FROM temp.stock WHERE stock MATCH ? ORDER BY rank LIMIT ?",
                    (q, DEPTH)).fetchall() if q else []
                aids = [r[0] for r in rows]
                scores[name].add(aids.index(ids[target]) + 1 if ids[target] in aids else 0)
        searched = time.perf_counter() - started - built
        store.close()
    return {
        "articles": len(articles), "searchable": n_stored, "queries": len(seen),
        "depth": DEPTH, "seconds_build": round(built, 1), "seconds_search": round(searched, 1),
        **({"scale": scale, "scaled_limits": {k: vars(v) for k, v in plans.items()}}
           if scale else {}),
        **{name: s.summary() for name, s in scores.items()},
    }


def register_eval(sub: Any, name: str) -> None:
    p = sub.add_parser(name, help="known-item search quality (headline finds its story)",
                       description=__doc__)
    p.add_argument("--data", required=True, nargs="+", metavar="PATH",
                   help="articles with titles (e.g. ../shared/data/news/ant)")
    p.add_argument("--every", type=int, default=1, metavar="K",
                   help="use every K-th article (a subset; default all)")
    p.add_argument("--offset", type=int, default=0, metavar="I",
                   help="with --every K, start from the I-th article (0 to K-1): --every 2 "
                        "--offset 1 is the half that the second look's weights were not "
                        "fitted on")
    p.add_argument("--scale", type=int, metavar="N",
                   help="also search with the large-archive plan as on an archive of N "
                        "articles (its limits shrunk in proportion; e.g. 1000000)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    if not 0 <= args.offset < max(1, args.every):
        raise ConfigError(f"--offset {args.offset}: with --every {args.every} it must be from 0 "
                          f"to {max(1, args.every) - 1}")
    result = evaluate(read_articles(args.data, max(1, args.every), args.offset),
                      scale=args.scale)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['queries']} queries over {result['searchable']} searchable articles "
          f"(ranks up to {DEPTH})")
    for name in ("marsad", "marsad_scaled", "marsad_scaled_rare_only", "stock_or", "stock_and"):
        if name not in result:
            continue
        s = result[name]
        print(f"  {name:<24} MRR {s['mrr']:.3f}  success@1 {s['success@1']:.3f}  "
              f"success@10 {s['success@10']:.3f}")
    sys.stdout.flush()
    return 0
