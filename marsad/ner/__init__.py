"""marsad's named-entity recognizer: PERS, LOC, ORG and MISC (the ANERcorp scheme).

A linear-chain CRF (python-crfsuite) over per-word features: the normalized word, its
clitic-stripped stem, affixes, shape, word clusters learnt from unlabelled Arabic news, and
gazetteer matches, in a ±2 window. The model ships in ``marsad/models/`` and is loaded on
first use.

>>> from marsad.ner import tag_tokens
>>> tag_tokens(["قال", "الرئيس", "جورج", "بوش", "في", "واشنطن"])  # doctest: +SKIP
['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC']

* :func:`tag_tokens` — BIO tags of one sentence's tokens;
* :func:`tag_doc` — :class:`~marsad.model.Entity` spans (raw offsets) of a tokenized Doc;
* :func:`load_model` — the model object (default: the shipped one), loaded once.

Training, evaluation and the data format are in ``docs/ner.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.model import Doc, Entity
    from marsad.ner.tagger import NerModel

__all__ = ["load_model", "tag_doc", "tag_tokens"]


def load_model(path: str | Path | None = None) -> NerModel:
    """The NER model at ``path`` (default: the shipped model), loaded once and reused.

    A missing or corrupted model raises :class:`~marsad.errors.ModelError` saying how to
    rebuild it.
    """
    from marsad.ner.tagger import load

    return load(path)


def tag_tokens(tokens: Sequence[str], model: NerModel | None = None) -> list[str]:
    """The BIO tags (``B-PERS``, ``I-LOC``, ``O`` …) of one sentence's tokens."""
    return (model or load_model()).tag(tokens)


def tag_doc(doc: Doc, model: NerModel | None = None) -> list[Entity]:
    """The named entities of ``doc``, over its raw text, sorted by offset.

    Uses ``doc.tokens`` and ``doc.sentences`` (from the ``tokenize`` stage; computed here when
    the Doc has none). Each :class:`~marsad.model.Entity` has ``type`` in PERS/LOC/ORG/MISC,
    ``kb_id=None`` and ``score`` = the mean marginal probability of its tags.
    """
    from marsad.ner.spans import doc_entities

    return doc_entities(doc, model or load_model())
