"""Ingest benchmark: ANT into a new archive with full analysis, on one core.

    python benchmarks/ingest.py

Three runs in one process pinned to one core: the default pipeline alone over the ANT articles
(the baseline: reading + analysis, nothing stored), ``marsad ingest`` of the same folder into a
new archive in a temporary directory (reading + analysis + store, what the command does), and
the same ingest again (everything already stored: what a resumed run costs). Then the
archive's size per article, by table.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import SHARED_DATA, write_section  # noqa: E402

ANT = SHARED_DATA / "news" / "ant"


def main() -> int:
    if not ANT.is_dir():
        print(f"skipped: the ANT corpus is not at {ANT}", file=sys.stderr)
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from marsad.ingest import SourceFailure, iter_source
    from marsad.pipeline import load_pipeline
    from marsad.store import Store
    from marsad.store.ingest import ingest, iter_inputs

    pipe = load_pipeline(on_error="record")
    pipe.analyze("تحميل النماذج قبل القياس.")  # load models and lexicons outside the timings

    t0 = time.perf_counter()
    items = [x for x in iter_source(str(ANT)) if not isinstance(x, SourceFailure)]
    n_docs = sum(1 for _ in pipe.pipe(items))
    analysis = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "ant.db")
        with Store(db) as store:
            t0 = time.perf_counter()
            first = ingest(store, iter_inputs([str(ANT)], archive=db), pipe)
            stored = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = ingest(store, iter_inputs([str(ANT)], archive=db), pipe)
            resumed = time.perf_counter() - t0
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sizes = table_sizes(db)
    total = sum(sizes.values())
    n = first.new + sum(first.duplicates.values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stages = ", ".join(pipe.names)
    rows = [
        f"| analysis only (baseline: read + `{stages}`) | {n_docs:,} | {analysis:.1f} | "
        f"{n_docs / analysis:.0f} |",
        f"| `marsad ingest` into a new archive (read + analyse + store) | {n:,} | "
        f"{stored:.1f} | {n / stored:.0f} |",
        f"| the same ingest again (all already stored) | {again.seen:,} | {resumed:.1f} | "
        f"{again.seen / resumed:.0f} |",
    ]
    size_rows = [f"| {name} | {size / n / 1024:.2f} |" for name, size in
                 sorted(sizes.items(), key=lambda kv: -kv[1]) if size / n >= 10]
    body = "\n".join([
        "## Archive ingest",
        "",
        "`python benchmarks/ingest.py`: the ANT folder, one process pinned to one core; the "
        "default pipeline with the `record` error policy; batches of 64 articles, one "
        "transaction each.",
        "",
        "| run | articles | seconds | articles/s (one core) |",
        "|---|---:|---:|---:|",
        *rows,
        "",
        f"First ingest: {first.line()}; {first.stage_failures} stage failures recorded.",
        "",
        f"Archive size: {total / 1e6:.1f} MB for {n:,} articles, "
        f"**{total / n / 1024:.1f} KiB per article** (the raw text is about "
        f"{avg_text(items) / 1024:.1f} KiB). By table (KiB per article, from `dbstat`; "
        "tables under 10 bytes an article left out):",
        "",
        "| table or index | KiB / article |",
        "|---|---:|",
        *size_rows,
        "",
        f"Peak resident memory: {peak:.0f} MB.",
    ])
    write_section("store-ingest", body)
    print(body)
    return 0


def avg_text(items: list) -> float:
    return sum(len(a.text.encode("utf-8")) for a in items) / max(1, len(items))


def table_sizes(db: str) -> dict[str, int]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    conn.close()
    out: dict[str, int] = {}
    for name, size in rows:
        key = "search (FTS5 index)" if name.startswith("search") else name
        out[key] = out.get(key, 0) + size
    return out


if __name__ == "__main__":
    sys.exit(main())
