"""Stages, order checks, error policies, streams."""

import pytest

import marsad
from marsad.errors import PipelineError, StageError
from marsad.model import Doc
from marsad.pipeline import Pipeline, get_stage, load_pipeline, stage


@stage("boom", requires=("tokens",), assigns=("boom",))
def boom(doc: Doc) -> Doc:
    raise ValueError("exploded")


@stage("needs_dates", requires=("dates",))
def needs_dates(doc: Doc) -> Doc:
    return doc


def test_default_pipeline_order():
    assert load_pipeline().names[:3] == ("tokenize", "dates", "numbers")


def test_order_is_checked_when_built():
    with pytest.raises(PipelineError, match="'numbers' requires dates: 'dates' is assigned by 'dates', which comes after it"):
        Pipeline(["tokenize", "numbers", "dates"])
    with pytest.raises(PipelineError, match="no stage assigns 'dates'"):
        Pipeline([needs_dates])


def test_unknown_stage_and_bad_policy():
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        get_stage("nope")
    with pytest.raises(PipelineError, match="bad error policy"):
        Pipeline(["tokenize"], on_error="ignore")


def test_raise_policy_raises_stage_error():
    with pytest.raises(StageError, match="stage 'boom' failed on .*: ValueError: exploded"):
        Pipeline(["tokenize", boom]).analyze("نص")


def test_record_policy_records_and_goes_on():
    p = Pipeline(["tokenize", boom, "dates"], on_error={"boom": "record"})
    doc = p.analyze("وصل أمس")
    assert [(f.stage, f.code, f.message) for f in doc.failures] == [("boom", "ValueError", "exploded")]
    assert doc.group("dates")  # the stage after the failure still ran


def test_pipe_keeps_order_and_batches():
    texts = [f"قتل {n} أشخاص" for n in range(1, 8)]
    docs = list(load_pipeline().pipe(texts, batch_size=3))
    assert [d.group("quantities")[0].value for d in docs] == list(range(1, 8))


def test_analyze_accepts_text_article_and_doc():
    a = marsad.Article(text="وصل أمس")
    for item in ("وصل أمس", a, marsad.Doc(a)):
        d = marsad.analyze(item, published="2019-11-13")
        assert d.group("dates")[0].value == "2019-11-12"
    with pytest.raises(TypeError):
        marsad.analyze(42)  # type: ignore[arg-type]


def test_without_publication_date_relative_dates_are_flagged():
    d = marsad.analyze("وصل أمس")
    assert d.group("dates")[0].anchor == "today"
    assert d.meta["anchor"]["source"] == "today"
