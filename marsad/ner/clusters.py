"""Word clusters learnt from unlabelled text, used as NER features.

Build (needs the ``train`` extra: numpy, scipy, scikit-learn): count each frequent word's
neighbours one and two tokens to the left and right (four separate context slots), weight the
counts by positive PMI with context smoothing (α = 0.75), reduce them with a truncated SVD,
normalize the rows, and cluster them with k-means at several granularities. The result is a
small text file: one word key a line followed by its cluster id at each granularity.

Lookup (no extra needed): :class:`Clusters` maps a word key (:func:`marsad.ner.corpus.word_key`)
to its ids; :meth:`Clusters.lookup` backs off to the word without its proclitics.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import ModelError
from marsad.text.clitics import match_forms

GRANULARITIES = (64, 256, 1024)


class Clusters:
    """Word key -> cluster ids, one per granularity, then (when the file has a ``count``
    column) the word's frequency band: ``int(log2(count))`` in the corpus the clusters were
    learnt from."""

    def __init__(self, table: dict[str, tuple[str, ...]], granularities: Sequence[int],
                 counts: bool = False) -> None:
        self.table = table
        self.granularities = tuple(granularities)
        self.counts = counts
        self._cache: dict[str, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self.table)

    def lookup(self, word: str) -> tuple[str, ...]:
        """The ids of ``word`` (a word key), else of its first clitic-stripped form known."""
        hit = self._cache.get(word)
        if hit is None:
            hit = self.table.get(word, ())
            if not hit:
                for form in match_forms(word, True)[1:]:
                    hit = self.table.get(form, ())
                    if hit:
                        break
            self._cache[word] = hit
        return hit

    def band(self, word: str) -> int:
        """The frequency band of ``word`` (``-1`` when unknown or the file has none)."""
        row = self.table.get(word)
        return int(row[-1]) if row and self.counts else -1

    def best_form(self, word: str) -> str:
        """Of ``word`` and its proclitic-stripped forms, the most frequent (ties: the least
        stripped): ``وبغداد`` → ``بغداد``, not ``غداد``."""
        best, best_band = word, self.band(word)
        for form in match_forms(word)[1:]:
            b = self.band(form)
            if b > best_band:
                best, best_band = form, b
        return best

    @classmethod
    def read(cls, path: str | Path) -> Clusters:
        """Read a file written by :func:`write`; a bad file raises :class:`ModelError`."""
        path = Path(path)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                header = fh.readline().split()
                if not header or header[0] != "#clusters":
                    raise ModelError(f"{path}: not a marsad cluster file")
                counts = header[-1] == "count"
                grans = [int(g) for g in header[1 : len(header) - counts]]
                width = len(grans) + counts + 1
                table: dict[str, tuple[str, ...]] = {}
                for line in fh:
                    parts = line.split()
                    if len(parts) != width:
                        raise ModelError(f"{path}: malformed line {line[:40]!r}")
                    table[parts[0]] = tuple(parts[1:])
        except (OSError, EOFError, ValueError, UnicodeDecodeError) as exc:
            raise ModelError(f"{path}: cannot read the cluster file ({exc})") from None
        return cls(table, grans, counts)


def write(path: str | Path, table: dict[str, tuple[int, ...]], granularities: Sequence[int]) -> str:
    """Write the cluster file (gzip, reproducible bytes); returns its SHA-256. Each row of
    ``table`` is the cluster ids, then the frequency band."""
    lines = ["#clusters " + " ".join(map(str, granularities)) + " count"]
    lines += [w + " " + " ".join(map(str, ids)) for w, ids in sorted(table.items())
              if w and not any(c.isspace() for c in w)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    Path(path).write_bytes(packed)
    return hashlib.sha256(packed).hexdigest()


@dataclass(frozen=True)
class BuildConfig:
    min_count: int = 3
    max_words: int = 60_000
    contexts: int = 10_000
    dim: int = 150
    granularities: tuple[int, ...] = GRANULARITIES
    seed: int = 0


def count_vocab(sentences: Iterable[Sequence[str]]) -> tuple[Counter[str], list[list[str]]]:
    counts: Counter[str] = Counter()
    kept: list[list[str]] = []
    for s in sentences:
        counts.update(s)
        kept.append(list(s))
    return counts, kept


def cooccurrence(sentences: list[list[str]], words: dict[str, int], contexts: dict[str, int]) -> Any:
    """Sparse (word × 4·context) counts of the neighbours at -2, -1, +1, +2."""
    import numpy as np
    from scipy import sparse

    n_ctx = len(contexts)
    rows: list[Any] = []
    cols: list[Any] = []
    for slot, offset in enumerate((-2, -1, 1, 2)):
        for s in sentences:
            w = np.fromiter((words.get(t, -1) for t in s), dtype=np.int64, count=len(s))
            c = np.fromiter((contexts.get(t, -1) for t in s), dtype=np.int64, count=len(s))
            if offset < 0:
                w, c = w[-offset:], c[: len(c) + offset]
            else:
                w, c = w[: len(w) - offset], c[offset:]
            ok = (w >= 0) & (c >= 0)
            rows.append(w[ok])
            cols.append(c[ok] + slot * n_ctx)
    r = np.concatenate(rows)
    k = np.concatenate(cols)
    data = np.ones(len(r), dtype=np.float64)
    return sparse.csr_matrix((data, (r, k)), shape=(len(words), 4 * n_ctx))


def ppmi(counts: Any, alpha: float = 0.75) -> Any:
    """Positive PMI of a sparse count matrix, with context-distribution smoothing."""
    import numpy as np
    from scipy import sparse

    total = counts.sum()
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    col = col / col.sum()
    coo = counts.tocoo()
    with np.errstate(divide="ignore"):
        pmi = np.log(coo.data * 1.0 / total) - np.log(row[coo.row] / total) - np.log(
            np.maximum(col[coo.col], 1e-300)
        )
    keep = pmi > 0
    return sparse.csr_matrix(
        (pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape
    )


def build(sentences: Iterable[Sequence[str]], config: BuildConfig = BuildConfig()) -> dict[str, tuple[int, ...]]:
    """Word key -> cluster id at each of ``config.granularities``."""
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    counts, kept = count_vocab(sentences)
    frequent = [w for w, c in counts.most_common(config.max_words) if c >= config.min_count]
    words = {w: i for i, w in enumerate(frequent)}
    contexts = {w: i for i, w in enumerate(frequent[: config.contexts])}
    matrix = ppmi(cooccurrence(kept, words, contexts))
    dim = min(config.dim, min(matrix.shape) - 1)
    svd = TruncatedSVD(n_components=dim, random_state=config.seed, algorithm="randomized")
    vectors = svd.fit_transform(matrix)
    vectors = normalize(vectors / np.sqrt(np.maximum(svd.singular_values_, 1e-9)))
    ids: list[Any] = []
    for k in config.granularities:
        k = min(k, len(frequent))
        km = KMeans(n_clusters=k, n_init=1, random_state=config.seed, max_iter=100)
        ids.append(km.fit_predict(vectors))
    return {w: (*(int(a[i]) for a in ids), counts[w].bit_length() - 1) for w, i in words.items()}
