"""``marsad search "…"``: Arabic-aware full-text search of the archive."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from marsad.cli import EXIT_OK, EXIT_USAGE
from marsad.cli.dbopt import add_db_argument, open_store


def register(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="search the archive",
        description=(
            "Search the archive. Words side by side: any of them, articles with more of them "
            'first (a pasted headline works). "a phrase", prefix*, AND, OR, NOT (or -word), '
            "parentheses. Clitics, diacritics, letter variants and Arabic-Indic digits are "
            "seen through (الموصل finds بالموصل)."
        ),
    )
    p.add_argument("query", metavar="QUERY", help='the query ("" with filters: newest first)')
    add_db_argument(p)
    p.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after "
                   "(YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before")
    p.add_argument("--entity", action="append", default=[], metavar="ID",
                   help="mentions this entity: a knowledge-base id (Q…) or a name (repeatable)")
    p.add_argument("--source", action="append", default=[], metavar="NAME",
                   help="from this source/outlet (repeatable: any of them)")
    p.add_argument("--category", action="append", default=[], metavar="NAME",
                   help="in this category (repeatable: any of them)")
    p.add_argument("--type", action="append", default=[], metavar="EVENT",
                   help="has an event of this PLOVER type, e.g. ASSAULT (repeatable)")
    p.add_argument("--recent", action="store_true", help="favour recent articles")
    p.add_argument("--half-life", type=float, default=365.0, metavar="DAYS",
                   help="with --recent: age at which the boost is halved (default 365)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits to show (10)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="hits to skip (paging)")
    p.add_argument("--duplicates", action="store_true", help="include duplicates")
    p.add_argument("--facets", action="store_true",
                   help="also count all matches, and the top entities, sources and event types "
                        "of the newest 500 of them")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad.store import QueryError

    with open_store(args) as store:
        try:
            results = store.search(
                args.query, date_from=args.date_from, date_to=args.date_to,
                sources=tuple(args.source), categories=tuple(args.category),
                entities=tuple(args.entity), event_types=tuple(args.type), recent=args.recent,
                half_life_days=args.half_life, limit=args.limit, offset=args.offset,
                duplicates=args.duplicates, facets=args.facets)
        except QueryError as exc:
            print(f"marsad: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if args.json:
        print(json.dumps(results.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    _print(results, color, args.offset)
    return EXIT_OK


def _mark(snippet: str, marks: list[tuple[int, int]], color: bool) -> str:
    if not color:
        return snippet
    out, pos = [], 0
    for s, e in marks:
        out.append(snippet[pos:s] + "\033[1;33m" + snippet[s:e] + "\033[0m")
        pos = e
    return "".join(out) + snippet[pos:]


def _print(results: Any, color: bool, offset: int) -> None:
    if not results.hits:
        print("no matches", file=sys.stderr)
    for n, hit in enumerate(results.hits, offset + 1):
        head = " · ".join(x for x in (hit.source, (hit.published or "")[:10], hit.id) if x)
        title = hit.title or "(no title)"
        print(f"{n}. {title}  [{hit.score:.2f}]\n   {head}")
        if hit.url:
            print(f"   {hit.url}")
        print(f"   {_mark(hit.snippet, hit.highlights, color)}\n")
    if results.facets is not None:
        print(f"{results.total:,} matching articles")
        for name, items in results.facets.items():
            if items:
                key = {"entities": "name", "sources": "source", "event_types": "type"}[name]
                shown = ", ".join(f"{i[key] or '(none)'} {i['count']}" for i in items)
                print(f"  {name}: {shown}")
