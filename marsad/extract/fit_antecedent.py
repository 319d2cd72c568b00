"""Fit the model that chooses whom a continuation goes on from (:mod:`marsad.extract.antecedent`).

``python -m marsad.extract.fit_antecedent --data tests/gold/quotes-ant.jsonl`` reads every
gold article with the rules alone, records the candidates of each continuation the gold
annotates (its cue overlaps a gold cue) and which of them name the gold speaker (the words
agree as ``marsad eval quotes`` counts them at ``overlap``), and fits a conditional-logit model
over the candidates of each continuation (softmax of a linear score; L2 penalty; gradient
descent with Adam, from zero weights, so the fit is deterministic). It prints how often the
rules and the model choose a right candidate — on the data, and in two-fold cross-validation
by article — and writes the weights to ``--out`` (default: the file the package ships).
Continuations none of whose candidates is right teach nothing and are only counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.extract import antecedent

#: L2 penalty and optimizer settings.
PENALTY = 1e-3
STEPS = 1500
RATE = 0.05

Group = tuple[np.ndarray, np.ndarray, int]  # features (m × F), right (m), the rules' choice


def collect(gold_path: str, news: str | None) -> list[tuple[str, list[Group]]]:
    """(article id, its continuations' groups) for every article of the gold file."""
    from marsad.extract.eval_quotes import STAGES, agree, load_quotes_gold
    from marsad.extract.quotes import Reader
    from marsad.pipeline import load_pipeline

    pipe = load_pipeline(tuple(s for s in STAGES if s != "quotes"))
    out: list[tuple[str, list[Group]]] = []
    for g in load_quotes_gold(Path(gold_path), Path(news) if news else None):
        doc = pipe.analyze(g.article)
        reader = Reader(doc)
        reader.trace = []
        reader.read()
        groups: list[Group] = []
        for draft, cands in reader.trace:
            ga = next((a for a in g.attributions if a.cue.start < draft.cue.end
                       and draft.cue.start < a.cue.end), None)
            if ga is None or ga.speaker is None or not cands:
                continue
            x = np.array([c.features for c in cands] + [antecedent.nobody()], dtype=float)
            y = np.array([agree(doc.text, ga.speaker, c.span, "overlap", anywhere=True)
                          for c in cands] + [False], dtype=float)
            y[-1] = not y.any()  # "none of them" is right when no candidate is
            rule = next((n for n, c in enumerate(cands) if c.features[0] == 1.0), -1)
            groups.append((x, y, rule))
        out.append((g.id, groups))
    return out


def fit(groups: Sequence[Group], penalty: float = PENALTY, steps: int = STEPS) -> np.ndarray:
    """Weights maximizing the log-probability of the right candidates (Adam, from zero)."""
    w = np.zeros(len(antecedent.FEATURES))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        grad = penalty * w * len(groups)
        for x, y, _rule in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y
            q /= q.sum()
            grad += x.T @ (p - q)  # d(-log Σ_right p)/dw
        grad /= len(groups)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= RATE * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def right(groups: Sequence[Group], w: np.ndarray | None) -> int:
    """How many continuations get a right speaker: the model's choice (``w``; "none of them"
    keeps the rules') or the rules'."""
    n = 0
    for x, y, rule in groups:
        pick = int(np.argmax(x @ w)) if w is not None else rule
        if pick == len(y) - 1:
            pick = rule
        n += int(0 <= pick < len(y) - 1 and bool(y[pick]))
    return n


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m marsad.extract.fit_antecedent",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="gold attributions (JSONL)")
    ap.add_argument("--news", help="folder of the articles (default ../shared/data/news/ant)")
    ap.add_argument("--out", help="where to write the weights (default: the package's file)")
    args = ap.parse_args(argv)
    docs = collect(args.data, args.news)
    groups = [g for _id, gs in docs for g in gs]
    usable = sum(1 for _x, y, _r in groups if y[:-1].any())
    folds = [[g for n, (_id, gs) in enumerate(docs) if n % 2 == f for g in gs] for f in (0, 1)]
    cv = sum(right(folds[1 - f], fit(folds[f])) for f in (0, 1))
    w = fit(groups)
    print(f"continuations: {len(groups)}, with a right candidate: {usable}")
    print(f"right: rules {right(groups, None)}, model {right(groups, w)} (fitted on them), "
          f"model {cv} (two-fold cross-validation by article)")
    out = Path(args.out) if args.out else Path(__file__).resolve().parent.parent / "data" / (
        "antecedent.json")
    out.write_text(json.dumps({
        "features": list(antecedent.FEATURES),
        "weights": [round(float(x), 4) for x in w],
        "fitted_on": Path(args.data).name,
        "continuations": len(groups),
        "command": "python -m marsad.extract.fit_antecedent --data " + Path(args.data).as_posix(),
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"weights written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
