"""``marsad stats``: what the archive holds."""

from __future__ import annotations

import argparse
import json
from typing import Any

from marsad.cli import EXIT_OK
from marsad.cli.dbopt import add_db_argument, open_store


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="what the archive holds",
                       description="Counts of articles, duplicates, spans and failures.")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"archive     {stats['path']} (schema {stats['schema_version']}, "
          f"{stats['bytes'] / 1e6:.1f} MB)")
    print(f"articles    {stats['articles']:,} ({stats['originals']:,} first copies)")
    dups = ", ".join(f"{k} {v:,}" for k, v in sorted(stats["duplicates"].items()))
    print(f"duplicates  {dups or 'none'}")
    if stats["first_day"]:
        print(f"published   {stats['first_day']} … {stats['last_day']}")
    for title, key in (("sources", "sources"), ("categories", "categories"), ("spans", "spans"),
                       ("stage failures", "stage_failures"),
                       ("ingest failures", "ingest_failures")):
        items = stats[key]
        if items:
            print(f"{title:<11} " + ", ".join(f"{k or '(none)'} {v:,}" for k, v in items.items()))
    print(f"entities    {stats['entities']:,} distinct")
    return EXIT_OK
