"""Document context for the second pass: names the first pass found in nearby sentences.

The CRF sees one sentence at a time, but a news report names the same people and places
again and again, and a name tagged confidently once is evidence for its other mentions
(Krishnan & Manning 2006 do this with a second CRF). :func:`context_features` turns the first
pass's entities of the sentences within ``window`` sentences of each sentence (not the
sentence itself) into a small gazetteer and matches it over the sentence: ``d=B-LOC`` on a
token that starts a name the first pass tagged LOC elsewhere, ``d=I-LOC`` inside one; and
``dt=PERS`` on a token that is one word of a PERS name found elsewhere (the surname alone after
the full name: جلال طالباني … طالباني).

Training computes the same features from *jackknifed* first-pass predictions (each block of
training sentences tagged by a first-pass model that did not see it), so the second pass
learns how far to trust them.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.ner.gazetteer import Gazetteer
from marsad.ner.scoring import bio_spans

Extra = list[tuple[str, ...]]
#: words of a name this short (و، بن، آل) do not make ``dt=`` features.
MIN_WORD = 2


class _Names:
    """The names of a document's sentences: one gazetteer, and for each entry the sentences
    and types it was found with, so a sentence matches only the names of its window."""

    def __init__(self) -> None:
        self.gazetteer = Gazetteer()
        self.where: dict[tuple[str, ...], list[tuple[int, str]]] = {}

    def add(self, tokens: Sequence[str], kind: str, sentence: int) -> None:
        entry = self.gazetteer.add(tokens, kind)
        if entry is not None:
            self.where.setdefault(entry, []).append((sentence, kind))

    def match(self, tokens: Sequence[str], i: int, lo: int, hi: int) -> list[tuple[str, ...]]:
        """Matches of the names found in sentences ``lo..hi`` other than ``i``."""
        def lookup(entry: tuple[str, ...]) -> frozenset[str] | None:
            kinds = frozenset(k for j, k in self.where.get(entry, ()) if j != i and lo <= j <= hi)
            return kinds or None

        return self.gazetteer.match(tokens, lookup)


def context_features(
    sentences: Sequence[Sequence[str]], predictions: Sequence[Sequence[str]], window: int
) -> list[Extra]:
    """For each sentence, for each token, the ``d=…`` and ``dt=…`` features from the other
    sentences within ``window``."""
    whole, words = _Names(), _Names()
    found = [0] * len(sentences)
    for i, (tokens, tags) in enumerate(zip(sentences, predictions, strict=True)):
        for a, b, kind in bio_spans(tags):
            found[i] += 1
            whole.add(tokens[a:b], kind, i)
            for word in tokens[a:b]:
                if len(word) > MIN_WORD:
                    words.add((word,), kind, i)
    out: list[Extra] = []
    for i, tokens in enumerate(sentences):
        lo, hi = max(0, i - window), min(len(sentences) - 1, i + window)
        if not any(found[j] for j in range(lo, hi + 1) if j != i):
            out.append([()] * len(tokens))
            continue
        out.append([
            (*("d=" + label for label in full), *("dt=" + label[2:] for label in part))
            for full, part in zip(whole.match(tokens, i, lo, hi), words.match(tokens, i, lo, hi),
                                  strict=True)
        ])
    return out
