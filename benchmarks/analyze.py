"""Benchmark of the foundation layer (``marsad analyze``'s stages) on one core.

Usage::

    python benchmarks/analyze.py [--rounds 3] [--limit N] [--no-write]

Over the ANT corpus (``../shared/data/news/ant``) it measures, in the same run and alternating
A B A B so that drift hits both alike:

* baseline: read each file, decode it, split the body on white space;
* marsad: read each file, decode it, parse it (TREC), run the foundation pipeline
  (tokenize, dates, numbers).

Each round runs in a fresh process pinned to one core; tokens are white-space tokens of the
bodies (the same count for both). It also measures peak memory (max RSS of each process) and
the cold start of ``marsad analyze`` on one example file against ``python -c pass``. The
figures go to the ``analyze`` section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report import ROOT, require_shared, write_section  # noqa: E402

STAGES = ["tokenize", "dates", "numbers"]


def _files(limit: int | None) -> list[Path]:
    files = sorted((require_shared("analyze benchmark") / "news" / "ant").rglob("*.txt"))
    return files[:limit] if limit else files


def child(mode: str, limit: int | None) -> None:
    """One measured round (run in its own process)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from marsad.decode import decode_bytes
    from marsad.ingest.trec import trec_records
    from marsad.pipeline import load_pipeline

    files = _files(limit)
    pipeline = load_pipeline(STAGES)
    t0 = time.perf_counter()
    tokens = articles = spans = 0
    for f in files:
        text = decode_bytes(f.read_bytes(), str(f)).text
        if mode == "baseline":
            body = text[text.find("<TEXT>") + 6 : text.rfind("</TEXT>")]
            tokens += len(body.split())
            articles += 1
            continue
        for article in trec_records(text, str(f)):
            if isinstance(article, Exception):
                continue  # a <DOC> that cannot be read: not part of the measure
            doc = pipeline.analyze(article)
            tokens += len(article.text.split())
            articles += 1
            spans += sum(len(v) for v in doc.spans.values())
    elapsed = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"mode": mode, "seconds": elapsed, "tokens": tokens, "articles": articles,
                      "spans": spans, "peak_mb": peak_kb / 1024}))


def run_child(mode: str, limit: int | None) -> dict:
    cmd = [sys.executable, __file__, "--child", mode]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(rounds: int) -> tuple[float, float]:
    exe = str(Path(sys.executable).with_name("marsad"))
    example = str(ROOT / "examples" / "tunis-budget.txt")

    # as an installed marsad runs: byte code cached (a PYTHONDONTWRITEBYTECODE in the
    # environment would make every start compile marsad's sources again, ~0.15 s)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def timed(cmd: list[str]) -> float:
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, env=env)
        return time.perf_counter() - t0

    timed([exe, "analyze", example])  # warm the file and byte-code caches
    ours, base = [], []
    for _ in range(rounds):
        ours.append(timed([exe, "analyze", example, "--published", "2019-11-13"]))
        base.append(timed([sys.executable, "-c", "pass"]))
    return statistics.median(ours), statistics.median(base)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, help="only the first N files")
    ap.add_argument("--no-write", action="store_true", help="print, do not update the docs")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.limit)
        return
    results: dict[str, list[dict]] = {"baseline": [], "marsad": []}
    for _ in range(args.rounds):
        for mode in ("baseline", "marsad"):
            results[mode].append(run_child(mode, args.limit))
    base_s = statistics.median(r["seconds"] for r in results["baseline"])
    ours_s = statistics.median(r["seconds"] for r in results["marsad"])
    ratios = [m["seconds"] / b["seconds"] for b, m in zip(results["baseline"], results["marsad"], strict=True)]
    m0, b0 = results["marsad"][0], results["baseline"][0]
    cold, python_start = cold_start(max(5, args.rounds))
    cmd = "python benchmarks/analyze.py" + (f" --rounds {args.rounds}" if args.rounds != 3 else "") + (
        f" --limit {args.limit}" if args.limit else "")
    body = f"""## Foundation layer: `marsad analyze` stages (tokenize, dates, numbers)

Command: `{cmd}` — {m0['articles']:,} ANT articles, {m0['tokens']:,} white-space tokens,
{args.rounds} alternating rounds, each a fresh process pinned to one core; medians.

| run | seconds | tokens/s | articles/s | peak memory |
|---|---:|---:|---:|---:|
| baseline: read + decode + split on white space | {base_s:.2f} | {b0['tokens'] / base_s:,.0f} | {b0['articles'] / base_s:,.0f} | {statistics.median(r['peak_mb'] for r in results['baseline']):.0f} MB |
| marsad: read + decode + TREC + tokenize, dates, numbers | {ours_s:.2f} | {m0['tokens'] / ours_s:,.0f} | {m0['articles'] / ours_s:,.0f} | {statistics.median(r['peak_mb'] for r in results['marsad']):.0f} MB |

marsad / baseline time, per round: {', '.join(f'{r:.1f}×' for r in ratios)} (median {statistics.median(ratios):.1f}×).
Spans found: {m0['spans']:,}.

Cold start of `marsad analyze examples/tunis-budget.txt` with the default stages (whole
process, byte code cached, median of {max(5, args.rounds)}): **{cold * 1000:.0f} ms**, against
{python_start * 1000:.0f} ms for `python -c pass`.
"""
    print(body)
    if not args.no_write:
        write_section("analyze", body)


if __name__ == "__main__":
    main()
