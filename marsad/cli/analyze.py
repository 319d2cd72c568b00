"""``marsad analyze PATH|- …``: analyse files and show or write what was found."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import IO, Any

from marsad.cli import EXIT_INPUT, EXIT_OK
from marsad.cli.common import progress_bar, stage_list


def parse_when(value: str) -> date | datetime | None:
    """An ISO date or date-time given on the command line."""
    from marsad.errors import ConfigError
    from marsad.model import parse_when as parse_iso

    try:
        return parse_iso(value)
    except ValueError:
        raise ConfigError(f"--published {value!r} is not an ISO date (YYYY-MM-DD)") from None


def register(sub: Any) -> None:
    p = sub.add_parser(
        "analyze",
        help="find entities, numbers, money, percentages and dates in Arabic articles",
        description=(
            "Analyse Arabic articles. One file (or - for standard input): a readable view, or "
            "the Doc as JSON with --json. A directory or several paths: one JSON Doc a line "
            "(JSONL), a progress bar and a summary of failures on stderr."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for stdin")
    p.add_argument("--published", metavar="DATE", help="publication date for relative dates "
                   "(default: the article's own date, else today, flagged)")
    p.add_argument("--json", action="store_true", help="print the Doc as JSON")
    p.add_argument("-o", "--output", metavar="FILE", help="write output here instead of stdout")
    p.add_argument("--stages", metavar="LIST", help="comma-separated stages (default: all)")
    p.add_argument("--country", metavar="CC", help="country the articles are about (ISO alpha-2)")
    p.add_argument("--max-bytes", type=int, metavar="N", help="largest input in bytes")
    p.add_argument("--kb-user", metavar="FILE",
                   help="your own knowledge-base entries and aliases (docs/kb.md); "
                        "default: the kb_user_file setting")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from marsad import settings
    from marsad.ingest.files import expand_paths

    published = parse_when(args.published) if args.published else None
    if args.kb_user:
        settings.override("kb_user_file", args.kb_user)
    max_bytes = args.max_bytes or settings.get("max_input_bytes")
    country = (args.country or settings.get("country") or "").upper() or None
    from marsad.pipeline import load_pipeline

    pipeline = load_pipeline(stage_list(args.stages), on_error="record")
    paths = expand_paths(args.paths)
    single = len(args.paths) == 1 and len(paths) == 1
    out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if single:
            return _one(args, paths[0], pipeline, published, country, max_bytes, out)
        return _many(args, paths, pipeline, published, country, max_bytes, out)
    finally:
        if out is not sys.stdout:
            out.close()


def _articles(path: str, published: Any, country: str | None, max_bytes: int) -> Iterator[Any]:
    from marsad.ingest.files import read_articles

    for article in read_articles(path, max_bytes):
        if published is not None:
            article = replace(article, published=published)
        if country and "country" not in article.meta:
            article = replace(article, meta={**article.meta, "country": country})
        yield article


def _one(args: Any, path: str, pipeline: Any, published: Any, country: Any, max_bytes: int,
         out: IO[str]) -> int:
    from marsad.render import render

    articles = list(_articles(path, published, country, max_bytes))
    color = args.color == "always" or (args.color == "auto" and out.isatty())
    for article in articles:
        doc = pipeline.analyze(article)
        if args.json:
            json.dump(doc.to_dict(), out, ensure_ascii=False, indent=2 if len(articles) == 1 else None)
            out.write("\n")
        else:
            out.write(render(doc, color=color, source=path if len(articles) == 1 else None))
    if not args.json and articles and articles[0].encoding not in (None, "utf-8"):
        print(f"marsad: {path}: decoded as {articles[0].encoding}", file=sys.stderr)
    return EXIT_OK


def _many(args: Any, paths: list[str], pipeline: Any, published: Any, country: Any,
          max_bytes: int, out: IO[str]) -> int:
    from marsad.errors import MarsadError

    failures: list[tuple[str, str]] = []
    n_docs = 0
    progress = progress_bar(not args.no_progress and sys.stderr.isatty(), "analysing",
                            total=len(paths))
    for path in paths:
        try:
            for doc in pipeline.pipe(_articles(path, published, country, max_bytes)):
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False))
                out.write("\n")
                n_docs += 1
        except MarsadError as exc:
            failures.append((path, str(exc)))
        progress(1)
    progress(None)
    print(f"marsad: analysed {n_docs} article(s) from {len(paths) - len(failures)} of "
          f"{len(paths)} file(s); {len(failures)} failed", file=sys.stderr)
    for _path, reason in failures:
        print(f"  failed: {reason}", file=sys.stderr)
    return EXIT_INPUT if failures else EXIT_OK
