"""Search keys: the rowid of an article's row in the full-text index (``articles.skey``).

The key packs the article's publication day, its place among the articles stored for that
day and whether it is a duplicate, so that the full-text index itself answers what would
otherwise need a look at every matching article's row::

    key = day << 27 | seq << 1 | duplicate

* ``day`` is the proleptic Gregorian ordinal of the article's own day (``articles.day``;
  0 when it has no date): keys run in publication order, so a date filter is a key range, the
  newest matches are the highest keys and ``--recent`` reads the age from the key;
* ``seq`` numbers the articles of one day in the order they were stored (1, 2, …; up to 64
  million a day): keys of one day are close together, which keeps the index's lists of keys
  short (the difference of two keys is what the index stores);
* ``duplicate`` is 1 for ``url``, ``near`` and ``id`` duplicates, which search leaves out
  unless asked, with a test of the key's lowest bit.

``articles.skey`` (unique, indexed) leads from a key to its article. An article's day and
duplicate status never change once stored, so neither does its key.
"""

from __future__ import annotations

import sqlite3
from datetime import date

SEQ_BITS = 26
DAY_SHIFT = SEQ_BITS + 1
SEQ_MASK = (1 << SEQ_BITS) - 1
#: SQL for the day ordinal of ``search.rowid``.
DAY_SQL = f"(search.rowid >> {DAY_SHIFT})"


def day_ordinal(day: str | None) -> int:
    """The ordinal of an ISO day (``YYYY-MM-DD``), 0 for none."""
    return date.fromisoformat(day).toordinal() if day else 0


def make_key(day: int, seq: int, duplicate: bool) -> int:
    if not 0 < seq <= SEQ_MASK:
        raise ValueError(f"more than {SEQ_MASK} articles stored for day {day}")
    return day << DAY_SHIFT | seq << 1 | int(duplicate)


def next_key(conn: sqlite3.Connection, day: str | None, duplicate: bool) -> int:
    """The key of an article about to be stored for ``day``: after that day's last one."""
    d = day_ordinal(day)
    last = conn.execute("SELECT max(skey) FROM articles WHERE skey >= ? AND skey < ?",
                        (d << DAY_SHIFT, (d + 1) << DAY_SHIFT)).fetchone()[0]
    seq = ((last >> 1) & SEQ_MASK) + 1 if last is not None else 1
    return make_key(d, seq, duplicate)


def day_of(key: int) -> int:
    return key >> DAY_SHIFT


def key_range(day_from: str | None, day_to: str | None) -> tuple[int | None, int | None]:
    """The keys of articles published from ``day_from`` to ``day_to`` (ISO days, either
    open): ``lo <= key < hi``, None for an open end. Undated articles are in no range."""
    if not (day_from or day_to):
        return None, None
    lo = max(1, day_ordinal(day_from)) << DAY_SHIFT
    hi = (day_ordinal(day_to) + 1) << DAY_SHIFT if day_to else None
    return lo, hi
