"""Search semantics: Arabic matching, operators, ranking, filters, snippets, facets, bad queries."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixtures import TEXTS, article, articles, with_spans

from marsad.errors import ConfigError
from marsad.model import Article
from marsad.pipeline import load_pipeline
from marsad.store import QueryError, Store
from marsad.store.query import Group, compile_query


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "archive.db"
    pipe = load_pipeline(["tokenize"])
    s = Store(str(path))
    s.add([with_spans(pipe.analyze(a)) for a in articles()], ["tokenize"])
    yield s
    s.close()


def ids(results):
    return [h.id for h in results.hits]


def name_of(store, hit_id):
    text = store.doc(hit_id).text
    return next(k for k, v in TEXTS.items() if v == text)


def names(store, query, **kw):
    return [name_of(store, i) for i in ids(store.search(query, **kw))]


def test_clitics_are_seen_through(store):
    assert names(store, "الموصل") == ["mosul"]  # the text says بالموصل
    assert names(store, "وبالموصل") == ["mosul"]


def test_alef_variants_and_diacritics(store):
    assert names(store, "احمد") == ["ahmed"]  # the text says أحمد
    assert names(store, "الصحة") == ["diacritics"]  # the text says الصِّحَّةِ
    assert names(store, "تَلْقِيح") == ["diacritics"]
    assert names(store, "حملة")[0] == "diacritics"  # حملات (parties) shares the stem


def test_arabic_indic_digits(store):
    assert names(store, "2016") == ["digits"]  # the text says ٢٠١٦
    assert names(store, "٢٠١٦") == ["digits"]


def test_plain_words_rank_more_matches_first_and_tolerate_a_missing_word(store):
    # All three words are in "elections"; one of them in "parties"; "زلزال" is nowhere.
    got = names(store, "موعد الانتخابات البلدية زلزال")
    assert got[0] == "elections"
    assert "parties" in got
    assert "football" not in got


def test_phrase(store):
    assert names(store, '"الانتخابات البلدية"') == ["elections"]
    assert names(store, '"البلدية الانتخابات"') == []


def test_a_phrase_in_running_text_also_counts_its_words(store):
    # a pasted headline quotes a name or a speaker: the phrase ranks first, but an article
    # with only some of its words is found too (the phrase is nowhere here)
    assert names(store, '"البلدية الانتخابات"') == []
    got = names(store, 'موعد "البلدية الانتخابات" المقبلة')
    assert got[0] == "elections" and "parties" in got
    # the phrase's article still comes first when the phrase is there
    assert names(store, 'الأحزاب "الانتخابات البلدية" المقبلة')[0] == "elections"
    # a phrase alone, phrases side by side and phrases with AND, OR, NOT or in parentheses
    # stay phrases
    assert names(store, '"البلدية الانتخابات" "الهيئة المستقلة"') == []
    assert names(store, '"البلدية الانتخابات" AND موعد') == []
    assert names(store, '"البلدية الانتخابات" الترجي AND الأحزاب') == []
    assert names(store, '("البلدية الانتخابات" الترجي) AND الأحزاب') == []
    assert "elections" not in names(store, '"البلدية الانتخابات" الترجي OR الموصل')
    assert names(store, '"البلدية الانتخابات" الترجي -الرياضي') == []
    # two distinct words are not running text
    tree = compile_query('"البلدية الانتخابات" الانتخابات').tree
    assert isinstance(tree, Group) and len(tree.items) == 2


def test_a_long_quote_does_not_push_out_the_plain_words():
    from marsad.store.query import MAX_TERMS

    letters = "جدرزشصضطظعغقحخثذ"  # no affix or clitic letters: each word is its own stem
    words = [f"جرد{a}{b}" for a in letters for b in letters][:100]
    plain = words[30:30 + MAX_TERMS - 10]
    query = '"' + " ".join(words[:30]) + '" ' + " ".join(plain)
    fts = compile_query(query).fts
    assert all(f'"{w}"' in fts for w in plain)
    assert f'"{words[0]}"' in fts  # the quote's first words fit
    assert f'"{words[29]}"' not in fts  # its last ones are cut


def test_and_or_not(store):
    assert names(store, "الانتخابات AND موعد") == ["elections"]
    assert sorted(names(store, "الترجي OR الموصل")) == ["football", "mosul"]
    assert names(store, "الانتخابات NOT موعد") == ["parties"]
    assert names(store, "الانتخابات -موعد") == ["parties"]
    assert names(store, "(الترجي OR داعش) AND العراقية") == ["mosul"]


def test_a_hyphen_in_a_pasted_headline_is_no_not(store):
    # ‎"تونس -الجزائر" in a headline joins two names; in a short query -word leaves it out
    headline = "الهيئة تعلن موعد الانتخابات -البلدية المقبلة"
    assert names(store, headline)[0] == "elections"
    assert names(store, headline.replace("-", "NOT ")) == ["parties"]
    assert "elections" not in names(store, "موعد الانتخابات -البلدية")
    # punctuation and prefixes are no words; operators and brackets mean the -word
    for query in ("موعد : ، . -البلدية", "موعد تعلن الهيئة انتخاب* -البلدية",
                  "موعد AND الهيئة تعلن الانتخابات المقبلة -البلدية",
                  "(موعد الهيئة) تعلن الانتخابات المقبلة -البلدية"):
        assert "elections" not in names(store, query), query


def test_prefix(store):
    assert sorted(names(store, "انتخاب*")) == ["elections", "parties"]
    assert sorted(names(store, "الانتخاب*")) == ["elections", "parties"]


def test_filters(store):
    assert names(store, "", sources=("إذاعة ب",)) == ["protest", "football"]  # newest first
    assert names(store, "", categories=("sport",)) == ["football"]
    assert sorted(names(store, "", date_from="2017-01-05", date_to="2017-01-06")) == [
        "elections", "parties"]
    assert names(store, "", date_from="2017-01", date_to="2017-01-01") == ["mosul"]
    assert names(store, "", entities=("Q2429253",)) == ["mosul"]
    assert names(store, "", entities=("احمد الشابي",)) == ["ahmed"]  # by name, unlinked
    assert names(store, "", event_types=("protest",)) == ["protest"]
    assert names(store, "الترجي", sources=("وكالة أ",)) == []


def test_bad_filter_values(store):
    with pytest.raises(ConfigError, match="--from"):
        store.search("", date_from="last week")


def test_recent_favours_newer_articles(tmp_path):
    from datetime import datetime

    from marsad.model import Article

    pipe = load_pipeline(["tokenize"])
    old = Article(text="اجتمع المجلس البلدي لمناقشة الميزانية السنوية.",
                  published=datetime(2016, 1, 1))
    new = Article(text="اجتمع المجلس البلدي لمناقشة ملف النظافة.", published=datetime(2017, 1, 1))
    with Store(str(tmp_path / "r.db")) as s:
        s.add([pipe.analyze(old), pipe.analyze(new)], [])
        plain = s.search("المجلس البلدي").hits
        assert [h.id for h in plain] == [old.id, new.id]  # equal relevance: stored order
        recent = s.search("المجلس البلدي", recent=True, half_life_days=366).hits
        assert [h.id for h in recent] == [new.id, old.id]
        assert recent[0].score == pytest.approx(2 * plain[1].score, rel=1e-3)
        assert recent[1].score == pytest.approx(1.5 * plain[0].score, rel=1e-3)


def test_snippet_highlights_the_original_characters(store):
    hit = store.search("الصحة").hits[0]
    marked = [hit.snippet[s:e] for s, e in hit.highlights]
    assert marked == ["الصِّحَّةِ"]
    hit = store.search("الموصل").hits[0]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["بالموصل"]
    hit = store.search("2016").hits[0]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["٢٠١٦"]


def test_hit_fields(store):
    hit = store.search("الترجي").hits[0].to_dict()
    assert {"id", "title", "url", "published", "score", "snippet"} <= set(hit)
    assert hit["published"].startswith("2017-01-07")
    assert hit["score"] > 0


def test_facets(store):
    res = store.search("قال OR العمل", facets=True)
    assert res.total == 3
    ents = {e["entity"]: e["count"] for e in res.facets["entities"]}
    assert ents == {"Q2429253": 1, "~احمد الشابي": 1}
    assert {e["type"] for e in res.facets["event_types"]} == {"PROTEST"}
    assert sum(s["count"] for s in res.facets["sources"]) == 3


def test_an_unpaired_quotation_mark_is_punctuation(store):
    # a pasted headline with a stray quotation mark is its words, not an error
    plain = [h.id for h in store.search("الموصل داعش").hits]
    assert plain
    for query in ('"الموصل داعش', 'الموصل" داعش', '"الموصل" داعش"'):
        assert [h.id for h in store.search(query).hits] == plain
    assert compile_query('"التحالف الدولي" داعش').fts != compile_query('التحالف الدولي داعش').fts


@pytest.mark.parametrize("query, reason", [
    ("(الموصل", "parenthesis is not closed"),
    ("الموصل)", "closing parenthesis"),
    ("الموصل AND", "AND needs"),
    ("OR الموصل", "OR needs"),
    ("NOT الموصل", "not only NOT"),
    ("الموصل OR NOT داعش", "NOT cannot"),
    ("ا*", "too short"),
    ("مو*صل", "may only end"),
    ("()", "empty parentheses"),
])
def test_malformed_queries_get_a_clear_message(store, query, reason):
    with pytest.raises(QueryError, match=reason) as info:
        store.search(query)
    assert query in str(info.value)


def test_sql_and_fts_syntax_in_a_query_is_only_text(store):
    for query in ("'; DROP TABLE articles; --", 'title:الموصل', "NEAR(الموصل داعش)",
                  "{title}: x", "الموصل^", "a\x00b"):
        store.search(query)
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(TEXTS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list('ab داعشالموصل()"*-:^{}.,;\'ANDORNOT\n')),
               max_size=40))
def test_any_query_is_an_answer_or_a_query_error(store, query):
    try:
        store.search(query, limit=3)
    except QueryError:
        pass
    except sqlite3.Error as exc:  # pragma: no cover - what this test looks for
        pytest.fail(f"{query!r} reached SQLite as bad syntax: {exc}")


def test_empty_query_has_nothing_to_compile():
    assert compile_query("  ؟ ، ") is None


def test_duplicates_are_hidden_unless_asked(tmp_path):
    pipe = load_pipeline(["tokenize"])
    with Store(str(tmp_path / "d.db")) as s:
        first = article("football")
        again = article("football", url="https://example.tn/football")  # same canonical URL
        s.add([pipe.analyze(first)], [])
        changed = again.__class__(**{**again.__dict__, "text": again.text + " وانتهت المباراة."})
        s.add([pipe.analyze(changed)], [])
        assert len(s.search("الترجي").hits) == 1
        both = s.search("الترجي", duplicates=True).hits
        assert len(both) == 2
        assert [h.duplicate_of for h in both if h.duplicate_of] == [first.id]


def test_large_archive_plan_drops_common_words_and_windows_common_queries(store, monkeypatch):
    import marsad.store.search as search_mod

    df = dict(store.conn.execute("SELECT term, df FROM term_df"))
    assert df["موصل"] == 1 and df["انتخاب"] == 2  # document frequencies of stems
    monkeypatch.setattr(search_mod, "PLAN_FROM", 0)
    monkeypatch.setattr(search_mod, "TERM_BUDGET", 1)
    # "في" is in most fixtures; with a budget of 1 only the two rarest words stay.
    res = store.search("في الموصل الترجي")
    assert "في" not in res.fts and "موصل" in res.fts and "ترجي" in res.fts
    assert sorted(name_of(store, h.id) for h in res.hits) == ["football", "mosul"]
    monkeypatch.setattr(search_mod, "MATCH_CAP", 1)
    # "في" alone matches several articles: ranked among the most recently stored.
    everywhere = names(store, "في")
    assert everywhere and set(everywhere) <= {"protest", "parties", "football", "elections"}
    assert "mosul" not in everywhere


def test_numbers_with_a_point_or_comma_are_one_word(tmp_path):
    pipe = load_pipeline(["tokenize"])
    with Store(str(tmp_path / "n.db")) as s:
        s.add([pipe.analyze(Article(id="n1", text="ارتفع الدين إلى 1.5 مليار دينار و1,500 طن")),
               pipe.analyze(Article(id="n2", text="ارتفع الدين 1 في المئة و5 أطنان"))])
        assert ids(s.search("1.5")) == ["n1"]
        assert ids(s.search("١٫٥")) == ["n1"]  # Arabic-Indic digits and decimal separator
        assert ids(s.search("1,500")) == ["n1"]
        assert ids(s.search('"1.5 مليار"')) == ["n1"]
        assert ids(s.search("5")) == ["n2"]


def test_large_archive_plan_takes_rare_word_forms(store, monkeypatch):
    import marsad.store.search as search_mod

    df = dict(store.conn.execute("SELECT term, df FROM term_df"))
    assert df["انتخاب"] == 2 and df["انتخابات"] == 1 and df["ترجي"] == 1
    monkeypatch.setattr(search_mod, "PLAN_FROM", 0)
    monkeypatch.setattr(search_mod, "TERM_BUDGET", 2)
    monkeypatch.setattr(search_mod, "MATCH_CAP", 2)
    # The stem انتخاب (2 articles) and ترجي would exceed the budget; the word form
    # انتخابات (1 article) fits with ترجي, so both stories are found.
    res = store.search("الانتخابات الترجي")
    assert sorted(name_of(store, h.id) for h in res.hits) == ["elections", "football"]


def test_words_side_by_side_in_brackets_are_still_side_by_side():
    # a pasted headline's brackets ("(كرة القدم)") group nothing: the same query, second look and all
    assert compile_query("وزير الخارجية (كرة القدم) يعلن").tree == compile_query(
        "وزير الخارجية كرة القدم يعلن").tree
    assert compile_query("(داعش OR القاعدة) العراق").tree != compile_query(
        "داعش OR القاعدة العراق").tree
    # brackets with NOT inside keep it inside: الموصل (داعش NOT سوريا) is not
    # (الموصل OR داعش) NOT سوريا
    tree = compile_query("الموصل (داعش NOT سوريا)").tree
    assert isinstance(tree, Group) and isinstance(tree.items[1], Group)
    # a bracketed OR among the words: no loosened phrase, no second look
    from marsad.store.rerank import query_terms

    for query, parts in (('"قوات الأمن" الموصل (سوريا OR تركيا)', 3),
                         ("الموصل داعش العراق (سوريا OR تركيا)", 4)):
        tree = compile_query(query).tree
        assert isinstance(tree, Group) and len(tree.items) == parts and query_terms(tree) is None
