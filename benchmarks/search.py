"""Search benchmark: latency at 10,000 and 1,000,000 articles, index size, known-item quality.

    python benchmarks/search.py                      # 10k and 1M, plus known-item on all ANT
    python benchmarks/search.py --sizes 10000 --no-quality

The large archives are synthesized from the ANT corpus in a temporary directory (never
committed): each synthetic article joins 2 to 6 paragraphs drawn at random (seeded) from all
ANT articles, with a random date (2015-2017), source and category. Its index row is exactly
what ``Store.add`` writes (``index_text`` of the same text: the stems and words of each
paragraph are computed once and joined), with the article row (text and metadata) and the
stems' document frequencies beside it;
Docs, spans and MinHash rows, which search does not read, are left out. Queries run in one
process on one core with snippets on: ANT headlines (pasted headline: OR of up to ~15 words),
one or two words, phrases, AND/NOT, prefixes, and headlines with a date filter and with
``--recent``. Each query runs once to warm the cache, then the timed pass runs.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import SHARED_DATA, write_section  # noqa: E402

ANT = SHARED_DATA / "news" / "ant"
SOURCES = ("Jawhara FM", "Mosaique FM", "Assabah", "Al Chourouk", "Nessma")
CATEGORIES = ("politic", "economy", "society", "sport", "culture", "internationalNews")
EVENT_TYPES = ("PROTEST", "ASSAULT", "ACCUSE", "CONSULT", "AID", "COERCE", "REQUEST", "THREATEN")


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def ant_articles() -> list:
    from marsad.store.evaluate import read_articles

    return read_articles([str(ANT)])


def paragraphs(articles: list) -> list[tuple[str, list[str], list[str]]]:
    from marsad.store.terms import terms

    out = []
    for a in articles:
        for para in a.text.split("\n"):
            if len(para.split()) >= 5:
                st, wd = terms(para)
                out.append((para, st, wd))
    return out


def synthesize(db: str, n: int, paras: list, seed: int = 7) -> float:
    """Write ``n`` synthetic articles into a new archive at ``db``; seconds taken."""
    from marsad.store import Store
    from marsad.store.keys import day_ordinal, make_key
    from marsad.store.terms import COLUMNS, index_terms, meta_tokens

    started = time.perf_counter()
    Store(db).close()  # the schema, by the migrations
    import sqlite3

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(seed)
    start_ts = 1420070400.0  # 2015-01-01
    span = 3 * 365 * 86400.0
    df: Counter[str] = Counter()
    per_day: Counter[int] = Counter()
    insert = (f"INSERT INTO search(rowid, {', '.join(COLUMNS)}) "
              f"VALUES ({', '.join('?' * (len(COLUMNS) + 1))})")
    conn.execute("BEGIN")
    for i in range(n):
        picked = [paras[rng.randrange(len(paras))] for _ in range(rng.randint(2, 6))]
        text = "\n".join(p[0] for p in picked)
        it = index_terms([s for p in picked for s in p[1]], [w for p in picked for w in p[2]])
        ts = start_ts + rng.random() * span
        day = time.strftime("%Y-%m-%d", time.gmtime(ts))
        aid = i + 1
        source, category = rng.choice(SOURCES), rng.choice(CATEGORIES)
        entities = sorted({f"Q{int(rng.paretovariate(1.0) * 10)}" for _ in range(4)})
        events = sorted({rng.choice(EVENT_TYPES)})
        df.update(it.distinct)
        per_day[day_ordinal(day)] += 1
        key = make_key(day_ordinal(day), per_day[day_ordinal(day)], False)
        conn.execute(
            "INSERT INTO articles(aid, id, content_hash, source, category, title, published, "
            "day, ts, text, ingested, skey) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, '', ?)",
            (aid, f"s{aid:07d}", f"h{aid}", source, category, day + "T12:00:00+01:00", day,
             ts, text, key))
        conn.execute(insert, (key, *it.values(), meta_tokens(source, category, entities, events)))
        if aid % 20000 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"  {aid:,} articles", file=sys.stderr, flush=True)
    conn.executemany("INSERT INTO term_df(term, df) VALUES (?, ?)", sorted(df.items()))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return time.perf_counter() - started


def queries(articles: list, paras: list, seed: int = 11) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    titles = [a.title for a in articles if a.title]
    words = [w for p in paras[:5000] for w in p[0].split() if len(w) > 4]
    pick = rng.sample
    return {
        "headline (OR, ranked)": [{"q": t} for t in pick(titles, 100)],
        "one or two words": [{"q": " ".join(pick(words, rng.randint(1, 2)))} for _ in range(100)],
        "phrase": [{"q": '"' + " ".join(p[0].split()[3:5]) + '"'} for p in pick(paras, 50)],
        "AND / NOT": [{"q": f"{a} AND {b}"} for a, b in zip(pick(words, 25), pick(words, 25),
                                                              strict=True)]
        + [{"q": f"{a} NOT {b}"} for a, b in zip(pick(words, 25), pick(words, 25), strict=True)],
        "prefix": [{"q": w[:4] + "*"} for w in pick(words, 50)],
        "headline + date filter": [{"q": t, "date_from": "2016-01", "date_to": "2016-06"}
                                   for t in pick(titles, 50)],
        "headline + --recent": [{"q": t, "recent": True} for t in pick(titles, 50)],
    }


def latency(db: str, qs: dict[str, list[dict]]) -> dict[str, tuple[float, float, float]]:
    from marsad.store import QueryError, Store

    out = {}
    with Store(db, create=False) as store:
        for kind, items in qs.items():
            times = []
            for warm in (True, False):
                for item in items:
                    opts = {k: v for k, v in item.items() if k != "q"}
                    t0 = time.perf_counter()
                    try:
                        store.search(item["q"], limit=10, **opts)
                    except QueryError:
                        continue
                    if not warm:
                        times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
            out[kind] = (statistics.median(times), p95, times[-1])
    return out


def size_per_article(db: str, n: int) -> dict[str, float]:
    import sqlite3

    conn = sqlite3.connect(db)
    total = Path(db).stat().st_size
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.Error:
        rows = []
    conn.close()
    index = sum(s for name, s in rows if name.startswith("search"))
    return {"total": total / n, "index": index / n, "rest": (total - index) / n}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10000,1000000")
    p.add_argument("--no-quality", action="store_true")
    p.add_argument("--keep", metavar="DIR", help="build the archives here and keep them")
    args = p.parse_args()
    if not ANT.is_dir():
        print(f"skipped: the ANT corpus is not at {ANT}", file=sys.stderr)
        return 0
    pin_one_core()
    articles = ant_articles()
    paras = paragraphs(articles)
    qs = queries(articles, paras)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows, size_rows = [], []
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or tmp
        for n in sizes:
            db = str(Path(where) / f"synthetic-{n}.db")
            timing = Path(db + ".build-seconds")
            if Path(db).exists() and timing.exists():  # kept from an earlier run (--keep)
                built = float(timing.read_text())
            else:
                Path(db).unlink(missing_ok=True)
                print(f"building {n:,} articles …", file=sys.stderr, flush=True)
                built = synthesize(db, n, paras)
                timing.write_text(f"{built:.1f}")
            lat = latency(db, qs)
            for kind, (p50, p95, worst) in lat.items():
                rows.append(f"| {n:,} | {kind} | {len(qs[kind])} | {p50:.1f} | {p95:.1f} | "
                            f"{worst:.0f} |")
            s = size_per_article(db, n)
            size_rows.append(f"| {n:,} | {built:.0f} | {s['total'] / 1024:.2f} | "
                             f"{s['index'] / 1024:.2f} | {s['rest'] / 1024:.2f} |")
            print("\n".join(rows[-len(lat):]), file=sys.stderr, flush=True)
    quality = None if args.no_quality else known_item(articles)
    write_section("search", report(rows, size_rows, quality, len(paras)))
    return 0


def known_item(articles: list) -> dict:
    from marsad.store.evaluate import evaluate

    return evaluate(articles)


def report(rows: list[str], size_rows: list[str], quality: dict | None, n_paras: int) -> str:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = [
        "## Archive search",
        "",
        "`python benchmarks/search.py`: one process pinned to one core. Synthetic archives: "
        f"each article joins 2–6 paragraphs drawn (seeded) from the {n_paras:,} paragraphs of "
        "the ANT corpus, with a random date in 2015–2017, source and category; its index row "
        "is what `Store.add` writes for that text, with its stems' document frequencies (Docs, "
        "spans and MinHash rows, which search does not read, are left out). Built in a temporary directory. Latency of "
        "`Store.search(limit=10)` with snippets, in milliseconds, after one warm-up pass of the "
        "same queries.",
        "",
        "| articles | queries | n | p50 ms | p95 ms | max ms |",
        "|---:|---|---:|---:|---:|---:|",
        *rows,
        "",
        "Database size per article (KiB; the index is the FTS5 table's pages, from `dbstat`):",
        "",
        "| articles | build s | total | index | articles & rest |",
        "|---:|---:|---:|---:|---:|",
        *size_rows,
    ]
    if quality:
        out += [
            "",
            "### Known-item search quality",
            "",
            f"`marsad eval search --data ../shared/data/news/ant` (the same code, run here): "
            f"{quality['queries']:,} ANT headlines, each searched in an archive of the "
            f"{quality['searchable']:,} searchable ANT articles stored **without titles** "
            f"(exact and near duplicates folded into their first copy); the rank of the "
            f"headline's own article among the first {quality['depth']} hits.",
            "",
            "| system | MRR | success@1 | success@10 |",
            "|---|---:|---:|---:|",
        ]
        names = {"marsad": "marsad search (stems + words, lead weighted)",
                 "stock_or": "stock FTS5 unicode61 on raw text, words ORed",
                 "stock_and": "stock FTS5 unicode61 on raw text, words ANDed (default)"}
        for key, label in names.items():
            s = quality[key]
            out.append(f"| {label} | {s['mrr']:.3f} | {s['success@1']:.3f} | "
                       f"{s['success@10']:.3f} |")
    out += ["", f"Peak resident memory of the run: {peak:.0f} MB."]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
