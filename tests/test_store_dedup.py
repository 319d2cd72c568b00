"""Duplicates (exact, same URL, near, reused id), re-ingesting, canonical URLs, migrations."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from store_fixtures import MOSUL, article, articles

from marsad.model import Article
from marsad.pipeline import load_pipeline
from marsad.store import Store, StoreError
from marsad.store.dedup import canonical_url, signature, similarity
from marsad.store.ingest import ingest
from marsad.store.schema import LATEST, current_version, migrate
from marsad.store.terms import terms

PIPE = load_pipeline(["tokenize"])


def count(store, table):
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_reingesting_changes_nothing(tmp_path):
    with Store(str(tmp_path / "a.db")) as s:
        first = ingest(s, articles(), PIPE)
        assert first.new == len(articles())
        dump = list(s.conn.iterdump())
        again = ingest(s, articles(), PIPE)
        assert (again.new, again.stored, sum(again.duplicates.values())) == (0, 8, 0)
        assert list(s.conn.iterdump()) == dump


def test_exact_duplicate_is_linked_to_the_first_copy(tmp_path):
    with Store(str(tmp_path / "a.db")) as s:
        a = article("mosul")
        copy = dataclasses.replace(a, url="https://other.example/mosul", source="وكالة ج")
        summary = ingest(s, [a, copy, copy], PIPE)
        assert summary.new == 1 and summary.duplicates == {"exact": 1} and summary.stored == 1
        assert count(s, "articles") == 1
        info = s.article_info(a.id)
        assert info["copies"] == [{"url": "https://other.example/mosul", "source": "وكالة ج",
                                   "title": None, "published": a.published.isoformat()}]


def test_same_canonical_url_is_a_url_duplicate(tmp_path):
    with Store(str(tmp_path / "a.db")) as s:
        a = article("football", url="http://www.example.tn/sport/1/?utm_source=rss#top")
        b = Article(text=a.text + " وسجل الهدفين المهاجم الجديد.",
                    url="https://example.tn/sport/1?fbclid=xyz")
        ingest(s, [a, b], PIPE)
        info = s.article_info(b.id)
        assert info["duplicate_of"] == a.id and info["duplicate_kind"] == "url"
        assert s.article_info(a.id)["duplicates"][0]["id"] == b.id


def test_near_duplicate_is_found_and_distinct_articles_are_not(tmp_path):
    longer = MOSUL + " " + MOSUL.replace("القوات العراقية", "القوات الحكومية") + (
        " وأكد المتحدث باسم العمليات المشتركة أن القوات تتقدم من عدة محاور نحو المدينة القديمة "
        "وأن المدنيين يغادرون الأحياء المحررة عبر ممرات آمنة أقامتها القوات.")
    a = Article(text=longer, source="أ")
    b = Article(text=longer.replace("عدة محاور", "ثلاثة محاور") + " وذلك حسب مصادر.",
                source="ب")
    with Store(str(tmp_path / "a.db")) as s:
        summary = ingest(s, [a, b, *articles()[1:]], PIPE)
        assert summary.duplicates == {"near": 1}
        info = s.article_info(b.id)
        assert info["duplicate_of"] == a.id and info["duplicate_kind"] == "near"
        assert 0.8 <= info["similarity"] < 1.0
        kinds = s.conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_kind IS NOT NULL").fetchone()[0]
        assert kinds == 1


def test_minhash_similarity_tracks_overlap():
    base = terms(" ".join([MOSUL] * 3))[0]
    sig = signature(base)
    assert similarity(sig, signature(base)) == 1.0
    assert similarity(sig, signature(terms(article("football").text * 3)[0])) < 0.2
    assert signature(["كلمة"] * 3) is None  # too short to compare


def test_reused_id_with_other_text_is_kept(tmp_path):
    with Store(str(tmp_path / "a.db")) as s:
        a = Article(text=MOSUL, id="doc-1")
        b = Article(text=article("ahmed").text, id="doc-1")
        ingest(s, [a, b], PIPE)
        ids = [r[0] for r in s.conn.execute("SELECT id FROM articles ORDER BY aid")]
        assert ids[0] == "doc-1" and ids[1].startswith("doc-1-")
        assert s.article_info(ids[1])["duplicate_kind"] == "id"


@pytest.mark.parametrize("a, b", [
    ("http://www.Example.com/a/b/?utm_source=x&id=3#frag", "https://example.com/a/b?id=3"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ("https://example.com:443/مقال", "https://example.com/%D9%85%D9%82%D8%A7%D9%84"),
])
def test_canonical_url_equal(a, b):
    assert canonical_url(a) == canonical_url(b)


def test_canonical_url_keeps_what_matters():
    assert canonical_url("https://example.com/a?id=3") != canonical_url("https://example.com/a?id=4")
    assert canonical_url("https://example.com:8080/a") != canonical_url("https://example.com/a")
    assert canonical_url(None) is None and canonical_url("  ") is None


def test_failures_are_recorded_once(tmp_path):
    from marsad.ingest import SourceFailure

    with Store(str(tmp_path / "a.db")) as s:
        bad = SourceFailure("broken.json", "malformed", "bad JSON at line 3")
        first = ingest(s, [bad, article("mosul")], PIPE)
        again = ingest(s, [bad, article("mosul")], PIPE)
        assert len(first.failures) == len(again.failures) == 1
        assert count(s, "ingest_failures") == 1


def test_stage_failures_are_stored(tmp_path):
    from marsad.pipeline import stage

    @stage("boom", requires=("tokens",))
    def boom(doc):
        raise ValueError("exploded")

    pipe = load_pipeline(["tokenize", boom], on_error="record")
    with Store(str(tmp_path / "a.db")) as s:
        summary = ingest(s, [article("mosul")], pipe)
        assert summary.stage_failures == 1
        row = s.conn.execute("SELECT stage, code, message FROM stage_failures").fetchone()
        assert row == ("boom", "ValueError", "exploded")
        assert s.doc(article("mosul").id).failures[0].stage == "boom"


def test_stored_doc_round_trips(tmp_path):
    from store_fixtures import with_spans

    doc = with_spans(load_pipeline().analyze(article("protest")))
    with Store(str(tmp_path / "a.db")) as s:
        s.add([doc], ["all"])
        assert s.doc(doc.id).to_dict() == doc.to_dict()
        assert s.doc(doc.id[:8]).id == doc.id  # a unique prefix
        events = s.conn.execute("SELECT type, trigger, json_array_length(actors) FROM events")
        assert events.fetchall() == [("PROTEST", "وقفة احتجاجية", 1)]


# -- migrations -------------------------------------------------------------------------------

def test_new_archive_is_at_the_latest_version(tmp_path):
    with Store(str(tmp_path / "a.db")) as s:
        assert current_version(s.conn) == LATEST
        versions = [r[0] for r in s.conn.execute("SELECT version FROM schema_version")]
        assert versions == list(range(1, LATEST + 1))
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_upgrade_from_v1_indexes_the_articles_already_stored(tmp_path):
    from marsad.store.db import connect
    from marsad.store.write import now

    path = str(tmp_path / "old.db")
    conn = connect(path)
    migrate(conn, target=1)
    conn.execute(
        "INSERT INTO articles(id, content_hash, text, ingested) VALUES ('x1', 'h1', ?, ?)",
        (MOSUL, now()))
    conn.close()
    with Store(path) as s:
        assert current_version(s.conn) == LATEST
        assert [h.id for h in s.search("الموصل").hits] == ["x1"]
        assert count(s, "minhashes") == 1


def test_newer_or_foreign_databases_are_refused(tmp_path):
    path = str(tmp_path / "new.db")
    with Store(path) as s:
        s.conn.execute("INSERT INTO schema_version VALUES (?, 'future', 'now')", (LATEST + 1,))
    with pytest.raises(StoreError, match="newer than this marsad"):
        Store(path)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a marsad archive"):
        Store(str(other))
    text = tmp_path / "notes.db"
    text.write_text("hello, not a database at all " * 100)
    with pytest.raises(StoreError, match="not"):
        Store(str(text))
    with pytest.raises(StoreError, match="no archive there"):
        Store(str(tmp_path / "missing.db"), create=False)
