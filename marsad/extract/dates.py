"""Dates: every regional month system, Hijri dates, numeric dates, years, weekdays and
relative expressions, resolved to Gregorian calendar dates; durations and ages kept apart.

The ``dates`` stage runs its rules in order over the normalized text; a rule never takes
characters an earlier one took:

1. numeric dates (15/10/2019، 2019-10-15، ١٥/١٠/٢٠١٩; day first; ``هـ`` makes them Hijri);
2. textual dates: [weekday] [day] month [/ other name of the month] [year] [era] [الماضي…],
   with month names of every system (Levantine/Iraqi كانون الثاني…, Egyptian/Gulf يناير…,
   Maghrebi جانفي…, Hijri محرم… ذو الحجة); ``منذ`` in front makes an open range;
3. year ranges (بين 2015 و2017، 2015-2017) and years with a cue (عام 2017، منذ 2017، 1440 هـ);
4. relative expressions: أمس، اليوم، غدا، الأسبوع الماضي، الشهر المقبل، العام الماضي، قبل ثلاثة
   أيام، منذ عامين;
5. weekdays (الثلاثاء، يوم الاثنين الماضي);
6. durations (لمدة ثلاث سنوات، خلال أسبوعين) and ages (45 عاما، البالغ من العمر 30 سنة): written
   to the ``durations`` group, never dates;
7. a bare four-digit year (1900–2099) that counts nothing.

Relative values are resolved against the article's publication date (``anchor="published"``),
else against today, flagged ``anchor="today"``; ``doc.meta["anchor"]`` records which.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from marsad.extract import calendar as cal
from marsad.extract.calendar import When
from marsad.extract.lexicon import (
    N_CURRENCY_WORDS,
    N_SCALES,
    NOT_COUNTED,
    alternation,
    norm_keys,
)
from marsad.extract.numwords import read_number
from marsad.extract.scan import Claims, Rule, next_token, prev_token, prev_tokens
from marsad.model import DateMention, Doc, Duration
from marsad.pipeline import stage

# --- lexicon ----------------------------------------------------------------------------------

GREGORIAN_MONTHS: dict[str, int] = {
    # Levantine / Iraqi
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    # Egyptian / Gulf
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6,
    "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    # Maghrebi
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويلة": 7, "أوت": 8,
}
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4, "جمادى الأولى": 5,
    "جمادى الأول": 5, "جمادى الثانية": 6, "جمادى الآخرة": 6, "جمادى الثاني": 6, "رجب": 7,
    "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12,
    "ذي الحجة": 12,
}
#: month names that are also ordinary words or names (آب father, صفر zero, محرم forbidden,
#: رجب and شعبان names): never a month without a day, a year, الماضي/المقبل or شهر before them.
#: Other month names stand alone after a cue such as في or خلال (في مارس، خلال رمضان).
AMBIGUOUS_MONTHS = frozenset(norm_keys(dict.fromkeys(("آب", "صفر", "محرم", "رجب", "شعبان"), 0)))
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الأحد": 6,
}
#: relative words after a unit or a name: -1 past, +1 next, 0 current.
RELATIVE: dict[str, int] = {
    **dict.fromkeys(("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق",
                     "السابقة", "المنقضي", "المنقضية", "الفارط", "الفارطة"), -1),
    **dict.fromkeys(("المقبل", "المقبلة", "القادم", "القادمة", "التالي"), 1),
    **dict.fromkeys(("الجاري", "الجارية", "الحالي", "الحالية"), 0),
}
#: days of the month written as ordinals (السابع عشر من أكتوبر), and غرة (the first).
_ORDINAL_UNITS = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                  "التاسع")
DAY_ORDINALS: dict[str, int] = {
    "الأول": 1, "غرة": 1, **{w: n for n, w in enumerate(_ORDINAL_UNITS[1:], 2)}, "العاشر": 10,
    **{f"{w} عشر": n for n, w in enumerate(_ORDINAL_UNITS, 11)}, "العشرين": 20,
    **{f"{w} والعشرين": n for n, w in enumerate(_ORDINAL_UNITS, 21)}, "الثلاثين": 30,
    "الحادي والثلاثين": 31,
}
#: time units: normalized form -> (unit, fixed count for duals/singulars or None).
TIME_UNITS: dict[str, tuple[str, int | None]] = {
    **dict.fromkeys(("يوم", "يوما"), ("day", 1)), "أيام": ("day", None),
    **dict.fromkeys(("يومين", "يومان"), ("day", 2)),
    **dict.fromkeys(("أسبوع", "أسبوعا"), ("week", 1)), "أسابيع": ("week", None),
    **dict.fromkeys(("أسبوعين", "أسبوعان"), ("week", 2)),
    **dict.fromkeys(("شهر", "شهرا"), ("month", 1)), **dict.fromkeys(("أشهر", "شهور"), ("month", None)),
    **dict.fromkeys(("شهرين", "شهران"), ("month", 2)),
    **dict.fromkeys(("سنة", "عام", "عاما"), ("year", 1)),
    **dict.fromkeys(("سنوات", "سنين", "أعوام"), ("year", None)),
    **dict.fromkeys(("سنتين", "سنتان", "عامين", "عامان"), ("year", 2)),
    **dict.fromkeys(("ساعة",), ("hour", 1)), "ساعات": ("hour", None),
    **dict.fromkeys(("ساعتين", "ساعتان"), ("hour", 2)),
    **dict.fromkeys(("دقيقة",), ("minute", 1)), "دقائق": ("minute", None),
    **dict.fromkeys(("دقيقتين", "دقيقتان"), ("minute", 2)),
    "ثانية": ("second", 1), **dict.fromkeys(("ثوان", "ثواني"), ("second", None)),
    **dict.fromkeys(("ثانيتين", "ثانيتان"), ("second", 2)),
    **dict.fromkeys(("عقد", "عقدا"), ("decade", 1)), "عقود": ("decade", None),
    **dict.fromkeys(("عقدين", "عقدان"), ("decade", 2)),
}
DURATION_CUES = frozenset(norm_keys(dict.fromkeys((
    "لمدة", "مدة", "طيلة", "طوال", "مدى", "مدار", "غضون", "خلال", "قرابة", "نحو", "حوالي",
    "أكثر من", "أقل من", "طوال", "بعد", "استمر", "استمرت", "دام", "دامت", "بـ", "ب",
), 0)))
AGE_CUES = frozenset(norm_keys(dict.fromkeys((
    "العمر", "عمره", "عمرها", "عمرهم", "عمر", "البالغ", "البالغة", "البالغين", "يبلغ", "تبلغ",
    "ابن", "ابنة", "بنت", "ذو", "ذات", "ذي", "يناهز", "تناهز", "ناهز", "عمرا", "سن", "السن",
), 0)))
#: words that put an undated day or month in the future as easily as in the past.
FUTURE_CUES = frozenset(norm_keys(dict.fromkeys((
    "إلى", "موعد", "تأجيل", "تأجيله", "تأجيلها", "مرتقب", "المرتقب", "المرتقبة", "يرتقب", "المقرر",
    "المقررة", "مقرر", "المنتظر", "المنتظرة", "المزمع", "المزمعة", "يعتزم", "تعتزم", "سوف",
    "ينتظر", "يتوقع", "يُنتظر", "ستنعقد", "سينعقد", "ستنطلق", "سينطلق", "غاية", "أجل", "تنطلق",
), 0)))

_CUE_WORDS = frozenset({"قبل", "منذ"}) | DURATION_CUES | AGE_CUES

#: words before a bare month name that make it a month (في جانفي، خلال رمضان).
MONTH_CUES = frozenset(norm_keys(dict.fromkeys((
    "شهر", "في", "خلال", "منذ", "مطلع", "أوائل", "أواخر", "منتصف", "نهاية", "بداية", "حتى", "قبل",
    "بعد", "غاية", "مع", "موفى", "أواسط", "إلى",
), 0)))
PARTS_OF_DAY = ("يوم", "صباح", "مساء", "ليلة", "ظهر", "فجر", "عشية", "ليل", "نهار", "صبيحة",
                "ظهيرة", "غداة", "أمسية", "منتصف ليل")

N_GREG = norm_keys(GREGORIAN_MONTHS)
N_HIJRI = norm_keys(HIJRI_MONTHS)
N_WEEKDAYS = norm_keys(WEEKDAYS)
N_RELATIVE = norm_keys(RELATIVE)
N_TIME_UNITS = norm_keys(TIME_UNITS)
N_DAY_ORDINALS = norm_keys(DAY_ORDINALS)
#: every normalized word that is a month name or part of one (numbers use it).
MONTH_WORDS = frozenset(w for name in (*N_GREG, *N_HIJRI) for w in name.split())

_W = r"[^\W\d_]"
_B = rf"(?<!{_W})"
_E = rf"(?!{_W})"
_PFX = r"(?:[وف]?[بل]?)"
_MON = alternation([*GREGORIAN_MONTHS, *HIJRI_MONTHS])
_WD = alternation(WEEKDAYS)
_REL = alternation(RELATIVE)
_PART = alternation(PARTS_OF_DAY)
_ERA = r"(?:\s*(?P<era>م|ه|هجريه|هجري|للهجره|ميلاديه|ميلادي)" + _E + ")?"

NUMERIC = re.compile(
    r"(?<![\d./-])(?:(?P<d>\d{1,2})(?P<s1>[/.-])(?P<m>\d{1,2})(?P=s1)(?P<y>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})(?P<s2>[/.-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2}))(?![\d/]|[.,-]\d)" + _ERA
)
TEXTUAL = re.compile(
    _B + _PFX
    + rf"(?:(?P<part>{_PART})\s+)?(?:(?P<wd>{_WD})\s*[،,]?\s*)?"
    + rf"(?:(?P<day>\d{{1,2}}(?!\d)|(?:{alternation(DAY_ORDINALS)})(?=\s+من\s)|الاول|غره)"
    + r"\s*(?:من\s+)?(?:شهر\s+)?)?"
    + rf"(?P<mon>{_MON}){_E}"
    + rf"(?:\s*[/(،-]\s*(?P<mon2>{_MON}){_E}(?:\s*\))?)?"
    + r"(?:\s*[،,]?\s*(?:من\s+)?(?:عام|سنه|العام|لعام|لسنه)?\s*(?P<year>\d{4})(?!\d)" + _ERA + ")?"
    + rf"(?:\s+(?P<rel>{_REL}){_E})?"
    + rf"(?:\s+من\s+(?:العام|السنه)\s+(?P<yrel>{_REL}){_E})?"
)
YEAR_RANGE = re.compile(
    _B + r"(?:(?P<pre>خلال|الفتره|عامي|سنتي|الاعوام|السنوات)\s+)?(?:(?P<cue>بين|من)\s+)?"
    r"(?:(?P<word>عام|العام|سنه)\s+)?"
    r"(?P<y1>\d{4})(?!\d)\s*(?P<sep>-|–|/|الي|حتي|و)\s*(?:عام|سنه)?\s*(?P<y2>\d{4})(?!\d|[.,]\d)"
)
YEAR_CUED = re.compile(
    _B + _PFX + r"(?P<cue>عام|العام|سنه|السنه|منذ|في|حتي|خلال|مطلع|اوائل|اواخر|منتصف|نهايه|"
    r"بدايه|موفي|قبل|بعد|الي|غايه|ميزانيه|موسم|صيف|شتاء|ربيع|خريف)\s+(?P<year>\d{4})(?!\d|[.,]\d)"
    + _ERA
)
HIJRI_YEAR = re.compile(
    _B + _PFX + r"(?:(?P<cue>عام|العام|سنه|السنه)\s+)?(?<![\d.,])(?P<year>1[34]\d\d)\s*(?:ه|هجريه|هجري|للهجره)" + _E
)
RELATIVE_DAY = re.compile(
    _B + _PFX + rf"(?:(?P<part>{_PART})\s+)?(?P<word>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|"
    r"الامس|امس|البارحه|اليوم|غدا|بعد\s+غد|الليله)" + _E + rf"(?:\s+(?P<wd>{_WD}){_E})?"
)
RELATIVE_UNIT = re.compile(
    _B + _PFX + r"(?:(?P<this>هذا|هذه)\s+)?(?P<unit>الاسبوع|الشهر|العام|السنه)"
    + rf"(?:\s+(?P<rel>{_REL}))?{_E}"
)
AGO = re.compile(_B + _PFX + r"(?P<cue>قبل|منذ)\s+")
WEEKDAY = re.compile(
    _B + _PFX + rf"(?:(?P<part>{_PART})\s+)?(?P<wd>{_WD}){_E}(?:\s+(?P<rel>{_REL}){_E})?"
)
UNIT_WORD = re.compile(_B + r"(?:[وب]?)(?P<unit>" + alternation(TIME_UNITS) + ")" + _E)
BARE_YEAR = re.compile(r"(?<![\d.,/-])(?P<year>(?:19|20)\d\d)(?!\d|[.,/-]\d|\s*%)" + _ERA)
_MONTH_SPLIT = re.compile(r"\s+")
#: the head of a range of days in one month: من 25 إلى (30 أكتوبر)، بين 1 و(15 جانفي)،
#: يومي 12 و(13 ماي)، أيام 9 و(10 جوان).
DAY_RANGE_HEAD = re.compile(
    r"(?:^|(?<=\s))[وف]?(?P<cue>من|بين|يومي|ايام)\s+(?P<d1>\d{1,2})\s*(?:الي|حتي|و|-|–)\s*$"
)

# Each pattern above, searched from a literal core (see marsad.extract.scan.Rule); `before`
# is the most a match can start before its core (clitics, a cue, a weekday and a day).
NUMERIC_RULE = Rule(NUMERIC, r"\d[/.-]\d", before=4)
TEXTUAL_RULE = Rule(TEXTUAL, _MON)
YEAR_RANGE_RULE = Rule(YEAR_RANGE, r"\d{4}", before=26)
HIJRI_YEAR_RULE = Rule(HIJRI_YEAR, r"1[34]\d\d\s*(?:ه|هجر|للهجره)", before=12)
YEAR_CUED_RULE = Rule(YEAR_CUED, r"\d{4}", before=14)
RELATIVE_DAY_RULE = Rule(RELATIVE_DAY, r"امس|البارحه|اليوم|غد|الليله", before=16)
RELATIVE_UNIT_RULE = Rule(RELATIVE_UNIT, r"الاسبوع|الشهر|العام|السنه", before=8)
AGO_RULE = Rule(AGO, r"قبل|منذ", before=2)
WEEKDAY_RULE = Rule(WEEKDAY, _WD, before=16)
UNIT_WORD_RULE = Rule(UNIT_WORD, alternation(TIME_UNITS), before=1)
BARE_YEAR_RULE = Rule(BARE_YEAR, r"(?:19|20)\d\d", before=0)


def _month_of(name: str) -> tuple[str, int] | None:
    key = _MONTH_SPLIT.sub(" ", name)
    if key in N_GREG:
        return "gregorian", N_GREG[key]
    if key in N_HIJRI:
        return "hijri", N_HIJRI[key]
    return None


class _Finder:
    """Runs the rules over one Doc's normalized text."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.norm = doc.normalized
        self.text = self.norm.text
        self.anchor, self.anchor_source = cal.anchor_date(doc.article.published)
        self.claims = Claims()  # normalized offsets
        self.dates: list[DateMention] = []
        self.durations: list[Duration] = []

    # -- output --------------------------------------------------------------------------

    def add(self, start: int, end: int, when: When, *, relative: bool,
            calendar: str = "gregorian") -> bool:
        if not self.claims.free(start, end):
            return False
        self.claims.take(start, end)
        rs, re_ = self.norm.raw_span(start, end)
        self.dates.append(DateMention(
            rs, re_, value=when.value, granularity=when.granularity,
            first=when.first.isoformat() if when.first else None,
            last=when.last.isoformat() if when.last else None,
            calendar=calendar, relative=relative,
            anchor=self.anchor_source if relative else None,
        ))
        return True

    def add_duration(self, start: int, end: int, value: int | float, unit: str, kind: str) -> None:
        if self.claims.free(start, end):
            self.claims.take(start, end)
            rs, re_ = self.norm.raw_span(start, end)
            self.durations.append(Duration(rs, re_, value=value, unit=unit, kind=kind))

    def since(self, start: int) -> tuple[int, bool]:
        """``منذ`` right before ``start``? Then the mention starts there and is an open range."""
        prev = prev_token(self.text, start)
        if prev and prev.text in ("منذ", "ومنذ"):
            return prev.start, True
        return start, False

    # -- rules ---------------------------------------------------------------------------

    def run(self) -> None:
        for rule in (self.numeric, self.textual, self.year_ranges, self.hijri_years,
                     self.cued_years, self.relative_days, self.relative_units, self.ago,
                     self.weekdays, self.durations_and_ages, self.bare_years):
            rule()

    def numeric(self) -> None:
        for m in NUMERIC_RULE.finditer(self.text):
            if m.group("d"):
                d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
                if y < 100:
                    y += 2000 if y < 50 else 1900
            else:
                d, mo, y = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
            hijri = m.group("era") in ("ه", "هجري", "هجريه", "للهجره")
            try:
                when = cal.day(cal.hijri_day(y, mo, d) if hijri else date(y, mo, d))
            except (ValueError, OverflowError):
                continue
            self.add(m.start(), m.end(), when, relative=False,
                     calendar="hijri" if hijri else "gregorian")

    def textual(self) -> None:
        for m in TEXTUAL_RULE.finditer(self.text):
            self._textual_one(m)

    def _textual_one(self, m: re.Match[str]) -> None:
        found = _month_of(m.group("mon"))
        if found is None:
            return
        system, mo = found
        day_s, year_s, rel = m.group("day"), m.group("year"), m.group("rel")
        era = m.group("era")
        start = _textual_start(m)
        prev = prev_token(self.text, start)
        cue = _without_conjunction(prev.text, MONTH_CUES) if prev else ""
        if not (day_s or year_s or rel or m.group("wd")) and (cue not in MONTH_CUES or (
                _month_key(m.group("mon")) in AMBIGUOUS_MONTHS and cue != "شهر")):
            return
        if cue == "شهر" and prev:  # شهر رمضان، بشهر فيفري: the word (not its clitic) belongs
            start = prev.end - len(cue)
        day_n = _day_number(day_s)
        if day_n is not None and not 1 <= day_n <= 31:
            return
        hijri = system == "hijri" or era in ("ه", "هجري", "هجريه", "للهجره")
        first_day = self._range_head(start) if day_n else None
        start, open_range = self.since(start if first_day is None else first_day[0])
        if m.group("yrel"):  # 19 ديسمبر من العام الماضي
            year_s = str(self.anchor.year + N_RELATIVE[m.group("yrel")])
        try:
            when, relative = self._resolve_month(hijri, mo, day_n, year_s, rel, start)
            relative = relative or bool(m.group("yrel"))
            if first_day is not None:  # من 25 إلى 30 أكتوبر: the days of one month
                when = _day_range(when, first_day[1])
        except (ValueError, OverflowError):
            return
        if open_range:
            when = cal.span(when, None)
        self.add(start, m.end(), when, relative=relative, calendar="hijri" if hijri else "gregorian")

    def _range_head(self, day_start: int) -> tuple[int, int] | None:
        """``من 25 إلى`` / ``بين 1 و`` right before a day: (where it starts, the first day)."""
        m = DAY_RANGE_HEAD.search(self.text, max(0, day_start - 24), day_start)
        return (m.start("cue"), int(m.group("d1"))) if m else None

    def _future_context(self, start: int) -> bool:
        """Do the words before ``start`` (same line, up to 6) speak of something to come?

        إلى counts only right before the date (أُجّل إلى مارس), not further back (وصل إلى 44
        مليار دولار بنهاية فبراير)."""
        tokens = prev_tokens(self.text, start, 6)
        return any(t.text in FUTURE_CUES and (t.text != "الي" or i == 0)
                   for i, t in enumerate(tokens))

    def _resolve_month(self, hijri: bool, mo: int, day_n: int | None, year_s: str | None,
                       rel: str | None, start: int) -> tuple[When, bool]:
        direction = N_RELATIVE.get(rel or "", 0) if rel else None
        if hijri:
            if year_s:
                y, relative = int(year_s), False
            else:
                hy, hm, hd = cal.hijri_of(self.anchor)
                y = hy if (mo, day_n or 1) <= (hm, hd) or direction == 0 else hy - 1
                if direction and direction > 0:
                    y = hy if (mo, day_n or 1) > (hm, hd) else hy + 1
                relative = True
            if day_n:
                return cal.day(cal.hijri_day(y, mo, day_n)), relative
            return cal.hijri_month(y, mo), relative
        if year_s:
            y, relative = int(year_s), False
        elif direction == 0:
            y, relative = self.anchor.year, True
        else:
            y = cal.nearest_year(self.anchor, mo, day_n, direction or 0,
                                 symmetric=self._future_context(start))
            relative = True
        if day_n:
            return cal.day(date(y, mo, day_n)), relative
        return cal.month(y, mo), relative

    def year_ranges(self) -> None:
        for m in YEAR_RANGE_RULE.finditer(self.text):
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            sep, cue = m.group("sep"), m.group("cue")
            if not (1000 <= y1 < y2 <= 2100 and y2 - y1 <= 200):
                continue
            if sep == "و" and cue != "بين":
                if m.group("pre") in ("عامي", "سنتي"):  # عامي 2015 و2017: two years
                    self.add(m.start("y1"), m.end("y1"), cal.year(y1), relative=False)
                    self.add(m.start("y2"), m.end("y2"), cal.year(y2), relative=False)
                continue
            # the span starts at من/بين, else at عام, else at the first year (not at الفترة)
            start = m.start("cue") if cue else m.start("word") if m.group("word") else m.start("y1")
            self.add(start, m.end(), cal.span(cal.year(y1), cal.year(y2)), relative=False)

    def hijri_years(self) -> None:
        for m in HIJRI_YEAR_RULE.finditer(self.text):
            try:
                when = cal.hijri_year(int(m.group("year")))
            except (ValueError, OverflowError):
                continue
            start, open_range = self.since(m.start("cue") if m.group("cue") else m.start("year"))
            if open_range:
                when = cal.span(when, None)
            self.add(start, m.end(), when, relative=False, calendar="hijri")

    def cued_years(self) -> None:
        for m in YEAR_CUED_RULE.finditer(self.text):
            y = int(m.group("year"))
            if not 1000 <= y <= 2100:
                continue
            cue = m.group("cue")
            if _amount_after_cued_year(self.text, m):
                continue
            when = cal.year(y)
            if cue == "منذ":
                when = cal.span(when, None)
                start = m.start("cue")
            elif cue in ("عام", "العام", "سنه", "السنه"):
                start = m.start("cue")
                since_start, open_range = self.since(start)
                if open_range:
                    when, start = cal.span(when, None), since_start
            else:
                start = m.start("year")
            self.add(start, m.end(), when, relative=False)

    def relative_days(self) -> None:
        for m in RELATIVE_DAY_RULE.finditer(self.text):
            word = re.sub(r"\s+", " ", m.group("word"))
            if word == "اليوم" and not m.group("part") and _followed_by_adjective(self.text, m.end()):
                continue
            offset = {"امس": -1, "الامس": -1, "البارحه": -1, "اليوم": 0, "الليله": 0, "غدا": 1,
                      "بعد غد": 2}.get(word, -2)
            start = m.start("part") if m.group("part") else m.start("word")
            when = cal.day(self.anchor + timedelta(days=offset))
            # اليوم السبت: one mention, unless the weekday starts a full date taken earlier.
            if not self.add(start, m.end(), when, relative=True) and m.group("wd"):
                self.add(start, m.end("word"), when, relative=True)

    def relative_units(self) -> None:
        for m in RELATIVE_UNIT_RULE.finditer(self.text):
            rel, this = m.group("rel"), m.group("this")
            if rel is None and this is None:
                continue
            n = 0 if this else N_RELATIVE[rel]
            unit = m.group("unit")
            a = self.anchor
            if unit == "الاسبوع":
                when = cal.week(a + timedelta(weeks=n))
            elif unit == "الشهر":
                when = cal.month(*cal.add_months(a.year, a.month, n))
            else:
                when = cal.year(a.year + n)
            start = m.start("this") if this else m.start("unit")
            self.add(start, m.end(), when, relative=True)

    def ago(self) -> None:
        """قبل ثلاثة أيام، منذ عامين: the anchor minus an amount of time."""
        for m in AGO_RULE.finditer(self.text):
            found = self._amount(m.end())
            if found is None:
                continue
            value, unit, end = found
            when = self._minus(value, unit)
            if when is not None:
                self.add(m.start("cue"), end, when, relative=True)
            else:  # قبل 2500 عام، منذ ثلاث ساعات: an amount of time, not a calendar date
                self.add_duration(m.start("cue"), end, value, unit, "duration")

    def _amount(self, pos: int) -> tuple[int | float, str, int] | None:
        """An amount of time starting at ``pos``: (value, unit, end) or None."""
        tok = next_token(self.text, pos)
        if tok is None:
            return None
        if tok.text in N_TIME_UNITS:
            unit, fixed = N_TIME_UNITS[tok.text]
            return (fixed, unit, tok.end) if fixed else None
        num = read_number(self.text, tok.start)
        if num is None:
            return None
        unit_tok = next_token(self.text, num.end)
        if unit_tok is None or unit_tok.text not in N_TIME_UNITS:
            return None
        return num.value, N_TIME_UNITS[unit_tok.text][0], unit_tok.end

    def _minus(self, value: int | float, unit: str) -> When | None:
        a, n = self.anchor, int(value)
        years = n * {"decade": 10, "year": 1}.get(unit, 0)
        if n != value or n > 5000 or not 1 <= a.year - years <= 9999:
            return None  # قبل 2500 عام: before the calendar datetime can hold
        if unit == "day":
            return cal.day(a - timedelta(days=n))
        if unit == "week":
            return cal.week(a - timedelta(weeks=n))
        if unit == "month":
            return cal.month(*cal.add_months(a.year, a.month, -n))
        if unit in ("year", "decade"):
            return cal.year(a.year - n * (10 if unit == "decade" else 1))
        return None  # hours and minutes ago: a time, not a date

    def weekdays(self) -> None:
        for m in WEEKDAY_RULE.finditer(self.text):
            wd, part, rel = m.group("wd"), m.group("part"), m.group("rel")
            if wd == "الاثنين" and not (part or rel):
                continue  # "the two" unless يوم الاثنين / الاثنين الماضي
            direction = N_RELATIVE[rel] if rel else 0
            d = cal.weekday_near(self.anchor, N_WEEKDAYS[wd], direction)
            start = m.start("part") if part else m.start("wd")
            self.add(start, m.end(), cal.day(d), relative=True)

    def durations_and_ages(self) -> None:
        for m in UNIT_WORD_RULE.finditer(self.text):
            unit, fixed = N_TIME_UNITS[m.group("unit")]
            start, value = self._number_before(m.start("unit"))
            if value is None:
                if fixed != 2:
                    continue  # a bare "عام" is a noun; a dual (عامين) is an amount
                start, value = m.start("unit"), 2
            kind = self._age_or_duration(start, m.end(), unit)
            if kind is None:
                continue
            self.add_duration(kind[1], m.end(), value, unit, kind[0])

    def _number_before(self, unit_start: int) -> tuple[int, int | float | None]:
        found: tuple[int, int | float | None] = (unit_start, None)
        for tok in prev_tokens(self.text, unit_start, 4):  # the longest: خمسة عشر، not عشر
            num = read_number(self.text, tok.start)
            if num and self.text[num.end:unit_start].strip() == "":
                found = (num.start, num.value)
        return found

    def _age_or_duration(self, start: int, end: int, unit: str) -> tuple[str, int] | None:
        prev = prev_tokens(self.text, start, 3)
        words = [_without_conjunction(t.text, _CUE_WORDS) for t in prev]
        after = next_token(self.text, end)
        if words and words[0] in ("قبل", "منذ"):
            return None  # a relative date (the ago rule), or "since": not a duration
        if unit == "year" and (
            any(w in AGE_CUES for w in words[:3])
            or (words and words[0] == "(" and after is not None and after.text == ")")
            or (after is not None and after.text == "من" and _next_word(self.text, after.end) == "العمر")
        ):
            return "age", start
        # The span is the amount and its unit: a cue before it (لمدة، خلال، نحو) is context,
        # as in TimeML ("for [three years]").
        return "duration", start

    def bare_years(self) -> None:
        for m in BARE_YEAR_RULE.finditer(self.text):
            nxt = next_token(self.text, m.end())
            if nxt and _counts_something(nxt.text):
                continue
            prev = prev_token(self.text, m.start())
            if prev and prev.text in ("رقم", "عدد", "الفصل", "الماده", "+", "#"):
                continue
            self.add(m.start(), m.end(), cal.year(int(m.group("year"))), relative=False)


#: cues after which a four-digit number is a year whatever word follows it (منذ 2017 يقدم).
YEAR_WORDS = frozenset({"عام", "العام", "سنه", "السنه"})


def _amount_after_cued_year(text: str, m: re.Match[str]) -> bool:
    """Is the number after a year cue an amount instead (إلى 2000 ريال، قبل 2000 سنة)?

    Never after عام/سنة or with an era; after the other cues when a time unit, a scale, a
    currency or a percent follows; after إلى (a limit reached) when any counted word does, and
    after any cue when a counted noun in ة does (a verb never ends in ة)."""
    cue, nxt = m.group("cue"), next_token(text, m.end())
    if cue in YEAR_WORDS or m.group("era") is not None or nxt is None:
        return False
    if nxt.text in N_TIME_UNITS or _is_amount_word(nxt.text):
        return True
    if cue == "الي" or nxt.text.endswith("ه") and not nxt.text.startswith("ال"):
        return _counts_something(nxt.text)  # في 1430 قضية: a noun (ة), not a verb (اندلعت)
    return False


def _is_amount_word(word: str) -> bool:
    return word in N_SCALES or word in N_CURRENCY_WORDS or word in ("%", "بالمايه", "بالميه")


def _textual_start(m: re.Match[str]) -> int:
    """Where a textual date starts: a part of day before a weekday or a day (يوم 14 أفريل،
    صباح الأحد 5 ماي), else the weekday, the day or the month."""
    if m.group("part") and (m.group("wd") or m.group("day")):
        return m.start("part")
    for group in ("wd", "day"):
        if m.group(group):
            return m.start(group)
    return m.start("mon")


def _day_number(day: str | None) -> int | None:
    if day is None:
        return None
    return int(day) if day.isdigit() else N_DAY_ORDINALS.get(_MONTH_SPLIT.sub(" ", day), 1)


def _day_range(last: When, first_day: int) -> When:
    """From ``first_day`` of ``last``'s month to ``last`` (a day)."""
    if last.first is None or not 1 <= first_day < last.first.day:
        raise ValueError("not a range of days")
    return cal.span(cal.day(last.first.replace(day=first_day)), last)


def _without_conjunction(word: str, known: frozenset[str]) -> str:
    """``word`` without a leading و/ف when that makes it a ``known`` word (وفي → في)."""
    if word in known or len(word) < 3:
        return word
    for n in (1, 2):  # وفي، بنهاية، وبنهاية
        if all(c in "وفبل" for c in word[:n]) and word[n:] in known:
            return word[n:]
    return word


def _month_key(name: str) -> str:
    return _MONTH_SPLIT.sub(" ", name)


def _next_word(text: str, pos: int) -> str:
    tok = next_token(text, pos)
    return tok.text if tok else ""


#: adjectives after اليوم that make it "the day" (اليوم الأخير), besides nisbas and ordinals.
DAY_ADJECTIVES = frozenset(norm_keys(dict.fromkeys((
    "الأخير", "الموالي", "التالي", "المفتوح", "الموعود", "المشهود", "الأول", "الثاني", "الثالث",
), 0)))


def _followed_by_adjective(text: str, pos: int) -> bool:
    """اليوم الوطني، اليوم العالمي، اليوم الأخير: "the day" as a noun, not "today".

    An adjective agreeing with يوم is definite and, in news, mostly a nisba (…ي) or an ordinal;
    a definite noun after اليوم is the subject of the sentence (توفي اليوم الفنان …)."""
    tok = next_token(text, pos)
    if tok is None or not tok.text.startswith("ال") or tok.text in N_WEEKDAYS:
        return False
    return tok.text.endswith("ي") or tok.text in DAY_ADJECTIVES


def _counts_something(word: str) -> bool:
    """After a bare 4-digit number: a word that it counts (2000 شخص), so not a year."""
    if _is_amount_word(word):
        return True
    return (
        len(word) >= 2 and word[0].isalpha() and not word.startswith("ال")
        and word not in NOT_COUNTED and not (word[0] in "وف" and word[1:] in NOT_COUNTED)
        and word not in MONTH_WORDS and word not in N_RELATIVE
        and word not in ("م", "ه")
    )


def find_dates(doc: Doc) -> tuple[list[DateMention], list[Duration], dict[str, str]]:
    """Dates, durations and the anchor used, for one Doc."""
    finder = _Finder(doc)
    finder.run()
    anchor = {"date": finder.anchor.isoformat(), "source": finder.anchor_source}
    return finder.dates, finder.durations, anchor


@stage("dates", requires=(), assigns=("dates", "durations"))
def dates_stage(doc: Doc) -> Doc:
    dates, durations, anchor = find_dates(doc)
    return doc.with_spans("dates", dates).with_spans("durations", durations).with_meta(anchor=anchor)


def parse_date(text: str, published: date | None = None) -> DateMention | None:
    """The first date in a short string (a feed's or a page's date field), or None."""
    from marsad.model import Article

    doc = Doc(Article(text=text, published=published))
    dates, _, _ = find_dates(doc)
    return dates[0] if dates else None
