"""A second look at the best hits of words side by side (a pasted headline).

BM25 ranks an article by how often it has each query word; among articles about the same
story, the one a headline was written for is the one whose *opening* says what the headline
says. So the first :data:`DEPTH` hits of a query of at least :data:`MIN_WORDS` words are
ranked again, each BM25 score multiplied by

    1 + (the query's stems in the article's title and first sentence, weighted by their
         inverse document frequency, as a share of all its stems' weight)
      + (the share of the query's exact word forms in the article's first
         :data:`OPENING` characters)

Both shares are 0 to 1, so a hit counts up to three times its BM25 score, and a reranked hit
never falls below one that was not reranked. On the known-item benchmark (a headline finds
its story, ``marsad eval search``) this raises MRR by 0.001 on 1,420 ANT articles, 0.002 on
2,368, 0.008 on 3,528 and 0.010 on all 6,998: the larger the archive, the more stories of the
same event compete. The cost is one read of the openings of :data:`DEPTH` articles.
"""

from __future__ import annotations

import math
import re
import sqlite3

from marsad.store.plan import document_frequencies
from marsad.store.query import Group, Node, Term
from marsad.store.terms import text_terms

#: the number of best hits that are ranked again.
DEPTH = 15
#: queries with fewer distinct words are ranked by BM25 alone.
MIN_WORDS = 3
#: characters of an article's opening read for the query's word forms.
OPENING = 500
_SENTENCE_END = re.compile(r"[.!?؟](?=\s)|\n")
#: a first sentence ends at its first full stop, question mark or line break after this many
#: characters (a dateline or an abbreviation before it does not end it).
_SENTENCE_FROM = 20


def query_terms(tree: Node | None) -> list[Term] | None:
    """The distinct plain words of words side by side, or None for any other query (one with
    operators, phrases only, or fewer than :data:`MIN_WORDS` words)."""
    if not isinstance(tree, Group) or tree.op != "soft":
        return None
    terms = list(dict.fromkeys(t for t in tree.items if isinstance(t, Term) and not t.prefix))
    return terms if len(terms) >= MIN_WORDS else None


def rerank(conn: sqlite3.Connection, rows: list[tuple[int, float]],
           terms: list[Term]) -> list[tuple[int, float]]:
    """``(search key, score)`` rows, best first, with the first :data:`DEPTH` ranked again."""
    top = rows[:DEPTH]
    if len(top) < 2:
        return rows
    keys = [key for key, _score in top]
    openings = {key: (title, opening) for key, title, opening in conn.execute(
        f"SELECT skey, title, substr(text, 1, ?) FROM articles "
        f"WHERE skey IN ({','.join('?' * len(keys))})", (OPENING, *keys))}
    weights = _idf(conn, [t.stem for t in terms])
    total = sum(weights.values()) or 1.0
    words = {t.word for t in terms}
    scored = []
    for key, score in top:
        title, opening = openings.get(key, (None, ""))
        head, rest = split_first_sentence(opening or "")
        first = text_terms(f"{title}\n{head}" if title else head)
        stems = {s for s, _w in first}
        lead = sum(w for stem, w in weights.items() if stem in stems) / total
        found = {w for _s, w in first} | {w for _s, w in text_terms(rest)}
        scored.append((key, score * (1.0 + lead + len(words & found) / len(words))))
    scored.sort(key=lambda r: (-r[1], r[0]))
    return scored + rows[DEPTH:]


def split_first_sentence(text: str) -> tuple[str, str]:
    """The first sentence of ``text`` and the rest."""
    m = _SENTENCE_END.search(text, _SENTENCE_FROM)
    return (text[:m.start()], text[m.start():]) if m else (text, "")


def _idf(conn: sqlite3.Connection, stems: list[str]) -> dict[str, float]:
    """BM25's inverse document frequency of each stem (at least 0; the archive's size is its
    largest article number, as in the planner: counting would read every article)."""
    n = conn.execute("SELECT max(aid) FROM articles").fetchone()[0] or 0
    df = document_frequencies(conn, stems)
    return {s: max(0.0, math.log((n - df.get(s, 0) + 0.5) / (df.get(s, 0) + 0.5)))
            for s in set(stems)}
