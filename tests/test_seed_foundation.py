"""The foundation issue's done-when check on the seed article (read from ../shared, never copied)."""

from pathlib import Path

import pytest

import marsad

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "coalition-article.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is absent: seed check skipped")


@pytest.fixture(scope="module")
def doc():
    return marsad.analyze(SEED.read_text(encoding="utf-8"), published="2019-11-13")


def by_text(doc, group):
    return {s.text(doc.text): s for s in doc.group(group)}


def test_member_states_are_a_count_of_81(doc):
    q = by_text(doc, "quantities")["الدول الأعضاء الـ 81"]
    assert (q.kind, q.value, q.unit) == ("count", 81, "الدول الأعضاء")


def test_more_than_400_million_dollars(doc):
    q = by_text(doc, "quantities")["ما يزيد عن 400 مليون دولار"]
    assert (q.kind, q.value, q.currency, q.bound) == ("money", 400_000_000, "USD", "lower")


def test_dates(doc):
    dates = by_text(doc, "dates")
    assert (dates["منذ 2017"].value, dates["منذ 2017"].granularity) == ("2017/..", "range")
    assert dates["منذ 2017"].first == "2017-01-01" and dates["منذ 2017"].last is None
    assert (dates["حزيران الماضي"].value, dates["حزيران الماضي"].granularity) == ("2019-06", "month")


def test_list_markers_are_not_quantities(doc):
    text = doc.text
    for marker in ("1-", "2-", "3-"):
        at = text.index("\n" + marker) + 1
        assert not any(q.start <= at < q.end for q in doc.group("quantities")), marker
    assert {q.value for q in doc.group("quantities")} == {81, 400_000_000}
