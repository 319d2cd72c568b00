"""The inputs of the neural NER model: each token as ids and a few indicator features.

For every token (all of it cached per token string):

* ``word``: the row of its word key (:func:`marsad.ner.corpus.word_key`) in the vector
  vocabulary; when the key is unknown, the row of its first clitic-stripped form that is known
  (``وبواشنطن`` → ``واشنطن``); else :data:`UNK`;
* ``stem``: the row of the most frequent of its proclitic-stripped forms (``والعراق`` →
  ``العراق``), the word itself when it has no proclitic, else :data:`UNK`;
* ``chars``: the ids of the key's first :data:`MAX_CHARS` characters (the character CNN);
* ``flags``: the key was known / found through a stripped form / unknown, Latin letters,
  digits, punctuation only.

Per sentence, the gazetteer (:mod:`marsad.ner.gazetteer`) adds 8 indicators: the token starts
(``B-``) or continues (``I-``) a known name of each type.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.ner.corpus import word_key
from marsad.ner.data import TYPES
from marsad.ner.gazetteer import Gazetteer, head_keys, key
from marsad.text.clitics import match_forms

PAD, UNK = 0, 1
MAX_CHARS = 20
GAZ_LABELS = tuple(f"{p}-{t}" for t in TYPES for p in "BI")
_GAZ_INDEX = {label: i for i, label in enumerate(GAZ_LABELS)}
N_FLAGS = 6
_LATIN = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")
_WORDY = re.compile(r"\w")


class Matcher:
    """:meth:`Gazetteer.match <marsad.ner.gazetteer.Gazetteer.match>`, same results, faster:
    for each token (cached per token string) only the head forms that start an entry, and
    only the lengths of those entries, are tried."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.entries = gazetteer.entries
        lengths: dict[str, set[int]] = {}
        for entry in self.entries:
            lengths.setdefault(entry[0], set()).add(len(entry))
        self.lengths = {h: tuple(sorted(ls, reverse=True)) for h, ls in lengths.items()}
        self._heads: dict[str, tuple[tuple[str, tuple[int, ...]], ...]] = {}

    def heads(self, token: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """The head forms of ``token`` that start an entry, with those entries' lengths."""
        found = self._heads.get(token)
        if found is None:
            if len(self._heads) > 300_000:
                self._heads.clear()
            found = self._heads[token] = tuple(
                (h, self.lengths[h]) for h in head_keys(token) if h in self.lengths)
        return found

    def match(self, tokens: Sequence[str]) -> list[tuple[str, ...]]:
        if not self.entries:
            return [()] * len(tokens)
        heads = [self.heads(t) for t in tokens]
        if not any(heads):
            return [()] * len(tokens)
        keys = [key(t) for t in tokens]
        out: list[list[str]] = [[] for _ in tokens]
        n, i = len(tokens), 0
        while i < n:
            found = self._longest_at(heads[i], keys, i, n) if heads[i] else None
            if found is None:
                i += 1
                continue
            length, kinds = found
            for kind in sorted(kinds):
                out[i].append("B-" + kind)
                for j in range(i + 1, i + length):
                    out[j].append("I-" + kind)
            i += length
        return [tuple(labels) for labels in out]

    def _longest_at(self, heads: tuple[tuple[str, tuple[int, ...]], ...], keys: list[str],
                    i: int, n: int) -> tuple[int, frozenset[str]] | None:
        for head, lengths in heads:
            for length in lengths:
                if length <= n - i:
                    kinds = self.entries.get((head, *keys[i + 1 : i + length]))
                    if kinds:
                        return length, kinds
        return None


@dataclass(frozen=True, slots=True)
class TokenCode:
    word: int
    stem: int
    chars: tuple[int, ...]
    flags: tuple[float, ...]


class Encoder:
    """Maps tokens to model inputs with a fixed vocabulary, character set and gazetteer."""

    def __init__(self, words: Sequence[str], counts: Sequence[int], chars: str,
                 gazetteer: Gazetteer | None = None) -> None:
        self.words = list(words)
        self.index = {w: i + 2 for i, w in enumerate(self.words)}
        self.counts = {w: int(c) for w, c in zip(self.words, counts, strict=True)}
        self.chars = chars
        self.char_index = {c: i + 2 for i, c in enumerate(chars)}
        self.gazetteer = gazetteer
        self._matcher = Matcher(gazetteer) if gazetteer is not None else None
        self._cache: dict[str, TokenCode] = {}

    @property
    def n_words(self) -> int:
        return len(self.words) + 2

    @property
    def n_chars(self) -> int:
        return len(self.chars) + 2

    def token(self, token: str) -> TokenCode:
        code = self._cache.get(token)
        if code is None:
            if len(self._cache) > 300_000:
                self._cache.clear()
            code = self._cache[token] = self._encode(token)
        return code

    def _encode(self, token: str) -> TokenCode:
        key = word_key(token)
        word = self.index.get(key, UNK)
        backoff = False
        if word == UNK:
            for form in match_forms(key, True)[1:]:
                if form in self.index:
                    word, backoff = self.index[form], True
                    break
        stripped = [f for f in match_forms(key)[1:] if f in self.index]
        if stripped:
            stem = self.index[max(stripped, key=lambda f: self.counts[f])]
        else:
            stem = self.index.get(key, UNK) if len(match_forms(key)) == 1 else UNK
        text = key or token
        chars = tuple(self.char_index.get(c, UNK) for c in text[:MAX_CHARS]) or (UNK,)
        flags = (float(word != UNK and not backoff), float(backoff), float(word == UNK),
                 float(bool(_LATIN.search(key))), float(bool(_DIGIT.search(key))),
                 float(not _WORDY.search(key)))
        return TokenCode(word, stem, chars, flags)

    def gazetteer_features(self, tokens: Sequence[str], matcher: Matcher | None = None
                           ) -> list[tuple[int, ...]]:
        """For each token, the indices (into :data:`GAZ_LABELS`) of its gazetteer labels."""
        matcher = matcher if matcher is not None else self._matcher
        if matcher is None:
            return [()] * len(tokens)
        return [tuple(_GAZ_INDEX[label] for label in labels) for labels in matcher.match(tokens)]


@dataclass
class Batch:
    """A batch of sentences as numpy arrays: per distinct token, then per position."""

    distinct: list[str]  # the batch's distinct tokens, in order of first appearance
    words: Any           # (U,) int: word row of each distinct token
    stems: Any           # (U,) int: stem row
    chars: Any           # (U, L) int: character ids, 0-padded to the longest
    flags: Any           # (U, N_FLAGS) float32
    types: Any           # (B, T) int: the distinct token at each position (0 in padding)
    gaz: Any             # (B, T, 8) float32: gazetteer indicators
    lengths: Any         # (B,) int


def make_batch(encoder: Encoder, sentences: Sequence[Sequence[str]],
               gazetteers: Sequence[Sequence[tuple[int, ...]]] | None = None) -> Batch:
    """Encode sentences (each non-empty) into one padded :class:`Batch`."""
    import numpy as np

    n = len(sentences)
    lengths = np.array([len(s) for s in sentences], dtype=np.int64)
    t_max = int(lengths.max()) if n else 0
    types = np.zeros((n, t_max), dtype=np.int64)
    gaz_arr = np.zeros((n, t_max, len(GAZ_LABELS)), dtype=np.float32)
    index: dict[str, int] = {}
    for b, tokens in enumerate(sentences):
        gaz = gazetteers[b] if gazetteers is not None else encoder.gazetteer_features(tokens)
        row = types[b]
        for t, token in enumerate(tokens):
            u = index.get(token)
            if u is None:
                u = index[token] = len(index)
            row[t] = u
            for g in gaz[t]:
                gaz_arr[b, t, g] = 1.0
    distinct = list(index)
    codes = [encoder.token(tok) for tok in distinct]
    width = max((len(c.chars) for c in codes), default=1)
    chars = np.zeros((len(codes), width), dtype=np.int64)
    for u, code in enumerate(codes):
        chars[u, : len(code.chars)] = code.chars
    words = np.array([c.word for c in codes], dtype=np.int64)
    stems = np.array([c.stem for c in codes], dtype=np.int64)
    flags = np.array([c.flags for c in codes], dtype=np.float32).reshape(len(codes), N_FLAGS)
    return Batch(distinct, words, stems, chars, flags, types, gaz_arr, lengths)
