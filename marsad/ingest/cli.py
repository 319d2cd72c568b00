"""Command-line options of the sources, for the commands that read inputs (``marsad ingest``).

``add_source_arguments(parser)`` adds the options of ``docs/ingest.md``;
``source_options(args)`` turns them into :class:`~marsad.ingest.base.SourceOptions`, and
``fetch_state(args)`` loads the conditional-GET state named by ``--fetch-state`` (save it
back with ``state.save(args.fetch_state)`` after the run).
"""

from __future__ import annotations

import argparse
from typing import Any

from marsad.ingest.base import FieldMap, SourceOptions
from marsad.ingest.fetch import FetchState
from marsad.ingest.source import KINDS


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("reading sources")
    group.add_argument("--format", choices=KINDS,
                       help="read every input as this format (default: detected)")
    group.add_argument("--field", action="append", default=[], metavar="FIELD=KEY",
                       help="JSON/CSV key of an article field, e.g. text=body, date=meta.pub, "
                            "title=headline|name (repeatable; FIELD: text title url date source "
                            "id category author language)")
    group.add_argument("--records-key", metavar="KEY",
                       help="key of the list of records in a JSON object (dots for nesting)")
    group.add_argument("--csv-delimiter", metavar="CHAR", help="CSV delimiter (default: detected)")
    group.add_argument("--min-arabic", type=float, metavar="SHARE",
                       help="least share of letters that must be Arabic (default 0.25)")
    group.add_argument("--max-bytes", type=int, metavar="N",
                       help="largest file, record, page or response in bytes")
    group.add_argument("--follow-links", action="store_true",
                       help="for feed URLs, fetch and extract each entry's page")
    group.add_argument("--timeout", type=float, default=20.0, metavar="S",
                       help="HTTP timeout in seconds (default 20)")
    group.add_argument("--min-delay", type=float, default=1.0, metavar="S",
                       help="seconds between two requests to one host (default 1)")
    group.add_argument("--fetch-state", metavar="FILE",
                       help="JSON file keeping ETag/Last-Modified and per-host times between runs")


def source_options(args: Any) -> SourceOptions:
    """SourceOptions from parsed arguments (settings fill what the options leave out)."""
    from marsad import settings
    from marsad.errors import ConfigError

    share = 0.25 if args.min_arabic is None else args.min_arabic
    if not 0.0 <= share <= 1.0:
        raise ConfigError(f"--min-arabic {share} is not a share between 0 and 1")
    delimiter = args.csv_delimiter
    if delimiter is not None and delimiter not in ("\\t", "tab") and len(delimiter) != 1:
        raise ConfigError(f"--csv-delimiter {delimiter!r} is not one character (or \\t)")
    return SourceOptions(
        max_bytes=args.max_bytes or int(settings.get("max_input_bytes")),
        format=args.format,
        fields=FieldMap.parse(args.field or []),
        records_key=args.records_key,
        csv_delimiter=delimiter,
        min_arabic_share=share,
        timeout=args.timeout,
        min_delay=args.min_delay,
        follow_links=args.follow_links,
    )


def fetch_state(args: Any) -> FetchState | None:
    """The state saved at ``--fetch-state`` (a new one if the file does not exist yet)."""
    return FetchState.load(args.fetch_state) if getattr(args, "fetch_state", None) else None
