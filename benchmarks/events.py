"""Benchmark of the quotes and events stages, side by side with the pipeline without them.

Usage::

    python benchmarks/events.py [--limit N] [--no-write]

Measures, on one core, over the ANT corpus (``../shared/data/news/ant``, the first N files in
name order when ``--limit`` is given):

* the pipeline without the two stages (tokenize, dates, numbers, entities);
* the ``quotes`` stage and the ``events`` stage alone, on the documents that pipeline made;
* the whole default pipeline (with both stages), for the ratio;
* what the stages found (attributions, events), and the peak resident memory.

Tokens are the tokenizer's tokens. The figures go to the ``events`` section of
``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import require_shared, write_section  # noqa: E402

BASE = ("tokenize", "dates", "numbers", "entities")


def _pin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def articles(limit: int | None) -> list[Any]:
    from marsad.ingest.trec import trec_records
    from marsad.model import Article

    files = sorted((require_shared("events benchmark") / "news" / "ant").rglob("*.txt"))
    out = []
    for f in files[:limit] if limit else files:
        try:
            out.extend(r for r in trec_records(f.read_text(encoding="utf-8"), str(f))
                       if isinstance(r, Article))
        except (OSError, UnicodeDecodeError):
            continue
    return out


def measure(limit: int | None) -> dict[str, float]:
    _pin()
    from marsad.extract.events import extract as events
    from marsad.extract.quotes import extract as quotes
    from marsad.extract.triggers import load_lexicon
    from marsad.pipeline import DEFAULT_STAGES, load_pipeline

    docs = articles(limit)
    base = load_pipeline(BASE)
    full = load_pipeline(DEFAULT_STAGES)
    lex = load_lexicon()
    warm = full.analyze("قال الوزير إن الجيش قتل 3 مسلحين في بغداد أمس.")  # load KB and lexicons
    assert warm.group("events")
    t0 = time.perf_counter()
    based = [base.analyze(a) for a in docs]
    t1 = time.perf_counter()
    quoted = [quotes(d) for d in based]
    t2 = time.perf_counter()
    evented = [events(d, lex) for d in quoted]
    t3 = time.perf_counter()
    for a in docs:
        full.analyze(a)
    t4 = time.perf_counter()
    return {
        "articles": len(docs), "tokens": sum(len(d.tokens) for d in based),
        "base": t1 - t0, "quotes": t2 - t1, "events": t3 - t2, "full": t4 - t3,
        "attributions": sum(len(d.group("attributions")) for d in quoted),
        "events_found": sum(len(d.group("events")) for d in evented),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def body(r: dict[str, float], limit: int | None) -> str:
    cmd = "python benchmarks/events.py" + (f" --limit {limit}" if limit else "")
    tok = r["tokens"]

    def rate(sec: float) -> str:
        return f"{sec:.2f} s, {tok / sec:,.0f} tokens/s"

    return f"""## Attributions and events

`{cmd}`: one core, one process; the ANT articles ({int(r['articles']):,} articles,
{int(tok):,} tokens). The `quotes` and `events` stages run alone on the documents the pipeline
without them made, then the whole default pipeline runs for the side-by-side figure.

| what | figure |
|---|---:|
| pipeline without them (tokenize, dates, numbers, entities) | {rate(r['base'])} |
| `quotes` stage alone | {rate(r['quotes'])} |
| `events` stage alone | {rate(r['events'])} |
| default pipeline with both | {rate(r['full'])} |
| cost of the two stages in the default pipeline | {(r['quotes'] + r['events']) / r['base'] * 100:.0f}% of the pipeline without them |
| attributions / events found | {int(r['attributions']):,} / {int(r['events_found']):,} |
| peak resident memory | {r['rss_mb']:.0f} MB |
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="first N files only")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    args = parser.parse_args()
    result = measure(args.limit)
    text = body(result, args.limit)
    print(text)
    if not args.no_write:
        write_section("events", text)


if __name__ == "__main__":
    main()
