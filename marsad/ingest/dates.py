"""Publication dates as sources write them: ISO 8601, RFC 822, epoch seconds, and Arabic.

:func:`parse_date` reads one date string the way feeds, JSON records, CSV rows and page
metadata write it. It tries, in order: ISO 8601 (``2019-11-14T10:30:00+03:00``), RFC 822
(``Thu, 14 Nov 2019 10:30:00 +0300``), day-month-year with an Arabic month name of any
region (``الخميس، 14 تشرين الثاني 2019 10:30 +0300``, ``١٤ نوفمبر ٢٠١٩``, ``14 جانفي 2017``),
numeric ``14/11/2019`` (day first, as Arabic sites write it) and ``2019/11/14``; and last
marsad's own date layer (:mod:`marsad.extract.dates`) where it has a function for one string.
The result keeps the offset the string gave; it is naive when the string had none.
"""

from __future__ import annotations

import email.utils
import importlib
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from marsad.text.normalize import normalize_text

_MONTHS = {
    1: ("يناير", "كانون الثاني", "جانفي", "جانفييه", "January", "Jan"),
    2: ("فبراير", "شباط", "فيفري", "February", "Feb"),
    3: ("مارس", "آذار", "March", "Mar"),
    4: ("أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "April", "Apr"),
    5: ("مايو", "أيار", "ماي", "May"),
    6: ("يونيو", "يونيه", "حزيران", "جوان", "June", "Jun"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "جويلة", "July", "Jul"),
    8: ("أغسطس", "آب", "أوت", "August", "Aug"),
    9: ("سبتمبر", "أيلول", "September", "Sep", "Sept"),
    10: ("أكتوبر", "تشرين الأول", "October", "Oct"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر", "November", "Nov"),
    12: ("ديسمبر", "كانون الأول", "دجنبر", "December", "Dec"),
}
#: normalized month name -> month number, longest names first in the pattern.
MONTHS = {normalize_text(name): n for n, names in _MONTHS.items() for name in names}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

_TIME = r"(?:\D{0,12}?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(ص|م|am|pm)?)?"
_ZONE = r"(?:\s*(?:بتوقيت\s+)?([+-]\d{2}:?\d{2}|gmt|utc|غرينتش|غرينيتش|ت\s?غ)\b)?"
_WORDY = re.compile(
    rf"(\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?({_MONTH_RE})\s*,?\s*(?:سنه|عام)?\s*(\d{{4}}){_TIME}{_ZONE}"
)
_WORDY_MDY = re.compile(rf"({_MONTH_RE})\s+(\d{{1,2}})\s*,?\s*(\d{{4}}){_TIME}{_ZONE}")
_DMY = re.compile(rf"\b(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}}){_TIME}{_ZONE}")
_YMD = re.compile(rf"\b(\d{{4}})[/.-](\d{{1,2}})[/.-](\d{{1,2}}){_TIME}{_ZONE}")


def parse_date(value: Any) -> datetime | date | None:
    """The date or date-time ``value`` stands for, or None when it is not one."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, int | float):
        return _epoch(float(value))
    text = str(value).strip()
    if not text:
        return None
    for parse in (_iso, _rfc822, _arabic, _numeric, _date_layer):
        found = parse(text)
        if found is not None:
            return found
    return None


def _epoch(seconds: float) -> datetime | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if not 0 < seconds < 4e9:
        return None
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def _iso(text: str) -> datetime | date | None:
    candidate = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        if len(candidate) == 10:
            return date.fromisoformat(candidate)
        return datetime.fromisoformat(candidate)
    except ValueError:
        pass
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return _epoch(float(text))
    return None


def _rfc822(text: str) -> datetime | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed


def _arabic(text: str) -> datetime | date | None:
    norm = normalize_text(text)
    m = _WORDY.search(norm)
    if m:
        day, month, year = int(m.group(1)), MONTHS[m.group(2)], int(m.group(3))
        return _build(year, month, day, m.groups()[3:])
    m = _WORDY_MDY.search(norm)
    if m:
        month, day, year = MONTHS[m.group(1)], int(m.group(2)), int(m.group(3))
        return _build(year, month, day, m.groups()[3:])
    return None


def _numeric(text: str) -> datetime | date | None:
    norm = normalize_text(text)
    m = _YMD.search(norm)
    if m:
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.groups()[3:])
    m = _DMY.search(norm)
    if m:
        return _build(int(m.group(3)), int(m.group(2)), int(m.group(1)), m.groups()[3:])
    return None


def _build(year: int, month: int, day: int, rest: tuple[Any, ...]) -> datetime | date | None:
    hour, minute, second, half, zone = rest
    try:
        if hour is None:
            return date(year, month, day)
        h = int(hour)
        if half in ("م", "pm") and h < 12:
            h += 12
        elif half in ("ص", "am") and h == 12:
            h = 0
        when = datetime(year, month, day, h, int(minute), int(second or 0))
    except ValueError:
        return None
    if zone and zone[0] not in "+-":
        when = when.replace(tzinfo=timezone.utc)
    elif zone:
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        when = when.replace(tzinfo=timezone(sign * offset))
    return when


def _date_layer(text: str) -> datetime | date | None:
    """marsad's own date layer, where it offers a function that reads one date string."""
    try:
        module = importlib.import_module("marsad.extract.dates")
    except ImportError:
        return None
    for name in ("parse_date", "parse_one", "parse_date_string"):
        parse = getattr(module, name, None)
        if callable(parse):
            try:
                found = parse(text)
            except Exception:  # the date layer is best effort here: a miss is not an error
                return None
            return found if isinstance(found, datetime | date) else None
    return None
