"""Benchmark of the knowledge base and the entities stage (KB matches only, no NER).

Usage::

    python benchmarks/entities.py [--limit N] [--no-write]

Measures, on one core:

* loading the compiled knowledge base (read and decompress the index) and building the
  gazetteer trie, each in a fresh process (cold, as a CLI run pays it);
* the entities stage over the ANT corpus (``../shared/data/news/ant``): normalization,
  tokens, gazetteer, linking, refs, against a baseline of the ``tokenize`` stage alone on the
  same articles (tokens are the tokenizer's tokens);
* the peak resident memory of the run.

The figures go to the ``entities`` section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import ROOT, require_shared, write_section  # noqa: E402


def _pin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def cold_load() -> dict[str, float]:
    """Seconds to read the index and to build the gazetteer, in this fresh process."""
    _pin()
    t0 = time.perf_counter()
    from marsad.kb.base import read_index
    from marsad.kb.link import Linker

    kb = read_index()
    t1 = time.perf_counter()
    Linker(kb)
    t2 = time.perf_counter()
    return {"load": t1 - t0, "trie": t2 - t1, "entries": len(kb),
            "aliases": sum(len(v) for v in kb.aliases.values())}


def run_stage(limit: int | None) -> dict[str, float]:
    _pin()
    from marsad.extract.entities import extract
    from marsad.ingest.trec import trec_records
    from marsad.model import Article
    from marsad.pipeline import load_pipeline

    files = sorted((require_shared("entities benchmark") / "news" / "ant").rglob("*.txt"))
    docs = []
    for f in files[:limit] if limit else files:
        try:
            records = trec_records(f.read_text(encoding="utf-8"), str(f))
            docs.extend(r for r in records if isinstance(r, Article))
        except Exception:  # noqa: BLE001 - a bad file is not what is measured
            continue
    tokenize = load_pipeline(["tokenize"])
    extract(tokenize.analyze("تمهيد"), ner=lambda _d: [])  # load the KB before timing
    t0 = time.perf_counter()
    tokenized = [tokenize.analyze(a) for a in docs]
    t1 = time.perf_counter()
    n_ent = 0
    for doc in tokenized:
        n_ent += len(extract(doc, ner=lambda _d: []).spans["entities"])
    t2 = time.perf_counter()
    tokens = sum(len(d.tokens) for d in tokenized)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(docs), "tokens": tokens, "tokenize": t1 - t0, "entities": t2 - t1,
            "mentions": n_ent, "rss_mb": rss}


def _child(what: str, limit: int | None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", what]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="first N files only")
    parser.add_argument("--no-write", action="store_true", help="print, do not write the doc")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        fn = cold_load if args.child == "load" else (lambda: run_stage(args.limit))
        print(json.dumps(fn()))
        return
    loads = [_child("load", None) for _ in range(3)]
    best = min(loads, key=lambda r: r["load"] + r["trie"])
    run = _child("stage", args.limit)
    body = _body(best, run, args.limit)
    print(body)
    if not args.no_write:
        write_section("entities", body)


def _body(load: dict[str, float], run: dict[str, float], limit: int | None) -> str:
    cmd = "python benchmarks/entities.py" + (f" --limit {limit}" if limit else "")
    tok_rate = run["tokens"] / run["tokenize"]
    ent_rate = run["tokens"] / run["entities"]
    return f"""## Knowledge base and entities stage

`{cmd}`: one core, each part in a fresh process. The stage runs on KB matches alone (no NER
model), over the ANT articles already tokenized; the baseline is the `tokenize` stage on the
same articles.

| what | figure |
|---|---:|
| knowledge base | {int(load['entries']):,} entries, {int(load['aliases']):,} aliases |
| load the compiled index (cold, best of 3) | {load['load'] * 1000:.0f} ms |
| build the gazetteer trie | {load['trie'] * 1000:.0f} ms |
| articles / tokens | {int(run['articles']):,} / {int(run['tokens']):,} |
| `tokenize` stage (baseline) | {run['tokenize']:.2f} s, {tok_rate:,.0f} tokens/s |
| `entities` stage (normalize, match, link, refs) | {run['entities']:.2f} s, {ent_rate:,.0f} tokens/s |
| mentions found | {int(run['mentions']):,} |
| peak resident memory of the stage run | {run['rss_mb']:.0f} MB |
"""


if __name__ == "__main__":
    main()
