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

from marsad.ner.gazetteer import Gazetteer
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


def propagate(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
              probs: Sequence[Sequence[float]], window: int = WINDOW,
              min_prob: float = MIN_PROB, min_chars: int = MIN_CHARS) -> list[list[str]]:
    """The tags of a document's sentences (in order) after propagation."""
    names = [confident_names(s, t, p, min_prob, min_chars)
             for s, t, p in zip(sentences, tags, probs, strict=True)]
    out: list[list[str]] = []
    for i, tokens in enumerate(sentences):
        gaz = Gazetteer()
        for j in range(max(0, i - window), min(len(sentences), i + window + 1)):
            for name, kind in names[j]:
                gaz.add(name, kind)
        out.append(fill(tags[i], gaz.match(tokens)) if gaz.entries else list(tags[i]))
    return out
