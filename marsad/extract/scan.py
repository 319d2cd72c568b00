"""Reading tokens forwards and backwards in a normalized string.

The extractors find candidates with regular expressions and then read the words around them;
these helpers do that reading without tokenizing the whole text.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from marsad.text.tokenize import NUMBER, WORD

_NEXT = re.compile(rf"[ \t\u00a0]*({WORD}|{NUMBER}|[^\s])")
_NEXT_ANY = re.compile(rf"\s*({WORD}|{NUMBER}|[^\s])")
_PREV = re.compile(rf"({WORD}|{NUMBER}|[^\s])[ \t\u00a0]*$")
_PREV_ANY = re.compile(rf"({WORD}|{NUMBER}|[^\s])\s*$")
#: how far back :func:`prev_token` looks.
_BACK = 48


class Tok(NamedTuple):
    start: int
    end: int
    text: str


def next_token(text: str, pos: int, cross_lines: bool = False) -> Tok | None:
    """The token after ``pos`` (not crossing a line break unless ``cross_lines``)."""
    m = (_NEXT_ANY if cross_lines else _NEXT).match(text, pos)
    if m is None:
        return None
    return Tok(m.start(1), m.end(1), m.group(1))


def prev_token(text: str, pos: int, cross_lines: bool = False) -> Tok | None:
    """The token before ``pos`` (not crossing a line break unless ``cross_lines``)."""
    lo = max(0, pos - _BACK)
    m = (_PREV_ANY if cross_lines else _PREV).search(text, lo, pos)
    if m is None:
        return None
    # A word cut at the window's edge is still the right token for our purposes.
    return Tok(m.start(1), m.end(1), m.group(1))


def prev_tokens(text: str, pos: int, n: int) -> list[Tok]:
    """Up to ``n`` tokens before ``pos`` on the same line, nearest first."""
    out: list[Tok] = []
    while len(out) < n:
        tok = prev_token(text, pos)
        if tok is None:
            break
        out.append(tok)
        pos = tok.start
    return out


def line_start(text: str, pos: int) -> bool:
    """Is ``pos`` the first non-blank character of its line?"""
    i = text.rfind("\n", 0, pos) + 1
    return text[i:pos].strip() == ""


class Claims:
    """Character ranges already taken by an earlier rule (so matches never overlap)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return False
        return not (i < len(self._starts) and self._starts[i] < end)

    def take(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        return not self.free(start, end)
