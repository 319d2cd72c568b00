"""Tokens and sentences with raw offsets.

Tokens are words (Arabic or Latin letters, with their diacritics, tatweel and joiners),
numbers (any script's digits, with ``.,٫٬`` between digits), or single other characters.
Sentences end at ``. ! ? ؟ …`` followed by a space, a closing quote or the end, at a period
typed after the space instead of before it (``… التونسية .وأضاف``), and at line breaks; never inside a number (3.5، ٣٫٥) or after an abbreviation (د. ، أ.د. ، U.S.).
"""

from __future__ import annotations

import re

from marsad.model import Offsets

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
WORD = rf"(?:[^\W\d_]|[{_MARKS}])+"
NUMBER = r"\d+(?:[.,٫٬]\d+)*"
TOKEN_RE = re.compile(rf"{WORD}|{NUMBER}|[^\s]", re.UNICODE)
IS_WORD = re.compile(WORD)
_MARK = re.compile(f"[{_MARKS}]")
_MARKS_RE = re.compile(f"[{_MARKS}]+")

#: words that, followed by a period, do not end a sentence (normalized spelling, no period).
ABBREVIATIONS = frozenset(
    {"د", "ا", "م", "ص", "ق", "ج", "ه", "هـ", "ت", "س", "ب", "ط", "ش", "ع", "ف", "ك", "ل", "ن",
     "dr", "mr", "mrs", "ms", "st", "no", "vs", "prof", "jr", "sr", "inc", "ltd", "co", "etc"}
)

_END = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s|$)|(?<=\s)\.(?=[\u0621-\u064a])|\n+")
_CLOSERS = "\"'»”’)]"


def tokenize(text: str) -> Offsets:
    """Every token of ``text`` as a ``(start, end)`` pair of raw offsets."""
    return tuple([m.span() for m in TOKEN_RE.finditer(text)])


def _is_abbreviation(text: str, dot: int) -> bool:
    """Does the period at ``dot`` close an abbreviation (a lone letter, د. ، U.S.)?"""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or _MARK.match(text[i - 1])):
        i -= 1
    word = _MARKS_RE.sub("", text[i:dot]).lower()
    if not word:
        return False
    before = text[i - 1] if i > 0 else " "
    if before == ".":  # U.S. / أ.د.
        return True
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> Offsets:
    """Sentences as ``(start, end)`` pairs, trimmed of surrounding white space."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if text[m.start()] == "." and m.group().rstrip(_CLOSERS) == "." and _is_abbreviation(
            text, m.start()
        ):
            continue  # (د. أحمد)
        if text[m.start()] == "." and m.end() < len(text) and not text[m.end()].isspace() and (
            _glued_period_stays(text, m.start())
        ):
            continue  # (أ .د، "عمار .ع"، … الرياضية .وأن …)
        _add_trimmed(text, start, end, out)
        start = end
    _add_trimmed(text, start, len(text), out)
    return tuple(out)


def _glued_period_stays(text: str, dot: int) -> bool:
    """Does a period typed after a space and glued to the next word (`` .وأضاف``) stay
    inside its sentence: after an abbreviation (أ .د), before a lone letter other than و/ف
    (عمار .ع, an initial) or before وأنّ/وإنّ (a second clause of the same statement)?"""
    end = dot
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if _is_abbreviation(text, end):
        return True
    nxt = _NEXT_WORD.match(text, dot + 1)
    word = _MARKS_RE.sub("", nxt.group()) if nxt else ""
    return len(word) == 1 and word not in "وف" or word in _SECOND_CLAUSE


_NEXT_WORD = re.compile(WORD)
_SECOND_CLAUSE = frozenset({"وأن", "وان", "وإن", "وأنه", "وانه", "وإنه", "وأنها", "وانها"})


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inward past the white space at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    start, end = trim(text, start, end)
    if end > start:
        out.append((start, end))
