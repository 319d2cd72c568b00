"""Word vectors learnt from unlabelled Arabic news, the input layer of the neural NER model.

Build (needs the ``train`` extra: numpy, scipy, scikit-learn): the same counts as the word
clusters (:mod:`marsad.ner.clusters`: each frequent word's neighbours at -2, -1, +1 and +2 in
four separate context slots), weighted by positive PMI with context smoothing, reduced by a
truncated SVD (``U·√Σ``) and normalized to unit length. Words are word keys
(:func:`marsad.ner.corpus.word_key`: normalized, digits as 0).

The vectors ship inside the neural model file as int8 with one scale per row
(:func:`quantize`): 30,000 words × 100 dimensions take 3 MB.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.ner.clusters import cooccurrence, count_vocab, ppmi


@dataclass(frozen=True)
class EmbeddingConfig:
    min_count: int = 3
    max_words: int = 60_000
    contexts: int = 10_000
    dim: int = 100
    seed: int = 0


def build(
    sentences: Iterable[Sequence[str]], config: EmbeddingConfig = EmbeddingConfig()
) -> tuple[list[str], Any, list[int]]:
    """The vocabulary (most frequent first), its unit vectors (float32, words × dim) and
    the words' counts."""
    import numpy as np
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    counts, kept = count_vocab(sentences)
    frequent = [w for w, c in counts.most_common(config.max_words)
                if c >= config.min_count and w and not any(ch.isspace() for ch in w)]
    words = {w: i for i, w in enumerate(frequent)}
    contexts = {w: i for i, w in enumerate(frequent[: config.contexts])}
    matrix = ppmi(cooccurrence(kept, words, contexts))
    dim = min(config.dim, min(matrix.shape) - 1)
    svd = TruncatedSVD(n_components=dim, random_state=config.seed, algorithm="randomized",
                       n_iter=7)
    vectors = svd.fit_transform(matrix)
    vectors = normalize(vectors / np.sqrt(np.maximum(svd.singular_values_, 1e-9)))
    return frequent, vectors.astype(np.float32), [counts[w] for w in frequent]


def quantize(vectors: Any) -> tuple[Any, Any]:
    """int8 rows and their float32 scales: ``row ≈ q * scale``."""
    import numpy as np

    peak = np.abs(vectors).max(axis=1, keepdims=True)
    scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(vectors / scale), -127, 127).astype(np.int8)
    return q, scale[:, 0]


def dequantize(q: Any, scale: Any) -> Any:
    import numpy as np

    return q.astype(np.float32) * scale.astype(np.float32)[:, None]
