"""Reading one cardinal number — digits, number words or both — from normalized text.

:func:`read_number` reads the longest number that starts at a position: digits in any script
(already ASCII after normalization) with thousands and decimal separators; number words
(units, teens, tens, hundreds, thousands, millions, billions; duals and plurals; joined with و)
and mixed forms (400 مليون، 2,5 مليار، ثلاثة آلاف و500، مليون ونصف).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from marsad.extract.lexicon import (
    N_FRACTIONS,
    N_HUNDREDS,
    N_SCALES,
    N_TEEN_ONE,
    N_TENS,
    N_UNITS,
)
from marsad.extract.scan import Tok, next_token

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
#: a decimal point said in words: 22 فاصل 5 (22.5).
_SPOKEN_POINT = re.compile(r"[ \t\u00a0]+فاصل(?:ه)?[ \t\u00a0]+(\d+)(?![\d.,])")
_TEN = frozenset({"عشر", "عشره"})


class NumberMatch(NamedTuple):
    start: int
    end: int
    value: int | float
    digits: bool  # written (at least partly) in digits
    words: int  # how many tokens it spans


def parse_digits(s: str) -> int | float | None:
    """The value of a digit string with separators: 1,000,000 · 2,5 · 3.75 · 1.000.000."""
    if not _DIGITS.fullmatch(s):
        return None
    if "," in s and "." in s:
        # 1,234.5 (comma groups) or 1.234,5 (dot groups)
        if s.rfind(",") < s.rfind("."):
            return _num(s.replace(",", ""))
        return _num(s.replace(".", "").replace(",", "."))
    for sep in (",", "."):
        if sep in s:
            parts = s.split(sep)
            grouped = len(parts) > 2 or (sep == "," and len(parts[1]) == 3)
            if grouped and all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
                return int("".join(parts))
            if len(parts) == 2:
                return _num(parts[0] + "." + parts[1])
            return None
    return int(s)


def _num(s: str) -> int | float:
    value = float(s)
    return int(value) if value.is_integer() and "." not in s else value


def _word_value(word: str) -> tuple[str, int | float] | None:
    """('num', v) for a unit/ten/hundred word, ('scale', v) for a scale word, else None."""
    if word in N_UNITS:
        return ("num", N_UNITS[word])
    if word in N_TENS:
        return ("num", N_TENS[word])
    if word in N_HUNDREDS:
        return ("num", N_HUNDREDS[word])
    if word in N_SCALES:
        return ("scale", N_SCALES[word][0])
    return None


def _classify(tok: str, joined: bool) -> tuple[str, int | float, str] | None:
    """Kind, value and form of one token; ``joined``: the token may carry the conjunction و."""
    if tok[0].isdigit():
        value = parse_digits(tok)
        return None if value is None else ("digits", value, "")
    words = [tok]
    if joined and tok.startswith("و") and len(tok) > 2:
        words.insert(0, tok[1:])
    for w in words:
        kv = _word_value(w)
        if kv:
            form = N_SCALES[w][1] if kv[0] == "scale" else ""
            return (kv[0], kv[1], form)
        if w in N_FRACTIONS:
            return ("frac", N_FRACTIONS[w], "")
    return None


def _strip_clitic(tok: str) -> list[str]:
    """The token, and the token without one leading preposition or conjunction."""
    out = [tok]
    if len(tok) > 3 and tok[0] in "وفبلك":
        out.append(tok[1:])
        if len(tok) > 4 and tok[1] in "بلك":
            out.append(tok[2:])
    return out


def read_number(text: str, pos: int) -> NumberMatch | None:
    """The number that starts at the token at ``pos``, or None."""
    first = next_token(text, pos)
    if first is None:
        return None
    # The first token may carry a clitic (بثلاثة، و15): its value starts after it.
    start_tok: Tok | None = None
    kind: tuple[str, int | float, str] | None = None
    for form in _strip_clitic(first.text):
        kind = _classify(form, joined=False)
        if kind is None and form in N_TEEN_ONE:
            nxt = next_token(text, first.end)
            if nxt and (nxt.text in _TEN or nxt.text[:1] == "و" and nxt.text[1:] in N_TENS):
                kind = ("num", 1, "")  # إحدى عشرة، إحدى وعشرين
        if kind and kind[0] == "frac":
            nxt = next_token(text, first.end)  # نصف مليون: a fraction of a scale word
            kind = ("num", kind[1], "") if nxt and nxt.text in N_SCALES else None
        if kind:
            start_tok = Tok(first.end - len(form), first.end, form)
            break
    if kind is None or start_tok is None or kind[0] == "frac":
        return None
    if kind[0] == "digits" and isinstance(kind[1], int):
        point = _SPOKEN_POINT.match(text, start_tok.end)
        if point:
            kind = ("digits", float(f"{kind[1]}.{point.group(1)}"), "")
            start_tok = Tok(start_tok.start, point.end(), text[start_tok.start : point.end()])
    return _read_rest(text, start_tok, kind)


def _read_rest(text: str, first: Tok, first_kind: tuple[str, int | float, str]) -> NumberMatch:
    kind: tuple[str, int | float, str] | None = first_kind
    total: int | float = 0
    group: int | float = 0  # the part below the current scale
    digits = first_kind[0] == "digits"
    last_kind, last_scale = "", 1
    end, count = first.end, 0
    tok: Tok | None = first
    while tok is not None and kind is not None:
        k, v, form = kind
        if k == "scale":
            if form == "two" or (form == "one-or-two" and not group):
                group = 2
            total += (group or 1) * v
            group, last_scale = 0, int(v)
        elif k == "frac":
            total += v * last_scale
            tok = _repeated_scale(text, tok, last_scale)
        elif k == "num" and v == 100 and group and group < 10:
            group *= 100  # ثلاث مئة
        else:
            group += v
        last_kind, end, count = k, tok.end, count + 1
        tok, kind = _next_part(text, tok.end, last_kind, v)
        digits = digits or (kind is not None and kind[0] == "digits")
    value = total + group
    if isinstance(value, float) and value.is_integer() and value >= 1000:
        value = int(value)
    return NumberMatch(first.start, end, value, digits, count)


def _repeated_scale(text: str, tok: Tok, scale: int) -> Tok:
    """After ``مليون ونصف``: the token of ``المليون`` / ``مليون`` repeated, else ``tok``."""
    nxt = next_token(text, tok.end)
    if nxt is None:
        return tok
    word = nxt.text[2:] if nxt.text.startswith("ال") else nxt.text
    found = N_SCALES.get(word)
    return nxt if found and found[0] == scale and found[1] != "two" else tok


def _next_part(text: str, pos: int, last: str, last_value: int | float) -> tuple[Tok | None, tuple[str, int | float, str] | None]:
    """The next token and its kind, if it continues the number read so far."""
    tok = next_token(text, pos)
    if tok is None:
        return None, None
    word = tok.text
    if word == "و":  # a detached conjunction: و ثلاثون
        after = next_token(text, tok.end)
        if after is None:
            return None, None
        kind = _classify(after.text, joined=False)
        if kind and _joins(last, kind, last_value, conj=True):
            return after, kind
        return None, None
    conj = word.startswith("و")
    kind = _classify(word, joined=True)
    if kind and _joins(last, kind, last_value, conj=conj):
        return tok, kind
    return None, None


def _joins(last: str, kind: tuple[str, int | float, str], last_value: int | float, conj: bool) -> bool:
    """May a part of ``kind`` follow a part of kind ``last`` (``conj``: joined with و)?"""
    k, v, _ = kind
    if k == "scale":
        return not conj and last in ("digits", "num")
    if k == "frac":
        return conj and last == "scale"
    if k == "digits":
        return conj and last == "scale"
    # a number word
    if last == "digits":
        return False
    if not conj:
        # adjacency: only a teen (ثلاثة عشر) or hundreds then units in some styles
        return last == "num" and v == 10 and last_value < 10 or (v == 100 and last_value < 10)
    return last in ("num", "scale")
