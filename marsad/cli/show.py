"""``marsad show ID``: one stored article, its metadata, duplicates and spans."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from marsad.cli import EXIT_INPUT, EXIT_OK
from marsad.cli.dbopt import add_db_argument, open_store


def register(sub: Any) -> None:
    p = sub.add_parser("show", help="show one stored article",
                       description="Show a stored article (by id, or a unique id prefix of "
                                   "6+ characters): metadata, copies, duplicates and spans.")
    p.add_argument("id", metavar="ID")
    add_db_argument(p)
    p.add_argument("--json", action="store_true",
                   help="print {article: metadata, doc: the Doc} as JSON")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        info = store.article_info(args.id)
        doc = store.doc(args.id) if info else None
    if info is None or doc is None:
        print(f"marsad: no article {args.id!r} in the archive", file=sys.stderr)
        return EXIT_INPUT
    if args.json:
        print(json.dumps({"article": info, "doc": doc.to_dict()}, ensure_ascii=False, indent=2))
        return EXIT_OK
    from marsad.render import render

    for key in ("id", "title", "source", "category", "published", "url", "encoding"):
        if info.get(key):
            print(f"{key:<10} {info[key]}")
    if info["duplicate_of"]:
        sim = f", similarity {info['similarity']}" if info["similarity"] is not None else ""
        print(f"duplicate  of {info['duplicate_of']} ({info['duplicate_kind']}{sim})")
    for copy in info["copies"]:
        print(f"copy       {copy['url'] or ''} {copy['source'] or ''} {copy['published'] or ''}")
    for dup in info["duplicates"]:
        print(f"duplicate  {dup['id']} ({dup['kind']}) {dup['url'] or ''}")
    for f in info["stage_failures"]:
        print(f"failed     stage {f['stage']}: {f['code']}: {f['message']}")
    print()
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    sys.stdout.write(render(doc, color=color))
    return EXIT_OK
