"""Scoring a model on labelled sentences."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from marsad.ner.data import Sentence
from marsad.ner.scoring import Report, score
from marsad.ner.tagger import NerModel, load


def evaluate(
    sentences: Sequence[Sentence], model: NerModel | str | Path | None = None
) -> Report:
    """Exact-span scores of ``model`` (a model, a path, or the shipped one) on ``sentences``,
    tagged on their own tokens, in file order (the order is the document context a two-pass
    model uses: ANERcorp keeps each article's sentences together)."""
    if not isinstance(model, NerModel):
        model = load(model)
    predicted = [tags for tags, _ in model.tag_sentences([s.tokens for s in sentences])]
    return score([s.tags for s in sentences], predicted)
