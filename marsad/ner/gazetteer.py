"""Gazetteers: lists of known names by type, matched over a sentence's tokens.

An entry is a tuple of *keys* (see :func:`key`): normalized tokens, the first one with its
proclitics stripped (``وبغداد`` matches ``بغداد``). :meth:`Gazetteer.match` finds, for every
token, the types of the longest entries that cover it, as ``B-LOC`` / ``I-LOC`` labels.

Sources: the knowledge base's aliases (:func:`from_kb`), the entities of the training split (:func:`from_sentences`; the trainer builds them
*jackknifed*, each block of training sentences seeing only the names of the other blocks, so the
model learns how far to trust a name it has seen elsewhere, not to copy its own labels) and the
curated lists in ``marsad/data/ner/`` (one name a line; ``#`` starts a comment).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

from marsad.ner.scoring import bio_spans
from marsad.text.clitics import match_forms
from marsad.text.normalize import normalize_text

#: the longest entry that is matched, in tokens.
MAX_LEN = 6
CURATED = {"LOC": "loc.txt", "PERS": "pers.txt", "ORG": "org.txt", "MISC": "misc.txt"}


@lru_cache(maxsize=100_000)
def key(token: str) -> str:
    """The key a token is matched under: its normalized form."""
    return normalize_text(token)


@lru_cache(maxsize=100_000)
def head_keys(token: str) -> tuple[str, ...]:
    """The keys a first token is matched under: itself, then without proclitics."""
    return match_forms(key(token))


Lookup = Callable[[tuple[str, ...]], "frozenset[str] | None"]


class Gazetteer:
    """Entries (tuples of keys) mapped to the set of types they were seen with.

    ``heads`` maps the first key of the entries to their lengths, longest first, so a token
    that starts no entry costs one dictionary lookup per clitic split.
    """

    def __init__(self, entries: Mapping[tuple[str, ...], frozenset[str]] | None = None) -> None:
        self.entries: dict[tuple[str, ...], frozenset[str]] = {}
        self.heads: dict[str, tuple[int, ...]] = {}
        for entry, kinds in (entries or {}).items():
            self._put(entry, kinds)

    @property
    def max_len(self) -> int:
        return max((lengths[0] for lengths in self.heads.values()), default=0)

    def __len__(self) -> int:
        return len(self.entries)

    def _put(self, entry: tuple[str, ...], kinds: frozenset[str]) -> None:
        old = self.entries.get(entry)
        self.entries[entry] = kinds if old is None else old | kinds
        if old is None:
            lengths = self.heads.get(entry[0], ())
            if len(entry) not in lengths:
                self.heads[entry[0]] = tuple(sorted((*lengths, len(entry)), reverse=True))

    def add(self, tokens: Sequence[str], kind: str) -> tuple[str, ...] | None:
        """Add a name of type ``kind``; returns its entry (``None`` when empty or too long)."""
        entry = tuple(key(t) for t in tokens)
        if not entry or len(entry) > MAX_LEN:
            return None
        self._put(entry, frozenset((kind,)))
        return entry

    def merged(self, other: Gazetteer) -> Gazetteer:
        out = Gazetteer(self.entries)
        for entry, kinds in other.entries.items():
            out._put(entry, kinds)
        return out

    def match(self, tokens: Sequence[str], lookup: Lookup | None = None) -> list[tuple[str, ...]]:
        """For every token, ``B-T``/``I-T`` labels of the names found, longest first, left to
        right. ``lookup`` (default: the entries) gives the types an entry counts with here."""
        if not self.entries:
            return [()] * len(tokens)
        get = lookup or self.entries.get
        out: list[tuple[str, ...]] = [()] * len(tokens)
        keys: list[str] | None = None
        n = len(tokens)
        i = 0
        while i < n:
            heads = [h for h in head_keys(tokens[i]) if h in self.heads]
            if not heads:
                i += 1
                continue
            if keys is None:
                keys = [key(t) for t in tokens]
            best = self._longest_at(heads, keys, i, n, get)
            if best is None:
                i += 1
                continue
            length, kinds = best
            ordered = sorted(kinds)
            out[i] = tuple("B-" + kind for kind in ordered)
            for j in range(i + 1, i + length):
                out[j] = tuple("I-" + kind for kind in ordered)
            i += length
        return out

    def _longest_at(
        self, heads: list[str], keys: list[str], i: int, n: int, get: Lookup
    ) -> tuple[int, frozenset[str]] | None:
        for head in heads:
            for length in self.heads[head]:
                if length <= n - i:
                    kinds = get((head, *keys[i + 1 : i + length]))
                    if kinds:
                        return length, kinds
        return None

    def dump(self) -> list[list[str]]:
        """JSON-able form: ``[[type, ...types, "|", key, key, ...], ...]`` sorted."""
        rows = [[*sorted(k), "|", *e] for e, k in self.entries.items()]
        return sorted(rows)

    @classmethod
    def load(cls, rows: Iterable[Sequence[str]]) -> Gazetteer:
        out = cls()
        for row in rows:
            bar = list(row).index("|")
            out._put(tuple(row[bar + 1 :]), frozenset(row[:bar]))
        return out


def from_sentences(sentences: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Gazetteer:
    """The names of labelled sentences (``(tokens, tags)`` pairs)."""
    gaz = Gazetteer()
    for tokens, tags in sentences:
        for start, end, kind in bio_spans(tags):
            gaz.add(tokens[start:end], kind)
    return gaz


def from_kb() -> Gazetteer:
    """The names of marsad's knowledge base (:mod:`marsad.kb`), adjective forms left out
    (سويدية is not a place). An empty gazetteer when the KB cannot be loaded."""
    try:
        from marsad.kb.base import ADJ, load
    except ImportError:  # pragma: no cover - the KB is part of marsad
        return Gazetteer()
    kb = load()
    gaz = Gazetteer()
    for alias, items in kb.aliases.items():
        for index, flags in items:
            kind = kb.entries[index].type
            if not flags & ADJ and kind in CURATED:
                gaz.add(alias.split(), kind)
    return gaz


def curated() -> Gazetteer:
    """The curated name lists shipped in ``marsad/data/ner/``."""
    gaz = Gazetteer()
    base = resources.files("marsad") / "data" / "ner"
    for kind, name in CURATED.items():
        path = base / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                gaz.add(line.split(), kind)
    return gaz
