"""Tests of the NER model shipped in marsad/models (no shared data needed)."""

from __future__ import annotations

import pytest

from marsad.model import Doc
from marsad.ner import load_model, tag_doc, tag_tokens
from marsad.pipeline import load_pipeline

# Written for this test: a made-up report in the style of the seed article.
REPORT = (
    "واشنطن - التقى وزير الخارجية الأمريكي جون كيري نظيره الفرنسي في باريس لبحث الوضع في "
    "سوريا والعراق. وقالت الأمم المتحدة إن تنظيم داعش ما زال يسيطر على أجزاء من مدينة الموصل."
)


@pytest.fixture(scope="module")
def report_entities() -> set[tuple[str, str]]:
    doc = load_pipeline(["tokenize"]).analyze(REPORT)
    return {(e.text(REPORT), e.type) for e in tag_doc(doc)}


def test_shipped_model_loads_once() -> None:
    assert load_model() is load_model()
    assert load_model().meta["format"] == "marsad-ner/1"


@pytest.mark.parametrize("name, kind", [
    ("واشنطن", "LOC"), ("باريس", "LOC"), ("سوريا", "LOC"), ("والعراق", "LOC"),
    ("جون كيري", "PERS"), ("الأمم المتحدة", "ORG"), ("الموصل", "LOC"),
])
def test_shipped_model_finds_the_obvious_names(report_entities: set[tuple[str, str]],
                                               name: str, kind: str) -> None:
    assert (name, kind) in report_entities


def test_entities_are_valid_spans() -> None:
    doc = load_pipeline(["tokenize"]).analyze(REPORT)
    for e in tag_doc(doc):
        assert e.type in {"PERS", "LOC", "ORG", "MISC"} and e.kb_id is None
        assert 0 < e.score <= 1 and 0 <= e.start < e.end <= len(REPORT)
        assert e.text(REPORT) == e.text(REPORT).strip()


def test_tag_tokens_is_bio() -> None:
    tags = tag_tokens(["قال", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن"])
    assert tags[3:5] == ["B-PERS", "I-PERS"] and tags[6] == "B-LOC"


def test_no_arabic_and_pathological_input() -> None:
    assert tag_doc(Doc.from_text("The minister met the press in Paris on Monday.")) == []
    assert tag_doc(Doc.from_text("")) == []
    assert tag_doc(Doc.from_text("؟؟؟ ... !!! ١٢٣ 456")) == []
    long_line = " ".join(["زار الوزير تونس وقال إن"] * 2000)  # 10,000 tokens, one "sentence"
    entities = tag_doc(Doc.from_text(long_line))
    assert entities and all(e.text(long_line) == "تونس" for e in entities)
