"""A light stemmer for search: the Snowball Arabic stemmer (BSD), over normalized words.

Stemming is for the search index and queries only: extraction matches lexicons with
:mod:`marsad.text.clitics`, which keeps more of the word. The word is normalized first but
keeps its taa marbuta (Snowball tells ة from the pronoun ه), a conjunction in front of the
article is stripped (Snowball keeps و in والتحالف), and the stem is normalized again, so
``stem(w)`` is the same for every spelling variant of ``w``.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from marsad.text.normalize import NormalizeOptions, normalize_text

_STEMMER = snowballstemmer.stemmer("arabic")
_KEEP_TAA = NormalizeOptions(taa_marbuta=False)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search stem of one word (non-Arabic words are just normalized)."""
    light = normalize_text(word, _KEEP_TAA)
    if not light or not ("\u0621" <= light[0] <= "\u064a"):
        return normalize_text(light)
    if len(light) > 4 and light[0] in "وف" and light[1:3] in ("ال", "لل"):
        light = light[1:]
    out: str = _STEMMER.stemWord(light)
    return normalize_text(out) or normalize_text(light)
