"""Reading files into Articles: plain text, or TREC documents (detected by content)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from marsad.decode import MAX_INPUT_BYTES, read_source, require_arabic
from marsad.ingest.trec import looks_like_trec, parse_trec
from marsad.model import Article


def read_articles(path: str, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Article]:
    """The Articles in one file (``-`` is standard input); raises InputError naming it."""
    decoded = read_source(path, max_bytes)
    name = "<stdin>" if path == "-" else path
    if looks_like_trec(decoded.text):
        for article in parse_trec(decoded.text, name, decoded.encoding):
            require_arabic(article.text, name)
            yield article
        return
    require_arabic(decoded.text, name)
    meta = {} if path == "-" else {"path": path}
    title = None if path == "-" else Path(path).stem
    yield Article(text=decoded.text, encoding=decoded.encoding, title=title, meta=meta)


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
