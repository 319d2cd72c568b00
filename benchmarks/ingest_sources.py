"""How fast the sources read, per format, on one core: ``python benchmarks/ingest_sources.py``.

Reads ``../shared/data/news/ant`` (TREC) as it is, then writes the same articles, in a
temporary folder, as JSONL, CSV, HTML pages (each article in a page with a menu, sidebar and
footer), one RSS feed and one gzipped WARC of those pages, and reads each back with
``iter_source``. Only the sources are timed (no analysis, no store). Writes its section of
``docs/benchmarks.md``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from report import require_shared, write_section

from marsad.ingest import SourceFailure, SourceOptions, iter_source
from marsad.model import Article

PAGES = 1000  # articles turned into HTML pages, a feed and a WARC (HTML extraction is slow)

PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} - موقع الأخبار</title><link rel="canonical" href="{url}">
<meta property="article:published_time" content="{date}"></head><body>
<header><ul class="menu"><li>الرئيسية</li><li>سياسة</li><li>اقتصاد</li><li>رياضة</li></ul></header>
<main><article><h1>{title}</h1>{paragraphs}</article></main>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ul><li><a href="/a">ارتفاع أسعار النفط</a></li>
<li><a href="/b">المنتخب يفوز بهدفين</a></li></ul></aside>
<footer><p>© 2024 موقع الأخبار. جميع الحقوق محفوظة</p></footer></body></html>"""


def page(a: Article) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in a.text.split("\n") if line.strip())
    return PAGE.format(title=html.escape(a.title or ""), url=html.escape(a.url or ""),
                       date=a.published.isoformat() if a.published else "", paragraphs=paragraphs)


def timed(spec: str, options: SourceOptions) -> tuple[int, int, float]:
    start = time.perf_counter()
    ok = failed = 0
    for item in iter_source(spec, options=options):
        if isinstance(item, SourceFailure):
            failed += 1
        else:
            ok += 1
    return ok, failed, time.perf_counter() - start


def write_jsonl(arts: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"title": a.title, "text": a.text, "url": a.url,
                                "date": a.published.isoformat() if a.published else None},
                               ensure_ascii=False) + "\n")


def write_csv(arts: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["title", "text", "url", "date"])
        for a in arts:
            w.writerow([a.title, a.text, a.url, a.published.isoformat() if a.published else ""])


def write_feed(arts: list[Article], path: Path) -> None:
    items = "".join(
        f"<item><title>{html.escape(a.title or '')}</title><link>{html.escape(a.url or '')}</link>"
        f"<pubDate>{a.published.strftime('%a, %d %b %Y %H:%M:%S %z') if a.published else ''}"
        f"</pubDate><description>{html.escape(a.text)}</description></item>" for a in arts)
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                    f"<title>موقع الأخبار</title>{items}</channel></rss>", encoding="utf-8")


def write_warc(arts: list[Article], path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for a in arts:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                a.url or "https://example.invalid/", "response",
                payload=io.BytesIO(page(a).encode("utf-8")), http_headers=http))


def main() -> None:
    ant = require_shared("ingest_sources") / "news" / "ant"
    options = SourceOptions(max_bytes=50_000_000, min_delay=0.0)
    rows: list[tuple[str, int, int, float, str]] = []
    ok, failed, secs = timed(str(ant), options)
    rows.append(("TREC files (ANT, one file a doc)", ok, failed, secs, "7,124 files"))
    arts = [a for a in iter_source(str(ant), options=options) if isinstance(a, Article)]
    sample = arts[:: max(1, len(arts) // PAGES)][:PAGES]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        writers: list[tuple[str, str, Callable[[list[Article], Path], None], list[Article]]] = [
            ("JSONL (one file)", "ant.jsonl", write_jsonl, arts),
            ("CSV (one file)", "ant.csv", write_csv, arts),
            ("RSS feed (one file)", "ant.rss", write_feed, sample),
            ("WARC.gz of HTML pages", "ant.warc.gz", write_warc, sample),
        ]
        for label, name, write, subset in writers:
            write(subset, folder / name)
            ok, failed, secs = timed(str(folder / name), options)
            rows.append((label, ok, failed, secs, f"{(folder / name).stat().st_size / 1e6:.1f} MB"))
        pages = folder / "pages"
        pages.mkdir()
        for n, a in enumerate(sample):
            (pages / f"{n}.html").write_text(page(a), encoding="utf-8")
        ok, failed, secs = timed(str(pages), options)
        rows.append(("HTML pages (files)", ok, failed, secs, f"{len(sample)} files"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = ["## Ingest sources (reading only)", "",
             "`python benchmarks/ingest_sources.py`: each format read with `iter_source` on one "
             "core, no analysis and no store. The ANT articles are read from their TREC files, "
             f"then written as JSONL and CSV (all of them) and as HTML pages, an RSS feed and a "
             f"gzipped WARC ({len(sample)} of them, each page with a menu, a sidebar and a "
             "footer around the text) in a temporary folder.", "",
             "| input | articles | failures | seconds | articles/s | size |",
             "|---|---:|---:|---:|---:|---|"]
    for label, ok, failed, secs, size in rows:
        lines.append(f"| {label} | {ok:,} | {failed} | {secs:.2f} | {ok / secs:,.0f} | {size} |")
    load = os.getloadavg()[0]
    lines += ["", f"Load average at the end of the run: {load:.1f} on {os.cpu_count()} cores "
              "(the machine is shared: absolute figures vary by 2x between runs). "
              f"Peak resident memory of the whole run: {peak:.0f} MB. HTML (files, WARC, "
              "and feed entries with `--follow-links`) is bounded by trafilatura's extraction; "
              "the failures are ANT documents with an empty `<TEXT>`."]
    write_section("ingest-sources", "\n".join(lines))
    print("\n".join(lines), file=sys.stderr)


if __name__ == "__main__":
    main()
