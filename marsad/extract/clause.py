"""Reading one sentence word by word: what the attribution and event extractors share.

A :class:`Sentence` holds the words of one sentence of a Doc (raw offsets and normalized
spelling), the entities and dates that start at each word, and a few readings that both
extractors need: where a clause ends, which noun phrase starts at a word, and which linked
entity a phrase names or includes (وزير الخارجية التركي → Turkey).

Words are built only for sentences where a cue or a trigger was found, so the cost of a
stage is in proportion to what it finds, not to the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple, TypeVar

from marsad.model import DateMention, Doc, Entity, Span
from marsad.text.clitics import analyses
from marsad.text.normalize import normalize_text

V = TypeVar("V")

_IS_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_CROWD = re.compile("متظاهر|محتج|معتصم|مضرب")

#: opening -> closing quotation marks.
QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“", "‹": "›"}

#: prepositions and adverbs that open an adjunct after a noun phrase (normalized spelling).
PREPOSITIONS = frozenset(normalize_text(w).replace("ـ", "") for w in (
    "في", "على", "عن", "إلى", "الى", "من", "خلال", "لدى", "منذ", "عبر", "حول", "أمام", "بعد",
    "قبل", "إثر", "اثر", "عند", "مع", "ضد", "بين", "تجاه", "وسط", "قرب", "داخل", "خارج", "حتى",
    "ل", "ب", "لـ", "بـ", "حيث", "بسبب", "جراء", "عقب", "أثناء", "دون", "نحو", "بشأن", "بخصوص",
    "إزاء", "ازاء", "لصالح", "ضمن", "فيما", "بينما", "كما", "لكن", "ولكن", "غير", "الذي", "التي",
    "الذين", "اللذين", "اللتين", "اللواتي", "ما", "بما", "مما", "إذ", "اذ", "أو", "أي", "هو", "هي",
    "هم", "وهو", "وهي", "وهم", "الآن", "أمس", "اليوم", "غدا", "أيضا", "ايضا", "كذلك", "مؤخرا",
    "سابقا", "لاحقا", "حاليا", "مساء", "صباح", "ظهر", "فجر", "ليلة", "يوم",
    "فيها", "فيه", "فيهم", "عليه", "عليها", "عليهم", "منه", "منها", "منهم", "عنه", "عنها",
    "إليه", "إليها", "معه", "معها", "بها", "به", "لدي", "لديه", "لديها",
))
#: the complementizers that open reported content (أنّ، إنّ، بأنّ with their pronouns).
_COMP = re.compile(r"^(?:ب|ل)?[اأإ]ن(?:ه|ها|هم|هما|هن|نا|ني|ي|ك|كم)?$")


class Word(NamedTuple):
    start: int
    end: int
    norm: str

    @property
    def is_word(self) -> bool:
        return _IS_WORD.match(self.norm) is not None

    @property
    def definite(self) -> bool:
        n = self.norm
        return n.startswith(("ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل"))


def is_complementizer(norm: str) -> bool:
    """أنّ، إنّ، بأنّ، أنه، إنها … (normalized: ان، انه، بان …)."""
    return _COMP.match(norm) is not None


@lru_cache(maxsize=65536)
def norm_word(raw: str) -> str:
    return normalize_text(raw)


@dataclass
class Sentence:
    """The words of one sentence and what starts at each of them."""

    doc: Doc
    start: int
    end: int
    index: int
    words: list[Word] = field(default_factory=list)
    entity_at: dict[int, Entity] = field(default_factory=dict)
    date_at: dict[int, DateMention] = field(default_factory=dict)

    @cached_property
    def ends(self) -> list[int]:
        """The raw end of each word."""
        return [w.end for w in self.words]

    def word_index(self, raw: int) -> int:
        """The index of the first word that ends after raw offset ``raw``."""
        return bisect.bisect_right(self.ends, raw)

    def span(self, i: int, j: int) -> Span:
        """The raw span of words ``i`` to ``j`` (exclusive; clamped to the sentence)."""
        j = min(j, len(self.words))
        i = min(i, j - 1)
        return Span(self.words[i].start, self.words[j - 1].end)

    def entities_in(self, i: int, j: int) -> list[Entity]:
        """Entities that start at a word in ``[i, j)`` (and end inside it)."""
        out = []
        end = self.words[j - 1].end if j > i else -1
        for k in range(i, j):
            e = self.entity_at.get(k)
            if e is not None and e.end <= end:
                out.append(e)
        return out

    def entity_covering(self, k: int) -> Entity | None:
        w = self.words[k]
        for e in self.doc.group("entities"):
            if e.start <= w.start and w.end <= e.end:
                return e  # type: ignore[return-value]
        return None


class SentenceIndex:
    """Sentences of a Doc built on demand, with the Doc's entities and dates placed on words."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.bounds = list(doc.sentences) or [(0, len(doc.text))]
        self._starts = [s for s, _ in self.bounds]
        self._cache: dict[int, Sentence] = {}
        self._tokens = doc.tokens
        self._token_starts = [s for s, _ in doc.tokens]
        self._entities = _by_start(doc.group("entities"))
        self._dates = _by_start(doc.group("dates"))

    def has_crowd(self, n: int) -> bool:
        """Does sentence ``n`` mention protesters (a cheap test before reading its words)?"""
        start, end = self.bounds[n]
        return _CROWD.search(self.doc.text, start, end) is not None

    def sentence_of(self, raw: int) -> int:
        return max(0, bisect.bisect_right(self._starts, raw) - 1)

    def get(self, n: int) -> Sentence:
        s = self._cache.get(n)
        if s is None:
            s = self._cache[n] = self._build(n)
        return s

    def __len__(self) -> int:
        return len(self.bounds)

    def _build(self, n: int) -> Sentence:
        start, end = self.bounds[n]
        text = self.doc.text
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        words = [Word(s, e, norm_word(text[s:e])) for s, e in self._tokens[lo:hi]]
        sent = Sentence(self.doc, start, end, n, words)
        for table, target in ((self._entities, sent.entity_at), (self._dates, sent.date_at)):
            for at in sorted(a for a in table if start <= a < end):
                k = sent.word_index(at)  # the word that contains the span's start
                if k < len(words) and k not in target:
                    target[k] = table[at]  # type: ignore[assignment]
        return sent


def _by_start(spans: Iterable[Span]) -> dict[int, Span]:
    out: dict[int, Span] = {}
    for s in spans:
        out.setdefault(s.start, s)
    return out


def strip_conj(norm: str) -> str:
    """A word without a leading و or ف (وقال → قال), when something is left."""
    if len(norm) > 2 and norm[0] in "وف":
        return norm[1:]
    return norm


def bare(norm: str) -> str:
    """A word without conjunction, preposition and article (وبالجيش → جيش)."""
    w = strip_conj(norm)
    if len(w) > 3 and w[0] in "بلك" and not w.startswith("لل"):
        w = w[1:]
    if w.startswith("لل") and len(w) > 4:
        w = w[2:]
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    return w


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """A normalized word and its forms without proclitics and article (والوزير → وزير), for
    table lookups; a word whose first letter may be و (وزير) keeps its own form first."""
    out = [word]
    for a in analyses(word):
        if not a.enclitic and a.stem not in out:
            out.append(a.stem)
    return tuple(out)


def in_table(word: str, table: Collection[str]) -> bool:
    """Is ``word``, or one of its :func:`stems`, in ``table``?"""
    return any(s in table for s in stems(word))


def lookup(word: str, table: Mapping[str, V]) -> V | None:
    for s in stems(word):
        if s in table:
            return table[s]
    return None


def entity_kb(entities: Sequence[Entity]) -> Entity | None:
    """The entity a phrase is about: its first linked person, else organization, else place."""
    for kind in ("PERS", "ORG", "LOC", "MISC"):
        for e in entities:
            if e.type == kind and e.kb_id:
                return e
    return None
