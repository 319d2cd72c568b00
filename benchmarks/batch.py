"""Benchmark of ``marsad batch --engine dask``: one worker against two, on the ANT corpus.

Usage::

    python benchmarks/batch.py [--limit 3000] [--rounds 2] [--no-write]

Alternates runs with one and two LocalCluster workers (single-threaded processes) over the same
files, each into a fresh output directory, and reports wall time (cluster start included),
articles/s and the speed-up. Writes the ``batch`` section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import require_shared, write_section  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=3000, help="files of ANT to use (default 3000)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    from marsad.batch.run import run_batch
    from marsad.pipeline import DEFAULT_STAGES

    files = sorted((require_shared("batch benchmark") / "news" / "ant").rglob("*.txt"))[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="marsad-batch-bench-"))
    corpus = tmp / "corpus"
    corpus.mkdir()
    for f in files:  # a flat copy so the task plan is the same for every run
        shutil.copy(f, corpus / f.name)
    times: dict[int, list[float]] = {1: [], 2: []}
    articles = 0
    try:
        for r in range(args.rounds):
            for workers in (1, 2):
                out = tmp / f"out-{workers}-{r}"
                t0 = time.perf_counter()
                report = run_batch([str(corpus)], str(out), engine="dask", workers=workers,
                                   files_per_task=50)
                times[workers].append(time.perf_counter() - t0)
                articles = report.articles
                shutil.rmtree(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    one, two = statistics.median(times[1]), statistics.median(times[2])
    speedups = [a / b for a, b in zip(times[1], times[2], strict=True)]
    cmd = "python benchmarks/batch.py" + (f" --limit {args.limit}" if args.limit != 3000 else "") + (
        f" --rounds {args.rounds}" if args.rounds != 2 else "")
    body = f"""## Dask batch: one worker against two

Command: `{cmd}` — {articles:,} ANT articles ({len(files):,} files, 50 a task), stages
{', '.join(DEFAULT_STAGES)}, `marsad batch --engine dask` on a LocalCluster of single-threaded
worker processes, {args.rounds} alternating rounds, medians; wall time includes starting the
cluster and writing Parquet. The machine has {os.cpu_count()} cores, shared with other work.

| workers | seconds | articles/s |
|---:|---:|---:|
| 1 | {one:.1f} | {articles / one:,.0f} |
| 2 | {two:.1f} | {articles / two:,.0f} |

Speed-up of two workers over one, per round: {', '.join(f'{s:.2f}×' for s in speedups)}
(median {statistics.median(speedups):.2f}×).
"""
    print(body)
    if not args.no_write:
        write_section("batch", body)


if __name__ == "__main__":
    main()
