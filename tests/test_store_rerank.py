"""The second look at a headline's best hits (marsad.store.rerank)."""

from __future__ import annotations

import math

import pytest
from store_fixtures import articles

from marsad.model import Article
from marsad.pipeline import load_pipeline
from marsad.store import Store
from marsad.store import search as search_module
from marsad.store.query import compile_query
from marsad.store.rerank import (
    FEATURES,
    WEIGHTS,
    Query,
    features,
    prepare,
    query_days,
    query_terms,
    split_first_sentence,
)
from marsad.store.terms import text_terms

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


def test_the_story_that_opens_with_the_headline_comes_first(store):
    def bm25_alone(_conn, rows, _query, _extra):
        return rows

    assert [h.id for h in store.search(HEADLINE, second_look=bm25_alone).hits][:2] == [
        REPEATS.id, STORY.id]
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
    assert query_terms(compile_query("وزير الفلاحة يزور القيروان -سوسة").tree) is None
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
        query = prepare(s.conn, terms, HEADLINE)
        ranked = rerank(s.conn, rows, query)
        f = features(query, keys[titled.id], HEADLINE, body)
    assert [k for k, _score in ranked] == [keys[titled.id], keys[plain.id]]
    assert f["lead"] == f["exact"] == f["cover"] == 1.0
    assert ranked[0][1] == pytest.approx(math.exp(sum(WEIGHTS[n] * f[n] for n in FEATURES)))


def test_features_are_shares_from_0_to_1(store):
    terms = query_terms(compile_query(HEADLINE).tree)
    assert terms is not None
    query = prepare(store.conn, terms, HEADLINE)
    keys = dict(store.conn.execute("SELECT id, skey FROM articles"))
    for article in (REPEATS, STORY, OTHER):
        f = features(query, keys[article.id], None, article.text)
        assert set(f) == set(FEATURES) and all(0.0 <= v <= 1.0 for v in f.values()), f
    story = features(query, keys[STORY.id], None, STORY.text)
    other = features(query, keys[OTHER.id], None, OTHER.text)
    assert story["cover"] == 1.0 > other["cover"] and story["early"] > other["early"]
    assert story["own"] == 1.0 and story["day"] == 0.0


def test_a_roundup_that_repeats_the_headline_ranks_below_the_story(tmp_path, monkeypatch):
    # a daily roundup lists headlines word for word; the story says the same in its own words
    headline = "وزير الفلاحة يزور ولاية القيروان لمتابعة موسم الحصاد"
    roundup = Article(text=(
        "موعد يومي مع أبرز الأحداث والمستجدات على الساحة الوطنية خلال 24 ساعة "
        "ارتفاع أسعار الخضر في الأسواق الأسبوعية "
        "انطلاق امتحانات الباكالوريا في كامل الجهات "
        "وزير الفلاحة يزور ولاية القيروان لمتابعة موسم الحصاد "
        "وزير الصحة يفتتح مستشفى جديدا في ولاية القيروان "
        "الحماية المدنية تدعو إلى الحذر خلال موسم الحصاد"))
    story = Article(text=(
        "أدى وزير الفلاحة اليوم زيارة إلى ولاية القيروان تابع خلالها تقدم موسم الحصاد في "
        "عدد من المعتمديات، والتقى بالفلاحين واستمع إلى مشاغلهم حول أسعار البذور."))
    pipe = load_pipeline(["tokenize"])
    with Store(str(tmp_path / "r.db")) as s:
        s.add([pipe.analyze(a) for a in (*articles(), roundup, story)], [])
        keys = dict(s.conn.execute("SELECT id, skey FROM articles"))
        terms = query_terms(compile_query(headline).tree)
        assert terms is not None
        query = prepare(s.conn, terms, headline)
        assert features(query, keys[roundup.id], None, roundup.text)["own"] == 0.0
        assert features(query, keys[story.id], None, story.text)["own"] == 1.0
        assert [h.id for h in s.search(headline).hits][:2] == [story.id, roundup.id]
        monkeypatch.setitem(WEIGHTS, "own", 0.0)
        assert [h.id for h in s.search(headline).hits][:2] == [roundup.id, story.id]


@pytest.mark.parametrize(("text", "days"), [
    ("أبرز أحداث الثلاثاء 14 فيفري 2017", ("2017-02-14",)),
    ("أبرز أخبار يوم 3 مارس 2017 في الجهات", ("2017-03-03",)),
    ("طقس اليوم الثلاثاء", ()),
    ("الترفيع في سن التقاعد بداية من جانفي 2016", ()),
])
def test_the_days_a_query_names(text, days):
    from datetime import date

    assert query_days(text) == tuple(date.fromisoformat(d).toordinal() for d in days)


TOPICS = ("الأمطار", "الأسعار", "الامتحانات", "الانتخابات", "الحرائق", "المرور", "الصحة",
          "التشغيل", "الفلاحة", "السياحة", "النقل", "الكهرباء", "المياه", "التعليم", "الرياضة",
          "الثقافة", "الطاقة", "البيئة", "السكن", "التجارة")


def test_a_dated_headline_finds_the_article_of_that_day(tmp_path, monkeypatch):
    # twenty roundups, one a day, with the same words but one (none of them a number): the
    # query names the day of the 15th; BM25 alone cannot tell them apart, the day can, even
    # when that day's roundup is not among the best DEPTH hits
    from datetime import datetime

    from store_fixtures import TZ

    from marsad.store import rerank as rerank_module

    pipe = load_pipeline(["tokenize"])
    days = [Article(text=(
        f"موعد يومي مع أبرز الأحداث والمستجدات على الساحة الوطنية: أخبار {topic} في الجهات."),
        published=datetime(2017, 2, k, 12, tzinfo=TZ), url=f"https://example.tn/{k}")
        for k, topic in enumerate(TOPICS, 1)]
    query = "أبرز الأحداث والمستجدات ليوم 15 فيفري 2017"
    monkeypatch.setattr(search_module, "RERANK_DEPTH", 3)
    monkeypatch.setattr(rerank_module, "DEPTH", 3)
    with Store(str(tmp_path / "d.db")) as s:
        s.add([pipe.analyze(a) for a in (*articles(), *days)], [])
        got = [h.id for h in s.search(query).hits]
        monkeypatch.setattr(search_module, "DAY_HITS", 0)
        monkeypatch.setitem(WEIGHTS, "day", 0.0)
        plain = [h.id for h in s.search(query).hits]
    assert got[0] == days[14].id
    assert days[14].id not in plain[:3]


def test_pages_and_scores_with_a_named_day_are_slices_of_one_ranking(tmp_path):
    # forty roundups, one a day; the query names the day of the 31st, whose roundup BM25 ranks
    # far below the first hits looked at again: pages of 10 join up to the first 40, nothing
    # twice, nothing missing, scores falling, and a hit's score does not depend on the page
    from datetime import datetime, timedelta

    from store_fixtures import TZ

    topics = [f"موضوع{chr(0x0628 + k % 20)}{chr(0x0628 + k // 20)}" for k in range(40)]
    start = datetime(2017, 2, 1, 12, tzinfo=TZ)
    days = [Article(text=(f"موعد يومي مع أبرز الأحداث والمستجدات على الساحة الوطنية: أخبار {t} "
                          "في الجهات."),
                    published=start + timedelta(days=k), url=f"https://example.tn/{k}")
            for k, t in enumerate(topics)]
    query = "أبرز الأحداث والمستجدات ليوم 3 مارس 2017"
    pipe = load_pipeline(["tokenize"])
    with Store(str(tmp_path / "p.db")) as s:
        s.add([pipe.analyze(a) for a in (*articles(), *days)], [])
        whole = [(h.id, h.score) for h in s.search(query, limit=40, snippet_words=0).hits]
        pages = [(h.id, h.score) for o in (0, 10, 20, 30)
                 for h in s.search(query, limit=10, offset=o, snippet_words=0).hits]
        first = s.search(query, limit=1, snippet_words=0).hits[0]
    assert [i for i, _ in pages] == [i for i, _ in whole]
    assert len({i for i, _ in pages}) == 40
    assert whole[0][0] == days[30].id == first.id
    assert [sc for _, sc in pages] == pytest.approx([sc for _, sc in whole])
    assert first.score == pytest.approx(whole[0][1])
    assert all(a >= b for (_i, a), (_j, b) in zip(pages, pages[1:], strict=False))


def test_words_are_whole_where_the_opening_ends():
    # the headline's words in a row, the third one across character OPENING: a repeat all the
    # same, and every word found
    from marsad.store.rerank import OPENING

    headline = "وزير الفلاحة يزور ولاية القيروان"
    terms = query_terms(compile_query(headline).tree)
    assert terms is not None
    query = Query(tuple(terms), {t.stem: 1.0 for t in terms}, (),
                  tuple(st for st, _w in text_terms(headline)))
    lead = "افتتح رئيس الحكومة اليوم معرضا. "
    for at in range(OPENING - 30, OPENING + 3):
        pad = ("كلمة " * 200)[:at - len(lead) - 1].rstrip()
        text = lead + pad + " " * (at - len(lead) - len(pad)) + "رسالة " + headline + " وتابع."
        f = features(query, 0, None, text)
        assert f["own"] == 0.0 and f["cover"] == 1.0, (at, f)
