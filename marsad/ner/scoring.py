"""Exact-span scoring of BIO tag sequences, as CoNLL's ``conlleval`` does it.

An entity is a maximal run ``B-T I-T …``; an ``I-T`` that does not continue an entity of type
``T`` starts a new one (the conlleval convention). A predicted entity counts only when its
start, end and type all equal a gold entity's. Micro scores pool every type.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The entities of a BIO sequence as ``(start, end, type)`` token ranges, end exclusive."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, t = tag.partition("-")
        if kind and (prefix != "I" or t != kind):
            spans.append((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, t
    if kind:
        spans.append((start, len(tags), kind))
    return spans


@dataclass(frozen=True)
class Score:
    """Counts of one type (or all): true positives, predicted and gold entities."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class Report:
    """Micro scores and scores per entity type."""

    micro: Score
    per_type: dict[str, Score]
    tokens: int

    def as_dict(self) -> dict[str, object]:
        return {
            "micro": self.micro.as_dict(),
            "per_type": {t: s.as_dict() for t, s in sorted(self.per_type.items())},
            "tokens": self.tokens,
        }


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Report:
    """Score predicted BIO sequences against gold ones (same sentences, same lengths)."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    tokens = 0
    for g, p in zip(gold, predicted, strict=True):
        if len(g) != len(p):
            raise ValueError(f"gold has {len(g)} tags but prediction has {len(p)}")
        tokens += len(g)
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        n_gold.update(t for _, _, t in gs)
        n_pred.update(t for _, _, t in ps)
        tp.update(t for _, _, t in gs & ps)
    types = sorted(set(n_gold) | set(n_pred))
    per_type = {t: Score(tp[t], n_pred[t], n_gold[t]) for t in types}
    micro = Score(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return Report(micro, per_type, tokens)
