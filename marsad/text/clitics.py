"""Clitic-aware analysis of one (normalized) token, for matching words against lexicons.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك), the future marker (س) and the
article (ال) in front of a word, and pronouns behind it (قواتها، بالموصل، وللتحالف). A lexicon
lookup must see through them: :func:`analyses` lists every plausible split of a token,
least stripped first, and :func:`match_forms` the strings worth looking up.

Works on *normalized* text (see :mod:`marsad.text.normalize`): ة is ه, أ is ا.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"
ARTICLE = "ال"
#: pronoun suffixes, longest first (normalized: ة→ه so ها/هم are unambiguous enough).
ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي")
MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Analysis:
    """One split of a token: proclitics, the stem, an enclitic and whether ال was there."""

    proclitics: tuple[str, ...]
    stem: str
    enclitic: str = ""
    definite: bool = False

    @property
    def form(self) -> str:
        """The word without its clitics but with its article, as a lexicon spells it."""
        return ARTICLE + self.stem if self.definite else self.stem


def _front_splits(word: str) -> list[tuple[tuple[str, ...], str, bool]]:
    """(proclitics, rest, definite) for every way to strip proclitics from ``word``."""
    out: list[tuple[tuple[str, ...], str, bool]] = [((), word, False)]
    heads: list[tuple[tuple[str, ...], str]] = [((), word)]
    if len(word) > MIN_STEM + 1 and word[0] in CONJUNCTIONS:
        heads.append(((word[0],), word[1:]))
    for pro, rest in list(heads):
        if len(rest) <= MIN_STEM + 1:
            continue
        head = rest[0]
        if head in PREPOSITIONS:
            after = rest[1:]
            heads.append(((*pro, head), after))
            # ل + ال -> لل (the alef of the article drops): للتحالف
            if head == "ل" and after.startswith("ل") and len(after) > MIN_STEM + 1:
                out.append(((*pro, head), after[1:], True))
        elif head == FUTURE and rest[1] in "يتنا":
            heads.append(((*pro, head), rest[1:]))
    for pro, rest in heads:
        if pro:
            out.append((pro, rest, False))
        if rest.startswith(ARTICLE) and len(rest) - 2 >= MIN_STEM:
            out.append((pro, rest[2:], True))
    return out


@lru_cache(maxsize=65536)
def analyses(word: str) -> tuple[Analysis, ...]:
    """Every plausible clitic split of a normalized ``word``, least stripped first."""
    seen: set[tuple[tuple[str, ...], str, str, bool]] = set()
    out: list[Analysis] = []
    for pro, rest, definite in _front_splits(word):
        candidates = [(rest, "")]
        if not definite:  # a definite noun takes no pronoun suffix
            for enc in ENCLITICS:
                if rest.endswith(enc) and len(rest) - len(enc) >= MIN_STEM + 1:
                    candidates.append((rest[: -len(enc)], enc))
        for stem, enc in candidates:
            key = (pro, stem, enc, definite)
            if key not in seen:
                seen.add(key)
                out.append(Analysis(pro, stem, enc, definite))
    out.sort(key=lambda a: (len(a.proclitics) + (1 if a.enclitic else 0) + a.definite, a.enclitic != ""))
    return tuple(out)


@lru_cache(maxsize=65536)
def match_forms(word: str, enclitics: bool = False) -> tuple[str, ...]:
    """The strings to look ``word`` up under: itself, then without proclitics (with and
    without the article), then, if ``enclitics``, without a pronoun suffix too."""
    forms: list[str] = []
    for a in analyses(word):
        if a.enclitic and not enclitics:
            continue
        for form in (a.form, a.stem) if a.definite else (a.form,):
            if form not in forms:
                forms.append(form)
    return tuple(forms)


def strip_proclitics(word: str) -> str:
    """The word without conjunction, preposition and article (the most stripped split)."""
    best = word
    for a in analyses(word):
        if not a.enclitic and len(a.stem) < len(best):
            best = a.stem
    return best
