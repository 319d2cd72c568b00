"""Ingesting: sources in, analysed and stored in batches, one transaction per batch.

:func:`ingest` takes a stream of Articles, already analysed Docs (``marsad batch`` output) and
:class:`~marsad.ingest.base.SourceFailure`\\ s. For each batch it leaves out the articles whose
text is stored already (so a second run, or a run after a crash, analyses only what is
missing), analyses the rest with the pipeline, and stores everything and every failure in one
transaction. Killing the process at any moment loses at most the batch in flight, which the
next run stores.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from marsad.model import Article, Doc
from marsad.store.db import Store
from marsad.store.write import Outcome, add

Item = Any  # Article | Doc | SourceFailure


@dataclass
class Summary:
    """What one ingest run did."""

    new: int = 0
    stored: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    stage_failures: int = 0

    @property
    def seen(self) -> int:
        return self.new + self.stored + sum(self.duplicates.values())

    def count(self, outcome: Outcome) -> None:
        if outcome.status == "new":
            self.new += 1
        elif outcome.status == "stored":
            self.stored += 1
        else:
            self.duplicates[outcome.kind or "exact"] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": self.new, "duplicates": dict(self.duplicates), "already_stored": self.stored,
            "failed": len(self.failures), "stage_failures": self.stage_failures,
            "failures": [{"source": s, "code": c, "reason": r} for s, c, r in self.failures],
        }

    def line(self) -> str:
        dups = sum(self.duplicates.values())
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.duplicates.items()))
        return (f"{self.new} new, {dups} duplicate{'s' if dups != 1 else ''}"
                f"{f' ({kinds})' if kinds else ''}, {self.stored} already stored, "
                f"{len(self.failures)} failed")


def _is_failure(item: Any) -> bool:
    return not isinstance(item, Article | Doc) and hasattr(item, "code")


def ingest(store: Store, items: Iterable[Item], pipeline: Any, batch_size: int = 64,
           progress: Callable[[int], None] | None = None) -> Summary:
    """Analyse and store ``items`` (see the module docstring)."""
    summary = Summary()
    stages = tuple(getattr(pipeline, "names", ()))
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        _one_batch(store, batch, pipeline, stages, summary)
        if progress is not None:
            progress(len(batch))
    return summary


def _one_batch(store: Store, batch: list[Item], pipeline: Any, stages: tuple[str, ...],
               summary: Summary) -> None:
    todo = [x for x in batch if isinstance(x, Article) and not store.has_text(x.text)]
    analysed: dict[int, Doc] = dict(zip((id(a) for a in todo), pipeline.pipe(todo), strict=True)) if todo else {}
    with store.transaction() as conn:
        for item in batch:
            if _is_failure(item):
                reason = str(getattr(item, "reason", None) or getattr(item, "message", ""))
                store.record_failure(item.source, item.code, reason, conn)
                summary.failures.append((item.source, item.code, reason))
                continue
            doc: Doc | Article = analysed.get(id(item)) or item
            outcome = add(conn, doc, ",".join(stages), store.near_threshold)
            summary.count(outcome)
            if outcome.status != "stored" and isinstance(doc, Doc):
                summary.stage_failures += len(doc.failures)


def iter_inputs(specs: Iterable[str], client: Any = None, options: Any = None,
                state: Any = None, archive: str | None = None) -> Iterator[Item]:
    """Articles and failures of each input; a ``marsad batch`` output gives its Docs.

    The files of the ``archive`` itself (the database, its WAL and shared-memory files) are
    passed over when a directory holding them is ingested.
    """
    from pathlib import Path

    from marsad.ingest import iter_source

    own = set()
    if archive:
        base = Path(archive).resolve()
        own = {str(base), f"{base}-wal", f"{base}-shm", f"{base}-journal"}
    for spec in specs:
        if _is_batch_output(spec):
            yield from _batch_output(spec)
            continue
        for item in iter_source(spec, client=client, options=options, state=state):
            if own and _is_failure(item) and str(Path(str(item.source)).resolve()) in own:
                continue
            yield item


def _is_batch_output(spec: str) -> bool:
    from pathlib import Path

    p = Path(spec)
    if not (p.is_dir() and any(p.glob("*.parquet"))) and p.suffix != ".parquet":
        return False
    from marsad.batch.parquet import is_batch_output

    return is_batch_output(p)


def _batch_output(spec: str) -> Iterator[Item]:
    """The Docs of a ``marsad batch`` output, and the failures it recorded."""
    import json
    from pathlib import Path

    from marsad.batch.parquet import read_docs
    from marsad.ingest.base import SourceFailure

    yield from read_docs(spec)
    failures = Path(spec) / "_failures.jsonl"
    if failures.is_file():
        for line in failures.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                yield SourceFailure(rec.get("source", spec), rec.get("code", "error"),
                                    rec.get("reason", ""))
