"""Attribution, Event and Participant spans: JSON round trips are lossless."""

import json

from hypothesis import given
from hypothesis import strategies as st

from marsad.model import Article, Attribution, Doc, Event, Participant, Span

TEXT = "قال وزير الخارجية التركي إن القوات قتلت مسلحين في بغداد أمس."


def _round_trip(doc: Doc) -> Doc:
    return Doc.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))


def test_attribution_json_has_sub_spans_and_direct():
    a = Attribution(0, 61, cue=Span(0, 3), speaker=Span(4, 24), content=Span(28, 61),
                    speaker_kb_id="Q43")
    doc = Doc(Article(text=TEXT)).with_spans("attributions", [a])
    item = doc.to_dict()["spans"]["attributions"][0]
    assert item["cue"] == {"start": 0, "end": 3, "text": "قال"}
    assert item["speaker"]["text"] == "وزير الخارجية التركي"
    assert item["content"]["text"].startswith("القوات")
    assert item["direct"] is False
    assert _round_trip(doc) == doc


def test_event_json_has_trigger_participants_and_flags():
    e = Event(28, 55, type="ASSAULT", mode="kill", trigger=Span(35, 39),
              actors=(Participant(28, 34, role="MIL"),),
              recipients=(Participant(40, 46),),
              place=Participant(50, 55, type="LOC", kb_id="Q1530", country="IQ"),
              date="2019-11-12", date_span=Span(56, 59), date_source="text", negated=True)
    doc = Doc(Article(text=TEXT)).with_spans("events", [e])
    item = doc.to_dict()["spans"]["events"][0]
    assert item["trigger"]["text"] == "قتلت"
    assert item["actors"][0]["text"] == "القوات" and item["actors"][0]["role"] == "MIL"
    assert item["place"]["text"] == "بغداد" and item["place"]["country"] == "IQ"
    assert item["negated"] is True and item["hypothetical"] is False
    again = _round_trip(doc)
    assert again == doc
    assert isinstance(again.group("events")[0].actors[0], Participant)


def _bounds(draw, n):
    s = draw(st.integers(0, n))
    return s, draw(st.integers(s, n))


@st.composite
def docs(draw):
    n = len(TEXT)
    atts, events = [], []
    for i in range(draw(st.integers(0, 3))):
        s, e = _bounds(draw, n)
        sub = Span(*_bounds(draw, n))
        atts.append(Attribution(
            s, e, cue=sub, speaker=draw(st.one_of(st.none(), st.just(sub))),
            content=draw(st.one_of(st.none(), st.just(Span(s, e)))), direct=draw(st.booleans()),
            kind=draw(st.sampled_from(["verb", "source", "quote", "continuation"])),
            speaker_kb_id=draw(st.sampled_from([None, "Q43"])),
            continues=draw(st.one_of(st.none(), st.integers(0, max(i - 1, 0)))),
            anonymous=draw(st.booleans())))
    for _ in range(draw(st.integers(0, 3))):
        s, e = _bounds(draw, n)
        parts = tuple(Participant(*_bounds(draw, n), type=draw(st.sampled_from(["NOM", "LOC"])),
                                  kb_id=draw(st.sampled_from([None, "Q30"])))
                      for _ in range(draw(st.integers(0, 2))))
        events.append(Event(
            s, e, type=draw(st.sampled_from(["ASSAULT", "CONSULT", "AID"])), trigger=Span(s, e),
            actors=parts, recipients=parts[:1], place=draw(st.one_of(st.none(), st.just(
                Participant(s, e, type="LOC")))),
            date=draw(st.sampled_from([None, "2019-06"])),
            date_source=draw(st.sampled_from([None, "text", "published"])),
            negated=draw(st.booleans()), hypothetical=draw(st.booleans()),
            reported=draw(st.booleans()), historical=draw(st.booleans())))
    return Doc(Article(text=TEXT)).with_spans("attributions", atts).with_spans("events", events)


@given(docs())
def test_any_attributions_and_events_survive_a_round_trip(doc):
    again = _round_trip(doc)
    assert again == doc
    assert again.to_dict() == doc.to_dict()
