"""Benchmark of the neural NER model (``marsad.ner.neural``) on one core.

Usage::

    python benchmarks/ner_neural.py [--limit N] [--rounds R] [--model PATH] [--no-write]

Each measure runs in a fresh process pinned to one core, with one BLAS thread
(``OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=MKL_NUM_THREADS=1``), so every cache starts cold:

* ``load``: import ``marsad.ner.neural`` and load the model file, and the memory it adds;
* ``foundation``: the ``tokenize`` stage alone over the first N ANT articles
  (``../shared/data/news/ant``), the baseline;
* ``doc``: the ``tokenize`` stage, then :func:`marsad.ner.neural.tag_doc`, one
  article at a time (what the pipeline does; tokens/s counts the tokenizer's tokens, the NER
  time excludes tokenizing);
* ``docs``: the same articles, :func:`marsad.ner.neural.tag_docs` on 64 at a time (what a
  batched pipeline can do: sentences batched across articles);
* ``dev``: micro F1 on the dev split of ``../shared/data/ner/anercorp-train.txt`` and the
  tagging speed on its own tokens.

Rounds alternate (A B C A B C) so that drift on a shared machine hits all; the median is
reported. The figures go to the ``ner-neural`` section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import ROOT, ant_texts, peak_rss_mb, require_shared, write_section  # noqa: E402

ONE_THREAD = {k: "1" for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


def _pin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def child_load(model: str | None) -> dict[str, float]:
    _pin()
    before = peak_rss_mb()
    t0 = time.perf_counter()
    from marsad.ner.neural import load

    m = load(model)
    t1 = time.perf_counter()
    m.tag(["قال", "الرئيس"])
    return {"load_s": t1 - t0, "rss_added_mb": peak_rss_mb() - before}


def child_speed(mode: str, limit: int, model: str | None) -> dict[str, float]:
    _pin()
    texts = ant_texts(limit, "ner-neural benchmark")
    from marsad.pipeline import load_pipeline

    docs = [load_pipeline(["tokenize"]).analyze(t) for t in texts] if mode != "foundation" else []
    t0 = time.perf_counter()
    if mode == "foundation":
        pipeline = load_pipeline(["tokenize"])
        docs = [pipeline.analyze(t) for t in texts]
        return {"seconds": time.perf_counter() - t0, "tokens": sum(len(d.tokens) for d in docs),
                "articles": len(docs), "peak_mb": peak_rss_mb()}
    from marsad.ner.neural import load, tag_doc, tag_docs

    m = load(model)
    t0 = time.perf_counter()
    if mode == "doc":
        entities = sum(len(tag_doc(d, m)) for d in docs)
    else:
        entities = sum(len(found) for i in range(0, len(docs), 64)
                       for found in tag_docs(docs[i : i + 64], m))
    return {"seconds": time.perf_counter() - t0, "tokens": sum(len(d.tokens) for d in docs),
            "entities": entities, "peak_mb": peak_rss_mb()}


def child_dev(model: str | None) -> dict[str, float]:
    _pin()
    from marsad.ner.neural import evaluate_file

    data = require_shared("ner-neural benchmark") / "ner" / "anercorp-train.txt"
    report = evaluate_file(data, "dev", model=model)
    micro = report["micro"]
    return {"f1": micro["f1"], "precision": micro["precision"], "recall": micro["recall"],
            "tokens": report["tokens"], "seconds": report["seconds"]}


def run_child(*args: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", *args]
    env = {**os.environ, **ONE_THREAD}
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="ANT articles (default 2000)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", help="model file (default: the shipped one)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, rest = args.child[0], args.child[1:]
        model = rest[-1] if rest and rest[-1] != "-" else None
        result = (child_load(model) if mode == "load" else child_dev(model) if mode == "dev"
                  else child_speed(mode, int(rest[0]), model))
        print(json.dumps(result))
        return
    require_shared("ner-neural benchmark")
    model = args.model or "-"
    loads = [run_child("load", model) for _ in range(args.rounds)]
    rounds: dict[str, list[dict[str, float]]] = {"foundation": [], "doc": [], "docs": []}
    for _ in range(args.rounds):
        for mode in rounds:
            rounds[mode].append(run_child(mode, str(args.limit), model))
    dev = run_child("dev", model)
    body = report(loads, rounds, dev, args)
    print(body)
    if not args.no_write:
        write_section("ner-neural", body)


def _median(items: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in items)


def report(loads: list[dict[str, float]], rounds: dict[str, list[dict[str, float]]],
           dev: dict[str, float], args: argparse.Namespace) -> str:
    from marsad.ner.neural import default_path

    path = Path(args.model) if args.model else default_path()
    f, d, s = rounds["foundation"], rounds["doc"], rounds["docs"]
    tokens = int(f[0]["tokens"])
    cmd = "python benchmarks/ner_neural.py" + (
        f" --limit {args.limit}" if args.limit != 2000 else "")
    rows = [
        "## Neural NER model",
        "",
        f"`{cmd}`: {args.rounds} rounds, each in a fresh process pinned to one core with one "
        f"BLAS thread (cold caches), median reported; {int(f[0]['articles'])} ANT articles, "
        f"{tokens:,} tokens (marsad's tokenizer).",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| `tokenize` stage alone (baseline) | {tokens / _median(f, 'seconds'):,.0f} tokens/s |",
        f"| neural NER, `tag_doc` one article at a time | {tokens / _median(d, 'seconds'):,.0f} "
        "tokens/s |",
        f"| neural NER, `tag_docs` on 64 articles at a time | "
        f"{tokens / _median(s, 'seconds'):,.0f} tokens/s |",
        f"| entities found | {int(d[0]['entities']):,} |",
        f"| on the dev split's own tokens (`evaluate_file`) | "
        f"{dev['tokens'] / dev['seconds']:,.0f} tokens/s |",
        f"| model load (cold: import numpy + read) | {_median(loads, 'load_s'):.2f} s |",
        f"| memory added by the model | {_median(loads, 'rss_added_mb'):.0f} MB |",
        f"| peak memory, `tag_doc` run | {_median(d, 'peak_mb'):.0f} MB "
        f"(baseline run: {_median(f, 'peak_mb'):.0f} MB) |",
        f"| model file ({path.name}) | {path.stat().st_size / 1e6:.1f} MB |",
        f"| dev micro F1 (P / R) | {100 * dev['f1']:.2f} ({100 * dev['precision']:.2f} / "
        f"{100 * dev['recall']:.2f}) |",
        "",
        f"Load average at the end of the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
        "cores (a shared machine: compare with the baseline of the same run).",
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    main()
