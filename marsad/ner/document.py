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


def context_features(
    sentences: Sequence[Sequence[str]], predictions: Sequence[Sequence[str]], window: int
) -> list[Extra]:
    """For each sentence, for each token, the ``d=…`` and ``dt=…`` features from the other
    sentences within ``window``."""
    names = [
        [(tuple(tokens[a:b]), kind) for a, b, kind in bio_spans(tags)]
        for tokens, tags in zip(sentences, predictions, strict=True)
    ]
    out: list[Extra] = []
    for i, tokens in enumerate(sentences):
        lo, hi = max(0, i - window), min(len(sentences), i + window + 1)
        whole, words = Gazetteer(), Gazetteer()
        for j in range(lo, hi):
            if j == i:
                continue
            for name, kind in names[j]:
                whole.add(name, kind)
                for word in name:
                    if len(word) > MIN_WORD:
                        words.add((word,), kind)
        if not whole.entries:
            out.append([()] * len(tokens))
            continue
        out.append([
            (*("d=" + label for label in full), *("dt=" + label[2:] for label in part))
            for full, part in zip(whole.match(tokens), words.match(tokens), strict=True)
        ])
    return out
