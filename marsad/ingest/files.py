"""Reading files into Articles for ``marsad analyze``: every format :func:`iter_source` reads.

:func:`read_articles` raises the first failure as an InputError (one file is one unit for
``analyze``); ``marsad ingest`` uses :func:`~marsad.ingest.source.iter_source` directly, which
reports failures and goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from marsad.decode import MAX_INPUT_BYTES
from marsad.ingest.base import SourceFailure, SourceOptions
from marsad.model import Article


def read_articles(path: str, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Article]:
    """The Articles in one file (``-`` is standard input); raises InputError naming it.

    Any Arabic in a text is enough here (``analyze`` is told what to read); the format is
    detected as :func:`~marsad.ingest.source.iter_source` does.
    """
    from marsad.ingest.source import iter_source

    options = SourceOptions(max_bytes=max_bytes, min_arabic_share=0.0)
    for item in iter_source(path, options=options):
        if isinstance(item, SourceFailure):
            raise item.to_error()
        yield item


def expand_paths(paths: list[str]) -> list[str]:
    """Files named, with directories replaced by the files under them (sorted)."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*")) if f.is_file() and not f.name.startswith("."))
        else:
            out.append(p)
    return out
