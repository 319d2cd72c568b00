"""Numbers, money, percentages and counts; ordinals kept apart.

The ``numbers`` stage finds every cardinal number (:mod:`marsad.extract.numwords`) in the
normalized text and reads its surroundings:

* after it: a percent sign or word (``percent``), a currency word, abbreviation or code
  (``money``, with an ISO 4217 code — a shared word such as دينار is resolved by an adjective
  after it, else by the country the article is about), or a counted noun (``count``: 81 دولة);
  before it, the definite pattern ``الدول الأعضاء الـ 81`` is a count too;
* before it: a qualifier that makes the value approximate (نحو، حوالي), a lower bound (أكثر من،
  ما يزيد عن) or an upper bound (أقل من);
* what it is not: a number inside a date or a duration (the ``dates`` stage runs first), a legal
  article or other identifier (الفصل 49، المادة 5، القانون عدد 22), a phone number, a clock time,
  a score (2-1), a list marker at the start of a line (1- ، 2.), or part of a name (G20، كوفيد-19).

Ordinals (الأول، الثالثة، الحادي عشر) are written to their own group, ``ordinals``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache

from marsad import settings
from marsad.extract import lexicon as lx
from marsad.extract.numwords import NumberMatch, read_number
from marsad.extract.scan import Claims, Rule, Tok, line_start, next_token, prev_token, prev_tokens
from marsad.model import Doc, Ordinal, Quantity
from marsad.pipeline import stage
from marsad.text.normalize import normalize_text

_WORDISH = r"[^\W\d_]"
_NUMBER_WORDS = lx.alternation(
    [*lx.UNITS, *lx.TENS, *lx.HUNDREDS, *lx.SCALES, *lx.TEEN_ONE, *lx.FRACTIONS]
)
CANDIDATE = re.compile(
    rf"(?:(?<![\w.,])|(?<=[وفبلك])(?<!{_WORDISH}[وفبلك]))\d+(?:[.,]\d+)*"
    rf"|(?<!{_WORDISH})[وفبلك]{{0,2}}(?:{_NUMBER_WORDS})(?!{_WORDISH})"
)
_PERCENT = re.compile(r"\s*(?:%|(?:" + lx.alternation(lx.PERCENT_WORDS[:-1]) + rf")(?!{_WORDISH}))")
_ABBREV = re.compile(
    r"\s*("
    + "|".join(
        sorted(
            (re.escape(normalize_text(k)).replace(r"\.", r"\s?\.\s?").replace(r"\ ", r"\s")
             for k in lx.CURRENCY_ABBREVIATIONS),
            key=len,
            reverse=True,
        )
    )
    + rf")(?!{_WORDISH})"
)
_ABBREV_KEY = {re.sub(r"[\s.]", "", normalize_text(k)): v for k, v in lx.CURRENCY_ABBREVIATIONS.items()}
_ISO = re.compile(r"\s*(" + "|".join(c.lower() for c in sorted(lx.ISO_CODES)) + r")\b")
_BOUND_BEFORE = re.compile(r"(?:^|(?<=[\s(]))[وب]?(" + lx.alternation(lx.BOUNDS) + r")\s*$")
_AFTER_APPROX = re.compile(r"\s*(تقريبا)(?!" + _WORDISH + ")")
_ORDINAL = re.compile(
    rf"(?<!{_WORDISH})[وفبلك]?(?:{lx.alternation(lx.ORDINALS)})(?!{_WORDISH})"
)
_COUNTRY_RE = re.compile(
    rf"(?<!{_WORDISH})(?:[وفبل]|ال|وال|بال|لل)?("
    + lx.alternation([*lx.COUNTRY_NAMES, *lx.COUNTRY_ADJECTIVES])
    + rf")(?:ه|ين|ون|يه)?(?!{_WORDISH})"
)
CANDIDATE_RULE = Rule(CANDIDATE, r"\d|" + _NUMBER_WORDS, before=2)
_ORDINAL_RULE = Rule(_ORDINAL, lx.alternation(lx.ORDINALS), before=1)
_COUNTRY_RULE = Rule(
    _COUNTRY_RE, lx.alternation([*lx.COUNTRY_NAMES, *lx.COUNTRY_ADJECTIVES]), before=3
)
_N_COUNTRY = {**lx.norm_keys(lx.COUNTRY_ADJECTIVES), **lx.norm_keys(lx.COUNTRY_NAMES)}
_N_ADJ = lx.norm_keys(lx.COUNTRY_ADJECTIVES)
_LIST_MARKER = re.compile(r"\s*[-.)–]")
_SEPARATED = re.compile(r"[ \t\u00a0]?[-–/:][ \t\u00a0]?\d")
_SEPARATED_BEFORE = re.compile(r"\d[ \t\u00a0]?[-–/:][ \t\u00a0]?$")
_DIGITS_AFTER = re.compile(r"[ \t\u00a0]\+?\d")
_DIGITS_BEFORE = re.compile(r"\d[ \t\u00a0]$")
_NOT_COUNTED_SHAPES = re.compile(r"^(?:ال|وال|بال|لل|فال)")


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    from marsad.extract.dates import MONTH_WORDS

    return MONTH_WORDS


def _mentioned_countries(doc: Doc) -> Counter[str]:
    """How often the text names each country (by its name or adjective)."""
    return Counter(_N_COUNTRY[m.group(1)] for m in _COUNTRY_RULE.finditer(doc.normalized.text)
                   if m.group(1) in _N_COUNTRY)


def _adjective_country(word: str) -> str | None:
    w = word[2:] if word.startswith("ال") else word
    for cand in (w, w[:-1] if w[-1:] in ("ه", "ا") else w, w[:-2] if w.endswith("ين") else w):
        if cand in _N_ADJ:
            return _N_ADJ[cand]
    return None


class _Context:
    """What one document's extraction needs to know, computed once and only when needed."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def mentions(self) -> Counter[str]:
        return _mentioned_countries(self.doc)

    @cached_property
    def country(self) -> str | None:
        """The country the article is about: its metadata, the setting, else the most named."""
        given = self.doc.article.meta.get("country") or settings.get("country")
        if given:
            return str(given).upper()
        return self.mentions.most_common(1)[0][0] if self.mentions else None

    def currency(self, family: str, adjective_country: str | None) -> str:
        if family in lx.FAMILY_CODE:
            return lx.FAMILY_CODE[family]
        if adjective_country and (family, adjective_country) in lx.NATIONAL:
            return lx.NATIONAL[(family, adjective_country)]
        if self.country and (family, self.country) in lx.NATIONAL:
            return lx.NATIONAL[(family, self.country)]
        for country, _n in self.mentions.most_common():
            if (family, country) in lx.NATIONAL:
                return lx.NATIONAL[(family, country)]
        return lx.DEFAULT_CODE[family]


def _is_identifier(text: str, num: NumberMatch) -> bool:
    prev = prev_tokens(text, num.start, 3)
    if not prev:
        return False
    p0 = prev[0].text
    if p0 in ("#", "+", "№"):
        return True
    forms = _without_clitics(p0)
    if not lx.IDENTIFIER_CUES.isdisjoint(forms):
        return True
    if len(prev) > 1 and not {"عدد", "رقم"}.isdisjoint(forms):
        return not lx.LAW_WORDS.isdisjoint(_without_clitics(prev[1].text))
    return False


def _without_clitics(word: str) -> tuple[str, ...]:
    """``word`` and the forms it has without a leading و/ف and ب/ل (للمادة → المادة)."""
    out = [word]
    w = word[1:] if len(word) > 3 and word[0] in "وف" else word
    out.append(w)
    if len(w) > 3 and w.startswith("لل"):
        out.append("ا" + w[1:])
    elif len(w) > 3 and w[0] in "بل":
        out.append(w[1:])
    return tuple(out)


def _is_excluded(text: str, num: NumberMatch) -> bool:
    """Numbers that are not quantities: list markers, phones, times, scores, names."""
    s, e = num.start, num.end
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if num.digits and (before.isalpha() and before.isascii() or before in "-_" and s > 1
                       and text[s - 2].isalpha()):
        return True  # G20, كوفيد-19
    if num.digits and after.isascii() and after.isalpha():
        return True  # 4G, 5km written together are measures we do not model
    if num.digits and line_start(text, s) and num.words == 1 and num.end - num.start <= 2:
        m = _LIST_MARKER.match(text, e)
        if m and not re.match(r"\s*[-–]\s*\d", text[e:]):
            return True
    nxt = next_token(text, e)
    if nxt is not None and (nxt.text in lx.CLOCK_WORDS or nxt.text in lx.RANK_WORDS):
        return True  # 9 صباحا: a time of day; 48 عالميا: a rank
    if num.digits and _SEPARATED.match(text, e) or _SEPARATED_BEFORE.search(text, max(0, s - 4), s):
        return True  # 10:30, 2-1, 1 - 1, 15/10 (dates take theirs first)
    if num.digits and (_DIGITS_AFTER.match(text, e) or _DIGITS_BEFORE.search(text, max(0, s - 3), s)):
        return True  # +216 71 123 456: a run of digit groups is a phone or a code
    raw = text[s:e]
    digit_count = sum(c.isdigit() for c in raw)
    if num.digits and num.words == 1 and digit_count >= 8 and "," not in raw and "." not in raw:
        return True  # a phone or account number
    return False


def _unit_after(text: str, num: NumberMatch, ctx: _Context) -> tuple[str, int, dict[str, object]]:
    """Kind, new end and attributes from what follows the number."""
    e = num.end
    m = _PERCENT.match(text, e)
    if m:
        return "percent", m.end(), {"unit": "%"}
    m = _ABBREV.match(text, e)
    if m:
        code, mult = _ABBREV_KEY[re.sub(r"[\s.]", "", m.group(1))]
        return "money", m.end(), {"currency": code, "multiplier": mult}
    m = _ISO.match(text, e)
    if m:
        return "money", m.end(), {"currency": m.group(1).upper()}
    tok = next_token(text, e)
    if tok is None:
        return "number", e, {}
    word, end = tok.text, tok.end
    if word == "من":  # 400 مليون من الدولارات
        nxt = next_token(text, tok.end)
        if nxt and nxt.text.startswith("ال") and nxt.text[2:] in lx.N_CURRENCY_WORDS:
            word, end = nxt.text[2:], nxt.end
    if word in lx.N_CURRENCY_WORDS:
        family = lx.N_CURRENCY_WORDS[word]
        adj = next_token(text, end)
        adj_country = _adjective_country(adj.text) if adj else None
        if family == "pound" and adj and adj.text.endswith("استرليني"):
            adj_country = "GB"
        if adj_country and adj:
            end = adj.end
        return "money", end, {"currency": ctx.currency(family, adj_country)}
    if _percent_range(text, e):
        return "percent", e, {"unit": "%"}
    if _counted(word):
        return "count", tok.end, {"unit_span": (tok.start, tok.end)}
    return "number", e, {}


_RANGE_SEP = re.compile(r"[ \t\u00a0]*(?:و|الي|حتي|-|–)[ \t\u00a0]*(?=\d)")


def _percent_range(text: str, end: int) -> bool:
    """بين 26 و28 في المائة، من 5 إلى 7 بالمئة: the first number of a range of percentages."""
    sep = _RANGE_SEP.match(text, end)
    if sep is None:
        return False
    second = read_number(text, sep.end())
    return second is not None and _PERCENT.match(text, second.end) is not None


def _counted(word: str) -> bool:
    return (
        len(word) >= 2
        and word[0].isalpha()
        and not word.isascii()
        and word not in lx.NOT_COUNTED
        and not (word[0] in "وف" and word[1:] in lx.NOT_COUNTED)  # وذلك، ومن، وهناك
        and not _NOT_COUNTED_SHAPES.match(word)
        and word not in _month_words()
        and word not in lx.N_NUMBER_WORDS
        and word not in lx.N_SCALES
    )


_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")


def _counted_value(text: str, num: NumberMatch, noun: str, value: int | float) -> int | float:
    """1.350 عاملا is 1350 workers (things are counted in whole numbers), but 1.250 كلغ may be
    a decimal: one dot before three digits groups thousands only before a noun that is not a
    unit of measure."""
    if (num.words == 1 and noun not in lx.MEASURE_WORDS
            and _DOT_THOUSANDS.fullmatch(text, num.start, num.end)):
        return int(text[num.start : num.end].replace(".", ""))
    return value


def _definite_count(text: str, num: NumberMatch) -> tuple[int, int] | None:
    """For ``الدول الأعضاء الـ 81``: the normalized span of the counted noun phrase."""
    prev = prev_token(text, num.start)
    if prev is None or prev.text != "ال":
        return None
    nouns = [t for t in prev_tokens(text, prev.start, 2)]
    phrase: list[Tok] = []
    for t in nouns:
        if t.text.startswith("ال") and len(t.text) > 3:
            phrase.append(t)
        else:
            break
    if not phrase:
        return None
    return phrase[-1].start, prev.start


def _bound_before(text: str, start: int) -> tuple[str, int] | None:
    window = text[max(0, start - 24) : start]
    m = _BOUND_BEFORE.search(window)
    if not m:
        return None
    return lx.N_BOUNDS[re.sub(r"\s+", " ", m.group(1))], start - len(window) + m.start(1)


def find_quantities(doc: Doc, taken: Claims) -> list[Quantity]:
    """Every quantity in ``doc`` outside the raw ranges in ``taken`` (dates, durations)."""
    norm = doc.normalized
    text = norm.text
    ctx = _Context(doc)
    out: list[Quantity] = []
    pos = 0
    for cand in CANDIDATE_RULE.finditer(text):
        if cand.start() < pos:
            continue
        num = read_number(text, cand.start())
        if num is None:
            continue
        pos = num.end
        raw_s, raw_e = norm.raw_span(num.start, num.end)
        if taken.overlaps(raw_s, raw_e):
            continue
        if _is_identifier(text, num) or _is_excluded(text, num):
            pos = cand.end()  # كوفيد-19 ألف حالة: only the name's own digits are skipped
            continue
        q = _quantity(doc, text, num, ctx)
        if q is not None and taken.free(q.start, q.end):
            out.append(q)
            taken.take(q.start, q.end)
            pos = max(pos, num.end)
    return out


def _quantity(doc: Doc, text: str, num: NumberMatch, ctx: _Context) -> Quantity | None:
    norm = doc.normalized
    kind, end, attrs = _unit_after(text, num, ctx)
    value: int | float = num.value * int(attrs.pop("multiplier", 1))  # type: ignore[call-overload]
    start = num.start
    unit: str | None = None
    definite = _definite_count(text, num) if kind in ("count", "number") else None
    if definite:  # الدول الأعضاء الـ 81: the noun phrase before wins over the word after
        kind, start, end = "count", definite[0], num.end
        ds, de = norm.raw_span(definite[0], definite[1])
        unit = doc.text[ds:de].strip()
    elif kind == "count":
        unit_span: tuple[int, int] = attrs.pop("unit_span")  # type: ignore[assignment]
        unit = doc.text[slice(*norm.raw_span(*unit_span))]
        value = _counted_value(text, num, text[unit_span[0] : unit_span[1]], value)
    if kind == "number" and not num.digits and num.words == 1 and num.value == 1:
        return None  # واحد / واحدة alone is "one (of)", not a quantity
    bound = "exact"
    found = _bound_before(text, start)
    if found:
        bound, start = found
    m = _AFTER_APPROX.match(text, end)
    if m and bound == "exact":
        bound, end = "approx", m.end()
    raw_s, raw_e = norm.raw_span(start, end)
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1000:
        value = int(value)
    return Quantity(
        raw_s, raw_e, value=value, kind=kind, unit=attrs.get("unit", unit),  # type: ignore[arg-type]
        currency=attrs.get("currency"), bound=bound,  # type: ignore[arg-type]
    )


def find_ordinals(doc: Doc, taken: Claims) -> list[Ordinal]:
    norm = doc.normalized
    out: list[Ordinal] = []
    text = norm.text
    for m in _ORDINAL_RULE.finditer(text):
        word = re.sub(r"\s+", " ", m.group())
        clitic = 0 if word in lx.N_ORDINALS else 1
        key = word[clitic:]
        if key not in lx.N_ORDINALS or _after_a_number(text, m.start() + clitic, key):
            continue
        raw_s, raw_e = norm.raw_span(m.start() + clitic, m.end())
        if taken.free(raw_s, raw_e):
            out.append(Ordinal(raw_s, raw_e, value=lx.N_ORDINALS[key]))
            taken.take(raw_s, raw_e)
    return out


def _after_a_number(text: str, start: int, key: str) -> bool:
    """14 ثانية: after a number, ثانية (second, fem.) is the unit of time, not an ordinal."""
    if key != "ثانيه":
        return False
    prev = prev_token(text, start)
    return prev is not None and (prev.text[0].isdigit() or prev.text in lx.N_NUMBER_WORDS)


def taken_by_dates(doc: Doc) -> Claims:
    taken = Claims()
    for group in ("dates", "durations"):
        for span in doc.group(group):
            taken.take(span.start, span.end)
    return taken


@stage("numbers", requires=("dates",), assigns=("quantities", "ordinals"))
def numbers_stage(doc: Doc) -> Doc:
    taken = taken_by_dates(doc)
    ordinals = find_ordinals(doc, taken)
    quantities = find_quantities(doc, taken)
    return doc.with_spans("ordinals", ordinals).with_spans("quantities", quantities)
