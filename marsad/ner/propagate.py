"""Document propagation: a name tagged confidently once is a name wherever it is repeated nearby.

News reports name the same people, places and bodies again and again, and a tagger sees one
sentence at a time, so it misses some of the repeats (a short surname, a name in an odd
context). :func:`propagate` collects the entities tagged in the sentences within ``window``
sentences of each sentence (itself included) whose every token has a marginal probability of
at least ``min_prob`` and which are at least ``min_chars`` letters long, matches them over the
sentence as a small gazetteer (:class:`marsad.ner.gazetteer.Gazetteer`: normalized, the first
token seen through its proclitics, so ``وبوش`` matches ``بوش``), and tags each match that has
exactly one type and lies wholly on tokens tagged ``O``. Existing entities are never changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.ner.gazetteer import MAX_LEN, head_keys, key
from marsad.ner.scoring import bio_spans

WINDOW = 20
MIN_PROB = 0.5
MIN_CHARS = 3

Name = tuple[tuple[str, ...], str]


def confident_names(tokens: Sequence[str], tags: Sequence[str], probs: Sequence[float],
                    min_prob: float = MIN_PROB, min_chars: int = MIN_CHARS) -> list[Name]:
    """The entities of one tagged sentence worth propagating."""
    out = []
    for a, b, kind in bio_spans(tags):
        name = tuple(tokens[a:b])
        if min(probs[a:b]) >= min_prob and len("".join(name)) >= min_chars:
            out.append((name, kind))
    return out


def fill(tags: Sequence[str], labels: Sequence[tuple[str, ...]]) -> list[str]:
    """``tags`` with every unambiguous gazetteer match over ``O`` tokens tagged."""
    out = list(tags)
    n, k = len(out), 0
    while k < n:
        if len(labels[k]) != 1 or not labels[k][0].startswith("B-"):
            k += 1
            continue
        kind = labels[k][0][2:]
        end = k + 1
        while end < n and "I-" + kind in labels[end]:
            end += 1
        free = all(t == "O" for t in out[k:end]) and (end >= n or not out[end].startswith("I-"))
        if free:
            out[k : end] = ["B-" + kind] + ["I-" + kind] * (end - k - 1)
        k = end
    return out


class _Index:
    """The confident names of a document: for each name (a tuple of keys), the sentences it
    was tagged in, by type; matched like :meth:`marsad.ner.gazetteer.Gazetteer.match` over the names of the
    sentences within a window, without building a gazetteer per sentence."""

    def __init__(self, names: Sequence[Sequence[Name]]) -> None:
        self.seen: dict[tuple[str, ...], dict[str, list[int]]] = {}
        for i, found in enumerate(names):
            for name, kind in found:
                entry = tuple(key(t) for t in name)
                if entry and len(entry) <= MAX_LEN:
                    self.seen.setdefault(entry, {}).setdefault(kind, []).append(i)
        lengths: dict[str, set[int]] = {}
        for entry in self.seen:
            lengths.setdefault(entry[0], set()).add(len(entry))
        self.lengths = {h: sorted(ls, reverse=True) for h, ls in lengths.items()}

    def _kinds(self, entry: tuple[str, ...], lo: int, hi: int) -> list[str]:
        kinds = self.seen.get(entry)
        if not kinds:
            return []
        return sorted(k for k, where in kinds.items() if any(lo <= j <= hi for j in where))

    def match(self, tokens: Sequence[str], lo: int, hi: int) -> list[tuple[str, ...]]:
        """For every token, ``B-T``/``I-T`` labels of the names of sentences ``lo..hi``."""
        keys = [key(t) for t in tokens]
        out: list[list[str]] = [[] for _ in tokens]
        n, i = len(tokens), 0
        while i < n:
            found = self._longest_at(tokens[i], keys, i, n, lo, hi)
            if found is None:
                i += 1
                continue
            length, kinds = found
            for kind in kinds:
                out[i].append("B-" + kind)
                for j in range(i + 1, i + length):
                    out[j].append("I-" + kind)
            i += length
        return [tuple(labels) for labels in out]

    def _longest_at(self, first: str, keys: list[str], i: int, n: int, lo: int, hi: int
                    ) -> tuple[int, list[str]] | None:
        for head in head_keys(first):
            for length in self.lengths.get(head, ()):
                if length <= n - i:
                    kinds = self._kinds((head, *keys[i + 1 : i + length]), lo, hi)
                    if kinds:
                        return length, kinds
        return None


def propagate(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
              probs: Sequence[Sequence[float]], window: int = WINDOW,
              min_prob: float = MIN_PROB, min_chars: int = MIN_CHARS) -> list[list[str]]:
    """The tags of a document's sentences (in order) after propagation."""
    names = [confident_names(s, t, p, min_prob, min_chars)
             for s, t, p in zip(sentences, tags, probs, strict=True)]
    index = _Index(names)
    if not index.seen:
        return [list(t) for t in tags]
    last = len(sentences) - 1
    return [fill(tags[i], index.match(tokens, max(0, i - window), min(last, i + window)))
            for i, tokens in enumerate(sentences)]
