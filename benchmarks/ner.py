"""Benchmark of the NER model (``marsad.ner``) on one core.

Usage::

    python benchmarks/ner.py [--limit N] [--rounds R] [--no-write]

Each measure runs in a fresh process pinned to one core:

* ``load``: import ``marsad.ner`` and load the shipped model (cold), and the resident memory
  it adds;
* ``foundation``: the foundation stages alone (``tokenize``, plus ``dates`` and ``numbers``
  when they are registered) over the first N ANT articles (``../shared/data/news/ant``);
* ``ner``: the ``tokenize`` stage, then :func:`marsad.ner.tag_doc` on the same articles
  (tokens/s counts the tokenizer's tokens; the NER time excludes tokenizing);
* ``dev``: micro F1 on the dev split of ``../shared/data/ner/anercorp-train.txt`` and the
  tagging speed on its own tokens.

Foundation and NER rounds alternate (A B A B) so that drift on a shared machine hits both; the
median round (and the best) is reported. Each process pins itself to the idlest allowed CPU at its start (on
a shared machine a long job may hold the first one). The figures go to the ``ner`` section of ``docs/benchmarks.md``.
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


def _idle_cpu() -> int:
    """The allowed CPU that was idlest over the last 0.3 s (a shared machine may have a
    long job pinned to the first one); the first allowed CPU where /proc/stat is missing."""
    allowed = sorted(os.sched_getaffinity(0))

    def busy() -> dict[int, int]:
        out = {}
        for line in Path("/proc/stat").read_text().splitlines():
            name, *fields = line.split()
            if name.startswith("cpu") and name[3:].isdigit():
                values = [int(v) for v in fields]
                out[int(name[3:])] = sum(values) - values[3] - values[4]  # not idle, iowait
        return out

    try:
        before = busy()
        time.sleep(0.3)
        after = busy()
        return min(allowed, key=lambda c: after.get(c, 0) - before.get(c, 0))
    except (OSError, ValueError):
        return allowed[0]


def _pin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {_idle_cpu()})


def foundation_stages() -> list[str]:
    from marsad.pipeline import STAGES

    return ["tokenize", *(s for s in ("dates", "numbers") if s in STAGES)]


def child_load() -> dict[str, float]:
    _pin()
    before = peak_rss_mb()
    t0 = time.perf_counter()
    from marsad.ner import load_model

    model = load_model()
    t1 = time.perf_counter()
    model.tag(["قال", "الرئيس"])
    return {"load_s": t1 - t0, "rss_added_mb": peak_rss_mb() - before, "peak_mb": peak_rss_mb()}


def child_speed(mode: str, limit: int) -> dict[str, float]:
    _pin()
    texts = ant_texts(limit, "ner benchmark")
    from marsad.pipeline import load_pipeline

    stages = foundation_stages() if mode == "foundation" else ["tokenize"]
    pipeline = load_pipeline(stages)
    if mode == "ner":
        from marsad.ner import load_model, tag_doc

        model = load_model()
    tokens = entities = 0
    ner_s = 0.0
    t0 = time.perf_counter()
    for text in texts:
        doc = pipeline.analyze(text)
        tokens += len(doc.tokens)
        if mode == "ner":
            t1 = time.perf_counter()
            entities += len(tag_doc(doc, model))
            ner_s += time.perf_counter() - t1
    total = time.perf_counter() - t0
    return {"seconds": total, "ner_s": ner_s, "tokens": tokens, "entities": entities,
            "articles": len(texts), "peak_mb": peak_rss_mb()}


def child_dev() -> dict[str, float]:
    _pin()
    from marsad.ner import load_model
    from marsad.ner.data import read_conll, split
    from marsad.ner.evaluate import evaluate

    data = require_shared("ner benchmark") / "ner" / "anercorp-train.txt"
    dev = split(read_conll(data), "dev")
    model = load_model()
    t0 = time.perf_counter()
    report = evaluate(dev, model)
    seconds = time.perf_counter() - t0
    return {"f1": report.micro.f1, "precision": report.micro.precision,
            "recall": report.micro.recall, "tokens": report.tokens, "seconds": seconds}


def run_child(*args: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", *args]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def model_size() -> tuple[float, list[str]]:
    from marsad.ner.tagger import default_path

    path = default_path()
    meta = json.loads(path.read_text(encoding="utf-8"))
    files = [path, path.parent / meta["weights"]]
    if meta.get("first_weights"):
        files.append(path.parent / meta["first_weights"])
    if meta.get("clusters"):
        files.append(path.parent / meta["clusters"])
    return sum(f.stat().st_size for f in files) / 1e6, [f.name for f in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="ANT articles (default 2000)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode = args.child[0]
        result = (child_load() if mode == "load" else child_dev() if mode == "dev"
                  else child_speed(mode, int(args.child[1])))
        print(json.dumps(result))
        return
    require_shared("ner benchmark")
    loads = [run_child("load") for _ in range(args.rounds)]
    rounds: dict[str, list[dict[str, float]]] = {"foundation": [], "ner": []}
    for _ in range(args.rounds):
        for mode in rounds:
            rounds[mode].append(run_child(mode, str(args.limit)))
    dev = run_child("dev")
    body = report(loads, rounds, dev, args)
    print(body)
    if not args.no_write:
        write_section("ner", body)


def _median(items: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in items)


def _rate(tokens: int, items: list[dict[str, float]], key: str) -> str:
    """Tokens/s of the median round, and of the best (least disturbed) one."""
    return (f"{tokens / _median(items, key):,.0f} tokens/s "
            f"(best {tokens / min(r[key] for r in items):,.0f})")


def report(loads: list[dict[str, float]], rounds: dict[str, list[dict[str, float]]],
           dev: dict[str, float], args: argparse.Namespace) -> str:
    size, names = model_size()
    f, n = rounds["foundation"], rounds["ner"]
    tokens = int(f[0]["tokens"])
    both = [{"s": a["seconds"] + b["ner_s"]} for a, b in zip(f, n, strict=True)]
    stages = ", ".join(foundation_stages())
    cmd = "python benchmarks/ner.py" + (f" --limit {args.limit}" if args.limit != 2000 else "")
    cmd += f" --rounds {args.rounds}" if args.rounds != 5 else ""
    rows = [
        "## NER model",
        "",
        f"`{cmd}`: {args.rounds} rounds, each measure in a fresh process pinned to the idlest "
        f"core, alternating; median round (and best round) reported; {int(f[0]['articles'])} "
        f"ANT articles, {tokens:,} tokens (marsad's tokenizer). The machine is shared: read "
        "the ratio of NER to the foundation stages, measured side by side.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| foundation stages alone ({stages}) | {_rate(tokens, f, 'seconds')} |",
        f"| NER alone (`tag_doc` on tokenized docs: two passes, marginals) | "
        f"{_rate(tokens, n, 'ner_s')} |",
        f"| foundation + NER | {_rate(tokens, both, 's')} |",
        f"| entities found | {int(n[0]['entities']):,} |",
        f"| NER on the dev split's own tokens (one document) | "
        f"{dev['tokens'] / dev['seconds']:,.0f} tokens/s |",
        f"| model load (cold: import + read + checksums) | {_median(loads, 'load_s'):.2f} s |",
        f"| memory added by the model | {_median(loads, 'rss_added_mb'):.0f} MB |",
        f"| peak memory, NER run | {_median(n, 'peak_mb'):.0f} MB "
        f"(foundation run: {_median(f, 'peak_mb'):.0f} MB) |",
        f"| model size on disk ({', '.join(names)}) | {size:.1f} MB |",
        f"| dev micro F1 (P / R) | {100 * dev['f1']:.2f} ({100 * dev['precision']:.2f} / "
        f"{100 * dev['recall']:.2f}) |",
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    main()
