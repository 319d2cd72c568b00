"""``marsad batch INPUT… --out DIR``: the pipeline over a large corpus, on a Dask cluster."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from marsad.cli import EXIT_INPUT, EXIT_OK
from marsad.cli.common import stage_list


def register(sub: Any) -> None:
    from marsad.ingest.cli import add_source_arguments

    p = sub.add_parser(
        "batch",
        help="analyse a large corpus on a Dask cluster into Parquet",
        description=(
            "Analyse large JSONL, Parquet or TREC corpora (or any input marsad ingest reads), "
            "split into tasks across a Dask cluster, into Parquet part files that "
            "`marsad ingest DIR` loads without analysing again. Rerunning finishes a stopped "
            "batch. See docs/scaling.md."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory")
    p.add_argument("--engine", choices=("dask", "local"), default="dask",
                   help="dask (default) or local (in this process, no cluster)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="worker processes of the LocalCluster (default 2)")
    p.add_argument("--stages", metavar="LIST", help="comma-separated stages (default: all)")
    p.add_argument("--files-per-task", type=int, metavar="N",
                   help="files per task for TREC/text/HTML inputs (default 64)")
    p.add_argument("--no-progress", action="store_true")
    add_source_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad.batch.run import run_batch
    from marsad.errors import ConfigError
    from marsad.ingest.cli import source_options

    if args.workers < 1:
        raise ConfigError("--workers must be at least 1")
    stages = stage_list(args.stages)
    if stages:
        from marsad.pipeline import load_pipeline

        load_pipeline(stages)  # a bad stage list fails here, not on every worker
    done = 0

    def progress(result: Any) -> None:
        nonlocal done
        done += 1
        if not args.no_progress and sys.stderr.isatty():
            print(f"\r  {done} task(s) done, {result.task}: {result.articles} article(s)",
                  end="", file=sys.stderr, flush=True)

    report = run_batch(args.inputs, args.out, engine=args.engine, scheduler=args.scheduler,
                       workers=args.workers, stages=stages, files_per_task=args.files_per_task,
                       options=source_options(args), progress=progress)
    if done and not args.no_progress and sys.stderr.isatty():
        print(file=sys.stderr)
    rate = report.articles / report.seconds if report.seconds else 0.0
    print(f"marsad: {report.articles} article(s) in {report.tasks - report.skipped} task(s) "
          f"({report.skipped} already done) on {report.workers} worker(s), "
          f"{report.seconds:.1f} s ({rate:.0f} articles/s); {report.failures} input(s) failed, "
          f"{report.stage_failures} stage failure(s); output in {args.out}", file=sys.stderr)
    if report.failures:
        print(f"  failures are listed in {args.out}/_failures.jsonl", file=sys.stderr)
    return EXIT_INPUT if report.failures else EXIT_OK
