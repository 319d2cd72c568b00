"""Reading tokens forwards and backwards in a normalized string.

The extractors find candidates with regular expressions and then read the words around them;
these helpers do that reading without tokenizing the whole text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from marsad.text.tokenize import NUMBER, WORD

_NEXT = re.compile(rf"[ \t\u00a0]*({WORD}|{NUMBER}|[^\s])")
_NEXT_ANY = re.compile(rf"\s*({WORD}|{NUMBER}|[^\s])")
_WORD_MARKS = frozenset(
    chr(c) for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE),
                     0x0640, 0x200C, 0x200D)
)


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
    i = pos
    while i > 0 and text[i - 1].isspace():
        if text[i - 1] == "\n" and not cross_lines:
            return None
        i -= 1
    if i == 0:
        return None
    end = i
    ch = text[i - 1]
    if ch.isdigit():
        # a number, with separators between digits: 1,000.5
        while i > 0 and (text[i - 1].isdigit() or (text[i - 1] in ".,٫٬" and i > 1 and text[i - 2].isdigit())):
            i -= 1
    elif _is_word_char(ch):
        while i > 0 and _is_word_char(text[i - 1]):
            i -= 1
    else:
        i -= 1
    return Tok(i, end, text[i:end])


def _is_word_char(ch: str) -> bool:
    return (ch.isalpha() or ch in _WORD_MARKS) and not ch.isdigit()


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


class Rule:
    """A pattern searched fast.

    Python's regex engine skips quickly to a literal or a character class at the start of a
    pattern, but tries every position of the text when the pattern starts with a look-behind
    or an optional group — ten times slower. A Rule pairs the full pattern with a ``core``
    that every match contains and that starts with a literal; it scans for the core, and tries
    the full pattern only in a window around each core match.
    """

    def __init__(self, full: re.Pattern[str], core: str, before: int = 48) -> None:
        self.full = full
        self.core = re.compile(core)
        self.before = before

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The leftmost matches of the full pattern that contain a core match, in order and
        never overlapping (a full match must start at most ``before`` characters before its
        core)."""
        done = 0
        match = self.full.match
        for c in self.core.finditer(text):
            cs = c.start()
            if cs < done:
                continue
            for start in range(max(done, cs - self.before), cs + 1):
                m = match(text, start)
                if m is not None and m.end() > cs:
                    yield m
                    done = m.end()
                    break
