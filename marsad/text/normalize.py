"""Offset-preserving normalization of Arabic text, for matching.

Each rule of ``DESIGN.md`` is one switch of :class:`NormalizeOptions`. :func:`normalize`
returns a :class:`Normalized`: the normalized string and a map from every normalized offset
back to the raw offset it came from, so that a match found in the normalized view is reported
over the original characters. Normalizing is for matching only: output always shows the raw
text.

Rules (all on by default):

==================  ==========================================================================
``alef``            أ إ آ ٱ ٲ ٳ → ا
``yaa``             ى (alef maqsura) and ی (Farsi yeh) → ي
``taa_marbuta``     ة → ه
``hamza``           ؤ → و, ئ → ي (hamza on its carrier drops to the carrier)
``tatweel``         ـ removed
``diacritics``      harakat, tanwin, shadda, sukun, dagger alef, Quranic marks removed
``presentation``    presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) → their letters
``invisibles``      ZWNJ, ZWJ, ZWSP, BOM, bidi marks (U+200E/F, U+061C, U+202A–E, U+2066–9) removed
``digits``          Arabic-Indic ٠–٩ and Persian ۰–۹ → 0–9; ٫ → . ; ٬ → , ; ٪ → %
``latin_case``      A–Z → a–z
``keheh``           ک → ك (Persian keheh), ھ → ه
==================  ==========================================================================

Normalizing twice is the same as normalizing once.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, fields
from functools import lru_cache

DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in (*range(0x0610, 0x061B), *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9),
                     *range(0x06EA, 0x06EE))
)
TATWEEL = "\u0640"
INVISIBLES = "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff" + "".join(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)


@dataclass(frozen=True)
class NormalizeOptions:
    """Which normalization rules apply. Each is on by default."""

    alef: bool = True
    yaa: bool = True
    taa_marbuta: bool = True
    hamza: bool = True
    tatweel: bool = True
    diacritics: bool = True
    presentation: bool = True
    invisibles: bool = True
    digits: bool = True
    latin_case: bool = True
    keheh: bool = True


DEFAULT = NormalizeOptions()


def _single_map(opts: NormalizeOptions) -> dict[str, str]:
    """Rules that replace one character with one character (or delete it)."""
    table: dict[str, str] = {}
    if opts.alef:
        table.update(dict.fromkeys("أإآٱٲٳ", "ا"))
    if opts.yaa:
        table.update(dict.fromkeys("ىی", "ي"))
    if opts.taa_marbuta:
        table["ة"] = "ه"
    if opts.hamza:
        table.update({"ؤ": "و", "ئ": "ي"})
    if opts.keheh:
        table.update({"ک": "ك", "ھ": "ه"})
    if opts.tatweel:
        table[TATWEEL] = ""
    if opts.diacritics:
        table.update(dict.fromkeys(DIACRITICS, ""))
    if opts.invisibles:
        table.update(dict.fromkeys(INVISIBLES, ""))
    if opts.digits:
        for i in range(10):
            table[chr(0x0660 + i)] = str(i)
            table[chr(0x06F0 + i)] = str(i)
        table.update({"٫": ".", "٬": ",", "٪": "%"})
    if opts.latin_case:
        for c in range(ord("A"), ord("Z") + 1):
            table[chr(c)] = chr(c + 32)
    return table


@lru_cache(maxsize=16)
def _tables(opts: NormalizeOptions) -> tuple[dict[int, str], re.Pattern[str] | None]:
    """The translate table, and a pattern of the characters whose output is not one char."""
    single = _single_map(opts)

    def apply(s: str) -> str:
        # Apply the single-char rules until nothing changes (so the result is a fixed point).
        while True:
            out = "".join(single.get(c, c) for c in s)
            if out == s:
                return out
            s = out

    table: dict[str, str] = {c: apply(r) for c, r in single.items()}
    if opts.presentation:
        for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
            c = chr(code)
            folded = unicodedata.normalize("NFKC", c)
            if folded != c:
                table[c] = apply(folded)
    special = "".join(c for c, r in table.items() if len(r) != 1)
    pattern = re.compile("[" + re.escape(special) + "]") if special else None
    return {ord(c): r for c, r in table.items()}, pattern


@dataclass(frozen=True)
class Normalized:
    """A normalized view of ``raw``: ``text`` and the map back to raw offsets.

    ``offsets`` holds, for every normalized index ``i``, the raw index of the character that
    produced it, plus one more entry (``len(raw)``) for the end; ``None`` means the identity.
    """

    raw: str
    text: str
    offsets: array | None = None

    def to_raw(self, i: int) -> int:
        """The raw offset of normalized offset ``i`` (``0 <= i <= len(text)``)."""
        if self.offsets is None:
            return i
        return self.offsets[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw ``[start, end)`` that the normalized ``[start, end)`` came from.

        The end is extended over characters that normalization deleted inside the last
        character's cluster (a shadda, a tatweel), so the raw span is whole.
        """
        if self.offsets is None:
            return start, end
        raw_start = self.offsets[start]
        if end <= start:
            return raw_start, raw_start
        raw_end = self.offsets[end - 1] + 1
        # Swallow deleted marks that follow the last character (diacritics, tatweel).
        nxt = self.offsets[end]
        if nxt > raw_end and _only_marks(self.raw[raw_end:nxt]):
            raw_end = nxt
        return raw_start, raw_end


_MARKS = re.compile("[" + re.escape(DIACRITICS + TATWEEL) + "]*")


def _only_marks(s: str) -> bool:
    m = _MARKS.fullmatch(s)
    return m is not None


def normalize(raw: str, options: NormalizeOptions = DEFAULT) -> Normalized:
    """Normalize ``raw`` for matching; see the module docstring for the rules."""
    table, special = _tables(options)
    if special is None or special.search(raw) is None:
        return Normalized(raw, raw.translate(table))
    pieces: list[str] = []
    offsets = array("i")
    pos = 0
    for m in special.finditer(raw):
        i = m.start()
        if i > pos:
            chunk = raw[pos:i]
            pieces.append(chunk.translate(table))
            offsets.extend(range(pos, i))
        out = table[ord(raw[i])]
        pieces.append(out)
        offsets.extend([i] * len(out))
        pos = i + 1
    if pos < len(raw):
        pieces.append(raw[pos:].translate(table))
        offsets.extend(range(pos, len(raw)))
    offsets.append(len(raw))
    return Normalized(raw, "".join(pieces), offsets)


def normalize_text(raw: str, options: NormalizeOptions = DEFAULT) -> str:
    """Just the normalized string (for lexicons and queries)."""
    return normalize(raw, options).text


def options_from(**switches: bool) -> NormalizeOptions:
    """Options with some rules switched; unknown names raise ``ValueError``."""
    known = {f.name for f in fields(NormalizeOptions)}
    unknown = set(switches) - known
    if unknown:
        raise ValueError(f"unknown normalization rules: {', '.join(sorted(unknown))}")
    return NormalizeOptions(**switches)
