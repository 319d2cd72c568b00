"""Sources: each turns an input into Articles with their metadata (``docs/ingest.md``).

:func:`iter_source` is the one entry point: a file, a directory, a URL or ``-`` in; Articles,
and a :class:`SourceFailure` for each input that cannot be read, out.
"""

from marsad.ingest.base import FieldMap, SourceFailure, SourceOptions, SourceStats
from marsad.ingest.fetch import Fetcher, FetchState, make_client
from marsad.ingest.source import KINDS, iter_source

__all__ = [
    "KINDS",
    "FetchState",
    "Fetcher",
    "FieldMap",
    "SourceFailure",
    "SourceOptions",
    "SourceStats",
    "iter_source",
    "make_client",
]
