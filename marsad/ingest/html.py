"""HTML pages: the main text by trafilatura, the metadata by marsad's own rules.

:func:`html_article` turns one page into an Article. The text is trafilatura's main-text
extraction (menus, footers and related links left out; the headline, when the text starts with
it, removed so that ``text`` is the body). Title, author, site name and categories come from
trafilatura's metadata. Two things marsad decides itself:

* **The URL** is the page's canonical link (``<link rel="canonical">``, else ``og:url``),
  resolved against the address it was fetched from; that address is kept in
  ``meta["page_url"]`` when it differs.
* **The publication date** is taken only from places that state it: JSON-LD
  (``datePublished``), meta tags (``article:published_time``, ``pubdate``, Dublin Core …),
  ``<time>`` or ``itemprop="datePublished"`` elements, a date-classed element of the article
  header, or a date in the URL path, in that order, and never from a page footer, sidebar,
  navigation or comments (a footer's "© 2023" or "آخر تحديث" is not when the story was
  published). ``meta["date_source"]`` says which rule found it. trafilatura's own date is not
  used: it falls back to dates found anywhere in the page.

The bytes are decoded with the charset the HTTP header or the page declares, else detected
(UTF-8, UTF-16, Windows-1256, ISO-8859-6), and the encoding is reported in ``Article.encoding``.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from marsad.decode import Decoded, decode_bytes, non_ascii_arabic_share, refuse_binary
from marsad.errors import DecodeError, EmptyInputError, TooLargeError
from marsad.ingest.base import SourceError, malformed
from marsad.ingest.dates import parse_date
from marsad.model import Article

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_ARABIC_CHARSETS = {"cp1256", "iso8859-6"}
_ENCODING_NAMES = {"iso8859-6": "iso-8859-6", "utf-16-le": "utf-16-le", "utf_8": "utf-8"}

#: containers whose dates are never the publication date.
_UNTRUSTED = re.compile(r"foot|copyright|sidebar|aside|related|comment|widget|nav|menu|most-?read",
                        re.I)
_UNTRUSTED_TAGS = {"footer", "aside", "nav"}
_DATE_CLASS = re.compile(r"date|time|publish|posted|timestamp|تاريخ", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)|/((?:19|20)\d{6})/")
_META_DATES = (
    "article:published_time", "og:published_time", "article:published", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "dc.date", "date", "article.published", "cxenseparse:recs:publishtime",
)
#: fewer words of main text than this: the page is a menu, an index or an error page.
MIN_WORDS = 5
_ARTICLE_TYPES = re.compile(r"article|report|posting|news", re.I)


# --------------------------------------------------------------------------- decoding


def decode_markup(data: bytes, source: str, max_bytes: int, declared: str | None = None) -> Decoded:
    """Decode an HTML or XML document: detected, else the declared charset (HTTP or in-page).

    Valid UTF-8 (or a UTF-16 BOM) wins over any declaration; otherwise a declared Arabic
    charset is used, then whichever of Windows-1256 and ISO-8859-6 reads the non-ASCII
    letters as Arabic (pages often declare ISO-8859-1 for Windows-1256 text), then the
    declared charset.
    """
    charset = _codec(declared) or _codec(_sniff_charset(data))
    try:
        found = decode_bytes(data, source, max_bytes)
    except DecodeError as exc:
        error = exc
    else:
        return _prefer_declared(data, found, charset)
    candidates = [charset] if charset in _ARABIC_CHARSETS else []
    candidates += [c for c in ("cp1256", "iso8859-6") if c not in candidates]
    best: tuple[float, Decoded] | None = None
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = non_ascii_arabic_share(text, 200000)
        if share > 0.5 and (best is None or share > best[0]):
            best = (share, Decoded(text, _ENCODING_NAMES.get(codec, codec)))
        if best and codec == charset:
            break
    if best is None and charset and charset not in candidates:
        try:
            best = (0.0, Decoded(data.decode(charset), charset))
        except UnicodeDecodeError:
            pass
    if best is None:
        raise error
    refuse_binary(best[1].text, source)
    return best[1]


def _prefer_declared(data: bytes, found: Decoded, charset: str | None) -> Decoded:
    """The declared Arabic charset where detection chose the other one and it reads as well."""
    detected = _codec(found.encoding)
    if charset not in _ARABIC_CHARSETS or detected not in _ARABIC_CHARSETS or detected == charset:
        return found
    try:
        text = data.decode(charset)
    except UnicodeDecodeError:
        return found
    if non_ascii_arabic_share(text, 200000) >= non_ascii_arabic_share(found.text, 200000):
        return Decoded(text, _ENCODING_NAMES.get(charset, charset))
    return found


def _codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    label = name.decode("ascii", "replace") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def _sniff_charset(data: bytes) -> bytes | None:
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _CHARSET.search(head)
    return m.group(1) if m else None


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


# --------------------------------------------------------------------------- the page


def parse_html(text: str, source: str) -> Any:
    """An lxml tree of ``text`` (a decoded page), or a malformed-input error."""
    import lxml.etree
    import lxml.html

    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise EmptyInputError(source, "empty page")
    try:
        tree = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise malformed(source, f"not parseable as HTML: {exc}") from None
    if tree is None or tree.find(".//body") is None and not tree.text_content().strip():
        raise SourceError(source, "page with no body and no text", "no-text")
    return tree


def html_article(
    data: bytes | str,
    source: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    fetched: datetime | None = None,
    max_bytes: int = 10 * 1024 * 1024,
    meta: dict[str, Any] | None = None,
) -> Article:
    """The Article of one HTML page (``data`` as bytes, or text already decoded).

    ``url`` is where the page came from, ``charset`` the HTTP header's charset. Raises an
    InputError naming ``source``: undecodable, malformed, or ``no-text`` when the page has
    no main text.
    """
    if isinstance(data, bytes):
        decoded = decode_markup(data, source, max_bytes, charset)
        text, encoding = decoded.text, decoded.encoding
    else:
        if len(data.encode("utf-8")) > max_bytes:
            raise TooLargeError(source, f"page over the {max_bytes / 1e6:.1f} MB limit of one input")
        text, encoding = data, None
    tree = parse_html(text, source)
    canonical = canonical_url(tree, url)
    found = page_date(tree, canonical or url)
    description = _meta_content(tree, ("description", "og:description"))
    section = _meta_content(tree, ("article:section",))
    doc = _extract(tree, url or canonical)
    body = (doc.text or "").strip() if doc is not None else ""
    words = len(body.split())
    if words < MIN_WORDS:
        found_words = f"only {words} word(s)" if words else "none"
        raise SourceError(source, f"no main text in the page (trafilatura found {found_words}; "
                                  f"at least {MIN_WORDS} needed)", "no-text")
    title = _clean(doc.title)
    body = _drop_headline(body, title)
    info: dict[str, Any] = dict(meta or {})
    if url and canonical and canonical != url:
        info["page_url"] = url
    if found is not None:
        info["date_source"] = found[1]
    if doc.author:
        info["author"] = re.sub(r"^\s*(بقلم|كتب|كتبت)\s*[:：]?\s*", "", doc.author).strip()
    if description:
        info["description"] = description
    return Article(
        text=body,
        url=canonical or url,
        source=_clean(doc.sitename) or _host(canonical or url),
        title=title,
        published=found[0] if found else None,
        fetched=fetched,
        encoding=encoding,
        category=_clean(section) or _first(doc.categories),
        meta=info,
    )


def _extract(tree: Any, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_images=False,
        include_links=False, include_tables=True, deduplicate=False,
        # its date is not used (see page_date): keep htmldate's search short
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _drop_headline(body: str, title: str | None) -> str:
    if not title:
        return body
    first, _, rest = body.partition("\n")
    if " ".join(first.split()) == " ".join(title.split()) and rest.strip():
        return rest.lstrip("\n")
    return body


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _first(values: Any) -> str | None:
    for value in values or ():
        if str(value).strip():
            return str(value).strip()
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _meta_content(tree: Any, names: tuple[str, ...]) -> str | None:
    wanted = {n.lower(): i for i, n in enumerate(names)}
    best: tuple[int, str] | None = None
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key in wanted and content and (best is None or wanted[key] < best[0]):
            best = (wanted[key], content)
    return best[1] if best else None


def canonical_url(tree: Any, page_url: str | None) -> str | None:
    """The page's canonical URL (absolute, http or https), else None."""
    for el in tree.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href"):
            found = _absolute(el.get("href"), page_url)
            if found:
                return found
    og = _meta_content(tree, ("og:url",))
    return _absolute(og, page_url) if og else None


def _absolute(href: str, base: str | None) -> str | None:
    href = href.strip()
    full = urljoin(base, href) if base else href
    return full if urlsplit(full).scheme in ("http", "https") else None


# --------------------------------------------------------------------------- the date


def page_date(tree: Any, url: str | None = None) -> tuple[datetime | date, str] | None:
    """The publication date of a page and the rule that found it (see the module docstring)."""
    for finder in (_jsonld_date, _meta_date, _time_date, _header_date):
        found = finder(tree)
        if found is not None:
            return found
    return _url_date(url)


def _jsonld_date(tree: Any) -> tuple[datetime | date, str] | None:
    candidates: list[tuple[int, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        for obj in _jsonld_objects(data):
            kind = obj.get("@type")
            kinds = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            rank = 0 if _ARTICLE_TYPES.search(kinds) else 1
            for key in ("datePublished", "dateCreated"):
                if obj.get(key):
                    candidates.append((rank, obj[key]))
    for _rank, value in sorted(candidates, key=lambda c: c[0]):
        when = parse_date(value)
        if when is not None:
            return when, "json-ld"
    return None


def _jsonld_objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_objects(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _jsonld_objects(data[key])


def _meta_date(tree: Any) -> tuple[datetime | date, str] | None:
    for name in _META_DATES:
        value = _meta_content(tree, (name,))
        when = parse_date(value) if value else None
        if when is not None:
            return when, f"meta:{name}"
    return None


def _trusted(el: Any) -> bool:
    """False for an element inside a footer, sidebar, navigation, comments or related list."""
    node = el
    while node is not None and isinstance(node.tag, str):
        if node.tag in _UNTRUSTED_TAGS:
            return False
        marks = f"{node.get('class') or ''} {node.get('id') or ''} {node.get('role') or ''}"
        if _UNTRUSTED.search(marks) or "contentinfo" in marks:
            return False
        node = node.getparent()
    return True


def _time_date(tree: Any) -> tuple[datetime | date, str] | None:
    elements = [el for el in tree.iter() if isinstance(el.tag, str) and (
        el.tag == "time" or (el.get("itemprop") or "").lower() == "datepublished")]
    elements.sort(key=lambda el: (el.get("itemprop") or "").lower() != "datepublished")
    for el in elements:
        if el.tag == "meta" or not _trusted(el):
            continue
        value = el.get("datetime") or el.get("content") or el.text_content()
        when = parse_date(value.strip()) if value else None
        if when is not None:
            return when, "itemprop" if el.get("itemprop") else "time"
    return None


def _header_date(tree: Any) -> tuple[datetime | date, str] | None:
    for scope in tree.xpath("//article | //header | //main"):
        if not _trusted(scope):
            continue
        for el in scope.iter():
            if not isinstance(el.tag, str) or el.tag in ("script", "style"):
                continue
            marks = f"{el.get('class') or ''} {el.get('id') or ''}"
            if not _DATE_CLASS.search(marks) or not _trusted(el):
                continue
            text = " ".join(el.text_content().split())
            when = parse_date(text) if 6 <= len(text) <= 80 else None
            if when is not None:
                return when, "header"
    return None


def _url_date(url: str | None) -> tuple[datetime | date, str] | None:
    m = _URL_DATE.search(urlsplit(url).path) if url else None
    if not m:
        return None
    try:
        if m.group(4):
            digits = m.group(4)
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:])), "url"
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "url"
    except ValueError:
        return None


# --------------------------------------------------------------------------- fragments

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
          "section", "article", "ul", "ol", "table", "pre", "figure", "figcaption", "hr"}


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one line a paragraph."""
    import lxml.etree
    import lxml.html

    if "<" not in fragment and "&" not in fragment:
        return _squeeze(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _squeeze(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath(".//script | .//style | .//noscript"):
        bad.drop_tree()
    parts: list[str] = []
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):
            if event == "end" and el.tail:
                parts.append(el.tail)
            continue
        if event == "start":
            if el.tag in _BLOCK:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if el.tag in _BLOCK:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    return _squeeze("".join(parts))


def _squeeze(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
