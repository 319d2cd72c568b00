"""``marsad ingest PATH|URL …``: read, analyse and store articles in the archive."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from marsad.cli import EXIT_INPUT, EXIT_OK
from marsad.cli.common import progress_bar, stage_list
from marsad.cli.dbopt import add_db_argument, open_store


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="read, analyse and store articles in the archive",
        description=(
            "Read articles from files, directories, URLs or - (any format marsad reads, and "
            "the Parquet output of `marsad batch`), analyse them with the default pipeline and "
            "store them with their Docs in the archive. Duplicates are linked to their first "
            "copy; articles already stored are not analysed again. Each batch is one "
            "transaction: an interrupted ingest is finished by running it again."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="PATH|URL", help="file, directory, URL or -")
    add_db_argument(p)
    p.add_argument("--batch-size", type=int, metavar="N",
                   help="articles per transaction (default: the batch_size setting, 64)")
    p.add_argument("--stages", metavar="LIST", help="comma-separated stages (default: all)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    from marsad.ingest.cli import add_source_arguments

    add_source_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad import settings
    from marsad.errors import ConfigError
    from marsad.ingest.cli import fetch_state, source_options
    from marsad.pipeline import load_pipeline
    from marsad.store.ingest import ingest, iter_inputs

    batch_size = args.batch_size or int(settings.get("batch_size"))
    if batch_size < 1:
        raise ConfigError(f"--batch-size {batch_size} must be at least 1")
    pipeline = load_pipeline(stage_list(args.stages), on_error="record")
    options = source_options(args)
    state = fetch_state(args)
    with open_store(args, create=True) as store:
        items = iter_inputs(args.inputs, options=options, state=state, archive=store.path)
        progress = progress_bar(not args.no_progress and sys.stderr.isatty(), "ingesting")
        try:
            summary = ingest(store, items, pipeline, batch_size, progress)
        finally:
            progress(None)
            if state is not None:
                state.save(args.fetch_state)
        path = store.path
    if args.json:
        print(json.dumps({"db": path, **summary.to_dict()}, ensure_ascii=False, indent=2))
    print(f"marsad: {path}: {summary.line()}", file=sys.stderr)
    for source, _code, reason in summary.failures[:50]:
        print(f"  failed: {source}: {reason}", file=sys.stderr)
    if len(summary.failures) > 50:
        print(f"  … and {len(summary.failures) - 50} more (see `marsad stats`)", file=sys.stderr)
    return EXIT_INPUT if summary.failures else EXIT_OK
