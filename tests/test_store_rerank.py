"""The second look at a headline's best hits (marsad.store.rerank)."""

from __future__ import annotations

import pytest
from store_fixtures import articles

from marsad.model import Article
from marsad.pipeline import load_pipeline
from marsad.store import Store
from marsad.store import search as search_module
from marsad.store.query import compile_query
from marsad.store.rerank import query_terms, split_first_sentence

HEADLINE = "وزير الفلاحة يزور ولاية القيروان"
# the words twice each, but not in the opening sentence: BM25 ranks it first
REPEATS = Article(text=(
    "صدر صباح اليوم بلاغ رسمي عن الحكومة. وقال البلاغ إن وزير الفلاحة يزور ولاية القيروان لمتابعة الموسم، "
    "وإن وزير الفلاحة سيزور ولاية القيروان مرة أخرى بعد أسبوع لمتابعة مشاريع الري."))
# the story itself: the headline's words once, in its first sentence
STORY = Article(text=(
    "يزور وزير الفلاحة اليوم ولاية القيروان لمتابعة تقدم موسم الحصاد في الجهة. "
    "وسيلتقي الوزير بالفلاحين في عدد من المعتمديات ويطلع على مشاغلهم."))
OTHER = Article(text="افتتح وزير التجارة معرضا للصناعات التقليدية في العاصمة بحضور عدد من الحرفيين.")


@pytest.fixture()
def store(tmp_path):
    pipe = load_pipeline(["tokenize"])
    with Store(str(tmp_path / "r.db")) as s:
        # the fixture articles give the headline's words an inverse document frequency
        s.add([pipe.analyze(a) for a in (*articles(), REPEATS, STORY, OTHER)], [])
        yield s


def test_the_story_that_opens_with_the_headline_comes_first(store, monkeypatch):
    monkeypatch.setattr(search_module, "RERANK_DEPTH", 0)
    assert [h.id for h in store.search(HEADLINE).hits][:2] == [REPEATS.id, STORY.id]
    monkeypatch.undo()
    hits = store.search(HEADLINE).hits
    assert [h.id for h in hits][:2] == [STORY.id, REPEATS.id]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_pages_of_reranked_hits_are_slices_of_one_ranking(store):
    whole = [h.id for h in store.search(HEADLINE, limit=3).hits]
    pages = [h.id for k in range(3) for h in store.search(HEADLINE, limit=1, offset=k).hits]
    assert pages == whole


def test_only_three_or_more_plain_words_are_reranked():
    assert query_terms(compile_query("وزير الفلاحة").tree) is None
    assert query_terms(compile_query("وزير AND الفلاحة AND القيروان").tree) is None
    assert query_terms(compile_query('"وزير الفلاحة" "ولاية القيروان"').tree) is None
    assert query_terms(compile_query('"وزير الفلاحة يزور"').tree) is None
    # a phrase in running text stands for its words too
    assert len(query_terms(compile_query('"وزير الفلاحة" القيروان').tree) or []) == 3
    terms = query_terms(compile_query("وزير الفلاحة يزور القيروان").tree)
    assert terms is not None and len(terms) == 4


@pytest.mark.parametrize(("text", "first"), [
    ("تونس: قال الوزير إن النمو بلغ 2.5 بالمائة. وأضاف أن ...", "تونس: قال الوزير إن النمو بلغ 2.5 بالمائة"),
    ("جملة واحدة بلا نقطة", "جملة واحدة بلا نقطة"),
    ("سطر أول من الخبر هنا\nسطر ثان", "سطر أول من الخبر هنا"),
])
def test_first_sentence(text, first):
    head, rest = split_first_sentence(text)
    assert head == first and head + rest == text


def test_a_title_that_says_what_the_query_says_counts_as_the_opening(tmp_path):
    from dataclasses import replace

    from marsad.store.rerank import rerank

    body = "انطلقت اليوم حملة جديدة لتنظيف الشواطئ بمشاركة المتطوعين من مختلف الجهات."
    titled = replace(Article(text=body), title=HEADLINE)
    plain = Article(text=body + " وستتواصل الحملة أسبوعا.")
    pipe = load_pipeline(["tokenize"])
    with Store(str(tmp_path / "t.db")) as s:
        s.add([pipe.analyze(a) for a in (*articles(), plain, titled)], [])
        keys = dict(s.conn.execute("SELECT id, skey FROM articles"))
        rows = [(keys[plain.id], 1.0), (keys[titled.id], 1.0)]
        terms = query_terms(compile_query(HEADLINE).tree)
        assert terms is not None
        ranked = rerank(s.conn, rows, terms)
    assert [k for k, _score in ranked] == [keys[titled.id], keys[plain.id]]
    assert ranked[0][1] == pytest.approx(3.0) and ranked[1][1] == pytest.approx(1.0)
