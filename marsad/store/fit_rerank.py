"""Fit the weights of the second look at a headline's best hits (:mod:`marsad.store.rerank`).

``python -m marsad.store.fit_rerank --data ../shared/data/news/ant`` stores every 2nd
article (``--every``, ``--offset``: the other half is left for measuring) without its title,
as ``marsad eval search`` does, searches for each title and records the features of the hits
that the second look would rank again, with which of them is the title's own article. It then
fits a pairwise logistic regression (the own article against each other hit: BM25's log score
and the features of :data:`marsad.store.rerank.FEATURES`), divides the weights by BM25's so
that it weighs 1, and prints them as the line to put in ``rerank.py``. A weight below 0 is set
to 0 and the rest fitted again, so that a hit looked at again never scores below its BM25
score; then each weight is moved while the MRR of the own article among the candidates rises
(:func:`refine`).
"""

from __future__ import annotations

import argparse
import math
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.store import rerank as second

#: L2 penalty of the fit.
PENALTY = 1e-3


def collect(articles: Sequence[Any]) -> list[tuple[np.ndarray, int]]:
    """For each searchable title: the feature rows of its candidates (BM25's log score first)
    and the index of its own article among them (-1 when it is not there)."""
    from marsad.store.dedup import content_hash
    from marsad.store.evaluate import build
    from marsad.store.query import QueryError

    out: list[tuple[np.ndarray, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store, first = build(articles, str(Path(tmp) / "fit.db"))
        skeys = dict(store.conn.execute("SELECT id, skey FROM articles"))
        asked: set[tuple[str, str]] = set()
        for a in articles:
            own = first[content_hash(a.text)]
            if not a.title or (own, a.title) in asked:  # as marsad eval search counts them
                continue
            asked.add((own, a.title))
            seen: list[Any] = []

            def record(conn: sqlite3.Connection, rows: list[tuple[int, float]],
                       query: second.Query, extra: Sequence[tuple[int, float]] = (),
                       _seen: list[Any] = seen) -> list[tuple[int, float]]:
                top, _rest = second.candidates(rows, extra)
                texts = second.read_texts(conn, [k for k, _s in top])
                _seen.append([(k, [math.log(max(s, 1e-6))] + list(
                    second.features(query, k, *texts.get(k, (None, ""))).values()))
                    for k, s in top])
                return rows

            try:
                store.search(a.title, limit=second.DEPTH, snippet_words=0, second_look=record)
            except QueryError:
                continue
            if seen:
                target = skeys[own]
                keys = [k for k, _f in seen[0]]
                out.append((np.array([f for _k, f in seen[0]]),
                            keys.index(target) if target in keys else -1))
        store.close()
    return out


def fit(groups: list[tuple[np.ndarray, int]], fixed_zero: Sequence[int] = ()) -> np.ndarray:
    """Pairwise logistic regression (Newton's method) on the own article against each other
    candidate; the columns in ``fixed_zero`` are left out (weight 0)."""
    diffs = [x[t] - np.delete(x, t, axis=0) for x, t in groups if t >= 0 and len(x) > 1]
    if not diffs:
        raise ValueError("nothing to fit: no headline found its own article among candidates")
    d = np.vstack(diffs)
    keep = [j for j in range(d.shape[1]) if j not in fixed_zero]
    a = d[:, keep]
    w = np.zeros(len(keep))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-a @ w))
        grad = a.T @ (1.0 - p) - PENALTY * w
        hess = (a * (p * (1.0 - p))[:, None]).T @ a + PENALTY * np.eye(len(keep))
        step = np.linalg.solve(hess, grad)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    out = np.zeros(d.shape[1])
    out[keep] = w
    return out


def fitted_weights(groups: list[tuple[np.ndarray, int]]) -> dict[str, float]:
    """The weights of :data:`marsad.store.rerank.FEATURES`, BM25's log weighing 1, none
    below 0."""
    zero: list[int] = []
    while True:
        w = fit(groups, zero)
        negative = [j for j in range(1, len(w)) if w[j] < 0 and j not in zero]
        if not negative:
            break
        zero.append(min(negative, key=lambda j: w[j]))
    if not w[0] > 0:
        raise ValueError(f"BM25's weight came out {w[0]:.3g}: the headlines' own articles do "
                         "not score higher with BM25 than the other candidates (too few or "
                         "wrong data)")
    return {name: round(float(w[j + 1] / w[0]), 2) for j, name in enumerate(second.FEATURES)}


def refine(groups: list[tuple[np.ndarray, int]], weights: dict[str, float],
           rounds: int = 5) -> dict[str, float]:
    """The weights moved one at a time (by 0.5, 0.2 or 0.1, never below 0) while the MRR
    among the candidates rises: the logistic fit scores pairs, MRR only the first place."""
    best = mrr(groups, weights)
    for _ in range(rounds):
        moved = False
        for name in second.FEATURES:
            for step in (0.5, -0.5, 0.2, -0.2, 0.1, -0.1):
                trial = {**weights, name: round(max(0.0, weights[name] + step), 2)}
                score = mrr(groups, trial)
                if score > best + 1e-6:
                    best, weights, moved = score, trial, True
        if not moved:
            break
    return weights


def mrr(groups: list[tuple[np.ndarray, int]], weights: dict[str, float]) -> float:
    """Mean reciprocal rank of the own article among the candidates (0 when absent; a tie
    counts against it)."""
    vector = np.array([1.0] + [weights[n] for n in second.FEATURES])
    total = 0.0
    for x, t in groups:
        if t >= 0:
            scores = x @ vector
            total += 1.0 / int((scores >= scores[t]).sum())
    return total / max(1, len(groups))


def main(argv: Sequence[str] | None = None) -> int:
    from marsad.store.evaluate import read_articles

    p = argparse.ArgumentParser(prog="python -m marsad.store.fit_rerank", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, nargs="+", metavar="PATH")
    p.add_argument("--every", type=int, default=2, metavar="K")
    p.add_argument("--offset", type=int, default=0, metavar="I")
    args = p.parse_args(argv)
    if not 0 <= args.offset < args.every:
        p.error("--every must be at least 1 and --offset from 0 to K-1")
    groups = collect(read_articles(args.data, args.every, args.offset))
    try:
        weights = refine(groups, fitted_weights(groups))
    except ValueError as exc:
        print(f"marsad.store.fit_rerank: {exc}", file=sys.stderr)
        return 1
    print(f"{len(groups)} headlines; MRR among the candidates: "
          f"{mrr(groups, second.WEIGHTS):.4f} with the weights in rerank.py, "
          f"{mrr(groups, weights):.4f} with these:")
    print(f"WEIGHTS = {weights!r}")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
