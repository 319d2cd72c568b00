"""Planning a search: the full-text expression to run and the part of the archive to rank.

Ranking costs about a microsecond for every matching article and BM25 reads the whole match
list of every term once (for its inverse document frequency), so on a large archive (more
than ``PLAN_FROM`` articles) a query estimated to match many articles is planned to stay
within tens of milliseconds on one core (``docs/store.md``, "Large archives"; the limits are in :mod:`marsad.store.search`):

* **words side by side** (a pasted headline) keep their *rare* words as the condition: an
  article must have one of the rarest words (exact word forms: a form's list is shorter
  than its stem's, so the budget covers more of the query's words), taken while their
  document frequencies add up to at most ``TERM_BUDGET`` (at least the rarest one, and a second one while the two stay
  within ``MATCH_CAP``); it is then ranked by BM25 over
  *all* the query's words but the very common ones (those in more than ``COMMON`` of the
  articles, and more than ``TERM_BUDGET``: a stem or word form in every other article says
  little and costs a long list);
* a query still estimated to match more than ``MATCH_CAP`` articles is ranked among its
  **newest** ``MATCH_CAP`` matches (the index runs in publication order: one backward
  read of the match list finds them).

Smaller archives are searched exactly as the query says. Document frequencies come from
``term_df`` (stems and word forms).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.store.query import (
    MAX_TERMS,
    Group,
    Neg,
    Node,
    Phrase,
    Term,
    node_fts,
    term_fts,
)


@dataclass(frozen=True)
class Limits:
    """``plan_from``: archives up to this many articles are searched exactly as the query
    says; ``budget``: a ranked query's condition is its rarest word forms while their frequencies
    add up to this; ``cap``: a query estimated to match more articles is ranked among its
    newest ``cap`` matches; ``common``: on a large archive, a ranked query leaves out words
    in more than this share of the articles (0: ranks with its rare words alone)."""

    plan_from: int
    budget: int
    cap: int
    common: float


@dataclass
class Planned:
    """The expression to run, whether to rank only the newest ``cap`` matches, and a cheaper
    expression matching the same articles (to find them), if there is one."""

    fts: str
    window: bool
    condition: str | None = None


def document_frequencies(conn: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
    keys = sorted(set(terms))
    if not keys:
        return {}
    return dict(conn.execute(
        f"SELECT term, df FROM term_df WHERE term IN ({','.join('?' * len(keys))})", keys))


def terms_of(tree: Node) -> set[str]:
    """The stems and word forms whose document frequencies the planner needs."""
    if isinstance(tree, Term):
        return set() if tree.prefix else {tree.stem, tree.word}
    if isinstance(tree, Phrase):
        return set(tree.stems)
    if isinstance(tree, Neg):
        return set()
    return set().union(*(terms_of(n) for n in tree.items))


def estimate(tree: Node, df: dict[str, int], n: int) -> int:
    """An upper estimate of how many articles match ``tree``."""
    if isinstance(tree, Term):
        if tree.prefix:
            return n
        forms = {tree.stem, tree.word}
        return min(n, sum(df.get(f, 0) for f in forms))
    if isinstance(tree, Phrase):
        return min(df.get(s, 0) for s in tree.stems)
    if isinstance(tree, Neg):
        return 0
    parts = [estimate(x, df, n) for x in tree.items if not isinstance(x, Neg)]
    return min(parts) if tree.op == "and" else min(n, sum(parts))


def plan(conn: sqlite3.Connection, tree: Node, fts: str, n: int, limits: Limits) -> Planned:
    """The plan of a parsed query ``tree`` (compiled to ``fts``) on an archive of ``n``: the
    query as it is unless the archive has more than ``plan_from`` articles and the query is
    estimated to match more than ``budget`` (words side by side) or ``cap`` (windowed) of
    them."""
    if n <= limits.plan_from:
        return Planned(fts, False)
    df = document_frequencies(conn, terms_of(tree))
    matches = estimate(tree, df, n)
    condition = None
    if isinstance(tree, Group) and tree.op == "soft" and matches > limits.budget:
        fts, condition, matches = _ranked(tree, df, n, limits)
    return Planned(fts, matches > limits.cap, condition)


def _ranked(tree: Group, df: dict[str, int], n: int,
            limits: Limits) -> tuple[str, str | None, int]:
    """Words side by side on a large archive: ``(rare word forms) AND (the query's words but the
    common ones)``. The second part matches every article the first does (it holds the rare
    words too): it is there for BM25, which scores every phrase of the expression, so the
    rare words count twice (FTS5 has no operator for words that only score)."""
    positive = list(dict.fromkeys(x for x in tree.items if not isinstance(x, Neg)))[:MAX_TERMS]
    negative = [x.node for x in tree.items if isinstance(x, Neg)]
    words = [x for x in positive if isinstance(x, Term) and not x.prefix]
    others = [x for x in positive if x not in words]
    rare: list[Term] = []
    total = 0
    for t in sorted(words, key=lambda t: df.get(t.word, 0)):
        more = total + df.get(t.word, 0)
        if rare and more > limits.budget and (len(rare) >= 2 or more > limits.cap):
            break
        rare.append(t)
        total = more
    condition = [term_fts(t, stem=False) for t in rare] + [node_fts(x) for x in others]
    limit = max(limits.common * n, limits.budget) if limits.common > 0 else 0
    taken: set[str] = set()
    ranked: list[str] = []
    for t in words:
        for form in (t.stem, t.word):
            if form not in taken and (t in rare or df.get(form, 0) <= limit):
                taken.add(form)
                ranked.append(_quote(form))
    ranked += [node_fts(x) for x in others]
    cond = expr = _any(condition)
    if ranked != condition:
        expr = f"{expr} AND {_any(ranked)}"
    for excluded in negative:
        expr = f"({expr} NOT {node_fts(excluded)})"
        cond = f"({cond} NOT {node_fts(excluded)})"
    matches = min(n, sum(df.get(t.word, 0) for t in rare) + sum(estimate(x, df, n) for x in others))
    return expr, (cond if cond != expr else None), matches


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _any(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
