"""The archive: articles, Docs and spans in SQLite, with Arabic-aware search (docs/store.md).

Importing this package is cheap; the parts load on use.
"""

from __future__ import annotations

from marsad.store.db import Store, default_path
from marsad.store.query import QueryError
from marsad.store.schema import StoreError

__all__ = ["QueryError", "Store", "StoreError", "default_path"]
