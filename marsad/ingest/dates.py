"""Publication dates as sources write them: ISO 8601, RFC 822, epoch seconds, and Arabic.

:func:`parse_date` reads one date string the way feeds, JSON records, CSV rows and page
metadata write it. It tries, in order: ISO 8601 (``2019-11-14T10:30:00+03:00``), epoch
seconds or milliseconds, RFC 822 (``Thu, 14 Nov 2019 10:30:00 +0300``), and then marsad's own
date layer (:func:`marsad.extract.dates.parse_date`), which reads Arabic month names of every
region, Hijri dates and numeric ``14/11/2019`` (``الخميس، 14 تشرين الثاني 2019``,
``١٤ نوفمبر ٢٠١٩``, ``Thu, 14 جانفي 2017``). The date layer gives the day; a time of day
(``10:30``, ``03:15 م``) and a UTC offset (``+0300``, ``GMT``, ``بتوقيت غرينتش``) written after
it are read here. Only a resolved day counts: a month alone, or a relative date (``أمس``), is
not a publication date. The result keeps the offset the string gave; it is naive when the
string had none.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from marsad.text.normalize import normalize_text

_CLOCK = re.compile(
    r"^\D{0,20}?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(ص|م|am|pm)?"
    r"(?:\s*(?:بتوقيت\s+)?([+-]\d{2}:?\d{2}|gmt|utc|غرينتش|غرينيتش|ت\s?غ)\b)?"
)


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
    for parse in (_iso, _rfc822, _date_layer):
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
        if len(candidate) in (8, 10) and candidate[:4].isdigit() and ":" not in candidate:
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


def _date_layer(text: str) -> datetime | date | None:
    """The day marsad's date layer finds in ``text``, with the time and offset after it."""
    try:
        from marsad.extract.dates import parse_date as find_date
    except ImportError:  # the date layer is optional here: ISO and RFC 822 still work
        return None
    try:
        mention = find_date(text)
    except Exception:  # a date string the layer trips on is a date not found, not a failure
        return None
    if mention is None or mention.granularity != "day" or mention.relative:
        return None
    try:
        day = date.fromisoformat(str(mention.value))
    except ValueError:
        return None
    return _with_clock(day, normalize_text(text[mention.end :]))


def _with_clock(day: date, rest: str) -> datetime | date:
    m = _CLOCK.match(rest)
    if not m:
        return day
    hour, minute, second, half, zone = m.groups()
    h = int(hour)
    if half in ("م", "pm") and h < 12:
        h += 12
    elif half in ("ص", "am") and h == 12:
        h = 0
    try:
        when = datetime(day.year, day.month, day.day, h, int(minute), int(second or 0))
    except ValueError:
        return day
    if zone and zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return when.replace(tzinfo=timezone(offset if zone[0] == "+" else -offset))
    return when.replace(tzinfo=timezone.utc) if zone else when
