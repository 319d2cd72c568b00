"""Plain text and TREC files, directories, compression and bad inputs through iter_source."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_helpers import BODY, BODY2, ENGLISH, OPTS, split

from marsad.errors import InputError
from marsad.ingest import SourceFailure, SourceOptions, SourceStats, iter_source
from marsad.ingest.files import read_articles
from marsad.ingest.source import kind_of_name, sniff

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def read(path, **kw):
    return split(list(iter_source(str(path), options=kw.pop("options", OPTS), **kw)))


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", BODY.encode("utf-8")),
        ("utf-8", b"\xef\xbb\xbf" + BODY.encode("utf-8")),
        ("utf-16", BODY.encode("utf-16")),
        ("utf-16-le", BODY.encode("utf-16-le")),
        ("cp1256", BODY.encode("cp1256")),
        ("iso-8859-6", BODY.replace("،", ",").encode("iso-8859-6")),
    ],
)
def test_text_encodings_are_detected_and_reported(tmp_path, encoding, data):
    p = tmp_path / "report.txt"
    p.write_bytes(data)
    (article,), fails = read(p)
    assert not fails
    assert article.text.lstrip("\ufeff").startswith("اجتمع وزراء")
    assert article.encoding == encoding
    assert article.meta["path"] == str(p)
    assert article.title == "report"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        (ENGLISH.encode(), "no-arabic"),
        ("Éléphant café crème brûlée à la française".encode("latin-1"), "undecodable"),
    ],
)
def test_bad_text_inputs_are_failures_naming_the_file(tmp_path, data, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    arts, (fail,) = read(p)
    assert not arts
    assert fail.code == code and fail.source == str(p) and fail.reason


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(5_000_000)
    _, (fail,) = read(p)
    assert fail.code == "too-large" and "5.0 MB is over the 1.0 MB limit" in fail.reason


def test_mostly_english_text_with_a_little_arabic_is_not_arabic(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_text(ENGLISH * 5 + " داعش", encoding="utf-8")
    _, (fail,) = read(p)
    assert fail.code == "no-arabic" and "% of its" in fail.reason
    (article,), _ = read(p, options=OPTS.with_(min_arabic_share=0.0))
    assert article.text.endswith("داعش")


def test_directory_recurses_skips_hidden_and_goes_on_after_failures(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "two.txt").write_bytes(BODY2.encode("cp1256"))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    stats = SourceStats()
    arts, fails = read(tmp_path, stats=stats)
    assert [a.meta["path"] for a in arts] == [str(tmp_path / "a" / "one.txt"),
                                             str(tmp_path / "b" / "c" / "two.txt")]
    assert [f.code for f in fails] == ["empty"]
    assert stats.articles == 2 and stats.failures == {"empty": 1}


def test_missing_file_is_unreadable(tmp_path):
    _, (fail,) = read(tmp_path / "nope.txt")
    assert fail.code == "unreadable" and "no such file" in fail.reason


def test_gzipped_text_and_truncated_gzip(tmp_path):
    p = tmp_path / "story.txt.gz"
    p.write_bytes(gzip.compress(BODY.encode("utf-8")))
    (article,), _ = read(p)
    assert article.text == BODY and article.encoding == "utf-8"
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress((BODY * 50).encode("utf-8"))[:200])
    _, (fail,) = read(cut)
    assert fail.code == "truncated"


TREC = (
    "<DOC>\n<DOCNO>T-1</DOCNO>\n<URL>http://example.tn/ar/1</URL>\n<SRC>إذاعة المثال</SRC>\n"
    "<CAT>politic</CAT>\n<TITLE>عنوان أول</TITLE>\n<TIME>2017-01-20T21:43:00+01:00</TIME>\n"
    "<ABSTRACT>\nملخص الخبر\n</ABSTRACT>\n<TEXT>\n" + BODY + "\n</TEXT>\n</DOC>\n"
    "<DOC>\n<DOCNO>T-2</DOCNO>\n<TITLE>بلا نص</TITLE>\n<TEXT>\n</TEXT>\n</DOC>\n"
    "<DOC>\n<DOCNO>T-3</DOCNO>\n<TIME>غير معروف</TIME>\n<TEXT>\n" + BODY2 + "\n</TEXT>\n</DOC>\n"
    "<DOC>\n<DOCNO>T-4</DOCNO>\n<TIME>03/02/2017</TIME>\n<TEXT>\n" + ENGLISH + "\n</TEXT>\n</DOC>\n"
)


def test_trec_file_one_bad_doc_does_not_lose_the_others(tmp_path):
    p = tmp_path / "JA-politic-1.txt"
    p.write_text(TREC, encoding="utf-8")
    arts, fails = read(p)
    assert [a.meta["docno"] for a in arts] == ["T-1", "T-3"]
    first = arts[0]
    assert first.title == "عنوان أول" and first.source == "إذاعة المثال"
    assert first.category == "politic" and first.url == "http://example.tn/ar/1"
    assert first.published.isoformat() == "2017-01-20T21:43:00+01:00"
    assert first.meta["abstract"] == "ملخص الخبر" and first.meta["path"] == str(p)
    assert arts[1].published is None and arts[1].meta["date_raw"] == "غير معروف"
    assert [(f.code, f.source) for f in fails] == [
        ("no-text", f"{p} (DOC T-2)"), ("no-arabic", f"{p} (DOC T-4)")]


def test_read_articles_keeps_working_for_analyze(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text(TREC.split("<DOC>\n<DOCNO>T-2")[0], encoding="utf-8")
    (article,) = read_articles(str(p))
    assert article.meta["docno"] == "T-1"
    bad = tmp_path / "bad.txt"
    bad.write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(InputError) as err:
        list(read_articles(str(bad)))
    assert err.value.code == "no-arabic" and str(bad) in str(err.value)


def test_kinds_from_names_and_content():
    assert kind_of_name("x.warc.gz") == "warc" and kind_of_name("a.ARC") == "warc"
    assert kind_of_name("feed.rss") == "feed" and kind_of_name("x.tsv") == "csv"
    assert kind_of_name("x.txt") == "text" and kind_of_name("x.bin") is None
    assert sniff(b"  <DOC>\n<DOCNO>") == "trec"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b'{"text": "x"}') == "json"
    assert sniff(b'{"text": "x"}', "text") == "text"
    assert sniff(b"WARC/1.1\r\n") == "warc"
    assert sniff("نص عادي".encode()) == "text"
    assert sniff(b"%PDF-1.4").startswith("binary:")


def test_forced_format_is_used(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("<p>" + BODY + "</p>", encoding="utf-8")
    (article,), _ = read(p, options=OPTS.with_(format="text"))
    assert article.text.startswith("<p>")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(
    [".txt", ".json", ".jsonl", ".csv", ".html", ".rss", ".warc", ".xml", ".bin", ".gz"]))
def test_any_bytes_give_articles_or_failures_never_an_exception(tmp_path, data, suffix):
    p = tmp_path / f"input{suffix}"
    p.write_bytes(data)
    for item in iter_source(str(p), options=SourceOptions(max_bytes=100_000)):
        assert isinstance(item, SourceFailure) or item.text.strip()


@pytest.mark.shared
def test_ant_corpus_category_reads_with_dates():
    folder = SHARED / "news" / "ant" / "culture"
    if not folder.is_dir():
        pytest.skip(f"needs the ANT corpus in {folder} (../shared/data is absent)")
    stats = SourceStats()
    arts, fails = split(list(iter_source(str(folder), stats=stats)))
    assert len(arts) >= 70 and len(fails) <= len(arts) // 20
    assert all(a.published is not None and a.title and a.meta.get("docno") for a in arts)
    assert {f.code for f in fails} <= {"no-text"}
