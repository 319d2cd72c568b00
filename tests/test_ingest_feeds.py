"""RSS and Atom feeds, as files and as URLs fetched through httpx.MockTransport."""

from __future__ import annotations

from datetime import datetime, timezone

import httpx
import pytest
from ingest_helpers import BODY, BODY2, ENGLISH, OPTS, page, split

from marsad.ingest import Fetcher, FetchState, SourceStats, iter_source
from marsad.ingest.base import SourceError

RSS = """<?xml version="1.0" encoding="{enc}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>صحيفة المرصد</title><link>https://news.example.org/</link>
<item><title>اجتماع التحالف في واشنطن</title><link>https://news.example.org/ar/1</link>
<guid>urn:marsad:1</guid><category>سياسة</category><author>سامي الخطيب</author>
<pubDate>الخميس، 14 تشرين الثاني 2019 10:30:00 +0300</pubDate>
<description>ملخص قصير عن اجتماع التحالف الدولي في واشنطن يوم الخميس</description>
<content:encoded><![CDATA[<p>{p1}</p><p>{p2}</p>]]></content:encoded></item>
<item><title>مستشفى جديد</title><link>https://news.example.org/ar/2</link>
<pubDate>Mon, 18 Nov 2019 08:00:00 GMT</pubDate><description>{body2}</description></item>
<item><title>English</title><link>https://news.example.org/en/3</link>
<description>{english}</description></item>
<item><title>بلا نص</title><link>https://news.example.org/ar/4</link></item>
</channel></rss>
"""


def rss(enc="utf-8"):
    p1, p2 = BODY.split("\n")
    return RSS.format(enc=enc, p1=p1, p2=p2, body2=BODY2, english=ENGLISH)


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة المثال</title>
<link href="https://agency.example.net/"/><id>urn:feed</id><updated>2019-11-14T10:00:00Z</updated>
<entry><title type="html">عاجل: &lt;b&gt;اجتماع&lt;/b&gt; التحالف</title>
<link rel="alternate" href="https://agency.example.net/n/7"/><id>urn:n:7</id>
<published>2019-11-14T10:30:00+03:00</published><updated>2019-11-15T00:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY.split(chr(10))[0]}&lt;/p&gt;</content></entry>
</feed>
"""


def read(path, **kw):
    return split(list(iter_source(str(path), options=kw.pop("options", OPTS), **kw)))


def test_rss_file_entries_with_arabic_dates_html_content_and_failures(tmp_path):
    p = tmp_path / "feed.rss"
    p.write_text(rss(), encoding="utf-8")
    arts, fails = read(p)
    first, second = arts
    assert first.text == BODY  # content:encoded wins over the shorter description
    assert first.title == "اجتماع التحالف في واشنطن" and first.url == "https://news.example.org/ar/1"
    assert first.published.isoformat() == "2019-11-14T10:30:00+03:00"
    assert first.source == "صحيفة المرصد" and first.category == "سياسة"
    assert first.meta["guid"] == "urn:marsad:1" and first.meta["author"] == "سامي الخطيب"
    assert first.meta["entry"] == 1 and first.encoding == "utf-8"
    assert second.published == datetime(2019, 11, 18, 8, 0, tzinfo=timezone.utc)
    assert second.text == BODY2
    assert [(f.code, f.source) for f in fails] == [
        ("no-arabic", f"{p} (entry 3: https://news.example.org/en/3)"),
        ("no-text", f"{p} (entry 4: https://news.example.org/ar/4)")]


def test_rss_in_windows_1256(tmp_path):
    p = tmp_path / "old.xml"
    p.write_bytes(rss("windows-1256").encode("cp1256"))
    arts, _ = read(p)
    assert arts[0].text == BODY and arts[0].encoding == "cp1256"


def test_atom_entry(tmp_path):
    p = tmp_path / "agency.atom"
    p.write_text(ATOM, encoding="utf-8")
    (a,), fails = read(p)
    assert not fails
    assert a.title == "عاجل: اجتماع التحالف" and a.url == "https://agency.example.net/n/7"
    assert a.published.isoformat() == "2019-11-14T10:30:00+03:00"
    assert a.text == BODY.split("\n")[0] and a.source == "وكالة المثال"


def test_broken_feeds(tmp_path):
    p = tmp_path / "broken.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti', encoding="utf-8")
    _, (fail,) = read(p)
    assert fail.code == "malformed" and fail.source == str(p)
    e = tmp_path / "empty.rss"
    e.write_text('<rss version="2.0"><channel><title>لا شيء</title></channel></rss>',
                 encoding="utf-8")
    _, (fail,) = read(e)
    assert fail.code == "empty" and "no entries" in fail.reason
    r = tmp_path / "recovered.rss"
    r.write_text(rss().replace("</channel></rss>", "<item><title>x &nbsp; y</title></channel>"),
                 encoding="utf-8")
    arts, _ = read(r)
    assert arts and "broken XML" in arts[0].meta["feed_warning"]
    x = tmp_path / "other.xml"
    x.write_text('<?xml version="1.0"?><catalog><book>كتاب</book></catalog>', encoding="utf-8")
    _, (fail,) = read(x)
    assert fail.code == "malformed" and "not an RSS or Atom feed" in fail.reason


# --------------------------------------------------------------------------- over HTTP


class Server:
    """A mock site: a feed with ETag and Last-Modified, pages, and error URLs."""

    def __init__(self):
        self.requests: list[httpx.Request] = []
        self.feed = rss().encode("utf-8")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/feed.xml":
            if request.headers.get("if-none-match") == '"v1"':
                return httpx.Response(304)
            return httpx.Response(200, content=self.feed, headers={
                "content-type": "application/rss+xml; charset=utf-8", "etag": '"v1"',
                "last-modified": "Thu, 14 Nov 2019 08:00:00 GMT"})
        if path == "/ar/1":
            return httpx.Response(200, text=page(body=BODY + "\nوتابع المسؤول حديثه عن الخطة."),
                                  headers={"content-type": "text/html; charset=utf-8"})
        if path == "/big":
            return httpx.Response(200, content=b"x" * 5000, headers={"content-type": "text/plain"})
        if path == "/stream":
            return httpx.Response(200, content=iter([b"y" * 800] * 10))
        if path == "/busy":
            return httpx.Response(503, headers={"retry-after": "120"})
        if path == "/slow":
            raise httpx.ReadTimeout("read timed out", request=request)
        if path == "/page.html":
            return httpx.Response(200, text=page(), headers={"content-type": "text/html"})
        return httpx.Response(404)


@pytest.fixture
def server():
    return Server()


@pytest.fixture
def client(server):
    with httpx.Client(transport=httpx.MockTransport(server), follow_redirects=True) as c:
        yield c


def test_feed_url_then_conditional_get_returns_nothing_new(client, server):
    state = FetchState()
    stats = SourceStats()
    url = "https://news.example.org/feed.xml"
    arts, fails = split(list(iter_source(url, client=client, options=OPTS, state=state,
                                         stats=stats)))
    assert len(arts) == 2 and len(fails) == 2
    assert arts[0].fetched is not None and arts[0].meta["feed_url"] == url
    assert state.validators[url] == {"etag": '"v1"',
                                     "last_modified": "Thu, 14 Nov 2019 08:00:00 GMT"}
    again = list(iter_source(url, client=client, options=OPTS, state=state, stats=stats))
    assert again == [] and stats.not_modified == 1
    sent = server.requests[-1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Thu, 14 Nov 2019 08:00:00 GMT"


def test_state_survives_a_save_and_load(client, tmp_path):
    state = FetchState()
    url = "https://news.example.org/feed.xml"
    list(iter_source(url, client=client, options=OPTS, state=state))
    path = tmp_path / "fetch-state.json"
    state.save(path)
    loaded = FetchState.load(path)
    assert loaded == state
    assert list(iter_source(url, client=client, options=OPTS, state=loaded)) == []
    assert FetchState.load(tmp_path / "none.json") == FetchState()


def test_follow_links_fetches_each_entry_page(client, server):
    url = "https://news.example.org/feed.xml"
    arts, _ = split(list(iter_source(url, client=client, options=OPTS.with_(follow_links=True),
                                     state=FetchState())))
    first, second = arts
    assert first.text.endswith("وتابع المسؤول حديثه عن الخطة.")
    assert first.meta["summary"] == BODY and first.title == "اجتماع التحالف في واشنطن"
    assert first.published.isoformat() == "2019-11-14T10:30:00+03:00"
    assert second.text == BODY2 and second.meta["page_error"].startswith("http: HTTP 404")


def test_html_page_url(client):
    (a,) = list(iter_source("https://news.example.org/page.html", client=client, options=OPTS,
                            state=FetchState()))
    assert a.text == BODY and a.url == "https://news.example.org/page.html"
    assert a.fetched is not None and a.fetched.tzinfo is not None


@pytest.mark.parametrize(("path", "code", "words"), [
    ("/missing", "http", "HTTP 404"),
    ("/big", "too-large", "response of 0.0 MB"),
    ("/stream", "too-large", "stopped reading"),
    ("/busy", "http", "HTTP 503"),
    ("/slow", "network", "timed out"),
])
def test_http_failures_name_the_url(client, path, code, words):
    url = "https://news.example.org" + path
    # each its own state: the 503's Retry-After must not hold back the next case's host
    (fail,) = list(iter_source(url, client=client, options=OPTS.with_(max_bytes=4000),
                               state=FetchState()))
    assert fail.code == code and fail.source == url and words in fail.reason


class Clock:
    def __init__(self):
        self.now = 1_000_000.0
        self.slept: list[float] = []

    def time(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_polite_delay_per_host_and_retry_after(client):
    clock = Clock()
    fetcher = Fetcher(client, FetchState(), min_delay=2.0, clock=clock.time, sleep=clock.sleep)
    fetcher.get("https://news.example.org/page.html")
    clock.now += 0.5
    fetcher.get("https://news.example.org/page.html")
    assert clock.slept == [1.5]
    fetcher.get("https://other.example.com/page.html")  # another host: no wait
    assert clock.slept == [1.5]
    with pytest.raises(SourceError) as err:
        fetcher.get("https://news.example.org/busy")
    assert err.value.code == "http"
    clock.now += 10
    with pytest.raises(SourceError) as err:  # Retry-After 120 s > max_wait 60 s: not fetched
        fetcher.get("https://news.example.org/page.html")
    assert "Retry-After" in err.value.reason
    clock.now += 100
    assert fetcher.get("https://news.example.org/page.html") is not None
    assert clock.slept[-1] == pytest.approx(10.0)


def test_politeness_holds_across_calls_without_a_state(client):
    clock = Clock()
    first = Fetcher(client, min_delay=3.0, clock=clock.time, sleep=clock.sleep)
    first.get("https://polite.example.org/page.html")
    second = Fetcher(client, min_delay=3.0, clock=clock.time, sleep=clock.sleep)
    second.get("https://polite.example.org/page.html")
    assert clock.slept == [3.0] and second.state.validators == {}
