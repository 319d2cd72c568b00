"""The Parquet files ``marsad batch`` writes and ``marsad ingest`` loads.

One row per analysed article: the article's metadata as plain columns (so pandas, R or DuckDB
can read them directly), its raw text, and the whole Doc as JSON (``doc``: ``Doc.to_dict()``,
spans included), so loading a batch result stores exactly what was analysed, without running
the pipeline again. The file's key-value metadata marks it (``marsad``: the Doc schema version).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from marsad.model import SCHEMA_VERSION, Doc

MARKER = b"marsad"
COLUMNS = ("id", "url", "source", "title", "published", "category", "language", "encoding",
           "text", "spans", "failures", "doc")


def _schema() -> Any:
    import pyarrow as pa

    fields = [pa.field(name, pa.string()) for name in COLUMNS if name not in ("spans", "failures")]
    fields.insert(9, pa.field("spans", pa.int32()))
    fields.insert(10, pa.field("failures", pa.int32()))
    return pa.schema(fields, metadata={MARKER: str(SCHEMA_VERSION).encode()})


def _row(doc: Doc) -> dict[str, Any]:
    a = doc.article
    return {
        "id": a.id, "url": a.url, "source": a.source, "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "category": a.category, "language": a.language, "encoding": a.encoding, "text": a.text,
        "spans": sum(len(s) for s in doc.spans.values()), "failures": len(doc.failures),
        "doc": json.dumps(doc.to_dict(), ensure_ascii=False),
    }


def write_part(docs: Sequence[Doc], path: str) -> str:
    """Write ``docs`` to one Parquet file (atomically: a reader never sees half a file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([_row(d) for d in docs], schema=_schema())
    tmp = f"{path}.tmp-{os.getpid()}"
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    return path


def is_batch_output(path: str | Path) -> bool:
    """Is ``path`` a Parquet file (or a directory of them) written by ``marsad batch``?"""
    p = Path(path)
    files = part_files(p) if p.is_dir() else ([p] if p.suffix == ".parquet" else [])
    if not files:
        return False
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(files[0]).metadata or {}
    except Exception:  # noqa: BLE001 - not Parquet at all
        return False
    return MARKER in meta


def part_files(directory: Path) -> list[Path]:
    return sorted(f for f in directory.glob("*.parquet") if f.is_file())


def read_docs(path: str | Path) -> Iterator[Doc]:
    """The Docs of a batch output (a part file or a directory of them), in order."""
    import pyarrow.parquet as pq

    p = Path(path)
    for f in part_files(p) if p.is_dir() else [p]:
        meta = pq.read_schema(f).metadata or {}
        version = meta.get(MARKER)
        if version is None:
            raise ValueError(f"{f}: not a marsad batch file (no marsad marker)")
        if int(version) != SCHEMA_VERSION:
            raise ValueError(f"{f}: Doc schema {int(version)}, this marsad reads {SCHEMA_VERSION}")
        table = pq.read_table(f, columns=["doc"])
        for value in table.column("doc").to_pylist():
            yield Doc.from_dict(json.loads(value))
