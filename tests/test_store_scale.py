"""Search built for large archives: search keys (publication order, date ranges, duplicates),
pair-token phrases, prefix tokens, filters inside the full-text query, the large-archive
plan (rare words first, newest matches), the v2 -> v3 migration and long-text snippets."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixtures import TEXTS, article, articles, with_spans

import marsad.store.search as search_mod
from marsad.model import Article
from marsad.pipeline import load_pipeline
from marsad.store import Store
from marsad.store.keys import DAY_SHIFT, day_ordinal, key_range, make_key
from marsad.store.query import compile_query
from marsad.store.terms import iter_terms, pair_tokens, prefix_token

PIPE = load_pipeline(["tokenize"])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "archive.db"
    s = Store(str(path))
    s.add([with_spans(PIPE.analyze(a)) for a in articles()], ["tokenize"])
    yield s
    s.close()


def names(store, query, **kw):
    texts = {v: k for k, v in TEXTS.items()}
    return [texts[store.doc(h.id).text] for h in store.search(query, **kw).hits]


def dated(text, day, **kw):
    return Article(text=text, published=datetime(2016, 1, day), **kw)


# -- keys -------------------------------------------------------------------------------------

def test_keys_run_in_publication_order_whatever_the_storage_order(tmp_path):
    texts = ["اجتمع المجلس البلدي اليوم.", "زار الوزير الجهة اليوم.", "أمطار غزيرة اليوم.",
             "تواصل الإضراب اليوم."]
    days = [9, 3, 9, 1]
    with Store(str(tmp_path / "k.db")) as s:
        s.add([PIPE.analyze(dated(t, d)) for t, d in zip(texts, days, strict=True)], [])
        s.add([PIPE.analyze(Article(text="خبر بلا تاريخ اليوم."))], [])
        rows = s.conn.execute("SELECT aid, day, skey FROM articles ORDER BY aid").fetchall()
        keys = [k for _a, _d, k in rows]
        assert keys[0] == make_key(day_ordinal("2016-01-09"), 1, False)
        assert keys[2] == make_key(day_ordinal("2016-01-09"), 2, False)  # second of its day
        assert keys[4] == make_key(0, 1, False)  # no date: before every dated article
        by_key = [d for _a, d, _k in sorted(rows, key=lambda r: r[2])]
        assert by_key == [None, "2016-01-01", "2016-01-03", "2016-01-09", "2016-01-09"]
        # listing without words: newest first, by publication day, then by storage
        hits = [h.published[:10] for h in s.search("", date_from="2016").hits]
        assert hits == ["2016-01-09", "2016-01-09", "2016-01-03", "2016-01-01"]
        assert [r[0] for r in s.conn.execute("SELECT rowid FROM search ORDER BY rowid")] == \
            sorted(keys)


def test_key_ranges_are_day_ranges():
    lo, hi = key_range("2017-01-05", "2017-01-06")
    assert lo == day_ordinal("2017-01-05") << DAY_SHIFT
    assert hi == day_ordinal("2017-01-07") << DAY_SHIFT
    assert key_range(None, None) == (None, None)
    lo, hi = key_range(None, "2017-01-01")
    assert lo is not None and lo > make_key(0, 5, True)  # undated articles are in no range


def test_duplicates_carry_their_flag_in_the_key(tmp_path):
    with Store(str(tmp_path / "d.db")) as s:
        first = article("football")
        s.add([PIPE.analyze(first)], [])
        again = article("football", url="https://other.tn/x", day=2)
        changed = Article(text=again.text + " وانتهت المباراة.", url=first.url,
                          published=again.published)
        s.add([PIPE.analyze(changed)], [])  # same URL: a url duplicate
        flags = [k & 1 for (k,) in s.conn.execute("SELECT skey FROM articles ORDER BY aid")]
        assert flags == [0, 1]
        assert len(s.search("الترجي").hits) == 1
        assert len(s.search("الترجي", duplicates=True).hits) == 2


# -- phrases and prefixes --------------------------------------------------------------------

def test_phrase_is_a_phrase_of_pair_tokens(tmp_path):
    with Store(str(tmp_path / "p.db")) as s:
        s.add([PIPE.analyze(dated("قال رئيس الحكومة الجديد إن الوضع صعب.", 1)),
               PIPE.analyze(dated("قال رئيس الحكومة إن الجديد في الوضع صعب.", 2))], [])
        both = {h.published[:10] for h in s.search('"رئيس الحكومة"').hits}
        assert both == {"2016-01-01", "2016-01-02"}
        three = [h.published[:10] for h in s.search('"رئيس الحكومة الجديد"').hits]
        assert three == ["2016-01-01"]  # the pairs of the second are not adjacent
        assert [h.published[:10] for h in s.search('"برئيس للحكومة الجديد"').hits] == \
            ["2016-01-01"]  # clitics seen through, as for words
        assert s.search('"الحكومة رئيس"').hits == []
        res = s.search('"رئيس الحكومة الجديد"')
        assert res.fts == '"' + " ".join(pair_tokens(["رييس", "حكوم", "جديد"])) + '"'


def test_prefix_queries_of_every_length(store):
    words = {wd for text in TEXTS.values() for _s, _e, _st, wd in iter_terms(text)}
    for word in sorted(words):
        for n in range(2, min(len(word), 6) + 1):
            prefix = word[:n]
            if not prefix.isalpha():
                continue
            form = compile_query(prefix + "*").prefixes[0]  # as a word form: بلاد* is لاد*
            expected = sorted(k for k, v in TEXTS.items()
                              if any(w.startswith(form) for *_x, w in iter_terms(v)))
            got = sorted(names(store, prefix + "*", limit=20))
            assert got == expected, prefix
    assert prefix_token("انتخ") == "انتخ\u0640" and prefix_token("انتخا") is None
    assert store.search("انتخ*").fts == '"انتخ\u0640"'
    assert store.search("انتخا*").fts == '"انتخا" *'


# -- filters ---------------------------------------------------------------------------------

def test_filters_are_index_conditions_and_combine(store):
    assert names(store, "قال", sources=("وكالة أ",)) == ["mosul"]
    assert names(store, "قال", sources=("إذاعة أ",)) == ["ahmed"]
    assert names(store, "", entities=("Q2429253",), sources=("وكالة أ",)) == ["mosul"]
    assert names(store, "", entities=("Q2429253",), sources=("إذاعة أ",)) == []
    assert names(store, "", event_types=("PROTEST", "ASSAULT")) == ["protest"]
    assert names(store, "الطريق", event_types=("protest",), categories=("sport",)) == []
    assert sorted(names(store, "", categories=("politic", "sport"))) == [
        "elections", "football", "parties"]
    assert names(store, "الانتخابات", date_from="2017-01-06") == ["parties"]


# -- the large-archive plan ------------------------------------------------------------------

@pytest.fixture
def planned(monkeypatch):
    """Plan every query as if the archive were large."""
    monkeypatch.setattr(search_mod, "PLAN_FROM", 0)
    return monkeypatch


def test_ranked_query_keeps_rare_words_as_condition_and_ranks_with_the_rest(tmp_path, planned):
    planned.setattr(search_mod, "TERM_BUDGET", 2)
    planned.setattr(search_mod, "COMMON", 0.5)
    texts = ["أعلنت الهيئة موعد الانتخابات البلدية في الجهات.",     # rare word + 2 others
             "تحدث الوزير عن الانتخابات البلدية والهيئة المستقلة.",  # rare word, others
             "الهيئة أعلنت الموعد في الجهات.",                       # no rare word
             "تأجيل الانتخابات إلى موعد لاحق.",
             "ندوة حول الانتخابات في الجهات والبلديات.",
             "الانتخابات التشريعية في الجهات."]
    with Store(str(tmp_path / "r.db")) as s:
        s.add([PIPE.analyze(dated(t, i + 1)) for i, t in enumerate(texts)], [])
        res = s.search("الهيئة تحدد موعد الانتخابات البلدية")
        assert " AND " in res.fts and res.fts.startswith('("')
        # "الانتخابات" is in most articles: not a condition, not ranked (common)
        assert '"انتخاب"' not in res.fts.split(" AND ")[0]
        got = [h.published[:10] for h in res.hits]
        assert set(got) <= {"2016-01-01", "2016-01-02", "2016-01-03", "2016-01-04"}
        assert got[0] == "2016-01-01"  # most of the query's words
        exact = {h.id for h in s.search("الهيئة تحدد موعد الانتخابات البلدية",
                                        limit=20).hits}
        planned.setattr(search_mod, "PLAN_FROM", 50_000)
        full = {h.id for h in s.search("الهيئة تحدد موعد الانتخابات البلدية", limit=20).hits}
        assert exact <= full


def test_common_query_is_ranked_among_its_newest_matches(tmp_path, planned):
    planned.setattr(search_mod, "MATCH_CAP", 2)
    with Store(str(tmp_path / "w.db")) as s:
        # stored newest first: the window follows publication days, not storage order
        s.add([PIPE.analyze(dated(f"اجتمع المجلس البلدي رقم {n} اليوم.", 10 - n))
               for n in range(6)], [])
        hits = s.search("المجلس").hits
        assert sorted(h.published[:10] for h in hits) == ["2016-01-09", "2016-01-10"]
        hits = s.search("المجلس", date_to="2016-01-07").hits
        assert sorted(h.published[:10] for h in hits) == ["2016-01-06", "2016-01-07"]
        assert len(s.search("المجلس", facets=True).hits) == 2


WORDS = ("الموصل", "داعش", "الانتخابات", "البلدية", "الترجي", "قال", "العمل", "الأحزاب", "في",
         "على", "وقفة", "المسرح", "حملة")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6),
       budget=st.integers(0, 4), common=st.sampled_from([0.3, 0.6, 1.0]))
def test_planned_results_are_matches_of_the_query(store, monkeypatch, words, budget, common):
    query = " ".join(words)
    exact = {h.id for h in store.search(query, limit=50).hits}
    monkeypatch.setattr(search_mod, "PLAN_FROM", 0)
    monkeypatch.setattr(search_mod, "TERM_BUDGET", budget)
    monkeypatch.setattr(search_mod, "COMMON", common)
    got = [h.id for h in store.search(query, limit=50).hits]
    assert set(got) <= exact and len(got) == len(set(got))
    monkeypatch.setattr(search_mod, "TERM_BUDGET", 10**9)
    monkeypatch.setattr(search_mod, "COMMON", 1.0)
    assert {h.id for h in store.search(query, limit=50).hits} == exact


# -- migration -------------------------------------------------------------------------------

def test_upgrade_from_v2_rebuilds_the_index_with_keys(tmp_path):
    from marsad.store.db import connect
    from marsad.store.schema import LATEST, current_version, migrate
    from marsad.store.write import now

    path = str(tmp_path / "v2.db")
    conn = connect(path)
    migrate(conn, target=2)
    conn.execute("INSERT INTO articles(id, content_hash, text, day, source, ingested) "
                 "VALUES ('x1', 'h1', ?, '2017-01-03', 'وكالة أ', ?)", (TEXTS["elections"], now()))
    conn.execute("INSERT INTO search(rowid, title, lead, body, wlead, wbody) "
                 "VALUES (1, '', 'old', '', 'old', '')")
    conn.execute("INSERT INTO term_df VALUES ('old', 1)")
    conn.close()
    with Store(path) as s:
        assert current_version(s.conn) == LATEST
        key = s.conn.execute("SELECT skey FROM articles").fetchone()[0]
        assert key == make_key(day_ordinal("2017-01-03"), 1, False)
        assert [h.id for h in s.search('"الانتخابات البلدية"').hits] == ["x1"]
        assert [h.id for h in s.search("انتخ*", sources=("وكالة أ",)).hits] == ["x1"]
        assert s.search("old").hits == []
        df = dict(s.conn.execute("SELECT term, df FROM term_df"))
        assert "old" not in df and df["انتخاب"] == 1 and df["انتخابات"] == 1  # stems and words


# -- snippets --------------------------------------------------------------------------------

def test_snippet_of_a_match_beyond_the_scanned_start(tmp_path, monkeypatch):
    monkeypatch.setattr(search_mod, "SNIPPET_SCAN", 40)
    text = "كلمات عادية في بداية النص " * 5 + "ثم جاء ذكر الموصل في آخره."
    with Store(str(tmp_path / "s.db")) as s:
        s.add([PIPE.analyze(Article(text=text))], [])
        hit = s.search("الموصل").hits[0]
        assert [hit.snippet[a:b] for a, b in hit.highlights] == ["الموصل"]
        assert hit.snippet.endswith("آخره.")
        hit = s.search("بداية").hits[0]
        assert hit.snippet.startswith("كلمات") and hit.snippet.endswith("…")


def test_index_rows_hold_no_user_text_as_sql(store):
    # the meta tokens are hashes: any source name, quotes and all, is only a value
    store.search("", sources=("'; DROP TABLE articles; --", 'a"b'))
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(TEXTS)
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("SELECT * FROM search WHERE search MATCH 'ـ\"'").fetchall()


def test_facets_count_all_matches_and_describe_the_newest(store, monkeypatch):
    monkeypatch.setattr(search_mod, "FACET_SAMPLE", 1)
    res = store.search("قال OR العمل", facets=True)
    assert res.total == 3  # mosul, ahmed, protest
    assert [s["count"] for s in res.facets["sources"]] == [1]  # the newest one: protest
    assert res.facets["sources"][0]["source"] == "إذاعة ب"
    assert res.facets["event_types"] == [{"type": "PROTEST", "count": 1}]


def test_upgrade_from_v3_indexes_numbers_as_one_token(tmp_path):
    from marsad.store.db import connect
    from marsad.store.schema import LATEST, current_version, migrate
    from marsad.store.write import now

    path = str(tmp_path / "v3.db")
    conn = connect(path)
    migrate(conn, target=3)
    conn.execute("INSERT INTO articles(id, content_hash, text, day, source, ingested, skey) "
                 "VALUES ('x1', 'h1', 'بلغ العجز 1.5 مليار دينار', '2017-01-03', 's', ?, ?)",
                 (now(), make_key(day_ordinal("2017-01-03"), 1, False)))
    conn.close()
    with Store(path) as s:
        assert current_version(s.conn) == LATEST
        assert [h.id for h in s.search("1.5").hits] == ["x1"]
        assert s.search("5").hits == [] and s.search("1").hits == []
        indexes = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master")}
        assert "spans_facets" in indexes


def test_facet_counts_read_the_sample_not_the_whole_group(store):
    """Every facet query over spans runs sample-first, through the spans_facets index: left
    to itself SQLite scans every entity span of the archive (30x slower at 7,000 articles)."""
    executed: list[str] = []
    store.conn.set_trace_callback(executed.append)
    try:
        store.search("قال OR العمل", facets=True)
    finally:
        store.conn.set_trace_callback(None)
    joins = [sql for sql in executed if "JOIN spans" in sql]
    assert len(joins) == 2  # entities, event types
    for sql in joins:
        plan = [r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
        assert plan[0] == "SCAN h", plan
        assert any("COVERING INDEX spans_facets" in step for step in plan), plan


def test_upgrading_an_archive_with_articles_says_so(tmp_path, caplog):
    from marsad.store.db import connect
    from marsad.store.schema import LATEST, migrate
    from marsad.store.write import now

    path = str(tmp_path / "old.db")
    conn = connect(path)
    migrate(conn, target=LATEST - 1)
    conn.execute("INSERT INTO articles(id, content_hash, text, day, source, ingested, skey) "
                 "VALUES ('x1', 'h1', 'نص قصير', '2017-01-03', 's', ?, 1)", (now(),))
    conn.close()
    with caplog.at_level("WARNING", logger="marsad.store.db"), Store(path):
        pass
    assert f"from schema {LATEST - 1} to {LATEST}" in caplog.text and "its 1 article is" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="marsad.store.db"), Store(path):
        pass  # already upgraded: nothing to say
    assert caplog.text == ""
