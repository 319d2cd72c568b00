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
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.clitics import strip_proclitics
from marsad.text.normalize import normalize_text
from marsad.text.stem import stem
from marsad.text.tokenize import IS_WORD, TOKEN_RE

#: body words that go to the lead columns.
LEAD_WORDS = 30
#: FTS5 columns, in order, with their BM25 weights.
COLUMNS = ("title", "lead", "body", "wlead", "wbody")
WEIGHTS = (3.0, 3.0, 1.0, 3.0, 1.0)


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


def iter_terms(text: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, stem, word)`` for every indexable token of ``text`` (raw offsets)."""
    for m in TOKEN_RE.finditer(text):
        terms = _token_terms(m.group())
        if terms is not None:
            yield m.start(), m.end(), terms[0], terms[1]


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


@dataclass(frozen=True)
class IndexText:
    """The values of the FTS5 columns (:data:`COLUMNS`) for one article."""

    title: str
    lead: str
    body: str
    wlead: str
    wbody: str
    stems: tuple[str, ...]

    def values(self) -> tuple[str, str, str, str, str]:
        return self.title, self.lead, self.body, self.wlead, self.wbody


def index_text(text: str, title: str | None = None) -> IndexText:
    """The derived column values of an article's body ``text`` and ``title``."""
    stems, words = terms(text)
    t_stems, t_words = terms(title) if title else ([], [])
    n = LEAD_WORDS
    return IndexText(
        title=" ".join(t_stems),
        lead=" ".join(stems[:n]),
        body=" ".join(stems[n:]),
        wlead=" ".join(t_words + words[:n]),
        wbody=" ".join(words[n:]),
        stems=tuple(stems),
    )
