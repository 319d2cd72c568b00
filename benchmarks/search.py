"""Search benchmark: latency at 10,000 and 1,000,000 articles, index size, known-item quality.

    python benchmarks/search.py                          # 10k and 1M, known-item on all ANT
    python benchmarks/search.py --baseline 780f2fc       # the same, beside an older marsad
    python benchmarks/search.py --sizes 10000 --no-quality --keep /tmp/archives

The large archives are synthesized from the ANT corpus in a temporary directory (never
committed): each synthetic article joins 2 to 6 paragraphs drawn at random (seeded) from all
ANT articles, with a random date (2015-2017), source, category, up to 4 entity ids (drawn from
a long-tailed distribution) and an event type. Its index row is exactly what ``Store.add``
writes for that text and metadata (the stems and words of each paragraph are computed once
and joined), with the article row, the terms' document frequencies and, for facets, span rows
of its entities (1 to 3 mentions each) and event beside it; Docs, the other spans and MinHash
rows, which search does not read, are left out. Queries run in one process on one core with snippets on:
ANT headlines (a pasted headline: up to ~15 words side by side), one or two words, phrases,
AND/NOT, prefixes, and headlines with each filter, with ``--recent`` and with ``--facets``.
Each query runs once to warm the cache, then the timed pass runs.

``--baseline REF`` measures the marsad of git commit REF in the same run: its code is
exported (``git archive``) to a temporary directory, builds its own archives with its own
``synthesize`` and answers the same queries in a subprocess, category by category, alternating
with this one, so both see the same machine; its known-item scores are measured too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import ROOT, SHARED_DATA, write_section  # noqa: E402

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


def entity_ids(rng: random.Random) -> list[str]:
    """Up to 4 entity ids of a long-tailed distribution (Q10 … Q19 in half the draws)."""
    return sorted({f"Q{int(rng.paretovariate(1.0) * 10)}" for _ in range(4)})


def span_rows(rng: random.Random, aid: int, ents: list[str], event: str) -> list[tuple]:
    """Span rows for facets: 1 to 3 mentions of each entity id (an ANT article has about 9
    entity mentions of 6 entities) and one event of the article's event type."""
    rows: list[tuple] = []
    for kb_id in ents:
        label = ("PERS", "ORG", "LOC")[int(kb_id[1:]) % 3]
        attrs = json.dumps({"type": label, "kb_id": kb_id, "canonical": f"name of {kb_id}"})
        for _ in range(rng.randint(1, 3)):
            at = 10 * len(rows)
            rows.append((aid, "entities", len(rows), at, at + 5, label, kb_id, kb_id, attrs))
    rows.append((aid, "events", 0, 0, 5, event, None, event, json.dumps({"type": event})))
    return rows


def synthesize(db: str, n: int, paras: list, seed: int = 7) -> float:
    """Write ``n`` synthetic articles into a new archive at ``db``; seconds taken."""
    import sqlite3

    from marsad.store import Store
    from marsad.store.keys import day_ordinal, make_key
    from marsad.store.terms import COLUMNS, index_terms, meta_tokens

    started = time.perf_counter()
    Store(db).close()  # the schema, by the migrations
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(seed)
    start_ts = 1420070400.0  # 2015-01-01
    span = 3 * 365 * 86400.0
    df: Counter[str] = Counter()
    per_day: Counter[int] = Counter()
    insert = (f"INSERT INTO search(rowid, {', '.join(COLUMNS)}) "
              f"VALUES ({', '.join('?' * (len(COLUMNS) + 1))})")
    span_insert = ("INSERT INTO spans(aid, grp, seq, start, end, label, key, text, attrs) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    conn.execute("BEGIN")
    for i in range(n):
        picked = [paras[rng.randrange(len(paras))] for _ in range(rng.randint(2, 6))]
        text = "\n".join(p[0] for p in picked)
        it = index_terms([s for p in picked for s in p[1]], [w for p in picked for w in p[2]])
        ts = start_ts + rng.random() * span
        day = time.strftime("%Y-%m-%d", time.gmtime(ts))
        aid = i + 1
        source, category = rng.choice(SOURCES), rng.choice(CATEGORIES)
        ents, event = entity_ids(rng), rng.choice(EVENT_TYPES)
        meta = meta_tokens(source, category, ents, [event])
        df.update(it.distinct)
        per_day[day_ordinal(day)] += 1
        key = make_key(day_ordinal(day), per_day[day_ordinal(day)], False)
        conn.execute(
            "INSERT INTO articles(aid, id, content_hash, source, category, title, published, "
            "day, ts, text, ingested, skey) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, '', ?)",
            (aid, f"s{aid:07d}", f"h{aid}", source, category, day + "T12:00:00+01:00", day,
             ts, text, key))
        conn.execute(insert, (key, *it.values(), meta))
        conn.executemany(span_insert, span_rows(rng, aid, ents, event))
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
        "headline (words side by side)": [{"q": t} for t in pick(titles, 100)],
        "one or two words": [{"q": " ".join(pick(words, rng.randint(1, 2)))} for _ in range(100)],
        "phrase": [{"q": '"' + " ".join(p[0].split()[3:5]) + '"'} for p in pick(paras, 50)],
        "AND / NOT": [{"q": f"{a} AND {b}"} for a, b in zip(pick(words, 25), pick(words, 25),
                                                              strict=True)]
        + [{"q": f"{a} NOT {b}"} for a, b in zip(pick(words, 25), pick(words, 25), strict=True)],
        "prefix": [{"q": w[:4] + "*"} for w in pick(words, 50)],
        "headline + date filter": [{"q": t, "date_from": "2016-01", "date_to": "2016-06"}
                                   for t in pick(titles, 50)],
        "headline + --recent": [{"q": t, "recent": True} for t in pick(titles, 50)],
        "headline + --source --category": [
            {"q": t, "sources": [rng.choice(SOURCES)], "categories": [rng.choice(CATEGORIES)]}
            for t in pick(titles, 50)],
        "headline + --entity": [{"q": t, "entities": entity_ids(rng)[:1]}
                                for t in pick(titles, 50)],
        "no words: --type --source (newest first)": [
            {"q": "", "event_types": [rng.choice(EVENT_TYPES)], "sources": [rng.choice(SOURCES)]}
            for _ in range(50)],
        "headline + --facets": [{"q": t, "facets": True} for t in pick(titles, 50)],
    }


def latency(db: str, qs: dict[str, list[dict]]) -> dict[str, tuple[float, float, float]]:
    from marsad.store import QueryError, Store

    out = {}
    with Store(db, create=False) as store:
        for kind, items in qs.items():
            times = []
            for warm in (True, False):
                for item in items:
                    opts = {k: tuple(v) if isinstance(v, list) else v
                            for k, v in item.items() if k != "q"}
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


# -- the baseline: an older marsad, run in subprocesses -------------------------------------

class Baseline:
    """The marsad of an older commit, exported to ``where``."""

    def __init__(self, ref: str, where: Path) -> None:
        self.ref = ref
        self.root = where / "baseline"
        self.root.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(self.root)], input=archive, check=True)
        self.commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT,
                                     capture_output=True, text=True, check=True).stdout.strip()

    def run(self, code: str, payload: dict) -> dict:
        env = {**os.environ, "PYTHONPATH": str(self.root)}
        done = subprocess.run([sys.executable, "-c", code, json.dumps(payload)], env=env,
                              capture_output=True, text=True, cwd=self.root)
        if done.returncode:
            raise RuntimeError(f"baseline {self.ref} failed: {done.stderr[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def synthesize(self, db: str, n: int) -> float:
        code = ("import sys, json; a = json.loads(sys.argv[1]); sys.path.insert(0, 'benchmarks');"
                "import search as b; import marsad; assert marsad.__file__.startswith(a['root']);"
                "from pathlib import Path; b.ANT = Path(a['ant']);"
                "b.pin_one_core(); p = b.paragraphs(b.ant_articles());"
                "print(json.dumps({'s': b.synthesize(a['db'], a['n'], p)}))")
        return float(self.run(code, {"db": db, "n": n, "root": str(self.root),
                                     "ant": str(ANT)})["s"])

    def latency(self, db: str, qs: dict[str, list[dict]]) -> dict[str, list[float]]:
        code = ("import sys, json; a = json.loads(sys.argv[1]); sys.path.insert(0, a['here']);"
                "import search as b; import marsad; assert marsad.__file__.startswith(a['root']);"
                "b.pin_one_core(); print(json.dumps(b.latency(a['db'], a['qs'])))")
        return self.run(code, {"db": db, "qs": qs, "root": str(self.root),
                               "here": str(Path(__file__).resolve().parent)})

    def quality(self, every: int, offset: int = 0) -> dict:
        code = ("import sys, json; a = json.loads(sys.argv[1]);"
                "from marsad.store.evaluate import evaluate, read_articles;"
                "print(json.dumps(evaluate(read_articles([a['ant']])[a['offset']::a['every']])))")
        return self.run(code, {"ant": str(ANT), "every": every, "offset": offset})


# -- the run --------------------------------------------------------------------------------

def build(db: str, n: int, make) -> float:
    """Build (or reuse, with its recorded build time) the archive ``db``."""
    timing = Path(db + ".build-seconds")
    if Path(db).exists() and timing.exists():  # kept from an earlier run (--keep)
        return float(timing.read_text())
    Path(db).unlink(missing_ok=True)
    print(f"building {db} ({n:,} articles) …", file=sys.stderr, flush=True)
    seconds = make(db, n)
    timing.write_text(f"{seconds:.1f}")
    return seconds


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10000,1000000")
    p.add_argument("--no-quality", action="store_true")
    p.add_argument("--baseline", metavar="REF", help="also measure the marsad of this commit")
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
        where = Path(args.keep or tmp)
        base = Baseline(args.baseline, Path(tmp)) if args.baseline else None
        for n in sizes:
            db = str(where / f"synthetic-{n}.db")
            built = build(db, n, lambda d, k: synthesize(d, k, paras))
            old = None
            if base:
                old_db = str(where / f"baseline-{base.commit}-{n}.db")
                old_built = build(old_db, n, base.synthesize)
            for kind in qs:  # one category at a time, alternating the two systems
                new = latency(db, {kind: qs[kind]})[kind]
                old = base.latency(old_db, {kind: qs[kind]})[kind] if base else None
                rows.append(_row(n, kind, len(qs[kind]), new, old))
                print(rows[-1], file=sys.stderr, flush=True)
            s = size_per_article(db, n)
            size_rows.append(_size_row(n, "this commit", built, s))
            if base:
                size_rows.append(_size_row(n, base.commit, old_built,
                                           size_per_article(old_db, n)))
        # inside: the baseline's code is in the temporary directory
        quality = None if args.no_quality else known_item(articles, base)
    write_section("search", report(rows, size_rows, quality, len(paras), base))
    return 0


def _row(n: int, kind: str, count: int, new, old) -> str:
    cells = f"| {n:,} | {kind} | {count} | {new[0]:.1f} | **{new[1]:.1f}** | {new[2]:.0f} |"
    if old is not None:
        cells += f" {old[0]:.1f} | {old[1]:.1f} | {old[2]:.0f} |"
    return cells


def _size_row(n: int, who: str, built: float, s: dict) -> str:
    return (f"| {n:,} | {who} | {built:.0f} | {s['total'] / 1024:.2f} | {s['index'] / 1024:.2f} "
            f"| {s['rest'] / 1024:.2f} |")


#: known-item scores are also measured on archives of every k-th ANT article from the i-th
#: (``(k, i)``): every 2nd from the 1st is the half the second look's weights were fitted on
#: (``python -m marsad.store.fit_rerank``), every 2nd from the 2nd the half held out.
SUBSETS = ((2, 0), (2, 1), (3, 0), (5, 0))
LABELS = {(2, 0): "every 2nd (fitted on)", (2, 1): "every 2nd, the other half (held out)",
          (3, 0): "every 3rd", (5, 0): "every 5th"}


def known_item(articles: list, base: Baseline | None) -> dict:
    from marsad.store.evaluate import evaluate

    out = {"all": evaluate(articles, scale=1_000_000)}
    for k, i in SUBSETS:
        out[f"every{k}_{i}"] = evaluate(articles[i::k])
    if base:
        out["base_all"] = base.quality(1)
        for k, i in SUBSETS:
            out[f"base_every{k}_{i}"] = base.quality(k, i)
    return out


def report(rows: list[str], size_rows: list[str], quality: dict | None, n_paras: int,
           base: Baseline | None) -> str:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cmd = "python benchmarks/search.py" + (f" --baseline {base.ref}" if base else "")
    head = "| articles | queries | n | p50 ms | p95 ms | max ms |"
    rule = "|---:|---|---:|---:|---:|---:|"
    if base:
        head += f" {base.commit} p50 | {base.commit} p95 | {base.commit} max |"
        rule += "---:|---:|---:|"
    out = [
        "## Archive search",
        "",
        f"`{cmd}`: one process pinned to one core. Synthetic archives: each article joins "
        f"2–6 paragraphs drawn (seeded) from the {n_paras:,} paragraphs of the ANT corpus, with "
        "a random date in 2015–2017, source, category, up to 4 entity ids and an event type; "
        "its index row is what `Store.add` writes for that text and metadata, with its terms' "
        "document frequencies, and span rows of its entities (1 to 3 mentions each) and event, "
        "which facets count (Docs, other spans and MinHash rows, which search does not read, "
        "are left out). Built in a temporary directory. Latency of "
        "`Store.search(limit=10)` with snippets, in milliseconds, after one warm-up pass of "
        "the same queries"
        + (f"; beside it, in the same run and category by category, the marsad of commit "
           f"{base.commit} (before this work) on an archive its own code built from the same "
           "paragraphs." if base else "."),
        "",
        head,
        rule,
        *rows,
        "",
        "Database size per article (KiB; the index is the FTS5 table's pages, from `dbstat`):",
        "",
        "| articles | code | build s | total | index | articles & rest |",
        "|---:|---|---:|---:|---:|---:|",
        *size_rows,
    ]
    if quality:
        out += quality_report(quality, base)
    out += ["", f"Peak resident memory of the run: {peak:.0f} MB."]
    return "\n".join(out)


def quality_report(quality: dict, base: Baseline | None) -> list[str]:
    q = quality["all"]
    out = [
        "",
        "### Known-item search quality",
        "",
        "`marsad eval search --data ../shared/data/news/ant [--every K [--offset I]] [--scale 1000000]` "
        f"(the same code, run here): {q['queries']:,} ANT headlines, each searched in an "
        f"archive of the {q['searchable']:,} searchable ANT articles stored **without "
        "titles** (exact and near duplicates folded into their first copy); the rank of the "
        f"headline's own article among the first {q['depth']} hits. \"Every 2nd\" (from the "
        "1st, and the other half, from the 2nd), \"3rd\", \"5th\": the headlines of every 2nd, "
        "3rd or 5th article in an archive of those articles alone "
        f"({', '.join(format(quality[f'every{k}_{i}']['searchable'], ',') for k, i in SUBSETS)}"
        " searchable): the smaller the archive, the fewer stories of the same event compete, "
        "and the higher every system scores. The second look's weights were fitted on every "
        "2nd article (`python -m marsad.store.fit_rerank`); the other half "
        "(`--every 2 --offset 1`) was held out. \"Large-archive plan\": the same searches "
        "planned as on an archive of 1,000,000 articles, the term budget and match cap "
        f"shrunk in proportion ({q['scaled_limits']['marsad_scaled']['budget']} and "
        f"{q['scaled_limits']['marsad_scaled']['cap']} articles).",
        "",
        "| system | archive | MRR | success@1 | success@10 |",
        "|---|---|---:|---:|---:|",
    ]
    names = {"marsad": "marsad search",
             "marsad_scaled": "marsad search, large-archive plan",
             "marsad_scaled_rare_only": "the same, ranked by the rare words alone (the former plan)",
             "stock_or": "stock FTS5 unicode61 on raw text, words ORed",
             "stock_and": "stock FTS5 unicode61 on raw text, words ANDed (default)"}
    parts = [("all", "all ANT")] + [(f"every{k}_{i}", LABELS[(k, i)]) for k, i in SUBSETS]
    for part, label in parts:
        for key, name in names.items():
            if key in quality[part]:
                s = quality[part][key]
                out.append(f"| {name} | {label} | {s['mrr']:.3f} | {s['success@1']:.3f} | "
                           f"{s['success@10']:.3f} |")
        if base:
            s = quality[f"base_{part}"]["marsad"]
            out.append(f"| marsad search at {base.commit} | {label} | {s['mrr']:.3f} | "
                       f"{s['success@1']:.3f} | {s['success@10']:.3f} |")
    return out


if __name__ == "__main__":
    sys.exit(main())
