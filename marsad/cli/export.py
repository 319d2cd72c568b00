"""``marsad export --what … --format …``: the archive as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from marsad.cli import EXIT_OK
from marsad.cli.dbopt import add_db_argument, open_store


def register(sub: Any) -> None:
    from marsad.store.export import FORMATS, TABLES

    p = sub.add_parser("export", help="export articles, entities, quotes or events",
                       description="Export one table of the archive for pandas, R or DuckDB "
                                   "(columns: docs/store.md).")
    add_db_argument(p)
    p.add_argument("--what", choices=tuple(TABLES), default="articles")
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write here (default: stdout; Parquet needs a file)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad.store.export import export

    with open_store(args) as store:
        n = export(store.conn, args.what, args.format, args.output or sys.stdout)
    print(f"marsad: exported {n:,} {args.what} rows"
          f"{f' to {args.output}' if args.output else ''}", file=sys.stderr)
    return EXIT_OK
