"""Splitting a corpus into tasks, and running one task: the unit of work of ``marsad batch``.

A :class:`Task` is a slice of the input small enough for one worker: a group of files (any
format :func:`marsad.ingest.iter_source` reads: TREC, text, HTML, WARC …), a line-aligned byte
range of a large JSONL file, or one row group of a Parquet file. :func:`run_task` reads its
slice, runs the pipeline over the Articles, and writes one Parquet part file of analysed Docs
(see :mod:`marsad.batch.parquet`). Tasks are plain data, so they travel to any Dask worker.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.model import Article

#: files per task for formats read whole (TREC, text, HTML …).
FILES_PER_TASK = 64
#: bytes per task for JSONL files.
JSONL_BYTES_PER_TASK = 32 * 1024 * 1024


@dataclass(frozen=True)
class Task:
    """One slice of the input: ``kind`` is ``files``, ``jsonl`` (a byte range) or ``parquet``
    (one row group)."""

    number: int
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    end: int = 0

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}"


@dataclass
class TaskResult:
    task: str
    articles: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    stage_failures: int = 0
    tokens: int = 0
    seconds: float = 0.0
    output: str | None = None


def plan(inputs: Sequence[str], files_per_task: int = FILES_PER_TASK,
         jsonl_bytes: int = JSONL_BYTES_PER_TASK) -> list[Task]:
    """The tasks covering ``inputs`` (files and directories), in a stable order."""
    files: list[Path] = []
    for spec in inputs:
        p = Path(spec)
        if p.is_dir():
            files.extend(f for f in sorted(p.rglob("*"))
                         if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            files.append(p)
    tasks: list[Task] = []
    loose: list[str] = []
    for f in files:
        suffix = f.suffix.lower()
        if suffix == ".jsonl" and f.exists():
            tasks.extend(Task(0, "jsonl", (str(f),), s, e) for s, e in _line_ranges(f, jsonl_bytes))
        elif suffix == ".parquet" and f.exists():
            tasks.extend(Task(0, "parquet", (str(f),), g, g + 1) for g in range(_row_groups(f)))
        else:
            loose.append(str(f))
    for i in range(0, len(loose), files_per_task):
        tasks.append(Task(0, "files", tuple(loose[i : i + files_per_task])))
    return [Task(n, t.kind, t.paths, t.start, t.end) for n, t in enumerate(tasks)]


def _line_ranges(path: Path, size: int) -> Iterator[tuple[int, int]]:
    """Byte ranges of about ``size`` bytes that start and end on line boundaries."""
    total = path.stat().st_size
    start = 0
    with path.open("rb") as f:
        while start < total:
            f.seek(min(start + size, total))
            if start + size < total:
                f.readline()  # finish the line the cut fell in
            end = min(f.tell(), total)
            yield start, end
            start = end


def _row_groups(path: Path) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).num_row_groups)


# --------------------------------------------------------------------------- reading a task

Item = Article | dict[str, str]


def task_articles(task: Task, options: Any = None) -> Iterator[Item]:
    """The Articles of one task, and a failure record for each input that cannot be read."""
    from marsad.ingest import SourceFailure, SourceOptions, iter_source

    options = options or SourceOptions()
    if task.kind == "files":
        for path in task.paths:
            for item in iter_source(path, options=options):
                yield _failure(item) if isinstance(item, SourceFailure) else item
    elif task.kind == "jsonl":
        yield from _jsonl_range(task.paths[0], task.start, task.end, options)
    elif task.kind == "parquet":
        yield from _parquet_group(task.paths[0], task.start, options)
    else:  # pragma: no cover - plan() makes no other kind
        raise ValueError(f"unknown task kind {task.kind!r}")


def _failure(f: Any) -> dict[str, str]:
    return {"source": f.source, "code": f.code, "reason": f.reason}


def _records_to_articles(records: Iterator[tuple[str, Any]], options: Any) -> Iterator[Item]:
    from marsad.errors import InputError
    from marsad.ingest.records import record_article

    for where, record in records:
        if isinstance(record, InputError):
            yield {"source": record.source, "code": record.code, "reason": record.reason}
            continue
        if not isinstance(record, dict):
            yield {"source": where, "code": "malformed", "reason": "a record that is not an object"}
            continue
        try:
            yield record_article(record, where, options, encoding="utf-8")
        except InputError as exc:
            yield {"source": exc.source, "code": exc.code, "reason": exc.reason}


def _jsonl_range(path: str, start: int, end: int, options: Any) -> Iterator[Item]:
    from marsad.errors import InputError

    def records() -> Iterator[tuple[str, Any]]:
        with open(path, "rb") as f:
            f.seek(start)
            offset = start
            while offset < end:
                line = f.readline()
                if not line:
                    break
                where = f"{path}@{offset}"
                offset += len(line)
                if not line.strip():
                    continue
                try:
                    yield where, json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield where, InputError(where, f"not a JSON line: {exc}")

    return _records_to_articles(records(), options)


def _parquet_group(path: str, group: int, options: Any) -> Iterator[Item]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path).read_row_group(group)

    def records() -> Iterator[tuple[str, Any]]:
        for i, row in enumerate(table.to_pylist()):
            yield f"{path}#{group}:{i}", row

    return _records_to_articles(records(), options)


# --------------------------------------------------------------------------- running a task

def run_task(task: Task, out_dir: str, stages: Sequence[str] | None = None,
             options: Any = None, batch_size: int = 64) -> TaskResult:
    """Analyse one task and write its Parquet part file into ``out_dir``."""
    from marsad.batch.parquet import write_part
    from marsad.pipeline import load_pipeline

    t0 = time.perf_counter()
    result = TaskResult(task.name)
    pipeline = _pipeline(tuple(stages) if stages else None, load_pipeline)
    articles: list[Article] = []
    for item in task_articles(task, options):
        if isinstance(item, dict):
            result.failures.append(item)
        else:
            articles.append(item)
    docs = list(pipeline.pipe(articles, batch_size=batch_size))
    result.articles = len(docs)
    result.stage_failures = sum(len(d.failures) for d in docs)
    result.tokens = sum(len(d.tokens) for d in docs)
    if docs:
        result.output = write_part(docs, os.path.join(out_dir, f"{task.name}.parquet"))
    result.seconds = time.perf_counter() - t0
    return result


_PIPELINES: dict[tuple[str, ...] | None, Any] = {}


def _pipeline(stages: tuple[str, ...] | None, load: Any) -> Any:
    """One pipeline per worker process and stage list (models load once, not per task)."""
    if stages not in _PIPELINES:
        _PIPELINES[stages] = load(stages, on_error="record")
    return _PIPELINES[stages]
