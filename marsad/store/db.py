"""The archive: one SQLite file (WAL, foreign keys, migrations) behind :class:`Store`.

>>> from marsad.store import Store
>>> with Store("marsad.db") as store:           # doctest: +SKIP
...     outcomes = store.add([doc])               # one transaction
...     hits = store.search("الموصل")

Writes happen in batches, one transaction each (:meth:`Store.add`): a process killed in the
middle of a batch leaves the database as it was before the batch, and running the same input
again stores the rest (articles already stored are recognised by their content hash and not
analysed again).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.model import Article, Doc
from marsad.store import dedup
from marsad.store.schema import LATEST, StoreError, current_version, migrate
from marsad.store.write import Outcome, add, doc_from_row, now

log = logging.getLogger(__name__)


def _upgrade_notice(path: str, version: int, articles: int) -> str:
    return (f"{path}: upgrading the archive from schema {version} to {LATEST}; the search "
            f"index of its {articles:,} article{'s' if articles != 1 else ''} is built again (a few milliseconds an "
            "article; interrupted, it is rolled back and runs again next time)")


def default_path() -> str:
    """The archive path: ``MARSAD_DB``, else ``marsad.db`` in the current directory."""
    from marsad import settings

    return str(settings.get("db"))


def connect(path: str, readonly: bool = False) -> sqlite3.Connection:
    """A connection with marsad's settings (WAL, foreign keys, autocommit mode)."""
    try:
        if readonly:
            uri = Path(path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not an SQLite database ({exc})") from None
    return conn


class Store:
    """An archive file. ``create=False`` refuses a path where no archive exists yet."""

    def __init__(self, path: str | None = None, *, create: bool = True, readonly: bool = False,
                 near_threshold: float = dedup.NEAR_THRESHOLD) -> None:
        self.path = path or default_path()
        if not create and not Path(self.path).is_file():
            raise StoreError(
                f"{self.path}: no archive there (make one with `marsad ingest`, or choose "
                "another with --db or MARSAD_DB)"
            )
        self.conn = connect(self.path, readonly=readonly)
        self.near_threshold = near_threshold
        try:
            if readonly:
                version = current_version(self.conn)
                if version != LATEST:
                    raise StoreError(
                        f"{self.path}: schema version {version}, this marsad reads {LATEST} "
                        "(open it once for writing, e.g. with `marsad ingest`, to migrate it)"
                    )
            else:
                self._announce_upgrade()
                migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: not a marsad archive ({exc})") from None
        except StoreError as exc:
            self.conn.close()
            if exc.message.startswith(self.path):
                raise
            raise StoreError(f"{self.path}: {exc.message}") from None

    def close(self) -> None:
        self.conn.close()

    def _announce_upgrade(self) -> None:
        """Log (a warning, on standard error by default) before migrating an archive that
        holds articles: rebuilding its search index takes a while on a large one."""
        version = current_version(self.conn)
        if 0 < version < LATEST:
            articles = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            if articles:
                log.warning(_upgrade_notice(self.path, version, articles))
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- writing -------------------------------------------------------------------------

    def has_text(self, text: str) -> bool:
        """Is an article with exactly this text stored?"""
        return self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", (dedup.content_hash(text),)
        ).fetchone() is not None

    def add(self, items: Iterable[Doc | Article], stages: Sequence[str] = ()) -> list[Outcome]:
        """Store Docs (or bare Articles whose text is stored already) in one transaction."""
        names = ",".join(stages)
        with self.transaction() as conn:
            return [add(conn, item, names, self.near_threshold) for item in items]

    def record_failure(self, source: str, code: str, reason: str,
                       conn: sqlite3.Connection | None = None) -> bool:
        """Record an input that could not be read (once per source, code and reason)."""
        cur = (conn or self.conn).execute(
            "INSERT OR IGNORE INTO ingest_failures(source, code, reason, first_seen) "
            "VALUES (?, ?, ?, ?)",
            (source, code, reason, now()),
        )
        return cur.rowcount > 0

    # -- reading -------------------------------------------------------------------------

    def resolve(self, ident: str) -> int | None:
        """The row key of the article with id ``ident`` (or a unique id prefix of 6+)."""
        row = self.conn.execute("SELECT aid FROM articles WHERE id = ?", (ident,)).fetchone()
        if row is None and len(ident) >= 6:
            rows = self.conn.execute(
                "SELECT aid FROM articles WHERE id >= ? AND id < ? LIMIT 2",
                (ident, ident + "\uffff"),
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return None if row is None else int(row[0])

    def doc(self, ident: str) -> Doc | None:
        """The stored Doc of an article, or None."""
        aid = self.resolve(ident)
        if aid is None:
            return None
        row = self.conn.execute(
            "SELECT a.text, d.doc FROM articles a JOIN docs d USING (aid) WHERE a.aid = ?", (aid,)
        ).fetchone()
        return None if row is None else doc_from_row(row[0], row[1])

    def article_info(self, ident: str) -> dict[str, Any] | None:
        """The article's row (without text), its copies and its duplicates."""
        from marsad.store.read import article_info

        return article_info(self.conn, ident, self.resolve(ident))

    def stats(self) -> dict[str, Any]:
        from marsad.store.read import stats

        return stats(self.conn, self.path)

    def search(self, query: str, **options: Any) -> Any:
        from marsad.store.search import search

        return search(self.conn, query, **options)
