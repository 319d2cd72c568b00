"""Document propagation: a name tagged confidently once is a name wherever it is repeated nearby.

News reports name the same people, places and bodies again and again, and a tagger sees one
sentence at a time, so it misses some of the repeats (a short surname, a name in an odd
context). :func:`propagate` collects the entities tagged in the sentences within ``window``
sentences of each sentence (itself included) whose every token has a marginal probability of
at least ``min_prob`` and which are at least ``min_chars`` letters long, matches them over the
sentence as a small gazetteer (:class:`marsad.ner.gazetteer.Gazetteer`: normalized, the first
token seen through its proclitics, so ``وبوش`` matches ``بوش``), and tags each match that has
exactly one type and lies wholly on tokens tagged ``O``. Existing entities are never changed.
A propagated token's probability is the confidence of the name it was matched to
(:func:`propagate_scored`).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.ner.gazetteer import MAX_LEN, head_keys, key
from marsad.ner.scoring import bio_spans

WINDOW = 20
MIN_PROB = 0.5
MIN_CHARS = 3

#: a name, its type and its confidence (the lowest marginal of its tags)
Name = tuple[tuple[str, ...], str, float]


def confident_names(tokens: Sequence[str], tags: Sequence[str], probs: Sequence[float],
                    min_prob: float = MIN_PROB, min_chars: int = MIN_CHARS) -> list[Name]:
    """The entities of one tagged sentence worth propagating."""
    out = []
    for a, b, kind in bio_spans(tags):
        name = tuple(tokens[a:b])
        conf = min(probs[a:b])
        if conf >= min_prob and len("".join(name)) >= min_chars:
            out.append((name, kind, conf))
    return out


def fill(tags: Sequence[str], labels: Sequence[tuple[str, ...]]) -> list[str]:
    """``tags`` with every unambiguous gazetteer match over ``O`` tokens tagged."""
    return fill_scored(tags, labels, [1.0] * len(tags), [1.0] * len(tags))[0]


def fill_scored(tags: Sequence[str], labels: Sequence[tuple[str, ...]],
                probs: Sequence[float], conf: Sequence[float]) -> tuple[list[str], list[float]]:
    """:func:`fill`, and the probabilities with each filled token's replaced by ``conf``
    (the confidence of the name it was matched to)."""
    out, scores = list(tags), list(probs)
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
            scores[k:end] = conf[k:end]
        k = end
    return out, scores


class _Index:
    """The confident names of a document: for each name (a tuple of keys), the sentences it
    was tagged in, by type; matched like :meth:`marsad.ner.gazetteer.Gazetteer.match` over the names of the
    sentences within a window, without building a gazetteer per sentence."""

    def __init__(self, names: Sequence[Sequence[Name]]) -> None:
        self.seen: dict[tuple[str, ...], dict[str, list[tuple[int, float]]]] = {}
        for i, found in enumerate(names):
            for name, kind, conf in found:
                entry = tuple(key(t) for t in name)
                if entry and len(entry) <= MAX_LEN:
                    self.seen.setdefault(entry, {}).setdefault(kind, []).append((i, conf))
        lengths: dict[str, set[int]] = {}
        for entry in self.seen:
            lengths.setdefault(entry[0], set()).add(len(entry))
        self.lengths = {h: sorted(ls, reverse=True) for h, ls in lengths.items()}

    def _kinds(self, entry: tuple[str, ...], lo: int, hi: int) -> tuple[list[str], float]:
        """The types ``entry`` was tagged with in sentences ``lo..hi``, and its highest
        confidence there."""
        kinds = self.seen.get(entry)
        if not kinds:
            return [], 0.0
        found, best = [], 0.0
        for kind, where in kinds.items():
            confs = [c for j, c in where if lo <= j <= hi]
            if confs:
                found.append(kind)
                best = max(best, *confs)
        return sorted(found), best

    def match(self, tokens: Sequence[str], lo: int, hi: int
              ) -> tuple[list[tuple[str, ...]], list[float]]:
        """For every token, ``B-T``/``I-T`` labels of the names of sentences ``lo..hi``, and
        the confidence of the name matched there (0 where none)."""
        keys = [key(t) for t in tokens]
        out: list[list[str]] = [[] for _ in tokens]
        conf = [0.0] * len(tokens)
        n, i = len(tokens), 0
        while i < n:
            found = self._longest_at(tokens[i], keys, i, n, lo, hi)
            if found is None:
                i += 1
                continue
            length, kinds, best = found
            for kind in kinds:
                out[i].append("B-" + kind)
                for j in range(i + 1, i + length):
                    out[j].append("I-" + kind)
            conf[i : i + length] = [best] * length
            i += length
        return [tuple(labels) for labels in out], conf

    def _longest_at(self, first: str, keys: list[str], i: int, n: int, lo: int, hi: int
                    ) -> tuple[int, list[str], float] | None:
        for head in head_keys(first):
            for length in self.lengths.get(head, ()):
                if length <= n - i:
                    kinds, best = self._kinds((head, *keys[i + 1 : i + length]), lo, hi)
                    if kinds:
                        return length, kinds, best
        return None


def propagate(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
              probs: Sequence[Sequence[float]], window: int = WINDOW,
              min_prob: float = MIN_PROB, min_chars: int = MIN_CHARS) -> list[list[str]]:
    """The tags of a document's sentences (in order) after propagation."""
    return [t for t, _ in propagate_scored(sentences, tags, probs, window, min_prob, min_chars)]


def propagate_scored(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                     probs: Sequence[Sequence[float]], window: int = WINDOW,
                     min_prob: float = MIN_PROB, min_chars: int = MIN_CHARS
                     ) -> list[tuple[list[str], list[float]]]:
    """:func:`propagate`, with each sentence's probabilities: a propagated token gets the
    confidence of the name it was matched to (the name's lowest tag marginal where it was
    tagged, the highest such within the window), the others keep theirs."""
    names = [confident_names(s, t, p, min_prob, min_chars)
             for s, t, p in zip(sentences, tags, probs, strict=True)]
    index = _Index(names)
    if not index.seen:
        return [(list(t), list(p)) for t, p in zip(tags, probs, strict=True)]
    last = len(sentences) - 1
    out = []
    for i, tokens in enumerate(sentences):
        labels, conf = index.match(tokens, max(0, i - window), min(last, i + window))
        out.append(fill_scored(tags[i], labels, probs[i], conf))
    return out
