"""The ``tokenize`` stage: sentences and tokens with raw offsets."""

from __future__ import annotations

from marsad.model import Doc
from marsad.pipeline import stage
from marsad.text.tokenize import split_sentences, tokenize


@stage("tokenize", assigns=("tokens", "sentences"))
def tokenize_stage(doc: Doc) -> Doc:
    text = doc.text
    return doc.evolve(tokens=tokenize(text), sentences=split_sentences(text))
