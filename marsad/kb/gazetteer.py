"""Finding knowledge-base names in a text.

The text is normalized (:mod:`marsad.text.normalize`) and cut into tokens; the aliases sit in
a token trie. At each token every clitic split of the token (بالموصل → ب + الموصل;
وللتحالف → و + ل + التحالف) is tried as the first word of an alias, the following tokens must
match exactly, and the longest alias wins (the least-stripped split on a tie). A name found
after stripping the article (التركي → تركي) counts only for adjective aliases. In a person's
name of two words or more, the last word may have one letter wrong (أبو بكر البغداي) when
exactly one known name is that close. Matches are reported over the raw text, without the
proclitics.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.kb.base import ADJ, KB
from marsad.text.clitics import analyses
from marsad.text.normalize import Normalized
from marsad.text.tokenize import TOKEN_RE

TERMINAL = ""
MIN_FUZZY_TOKEN = 5
MIN_FUZZY_NAME = 9


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the normalized text: its text and normalized offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Match:
    """An alias found at tokens ``[first, last)``; ``start``/``end`` are raw offsets."""

    start: int
    end: int
    first: int
    last: int
    key: str
    candidates: tuple[tuple[int, int], ...]
    proclitics: str = ""
    via_article: bool = False
    fuzzy: bool = False


#: a trie node: token -> child node, and TERMINAL -> [(entry index, flags), ...].
Node = dict[str, Any]


#: short words that begin names (بن غربية، أبو بكر) and that the clitic splitter leaves whole
#: behind a proclitic (لبن غربية، وأبو بكر) because they are shorter than its stems.
NAME_PARTICLES = frozenset({"بن", "ابن", "ابو", "ام", "بنت"})
_PARTICLE_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


@lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[tuple[str, str, bool], ...]:
    """(form, proclitics, article stripped) to look a token up under, least stripped first."""
    out: list[tuple[str, str, bool]] = []
    seen = set()
    for a in analyses(word):
        if a.enclitic or "س" in a.proclitics:  # names take no future marker
            continue
        pro = "".join(a.proclitics)
        for form, stripped in ((a.form, False), (a.stem, True)) if a.definite else ((a.form,
                                                                                     False),):
            if (form, stripped) not in seen:
                seen.add((form, stripped))
                out.append((form, pro, stripped))
    for pro in _PARTICLE_PROCLITICS:
        rest = word[len(pro):]
        if word.startswith(pro) and rest in NAME_PARTICLES and (rest, False) not in seen:
            seen.add((rest, False))
            out.append((rest, pro, False))
    return tuple(out)


def tokens_of(normalized: Normalized) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(normalized.text)]


class Gazetteer:
    """The alias trie of a :class:`~marsad.kb.base.KB` and the matcher over it."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.trie: Node = {}
        for key, items in kb.aliases.items():
            node = self.trie
            for tok in key.split(" "):
                node = node.setdefault(tok, {})
            node[TERMINAL] = list(items)
        self._person = {i for i, e in enumerate(kb.entries) if e.type == "PERS"}
        self._seconds = self._index_second_words()

    def _index_second_words(self) -> dict[str, list[tuple[str, Node]]]:
        """Second word of a person's name -> (first word, its trie node): for a first name
        one letter off (إيمانيول ماكرون)."""
        out: dict[str, list[tuple[str, Node]]] = {}
        for first, node in self.trie.items():
            if len(first) < MIN_FUZZY_TOKEN:
                continue
            for second, child in node.items():
                if second != TERMINAL and self._has_person(child):
                    out.setdefault(second, []).append((first, node))
        return out

    def _has_person(self, node: Node) -> bool:
        stack = [node]
        while stack:
            n = stack.pop()
            if any(i in self._person for i, _ in n.get(TERMINAL, ())):
                return True
            stack.extend(c for k, c in n.items() if k != TERMINAL)
        return False

    def find(self, normalized: Normalized, tokens: list[Token] | None = None) -> list[Match]:
        """Every alias in the text, longest first, not overlapping, in text order."""
        toks = tokens if tokens is not None else tokens_of(normalized)
        words = [t.text for t in toks]
        out: list[Match] = []
        i, n = 0, len(words)
        while i < n:
            found = self._match_at(words, i)
            if found is None and i + 1 < n and words[i + 1] in self._seconds:
                found = self._fuzzy_first(words, i)
            if found is None:
                i += 1
                continue
            last, key, cands, pro, stripped, fuzzy = found
            nstart = toks[i].start + len(pro)
            start, end = normalized.raw_span(nstart, toks[last - 1].end)
            out.append(Match(start, end, i, last, key, cands, pro, stripped, fuzzy))
            i = last
        return out

    def _match_at(self, words: list[str], i: int) -> tuple | None:
        best: tuple | None = None
        for form, pro, stripped in _forms(words[i]):
            node = self.trie.get(form)
            if node is None:
                continue
            got = self._extend(node, words, i + 1, stripped)
            if got is None:
                continue
            last, path, cands, fuzzy = got
            if best is None or last > best[0]:
                best = (last, " ".join([form, *path]), tuple(cands), pro, stripped, fuzzy)
        return best

    def _fuzzy_first(self, words: list[str], i: int) -> tuple | None:
        """A person's name whose first word is one letter off (إيمانيول ماكرون), the rest
        exact: (end, key, candidates, proclitics, False, True)."""
        hit = None
        for form, pro, stripped in _forms(words[i]):
            if stripped or len(form) < MIN_FUZZY_TOKEN:
                continue
            for first, node in self._seconds[words[i + 1]]:
                if not within_one(first, form):
                    continue
                got = self._extend(node, words, i + 1, False)
                if got is None or got[3]:
                    continue
                cands = [c for c in got[2] if c[0] in self._person]
                if not cands or got[0] - i < 2:
                    continue
                if hit is not None and hit[2] != tuple(cands):
                    return None  # two names that close: ambiguous
                hit = (got[0], " ".join([first, *got[1]]), tuple(cands), pro, False, True)
        return hit

    def _extend(self, node: Node, words: list[str], j: int, stripped: bool) -> tuple | None:
        """Follow ``node`` over ``words[j:]``: (end, words used, candidates, fuzzy)."""
        best = None
        path: list[str] = []
        depth = 0
        while True:
            cands = self._terminal(node, stripped, depth)
            if cands:
                best = (j, list(path), cands, False)
            if j >= len(words):
                break
            nxt = node.get(words[j])
            if nxt is None:
                fuzzy = self._fuzzy(node, words[j], path) if not stripped else None
                if fuzzy is not None:
                    tok, cands = fuzzy
                    best = (j + 1, [*path, tok], cands, True)
                break
            node = nxt
            path.append(words[j])
            j += 1
            depth += 1
        return best

    @staticmethod
    def _terminal(node: Node, stripped: bool, depth: int) -> list[tuple[int, int]]:
        items = node.get(TERMINAL)
        if not items:
            return []
        if stripped and depth == 0:
            return [c for c in items if c[1] & ADJ]
        return list(items)

    def _fuzzy(self, node: Node, word: str, path: list[str]) -> tuple | None:
        """The one child of ``node`` that ends a person's name one letter away from ``word``."""
        if len(word) < MIN_FUZZY_TOKEN or not node:
            return None
        hit = None
        for tok, child in node.items():
            if tok == TERMINAL or not isinstance(child, dict) or TERMINAL not in child:
                continue
            cands = [c for c in child[TERMINAL] if c[0] in self._person]
            if not cands or len(tok) + sum(map(len, path)) + 1 < MIN_FUZZY_NAME:
                continue
            if within_one(tok, word):
                if hit is not None:
                    return None  # two names that close: ambiguous
                hit = (tok, cands)
        return hit


def within_one(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one edit apart (a letter added, dropped, changed or two swapped)?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1:] == b[i + 1:]:
            return True
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i:] == b[i + 1:]
