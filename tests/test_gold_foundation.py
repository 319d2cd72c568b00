"""Gold sentences for numbers, money, percentages and dates: the scorer, the pinned quality
floors, ``marsad eval numbers|dates``, and Maghrebi/relative dates on real ANT articles."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.cli import main
from marsad.extract.evaluate import (
    GROUPS,
    GoldError,
    GoldRecord,
    evaluate,
    load_gold,
    parse_record,
)
from marsad.model import Article, DateMention, Doc, Quantity

GOLD = Path(__file__).resolve().parent / "gold" / "foundation.jsonl"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ANT = SHARED / "news" / "ant"

#: pinned floors: a little under what the extractors reach (docs/extractors.md has the figures).
#: Raise them when the extractors improve; never lower them to let a change through.
FLOORS = {
    "numbers": {"precision": 0.97, "recall": 0.97, "value_accuracy": 0.97},
    "dates": {"precision": 0.97, "recall": 0.97, "value_accuracy": 0.97},
}
#: per group, a little lower (the groups are smaller).
GROUP_FLOORS = {"precision": 0.95, "recall": 0.95, "value_accuracy": 0.95}


@pytest.fixture(scope="module")
def gold() -> list[GoldRecord]:
    return load_gold(GOLD)


# --- the gold file itself ---------------------------------------------------------------------


def test_gold_covers_every_case(gold: list[GoldRecord]) -> None:
    assert len(gold) >= 200
    spans = {g: [s for r in gold for s in r.spans[g]] for g in GROUPS}
    kinds = {s.attrs.get("kind") for s in spans["quantities"]}
    assert {"number", "count", "money", "percent"} <= kinds
    assert {"exact", "approx", "lower", "upper"} <= {s.attrs.get("bound") for s in spans["quantities"]}
    currencies = {s.attrs.get("currency") for s in spans["quantities"]}
    assert {"USD", "EUR", "EGP", "GBP", "TND", "JOD", "IQD", "KWD", "DZD", "LYD", "SAR", "QAR",
            "OMR", "YER", "AED", "MAD", "TRY", "LBP", "SYP"} <= currencies
    grans = {s.attrs.get("granularity") for s in spans["dates"]}
    assert {"day", "week", "month", "year", "range"} <= grans
    assert {"age", "duration"} <= {s.attrs.get("kind") for s in spans["durations"]}
    negatives = [r for r in gold if not any(r.spans[g] for g in GROUPS)]
    assert len(negatives) >= 20
    assert len({r.published for r in gold}) >= 10  # relative dates against many anchors


def test_gold_texts_are_unique_per_id(gold: list[GoldRecord]) -> None:
    assert len({r.id for r in gold}) == len(gold)


# --- floors -----------------------------------------------------------------------------------


@pytest.mark.parametrize("task", ["numbers", "dates"])
def test_quality_floor(gold: list[GoldRecord], task: str) -> None:
    report = evaluate(gold, task)
    errors = "\n".join(f.line() for f in report.failures)
    micro = report.micro
    for metric, floor in FLOORS[task].items():
        assert getattr(micro, metric) >= floor, f"{task} micro {metric} < {floor}:\n{errors}"
    for group, score in report.per_group.items():
        for metric, floor in GROUP_FLOORS.items():
            assert getattr(score, metric) >= floor, f"{group} {metric} < {floor}:\n{errors}"


# --- the scorer -------------------------------------------------------------------------------


def _record(**fields: object) -> GoldRecord:
    data = {"id": "t", "text": "قتل 5 أشخاص أمس و5 آخرون", "published": "2019-11-13", **fields}
    return parse_record(data, "test")


def _fake(*spans: tuple[str, object]) -> object:
    """An analyzer that returns fixed spans, whatever the text."""

    def analyze(article: Article) -> Doc:
        doc = Doc(article)
        groups: dict[str, list[object]] = {}
        for group, span in spans:
            groups.setdefault(group, []).append(span)
        for group, items in groups.items():
            doc = doc.with_spans(group, items)  # type: ignore[arg-type]
        return doc

    return analyze


def test_perfect_missed_spurious_and_value_errors() -> None:
    rec = _record(quantities=[{"text": "5 أشخاص", "value": 5, "kind": "count"}],
                  dates=[{"text": "أمس", "value": "2019-11-12", "granularity": "day"}])
    right = Quantity(4, 11, value=5, kind="count", unit="أشخاص")
    report = evaluate([rec], "numbers", _fake(("quantities", right)))  # type: ignore[arg-type]
    assert report.micro.to_dict()["f1"] == 1.0 and report.failures == []

    wrong_value = replace(right, value=6)
    spurious = Quantity(14, 15, value=5)
    report = evaluate([rec], "numbers",
                      _fake(("quantities", wrong_value), ("quantities", spurious)))  # type: ignore[arg-type]
    q = report.per_group["quantities"]
    assert (q.gold, q.predicted, q.matched, q.value_correct) == (1, 2, 1, 0)
    assert q.precision == 0.5 and q.recall == 1.0 and q.value_accuracy == 0.0
    assert sorted(f.type for f in report.failures) == ["spurious", "value"]

    report = evaluate([rec], "dates", _fake())  # type: ignore[arg-type]
    d = report.per_group["dates"]
    assert d.recall == 0.0 and d.precision == 1.0  # nothing found: nothing wrong, all missed
    assert [f.type for f in report.failures] == ["missed"]


def test_boundary_errors_pair_a_missed_and_a_found_span() -> None:
    rec = _record(dates=[{"text": "أمس", "value": "2019-11-12"}])
    longer = DateMention(12, 16, value="2019-11-12", granularity="day")
    report = evaluate([rec], "dates", _fake(("dates", longer)))  # type: ignore[arg-type]
    assert [f.type for f in report.failures] == ["boundary"]
    assert report.per_group["dates"].predicted == 1 and report.per_group["dates"].matched == 0


def test_only_the_listed_attributes_are_compared() -> None:
    rec = _record(quantities=[{"text": "5 أشخاص", "value": 5.0}])
    found = Quantity(4, 11, value=5, kind="count", unit="أشخاص", bound="approx")
    report = evaluate([rec], "numbers", _fake(("quantities", found)))  # type: ignore[arg-type]
    assert report.micro.value_accuracy == 1.0


def test_a_repeated_text_needs_its_start() -> None:
    with pytest.raises(GoldError, match="more than once"):
        _record(quantities=[{"text": "5", "value": 5}])
    rec = _record(quantities=[{"text": "5", "start": 17, "value": 5}])
    assert rec.spans["quantities"][0].start == 17
    with pytest.raises(GoldError, match="not at start"):
        _record(quantities=[{"text": "5", "start": 3, "value": 5}])


@pytest.mark.parametrize(("line", "reason"), [
    ("not json", "not JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"id": "a", "text": "نص", "colour": 1}', "unknown keys"),
    ('{"id": "a", "text": ""}', "non-empty string"),
    ('{"id": "a", "text": "نص", "published": "13/11/2019"}', "not an ISO date"),
    ('{"id": "a", "text": "نص", "dates": [{"text": "أمس"}]}', "does not occur"),
    ('{"id": "a", "text": "نص أمس", "dates": [{"text": "أمس", "valeu": "x"}]}', "unknown keys"),
    ('{"id": "a", "text": "نص", "dates": {"text": "نص"}}', "must be a list"),
])
def test_bad_gold_lines_name_the_line_and_the_reason(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "ok", "text": "نص"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=reason) as info:
        load_gold(path)
    assert f"{path}:2" in str(info.value)


def test_duplicate_ids_and_empty_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "نص"}\n{"id": "a", "text": "نص آخر"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="duplicate id 'a'"):
        load_gold(path)
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(GoldError, match="no gold records"):
        load_gold(path)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 360), min_size=1, max_size=25, unique=True))
def test_an_analyzer_that_returns_the_gold_scores_one(indexes: list[int]) -> None:
    records = load_gold(GOLD)
    chosen = [records[i % len(records)] for i in indexes]
    chosen = list({r.id: r for r in chosen}.values())
    kinds = {"quantities": Quantity, "dates": DateMention}

    def analyze(article: Article) -> Doc:
        rec = next(r for r in chosen if r.id == article.id)
        doc = Doc(article)
        for group, cls in kinds.items():
            spans = [cls(s.start, s.end, **{"value": 0, "granularity": "day", **s.attrs})
                     if cls is DateMention else cls(s.start, s.end, **{"value": 0, **s.attrs})
                     for s in rec.spans[group]]
            doc = doc.with_spans(group, spans)  # type: ignore[arg-type]
        return doc

    numbers = evaluate(chosen, "numbers", analyze)
    assert numbers.per_group["quantities"].f1 == 1.0
    assert numbers.per_group["quantities"].value_accuracy == 1.0
    assert evaluate(chosen, "dates", analyze).per_group["dates"].value_accuracy == 1.0


# --- command line -----------------------------------------------------------------------------


def test_eval_numbers_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "numbers", "--data", str(GOLD), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"micro", "per_group"}
    assert set(out["per_group"]) == {"quantities", "ordinals"}
    assert out["micro"]["precision"] >= FLOORS["numbers"]["precision"]


def test_eval_dates_table_and_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "miss", "text": "وصل الوفد أمس", "published": "2019-11-13",
                                "dates": [{"text": "أمس", "value": "2019-11-11"}]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["eval", "dates", "--data", str(path), "--show-errors"]) == 0
    out = capsys.readouterr().out
    assert "dates" in out and "durations" in out and "micro" in out
    assert "miss" in out and "value" in out and "2019-11-12" in out


def test_eval_with_a_bad_file_is_an_input_error(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    assert main(["eval", "dates", "--data", str(tmp_path / "missing.jsonl")]) == 1
    assert "missing.jsonl" in capsys.readouterr().err


# --- real articles ----------------------------------------------------------------------------

#: ANT articles (file, then raw text of a mention, its expected value), checked against the
#: article's TIME. Only file names and the few words of each mention are kept here.
ANT_CASES = [
    ("localNews/JA-localNews-2347-20170307.txt", "يوم الثلاثاء الفارط", "2017-02-28"),
    ("localNews/JA-localNews-3384-20140801.txt", "منذ يوم 8 جويلية الجاري", "2014-07-08/.."),
    ("localNews/JA-localNews-4395-20151005.txt", "من 6 إلى 8 أكتوبر الحالي",
     "2015-10-06/2015-10-08"),
    ("localNews/JA-localNews-38-20170122.txt", "شهر فيفري الماضي", "2016-02"),
    ("localNews/JA-localNews-1744-20170224.txt", "شهر أفريل القادم", "2017-04"),
    ("localNews/JA-localNews-2006-20151222.txt", "شهر جانفي المقبل", "2016-01"),
    ("localNews/JA-localNews-3883-20170401.txt", "بين 30 و31 مارس المنقضي",
     "2017-03-30/2017-03-31"),
    ("localNews/JA-localNews-3930-20170511.txt", "أمس الاربعاء", "2017-05-10"),
    ("society/JA-society-123-06042016.txt", "أمس الثلاثاء", "2016-04-05"),
    ("sport/JA-sport-794-20170312.txt", "الأسبوع الفارط", "2017-W09"),
    ("sport/JA-sport-429-20170217.txt", "الثلاثاء الفارط", "2017-02-14"),
    ("localNews/JA-localNews-2672-20170312.txt", "19 ديسمبر من العام الماضي", "2016-12-19"),
    ("sport/JA-sport-1269-20170531.txt", "السابع من جوان", "2017-06-07"),
    ("localNews/JA-localNews-3620-20160213.txt", "يوم 18 أفريل القادم", "2016-04-18"),
]


@pytest.mark.shared
@pytest.mark.skipif(not ANT.is_dir(), reason="../shared/data/news/ant is absent: ANT checks skipped")
@pytest.mark.parametrize(("name", "mention", "value"), ANT_CASES)
def test_ant_dates_resolve_against_the_articles_time(name: str, mention: str, value: str) -> None:
    from marsad.ingest.files import read_articles
    from marsad.pipeline import load_pipeline

    path = ANT / name
    if not path.is_file():
        pytest.skip(f"{name} is not in this copy of ANT")
    article = next(iter(read_articles(str(path))))
    assert article.published is not None, f"{name}: no TIME"
    doc = load_pipeline(["dates"]).analyze(article)
    found = {doc.text[s.start:s.end]: s for s in doc.group("dates")}
    assert mention in found, f"{name}: {mention!r} not found among {sorted(found)}"
    span = found[mention]
    assert span.value == value and span.anchor == "published"  # type: ignore[attr-defined]


# --- invariants on any text ------------------------------------------------------------------

_WORDS = sorted({w for r in load_gold(GOLD) for w in r.text.split()})
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.integers(0, 3_000_000).map(str),
    st.sampled_from(["،", ".", "-", "/", ":", "%", "\n", "1-", "و", "بـ", "(", ")", "٢٠١٩", "٫٥"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40), st.dates())
def test_spans_stay_inside_the_text_and_never_overlap(pieces: list[str], published: object) -> None:
    from marsad.pipeline import load_pipeline

    text = " ".join(pieces)
    doc = load_pipeline(["dates", "numbers"]).analyze(text, published=published)  # type: ignore[arg-type]
    spans = sorted((s.start, s.end, g) for g in GROUPS for s in doc.group(g))
    for (s1, e1, g1), (s2, e2, g2) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2, f"{g1} [{s1},{e1}) overlaps {g2} [{s2},{e2}) in {text!r}"
    for s, e, _ in spans:
        assert 0 <= s < e <= len(text) and text[s:e] == text[s:e].strip()
    for d in doc.group("dates"):
        assert isinstance(d, DateMention)
        if d.first and d.last:
            assert d.first <= d.last
        if d.granularity == "day":
            assert d.value == d.first == d.last
        assert ("/" in d.value) == (d.granularity == "range")
