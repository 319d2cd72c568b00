"""marsad (مرصد): Arabic news intelligence.

>>> import marsad
>>> doc = marsad.analyze("قتل 5 أشخاص أمس", published="2019-11-13")
>>> [(q.text(doc.text), q.value) for q in doc.spans["quantities"]]
[('5 أشخاص', 5)]
"""

from __future__ import annotations

from typing import Any

from marsad.errors import MarsadError
from marsad.model import (
    SCHEMA_VERSION,
    Article,
    Attribution,
    DateMention,
    Doc,
    Duration,
    Entity,
    Event,
    Ordinal,
    Participant,
    Quantity,
    Span,
    StageFailure,
    parse_when,
)
from marsad.pipeline import Pipeline, load_pipeline

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Attribution",
    "DateMention",
    "Doc",
    "Duration",
    "Entity",
    "Event",
    "MarsadError",
    "Ordinal",
    "Participant",
    "Pipeline",
    "Quantity",
    "Span",
    "StageFailure",
    "analyze",
    "load_pipeline",
]


def analyze(text_or_article: str | Article | Doc, published: Any = None) -> Doc:
    """Analyse one text with the default pipeline.

    ``published`` (a date, datetime or ISO string) is the anchor for relative dates; without
    it the article's own date is used, else today (and relative dates are flagged).
    """
    from marsad.pipeline import analyze as _analyze

    return _analyze(text_or_article, published=parse_when(published))
