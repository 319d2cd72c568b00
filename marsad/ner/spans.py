"""From a tokenized Doc to Entity spans: group tokens by sentence, tag, decode BIO."""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.model import Doc, Entity, Offsets
from marsad.ner.scoring import bio_spans
from marsad.ner.tagger import NerModel
from marsad.text.tokenize import split_sentences, tokenize

_ARABIC = re.compile("[\u0621-\u064a]")


def sentence_groups(tokens: Offsets, sentences: Offsets) -> list[list[tuple[int, int]]]:
    """The tokens of each sentence (a token belongs to the sentence its start is in; tokens
    outside every sentence form groups of their own)."""
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    k = 0
    for tok in tokens:
        while k < len(sentences) and tok[0] >= sentences[k][1]:
            k += 1
            if current:
                groups.append(current)
                current = []
        current.append(tok)
    if current:
        groups.append(current)
    return groups


def entities(
    text: str, tokens: Sequence[tuple[int, int]], tags: Sequence[str], probs: Sequence[float]
) -> list[Entity]:
    """Entity spans of one tagged token group."""
    out = []
    for a, b, kind in bio_spans(tags):
        score = sum(probs[a:b]) / (b - a)
        out.append(Entity(tokens[a][0], tokens[b - 1][1], type=kind, score=round(score, 3)))
    return out


def doc_entities(doc: Doc, model: NerModel) -> list[Entity]:
    text = doc.text
    tokens = doc.tokens or tokenize(text)
    sentences = doc.sentences or split_sentences(text)
    # the model knows Arabic news only: a sentence without Arabic has no names
    groups = [g for g in sentence_groups(tokens, sentences)
              if _ARABIC.search(text, g[0][0], g[-1][1])]
    tagged = model.tag_sentences([[text[s:e] for s, e in g] for g in groups], scores=True)
    out: list[Entity] = []
    for group, (tags, probs) in zip(groups, tagged, strict=True):
        out += entities(text, group, tags, probs)
    return out
