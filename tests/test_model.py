"""The document model: frozen, offsets over raw text, lossless round trips."""

import dataclasses
import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import marsad
from marsad.model import (
    SCHEMA_VERSION,
    Article,
    DateMention,
    Doc,
    Duration,
    Entity,
    Ordinal,
    Quantity,
    Span,
    StageFailure,
    content_id,
)


def test_spans_are_frozen_and_checked():
    q = Quantity(0, 3, value=5, kind="count", unit="أشخاص")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 6  # type: ignore[misc]
    with pytest.raises(ValueError):
        Span(5, 2)


def test_article_id_is_content_hash():
    assert Article(text="نص").id == content_id("نص")
    assert Article(text="نص", id="x").id == "x"


def test_to_dict_groups_spans_with_text_and_attributes():
    text = "قتل 5 أشخاص أمس"
    doc = Doc(Article(text=text)).with_spans(
        "quantities", [Quantity(4, 11, value=5, kind="count", unit="أشخاص")]
    )
    d = doc.to_dict()
    assert d["schema"] == SCHEMA_VERSION
    assert d["spans"]["quantities"] == [
        {"start": 4, "end": 11, "text": "5 أشخاص", "value": 5, "kind": "count",
         "unit": "أشخاص", "currency": None, "bound": "exact"}
    ]


def test_unknown_schema_version_is_refused():
    d = Doc(Article(text="x")).to_dict()
    d["schema"] = 99
    with pytest.raises(ValueError, match="schema version 99"):
        Doc.from_dict(d)


def test_analyzed_doc_survives_json_round_trip():
    doc = marsad.analyze("أنفقت الحكومة نحو 3 ملايين دينار منذ 2017 في جوان الماضي.",
                         published="2019-11-13")
    again = Doc.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
    assert again == doc
    assert again.to_dict() == doc.to_dict()


TEXT = st.text(alphabet=st.sampled_from(list("ابتث 0123456789.،\n")), min_size=1, max_size=40)


@st.composite
def docs(draw):
    text = draw(TEXT)
    n = len(text)

    def span_bounds():
        s = draw(st.integers(0, n))
        e = draw(st.integers(s, n))
        return s, e

    spans = {}
    qs = []
    for _ in range(draw(st.integers(0, 3))):
        s, e = span_bounds()
        qs.append(Quantity(s, e, value=draw(st.one_of(st.integers(-10**12, 10**12),
                                                      st.floats(allow_nan=False, allow_infinity=False))),
                           kind=draw(st.sampled_from(["number", "count", "money", "percent"])),
                           unit=draw(st.one_of(st.none(), TEXT)),
                           currency=draw(st.sampled_from([None, "USD", "TND"]))))
    spans["quantities"] = tuple(qs)
    s, e = span_bounds()
    spans["dates"] = (DateMention(s, e, value="2019-06", granularity="month", first="2019-06-01",
                                  last="2019-06-30", relative=True, anchor="published"),)
    spans["durations"] = (Duration(s, e, value=3, unit="year"),)
    spans["ordinals"] = (Ordinal(s, e, value=2),)
    spans["entities"] = (Entity(s, e, type="LOC", kb_id="Q858", canonical="سوريا", score=0.9, ref=1),)
    spans["custom"] = (Span(s, e),)
    published = draw(st.one_of(
        st.none(), st.dates(),
        st.datetimes(timezones=st.just(timezone(timedelta(hours=1)))),
    ))
    article = Article(text=text, url=draw(st.one_of(st.none(), st.just("http://x.tn/a"))),
                      published=published, meta={"k": "v"})
    return Doc(article, sentences=((0, n),), tokens=((0, n),), spans=spans,
               failures=(StageFailure(article.id, "dates", "ValueError", "boom"),),
               meta={"anchor": {"date": "2019-11-13", "source": "published"}})


@given(docs())
def test_any_doc_survives_a_round_trip(doc):
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    again = Doc.from_dict(data)
    assert again == doc


@given(docs())
def test_every_span_is_inside_its_text(doc):
    for _name, span in doc.iter_spans():
        assert 0 <= span.start <= span.end <= len(doc.text)


def test_published_kinds_round_trip():
    for when in (date(2019, 11, 13), datetime(2017, 1, 21, 16, 19, tzinfo=timezone(timedelta(hours=1)))):
        a = Article(text="x", published=when)
        assert Article.from_dict(a.to_dict(), "x") == a
