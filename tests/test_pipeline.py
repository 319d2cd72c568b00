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


def test_pipe_uses_a_stage_batch_function_and_falls_back_one_by_one():
    calls = []

    def batch(docs):
        calls.append(len(docs))
        if any("بوم" in d.text for d in docs):
            raise ValueError("bad batch")
        return [d.with_meta(seen="batch") for d in docs]

    @stage("mark", batch=batch)
    def mark(doc: Doc) -> Doc:
        if "بوم" in doc.text:
            raise ValueError("bad doc")
        return doc.with_meta(seen="one")

    p = Pipeline([mark], on_error="record")
    docs = list(p.pipe(["أ", "ب", "ج"], batch_size=3))
    assert [d.meta["seen"] for d in docs] == ["batch"] * 3 and calls == [3]
    docs = list(p.pipe(["أ", "بوم", "ج"], batch_size=3))
    assert [d.meta.get("seen") for d in docs] == ["one", None, "one"]
    assert [len(d.failures) for d in docs] == [0, 1, 0]


def test_ner_model_setting(monkeypatch):
    from marsad import settings
    from marsad.errors import ConfigError
    from marsad.extract.entities import default_ner_batch

    doc = load_pipeline(["tokenize"]).analyze("قال الرئيس التونسي في تونس")
    monkeypatch.setitem(settings._OVERRIDES, "ner_model", "off")
    spans, note = default_ner_batch([doc])
    assert spans == [[]] and note.startswith("off")
    monkeypatch.setitem(settings._OVERRIDES, "ner_model", "bert")
    with pytest.raises(ConfigError, match="ner_model 'bert'"):
        default_ner_batch([doc])
