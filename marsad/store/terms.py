"""The derived text the search index holds: normalized stems and clitic-free words.

Every word token of an article (:func:`marsad.text.tokenize.tokenize`) becomes two index
terms:

* its **stem** (:func:`marsad.text.stem.stem`: normalized, clitics and affixes stripped), so
  الموصل finds بالموصل and الانتخابات finds الانتخابية, and
* its **word**: normalized, with conjunction, preposition and article stripped but suffixes
  kept (:func:`marsad.text.clitics.strip_proclitics`), so an exact form scores above a form that
  only shares its stem, and a prefix query (``انتخاب*``) reads words, not stems.

Numbers are normalized (Arabic-Indic and Persian digits become ASCII). The first
:data:`LEAD_WORDS` words of the body go to their own columns, which rank higher (a headline's
words are usually in the lead). Query words go through the same functions, so an index term and
a query term are equal exactly when the words match.

Three more columns serve queries that would otherwise read long position lists:

* ``phrases``: every pair of adjacent stems as one token (``ـتحالفـدول``), so a phrase is a
  phrase of pair tokens, whose lists are short, rather than of common words;
* ``prefixes``: the first 2, 3 and 4 letters of every word, marked (``انتـ``), so a short
  prefix query reads one list instead of merging the lists of every word it covers;
* ``meta``: one marked token per source, category, entity and event type of the article
  (:func:`meta_token`), so filters are conditions of the full-text query itself.

The marks use the tatweel (ـ), which normalization removes from text: no stem or word has one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.clitics import strip_proclitics
from marsad.text.normalize import normalize_text
from marsad.text.stem import stem
from marsad.text.tokenize import IS_WORD, TOKEN_RE

#: body words that go to the lead columns.
LEAD_WORDS = 30
#: FTS5 columns, in order, with their BM25 weights (``meta`` only filters: weight 0).
COLUMNS = ("title", "lead", "body", "wlead", "wbody", "phrases", "prefixes", "meta")
WEIGHTS = (3.0, 3.0, 1.0, 3.0, 1.0, 1.0, 1.0, 0.0)
#: the mark of derived tokens (pairs, prefixes, metadata): the tatweel, never in a term.
MARK = "\u0640"
#: prefix lengths indexed as tokens; longer prefixes are FTS5 prefix queries.
PREFIX_LENGTHS = (2, 3, 4)
#: kinds of metadata tokens.
META_KINDS = {"source": "s", "category": "c", "entity": "e", "event": "v"}


@lru_cache(maxsize=200_000)
def word_form(word: str) -> str:
    """A word normalized, without its proclitics (و ف ب ل ك س ال), suffixes kept."""
    return strip_proclitics(normalize_text(word))


@lru_cache(maxsize=200_000)
def _token_terms(token: str) -> tuple[str, str] | None:
    """(stem, word) of one token, or None for punctuation and symbols."""
    if IS_WORD.fullmatch(token):
        s = stem(token)
        if not s:
            return None
        return s, word_form(token) or s
    if token[0].isdigit():
        n = normalize_text(token)
        return n, n
    return None


_SEEN: dict[str, tuple[str, str] | None] = {}
_UNSEEN = ("", "")


def iter_terms(text: str, offset: int = 0) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, stem, word)`` for every indexable token of ``text`` (raw offsets, plus
    ``offset``)."""
    seen = _SEEN
    if len(seen) > 400_000:
        seen.clear()
    for m in TOKEN_RE.finditer(text):
        token = m.group()
        terms = seen.get(token, _UNSEEN)
        if terms is _UNSEEN:
            terms = seen[token] = _token_terms(token)
        if terms is not None:
            start, end = m.span()
            yield start + offset, end + offset, terms[0], terms[1]


def text_terms(text: str) -> list[tuple[str, str]]:
    """``(stem, word)`` of every indexable token of ``text``, in order (no offsets: faster
    than :func:`iter_terms`)."""
    seen = _SEEN
    if len(seen) > 400_000:
        seen.clear()
    out = [seen.get(t, _UNSEEN) for t in TOKEN_RE.findall(text)]
    if _UNSEEN in out:
        for i, t in enumerate(TOKEN_RE.findall(text)):
            if out[i] is _UNSEEN:
                out[i] = seen[t] = _token_terms(t)
    return [x for x in out if x is not None]


def terms(text: str) -> tuple[list[str], list[str]]:
    """The stems and the words of ``text``, in order."""
    stems: list[str] = []
    words: list[str] = []
    for m in TOKEN_RE.finditer(text):
        t = _token_terms(m.group())
        if t is not None:
            stems.append(t[0])
            words.append(t[1])
    return stems, words


def pair_token(a: str, b: str) -> str:
    """The ``phrases`` token of two adjacent stems."""
    return f"{MARK}{a}{MARK}{b}"


def pair_tokens(stems: list[str]) -> list[str]:
    """The pair tokens of a run of stems, in order (a phrase of them is the stems' phrase)."""
    return [pair_token(a, b) for a, b in zip(stems, stems[1:], strict=False)]


def prefix_token(prefix: str) -> str | None:
    """The ``prefixes`` token of a prefix of an indexed length (None for other prefixes)."""
    if len(prefix) in PREFIX_LENGTHS and prefix.isalnum():
        return prefix + MARK
    return None


@lru_cache(maxsize=200_000)
def _prefixes(word: str) -> tuple[str, ...]:
    """One token per indexed prefix length: the word's prefix of that length, or a bare mark
    when it is shorter (so every word adds as many tokens, and BM25's document lengths stay
    proportional to the number of words)."""
    return tuple(prefix_token(word[:n]) or MARK if len(word) >= n else MARK
                 for n in PREFIX_LENGTHS)


def meta_token(kind: str, value: str) -> str:
    """The ``meta`` token of a source, category, entity key or event type: a mark, the kind's
    letter and a hash of the exact value (any text, any case, no tokenizer surprises)."""
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=8).hexdigest()
    return f"{MARK}{META_KINDS[kind]}{digest}"


def meta_tokens(source: str | None, category: str | None, entities: Iterable[str] = (),
                events: Iterable[str] = ()) -> str:
    """The ``meta`` column of an article."""
    out: dict[str, None] = {}
    if source:
        out[meta_token("source", source)] = None
    if category:
        out[meta_token("category", category)] = None
    for key in entities:
        out[meta_token("entity", key)] = None
    for label in events:
        out[meta_token("event", label)] = None
    return " ".join(out)


@dataclass(frozen=True)
class IndexText:
    """The text-derived values of the FTS5 columns (:data:`COLUMNS` but ``meta``)."""

    title: str
    lead: str
    body: str
    wlead: str
    wbody: str
    phrases: str
    prefixes: str
    stems: tuple[str, ...]
    distinct: frozenset[str]

    def values(self) -> tuple[str, str, str, str, str, str, str]:
        return (self.title, self.lead, self.body, self.wlead, self.wbody, self.phrases,
                self.prefixes)


def index_text(text: str, title: str | None = None) -> IndexText:
    """The derived column values of an article's body ``text`` and ``title``."""
    stems, words = terms(text)
    t_stems, t_words = terms(title) if title else ([], [])
    return index_terms(stems, words, t_stems, t_words)


def index_terms(stems: list[str], words: list[str], t_stems: list[str] | None = None,
                t_words: list[str] | None = None) -> IndexText:
    """The derived column values of a body's and a title's stems and words."""
    t_stems, t_words = t_stems or [], t_words or []
    n = LEAD_WORDS
    pairs = pair_tokens(t_stems) + [MARK] + pair_tokens(stems) if t_stems else pair_tokens(stems)
    prefixes = [p for w in t_words + words for p in _prefixes(w)]
    return IndexText(
        title=" ".join(t_stems),
        lead=" ".join(stems[:n]),
        body=" ".join(stems[n:]),
        wlead=" ".join(t_words + words[:n]),
        wbody=" ".join(words[n:]),
        phrases=" ".join(pairs),
        prefixes=" ".join(prefixes),
        stems=tuple(stems),
        distinct=frozenset((*stems, *words, *t_stems, *t_words)),
    )
