"""The archive: articles, Docs and spans in SQLite, with Arabic-aware search (docs/store.md).

Importing this package is cheap: :class:`Store`, :class:`QueryError`, :class:`StoreError` and
:func:`default_path` load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.store.db import Store, default_path
    from marsad.store.query import QueryError
    from marsad.store.schema import StoreError

__all__ = ["QueryError", "Store", "StoreError", "default_path"]

_WHERE = {"Store": "marsad.store.db", "default_path": "marsad.store.db",
          "QueryError": "marsad.store.query", "StoreError": "marsad.store.schema"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'marsad.store' has no attribute {name!r}")
