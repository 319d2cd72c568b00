"""HTML pages: main text, metadata, canonical URL, trusted dates only, charsets."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from ingest_helpers import BODY, ENGLISH, OPTS, page, split

from marsad.errors import InputError
from marsad.ingest import iter_source
from marsad.ingest.html import fragment_text, html_article, page_date, parse_html


def article_of(html: str | bytes, **kw):
    data = html.encode("utf-8") if isinstance(html, str) else html
    return html_article(data, "page.html", **kw)


def test_main_text_title_site_author_and_canonical_url():
    head = ('<link rel="canonical" href="/ar/2019/coalition">\n'
            '<meta property="og:site_name" content="صحيفة المرصد">\n'
            '<meta name="description" content="وزراء التحالف في واشنطن">\n'
            '<meta property="article:section" content="سياسة">')
    a = article_of(page(head=head, header='<span class="author">بقلم: سامي الخطيب</span>'),
                   url="https://news.example.org/ar/x?utm_source=rss")
    assert a.text == BODY  # no menu, no footer, no headline line
    assert a.title == "التحالف الدولي يجتمع في واشنطن"
    assert a.source == "صحيفة المرصد" and a.category == "سياسة"
    assert a.url == "https://news.example.org/ar/2019/coalition"
    assert a.meta["page_url"] == "https://news.example.org/ar/x?utm_source=rss"
    assert a.meta["author"] == "سامي الخطيب"
    assert a.meta["description"] == "وزراء التحالف في واشنطن"
    assert a.encoding == "utf-8"


def test_a_date_found_only_in_the_footer_is_not_trusted():
    html = page(footer='<p class="date">آخر تحديث: 5 يناير 2023</p><time datetime="2023-01-05">'
                       "5 يناير 2023</time>")
    a = article_of(html, url="https://news.example.org/ar/story")
    assert a.published is None and "date_source" not in a.meta


@pytest.mark.parametrize(
    ("head", "header", "url", "expected", "where"),
    [
        ('<script type="application/ld+json">' + json.dumps({"@context": "https://schema.org",
         "@graph": [{"@type": "WebSite", "dateCreated": "2001-01-01"},
                    {"@type": "NewsArticle", "datePublished": "2019-11-14T10:30:00+03:00"}]})
         + "</script>", "", None, datetime.fromisoformat("2019-11-14T10:30:00+03:00"), "json-ld"),
        ('<meta property="article:published_time" content="2019-11-14T07:30:00Z">', "", None,
         datetime.fromisoformat("2019-11-14T07:30:00+00:00"), "meta:article:published_time"),
        ('<meta name="pubdate" content="20191114">', "", None, date(2019, 11, 14), "meta:pubdate"),
        ("", '<time datetime="2019-11-14T10:30">الخميس 14 نوفمبر</time>', None,
         datetime(2019, 11, 14, 10, 30), "time"),
        ("", '<span class="post-date">الخميس، 14 تشرين الثاني 2019 - 10:30</span>', None,
         datetime(2019, 11, 14, 10, 30), "header"),
        ("", "", "https://news.example.org/2019/11/14/coalition", date(2019, 11, 14), "url"),
    ],
)
def test_publication_date_from_trusted_places(head, header, url, expected, where):
    footer = '<time datetime="2023-01-05">5 يناير 2023</time>'
    a = article_of(page(head=head, header=header, footer=footer), url=url)
    assert a.published == expected
    assert a.meta.get("date_source") == where


def test_meta_date_wins_over_header_and_footer():
    tree = parse_html(page(head='<meta name="date" content="2019-11-14">',
                           header='<span class="date">12 نوفمبر 2019</span>',
                           footer='<time datetime="2023-01-05"></time>'), "p")
    assert page_date(tree) == (date(2019, 11, 14), "meta:date")


def test_time_in_a_sidebar_or_related_list_is_not_the_date():
    html = page().replace("</article>", '</article><aside><time datetime="2020-02-02">x</time>'
                          '</aside><div class="related-news"><time datetime="2021-03-03">y</time>'
                          "</div>")
    assert article_of(html).published is None


@pytest.mark.parametrize(("declared", "encoding", "expected"), [
    ('<meta charset="windows-1256">', "cp1256", "cp1256"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "cp1256", "cp1256"),
    ('<meta charset="iso-8859-6">', "iso-8859-6", "iso-8859-6"),
])
def test_legacy_charsets_declared_or_misdeclared(declared, encoding, expected):
    html = page(body=BODY.replace("،", ",")).replace('<meta charset="utf-8">', declared)
    a = article_of(html.encode(encoding, errors="replace"))  # © is not in ISO-8859-6
    assert a.encoding == expected and a.text == BODY.replace("،", ",")


def test_http_charset_is_used_when_the_page_declares_none():
    html = page().replace('<meta charset="utf-8">', "")
    a = article_of(html.encode("cp1256"), charset="windows-1256")
    assert a.encoding == "cp1256" and a.text == BODY


def test_page_without_main_text_is_no_text():
    with pytest.raises(InputError) as err:
        article_of("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>")
    assert err.value.code == "no-text" and "page.html" in str(err.value)


def test_html_files_through_iter_source(tmp_path):
    (tmp_path / "good.html").write_text(page(), encoding="utf-8")
    (tmp_path / "english.htm").write_text(page(body=ENGLISH, title="Coalition meets"),
                                          encoding="utf-8")
    (tmp_path / "empty.html").write_text("", encoding="utf-8")
    (tmp_path / "menu.html").write_text("<html><body><ul><li>أ</li></ul></body></html>",
                                        encoding="utf-8")
    arts, fails = split(list(iter_source(str(tmp_path), options=OPTS)))
    assert len(arts) == 1 and arts[0].meta["path"] == str(tmp_path / "good.html")
    assert sorted(f.code for f in fails) == ["empty", "no-arabic", "no-text"]


def test_fragment_text_keeps_paragraphs_and_drops_markup():
    html = ("<div><p>الفقرة <b>الأولى</b> &amp; تتمة</p><script>var x=1;</script>"
            "<p>الثانية<br>سطر</p><ul><li>بند</li></ul></div>")
    assert fragment_text(html) == "الفقرة الأولى & تتمة\nالثانية\nسطر\nبند"
    assert fragment_text("نص بلا وسوم") == "نص بلا وسوم"


@pytest.mark.parametrize(("data", "code"), [
    (b"<!-- only a comment -->", "malformed"),
    (b"<html></html>", "no-text"),
    (b"<<<>>>< </ <html <body", "no-text"),
    (b"\x00\x01\x02" * 400, "binary"),
])
def test_malformed_and_empty_pages(data, code):
    with pytest.raises(InputError) as err:
        article_of(data)
    assert err.value.code == code and err.value.source == "page.html"


def test_unclosed_tags_still_give_the_text():
    first, second = BODY.split("\n")
    a = article_of(f"<html><body><div><p>{first}<div><span>{second}")
    assert a.text == BODY
