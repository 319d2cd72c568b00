"""WARC and ARC files, written in the tests with warcio's writer (ARC by hand)."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest
from ingest_helpers import BODY, BODY2, OPTS, page, split
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.ingest import SourceStats, iter_source

DATE = "2019-11-15T08:00:00Z"


def warc(records, gzip=True) -> bytes:
    """A WARC file of (type, url, status, content type, payload) records."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for rec_type, url, status, ctype, payload in records:
        if rec_type == "response":
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                               http_headers=http,
                                               warc_headers_dict={"WARC-Date": DATE})
        else:
            record = writer.create_warc_record(url, rec_type, payload=io.BytesIO(payload),
                                               warc_content_type=ctype,
                                               warc_headers_dict={"WARC-Date": DATE})
        writer.write_record(record)
    return buf.getvalue()


CRAWL = [
    ("request", "https://news.example.org/ar/1", None, "application/http; msgtype=request",
     b"GET /ar/1 HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
    ("response", "https://news.example.org/ar/1", "200 OK", "text/html; charset=utf-8",
     page(head='<meta property="article:published_time" content="2019-11-14T10:30:00+03:00">'
          ).encode("utf-8")),
    ("response", "https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG" + bytes(50)),
    ("response", "https://news.example.org/old", "301 Moved Permanently", "text/html", b""),
    ("response", "https://news.example.org/ar/2", "200 OK", "text/html; charset=windows-1256",
     page(body=BODY2, title="مستشفى جديد").replace('charset="utf-8"', "").encode("cp1256")),
    ("metadata", "https://news.example.org/ar/2", None, "application/warc-fields", b"via: x\r\n"),
    ("response", "https://news.example.org/menu", "200 OK", "text/html",
     b"<html><body><nav>menu</nav></body></html>"),
]


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_html_responses_become_articles_the_rest_is_counted(tmp_path, gzip):
    p = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    p.write_bytes(warc(CRAWL, gzip=gzip))
    stats = SourceStats()
    arts, fails = split(list(iter_source(str(p), options=OPTS, stats=stats)))
    one, two = arts
    assert one.text == BODY and one.url == "https://news.example.org/ar/1"
    assert one.published.isoformat() == "2019-11-14T10:30:00+03:00"
    assert one.fetched == datetime(2019, 11, 15, 8, 0, tzinfo=timezone.utc)
    assert one.meta["warc_file"] == str(p) and one.meta["warc_record_id"].startswith("urn:uuid:")
    assert one.meta["warc_offset"] > 0
    assert two.text == BODY2 and two.encoding == "cp1256" and two.title == "مستشفى جديد"
    assert [f.code for f in fails] == ["no-text"]
    assert "record 7: https://news.example.org/menu" in fails[0].source
    assert stats.skipped == {"warc:request": 1, "warc:non-html": 1, "warc:status-3xx": 1,
                             "warc:metadata": 1}


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_keeps_the_records_before_the_break(tmp_path, gzip):
    data = warc(CRAWL[:2] + CRAWL[4:5] + CRAWL[1:2], gzip=gzip)
    p = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    p.write_bytes(data[: len(data) - 300])
    arts, fails = split(list(iter_source(str(p), options=OPTS)))
    assert [a.text for a in arts] == [BODY, BODY2]
    (fail,) = fails
    assert fail.code == "truncated" and str(p) in fail.source


def test_not_a_warc_and_garbage_after_a_header(tmp_path):
    p = tmp_path / "fake.warc"
    p.write_bytes(b"this is not a web archive at all\n" * 5)
    _, (fail,) = split(list(iter_source(str(p), options=OPTS)))
    assert fail.code == "malformed" and fail.source == str(p)
    q = tmp_path / "bad.warc.gz"
    q.write_bytes(b"\x1f\x8b" + bytes(range(200)))
    _, (fail,) = split(list(iter_source(str(q), options=OPTS)))
    assert fail.code in ("malformed", "truncated")


def arc(records) -> bytes:
    """An ARC (version 1) file of (url, content type, HTTP payload) records."""
    version = b"1 0 marsad\nURL IP-address Archive-date Content-type Archive-length\n"
    out = b"filedesc://test.arc 0.0.0.0 20191115080000 text/plain %d\n" % len(version)
    out += version + b"\n"
    for url, ctype, body in records:
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n\r\n" + body
        out += b"%s 127.0.0.1 20191115080000 %s %d\n" % (url.encode(), ctype.encode(),
                                                          len(payload))
        out += payload + b"\n"
    return out


def test_arc_file(tmp_path):
    p = tmp_path / "old.arc"
    p.write_bytes(arc([("http://news.example.org/a", "text/html", page().encode()),
                       ("http://news.example.org/i.png", "image/png", b"\x89PNG")]))
    stats = SourceStats()
    (a,), fails = split(list(iter_source(str(p), options=OPTS, stats=stats)))
    assert not fails and a.text == BODY and a.url == "http://news.example.org/a"
    assert a.fetched == datetime(2019, 11, 15, 8, 0, tzinfo=timezone.utc)
    assert "warc_record_id" not in a.meta  # ARC has none: warcio would invent one each run
    assert stats.skipped == {"warc:warcinfo": 1, "warc:non-html": 1}


def test_same_warc_read_twice_gives_the_same_articles(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(warc(CRAWL))
    first = list(iter_source(str(p), options=OPTS))
    assert first == list(iter_source(str(p), options=OPTS))


def test_too_large_record_fails_alone(tmp_path):
    big = page(body=(BODY + "\n") * 40).encode("utf-8")
    p = tmp_path / "big.warc.gz"
    p.write_bytes(warc([CRAWL[1], ("response", "https://news.example.org/big", "200 OK",
                                   "text/html", big), CRAWL[4]]))
    arts, (fail,) = split(list(iter_source(str(p), options=OPTS.with_(max_bytes=len(big) - 1))))
    assert [a.text for a in arts] == [BODY, BODY2]
    assert fail.code == "too-large" and "record 2: https://news.example.org/big" in fail.source
