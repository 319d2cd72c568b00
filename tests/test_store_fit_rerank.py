"""Fitting the second look's weights (marsad.store.fit_rerank)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from store_fixtures import articles

from marsad.store import fit_rerank
from marsad.store.rerank import FEATURES

TITLES = {
    "الموصل": "القوات العراقية تستعيد أحياء جديدة بالموصل",
    "المهرجان": "الشابي: المهرجان يفتتح السبت في المسرح البلدي",
    "الانتخابات البلدية": "الهيئة تعلن موعد الانتخابات البلدية المقبلة",
    "الترجي": "الترجي يفوز على الإفريقي بهدفين في رادس",
}


def _groups(rng: np.random.Generator, n: int) -> list[tuple[np.ndarray, int]]:
    """Made-up candidates: the own article has a higher ``cover`` (column 3) and a
    random BM25 log score; ``exact`` (column 2) is noise."""
    out = []
    for _ in range(n):
        x = rng.random((6, 1 + len(FEATURES)))
        x[:, 0] = rng.normal(2.0, 0.5, 6)
        target = int(rng.integers(6))
        x[target, 3] += 0.6
        out.append((x, target))
    return out


def test_the_fit_finds_the_feature_that_tells_the_own_article():
    groups = _groups(np.random.default_rng(7), 400)
    weights = fit_rerank.fitted_weights(groups)
    assert set(weights) == set(FEATURES) and min(weights.values()) >= 0.0
    assert weights["cover"] == max(weights.values()) and weights["cover"] > 1.0
    bm25_only = {name: 0.0 for name in FEATURES}
    assert fit_rerank.mrr(groups, weights) > fit_rerank.mrr(groups, bm25_only) + 0.1
    refined = fit_rerank.refine(groups, weights)
    assert fit_rerank.mrr(groups, refined) >= fit_rerank.mrr(groups, weights)
    assert min(refined.values()) >= 0.0


def test_mrr_counts_a_missing_own_article_as_zero():
    x = np.zeros((2, 1 + len(FEATURES)))
    x[:, 0] = [2.0, 1.0]
    zero = {name: 0.0 for name in FEATURES}
    assert fit_rerank.mrr([(x, 0), (x, 1), (x, -1)], zero) == (1 + 0.5 + 0) / 3


def test_collect_records_each_headlines_candidates():
    titled = [replace(a, title=next((t for k, t in TITLES.items() if k in a.text), None))
              for a in articles()]
    groups = fit_rerank.collect(titled)
    assert len(groups) == sum(1 for a in titled if a.title)
    for x, target in groups:
        assert x.shape[1] == 1 + len(FEATURES) and 0 <= target < len(x)
        assert ((x[:, 1:] >= 0) & (x[:, 1:] <= 1)).all()


def test_a_fit_with_nothing_to_learn_says_so():
    import pytest

    with pytest.raises(ValueError, match="nothing to fit"):
        fit_rerank.fitted_weights([])
    # the own article always has the lowest BM25 score: no sensible weights
    rng = np.random.default_rng(3)
    groups = []
    for _ in range(50):
        x = rng.random((5, 1 + len(FEATURES)))
        x[:, 0] = [3.0, 2.5, 2.0, 1.5, 1.0]
        groups.append((x, 4))
    with pytest.raises(ValueError, match="BM25's weight"):
        fit_rerank.fitted_weights(groups)
