"""The ``--db`` option the archive commands share (``ingest``, ``search``, ``show``,
``export``, ``stats``) and opening the archive it names."""

from __future__ import annotations

import argparse
from typing import Any


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH",
        help="the archive (SQLite file); default: $MARSAD_DB, else marsad.db here",
    )


def open_store(args: Any, create: bool = False) -> Any:
    """The Store named by ``--db`` (or the ``db`` setting); only ``ingest`` creates one."""
    from marsad.store import Store, default_path

    return Store(args.db or default_path(), create=create)
