"""A second look at the best hits of words side by side (a pasted headline).

BM25 ranks an article by how often it has each query word; among articles about the same
story, the one a headline was written for is the one that *opens* with what the headline
says, has all of its words, and is not a roundup that repeats it word for word among other
headlines. So the first :data:`DEPTH` hits of a query of at least :data:`MIN_WORDS` words are
ranked again, each BM25 score ``s`` becoming

    s * exp(sum of WEIGHTS[f] * f)   (+ the best score of the hits not looked at again)

over the features ``f`` of :func:`features`, each 0 to 1:

* ``lead``: the query's stems in the article's title and first sentence, weighted by their
  inverse document frequency, as a share of all its stems' weight;
* ``exact``: the share of the query's exact word forms in the title and the first
  :data:`OPENING` characters;
* ``cover``: the share of the query's exact word forms anywhere in the article;
* ``early``: how early each stem first comes (``exp(-position / EARLY)``, weighted as
  ``lead``);
* ``dense``: the share of the first :data:`DENSE` words that are query stems;
* ``own``: 1 unless the text has all the query's words in a row (a query of four words or
  more): a daily roundup that lists the headline among others, not the story;
* ``day``: 1 when the article was published on a day the query names (``أبرز أحداث الثلاثاء
  14 فيفري 2017``; the first :data:`MAX_DAYS`); the best :data:`DAY_HITS` hits of each such
  day join the hits looked at again.

The weights are fitted on half of the ANT articles (``python -m marsad.store.fit_rerank``,
``docs/store.md``); they are all at least 0, so a hit looked at again never scores below its
BM25 score, and the score of the first hit not looked at is added so that every hit looked
at again stays above the rest: a hit scores the same whatever the page, and pages
(``offset``) are slices of one ranking. The cost is one read of the text
(its first :data:`READ` characters) of :data:`DEPTH` articles.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from marsad.store.keys import day_of, day_ordinal
from marsad.store.plan import document_frequencies
from marsad.store.query import Group, Neg, Node, Term
from marsad.store.terms import iter_terms, text_terms

#: the number of best hits that are ranked again.
DEPTH = 15
#: the best hits of each day the query names that join them.
DAY_HITS = 5
#: queries with fewer distinct words are ranked by BM25 alone.
MIN_WORDS = 3
#: characters of an article's opening read for the query's word forms (``exact``).
OPENING = 500
#: characters of an article read at all.
READ = 3000
#: the scale, in words, of ``early``'s decay.
EARLY = 40.0
#: the opening words counted by ``dense``.
DENSE = 100
#: the fewest query words in a row that make a text a repeat of the query (``own``).
REPEAT = 4
#: the largest log of a boost (weights from a bad fit cannot overflow ``exp``).
MAX_BOOST = 30.0
#: the most days of a query that are looked at (a pasted text may name hundreds).
MAX_DAYS = 3
#: feature weights, fitted by ``python -m marsad.store.fit_rerank`` (BM25's log weighs 1).
WEIGHTS = {"lead": 0.17, "exact": 0.3, "cover": 0.89, "early": 0.59, "dense": 1.57,
           "own": 0.72, "day": 2.75}
FEATURES = tuple(WEIGHTS)
_SENTENCE_END = re.compile(r"[.!?؟](?=\s)|\n")
#: a first sentence ends at its first full stop, question mark or line break after this many
#: characters (a dateline or an abbreviation before it does not end it).
_SENTENCE_FROM = 20


def query_terms(tree: Node | None) -> list[Term] | None:
    """The distinct plain words of words side by side, or None for any other query (one with
    operators, NOT or ``-word`` among them, a bracketed ``AND``/``OR`` group, phrases only, or
    fewer than :data:`MIN_WORDS` words)."""
    if not isinstance(tree, Group) or tree.op != "soft" or any(
            isinstance(t, Neg | Group) for t in tree.items):
        return None
    terms = list(dict.fromkeys(t for t in tree.items if isinstance(t, Term) and not t.prefix))
    return terms if len(terms) >= MIN_WORDS else None


@lru_cache(maxsize=1024)
def query_days(text: str) -> tuple[int, ...]:
    """The ordinals of the first :data:`MAX_DAYS` days a query names in full (a day, a month
    and a year: never a weekday alone or a relative date, which would need a day to count
    from)."""
    from marsad.extract.dates import find_dates
    from marsad.model import Article, Doc

    dates, _durations, _anchor = find_dates(Doc(Article(text=text)))
    days = dict.fromkeys(day_ordinal(d.value) for d in dates
                         if d.granularity == "day" and not d.relative)
    return tuple(days)[:MAX_DAYS]


@dataclass(frozen=True)
class Query:
    """What the second look needs of a query: its words, their stems' weights and days."""

    terms: tuple[Term, ...]
    weights: dict[str, float]
    days: tuple[int, ...] = ()
    #: the stems of the query's text in order (for ``own``).
    sequence: tuple[str, ...] = ()

    @cached_property
    def total(self) -> float:
        """All the stems' weight (the share ``lead`` and ``early`` are of)."""
        return sum(self.weights.values()) or 1.0

    @cached_property
    def words(self) -> frozenset[str]:
        """The query's exact word forms."""
        return frozenset(t.word for t in self.terms)


def prepare(conn: sqlite3.Connection, terms: Sequence[Term], text: str = "") -> Query:
    """The query's words with their stems' inverse document frequencies, its days and the
    stems of its text in order."""
    return Query(tuple(terms), _idf(conn, [t.stem for t in terms]),
                 query_days(text) if text else (), tuple(s for s, _w in text_terms(text)))


def features(query: Query, key: int, title: str | None, text: str) -> dict[str, float]:
    """The features of one article (:data:`FEATURES`), each 0 to 1."""
    weights, total, words = query.weights, query.total, query.words
    head, _rest = split_first_sentence(text[:OPENING])
    titled = text_terms(title) if title else []
    located = list(iter_terms(text))  # whole words, with where they start and end
    body = [(s, w) for _a, _b, s, w in located]
    opening = titled + [(s, w) for a, _b, s, w in located if a < OPENING]
    every = titled + body
    first = {s for s, _w in titled} | {s for _a, b, s, _w in located if b <= len(head)}
    stems = [s for s, _w in every]
    at: dict[str, int] = {}
    for i, s in enumerate(stems):
        at.setdefault(s, i)
    lead_words = stems[:DENSE]
    return {
        "lead": sum(w for s, w in weights.items() if s in first) / total,
        "exact": len(words & {w for _s, w in opening}) / len(words),
        "cover": len(words & {w for _s, w in every}) / len(words),
        "early": sum(w * math.exp(-at[s] / EARLY) for s, w in weights.items() if s in at)
        / total,
        "dense": sum(1 for s in lead_words if s in weights) / max(1, len(lead_words)),
        "own": 0.0 if _repeats([s for s, _w in body], query.sequence) else 1.0,
        "day": 1.0 if day_of(key) in query.days else 0.0,
    }


def rerank(conn: sqlite3.Connection, rows: list[tuple[int, float]], query: Query,
           extra: Sequence[tuple[int, float]] = (),
           weights: dict[str, float] | None = None) -> list[tuple[int, float]]:
    """``(search key, score)`` rows, best first, with the first :data:`DEPTH` and the
    ``extra`` rows (the best of the query's days) ranked again (by ``weights``, default
    :data:`WEIGHTS`), all above the score of the first row after them (fetch
    ``DEPTH + 1 + len(extra)`` rows at least, so that it is there)."""
    top, rest = candidates(rows, extra)
    if len(top) < 2:
        return top + rest
    w = weights or WEIGHTS
    texts = read_texts(conn, [key for key, _score in top])
    floor = max((score for _key, score in rest), default=0.0)
    scored = []
    for key, score in top:
        f = features(query, key, *texts.get(key, (None, "")))
        boost = math.exp(min(MAX_BOOST, sum(w[name] * f[name] for name in FEATURES)))
        scored.append((key, max(score, 0.0) * boost + floor))
    scored.sort(key=lambda r: (-r[1], r[0]))
    return scored + rest


def candidates(rows: list[tuple[int, float]], extra: Sequence[tuple[int, float]] = ()
               ) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """The rows to look at again (the first :data:`DEPTH` and the ``extra`` ones) and the
    rest, in order."""
    top = list(rows[:DEPTH])
    chosen = {key for key, _score in top}
    for key, score in extra:
        if key not in chosen:
            chosen.add(key)
            top.append((key, score))
    return top, [r for r in rows[DEPTH:] if r[0] not in chosen]


def read_texts(conn: sqlite3.Connection, keys: list[int]) -> dict[int, tuple[str | None, str]]:
    """The title and the first :data:`READ` characters of the text of each article."""
    return {key: (title, text or "") for key, title, text in conn.execute(
        f"SELECT skey, title, substr(text, 1, ?) FROM articles "
        f"WHERE skey IN ({','.join('?' * len(keys))})", (READ, *keys))}


#: the signature of :func:`rerank` (``search(..., second_look=...)`` takes another).
SecondLook = Callable[[sqlite3.Connection, list[tuple[int, float]], Query,
                       Sequence[tuple[int, float]]], list[tuple[int, float]]]


def split_first_sentence(text: str) -> tuple[str, str]:
    """The first sentence of ``text`` and the rest."""
    m = _SENTENCE_END.search(text, _SENTENCE_FROM)
    return (text[:m.start()], text[m.start():]) if m else (text, "")


def _repeats(stems: list[str], query: Sequence[str]) -> bool:
    """Whether ``stems`` has all the query's stems in a row (a query of at least
    :data:`REPEAT` words)."""
    n = len(query)
    if n < REPEAT:
        return False
    wanted = list(query)
    return any(stems[i:i + n] == wanted for i, s in enumerate(stems) if s == wanted[0])


def _idf(conn: sqlite3.Connection, stems: list[str]) -> dict[str, float]:
    """BM25's inverse document frequency of each stem (at least 0; the archive's size is its
    largest article number, as in the planner: counting would read every article)."""
    n = conn.execute("SELECT max(aid) FROM articles").fetchone()[0] or 0
    df = document_frequencies(conn, stems)
    return {s: max(0.0, math.log((n - df.get(s, 0) + 0.5) / (df.get(s, 0) + 0.5)))
            for s in set(stems)}
