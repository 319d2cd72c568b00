"""Calendar arithmetic for the date layer: months, weeks, Hijri conversion, resolved values.

A :class:`When` is a resolved point or range (first and last day, granularity and ISO value);
the date extractor turns each into a :class:`~marsad.model.DateMention`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class When:
    value: str
    granularity: str
    first: date | None
    last: date | None


def day(d: date) -> When:
    return When(d.isoformat(), "day", d, d)


def month(y: int, m: int) -> When:
    last = calendar.monthrange(y, m)[1]
    return When(f"{y:04d}-{m:02d}", "month", date(y, m, 1), date(y, m, last))


def year(y: int) -> When:
    return When(f"{y:04d}", "year", date(y, 1, 1), date(y, 12, 31))


def week(d: date) -> When:
    monday = d - timedelta(days=d.weekday())
    iso = monday.isocalendar()
    return When(f"{iso.year:04d}-W{iso.week:02d}", "week", monday, monday + timedelta(days=6))


def span(first: When | None, last: When | None) -> When:
    """The range from ``first`` to ``last`` (either may be None: an open side)."""
    left = _endpoint(first, first.first if first else None)
    right = _endpoint(last, last.last if last else None)
    return When(f"{left}/{right}", "range", first.first if first else None,
                last.last if last else None)


def _endpoint(when: When | None, edge: date | None) -> str:
    if when is None or edge is None:
        return ".."
    return edge.isoformat() if when.granularity == "range" else when.value


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def anchor_date(published: date | datetime | None) -> tuple[date, str]:
    """The anchor for relative dates and where it came from (``published`` or ``today``)."""
    if isinstance(published, datetime):
        return published.date(), "published"
    if isinstance(published, date):
        return published, "published"
    return date.today(), "today"


#: how far ahead an undated month or day may be resolved (else it is the past one).
FUTURE_WINDOW_DAYS = 45


def nearest_year(anchor: date, m: int, d: int | None, direction: int = 0,
                 symmetric: bool = False) -> int:
    """The year that puts month ``m`` (day ``d``) nearest to ``anchor``.

    ``direction`` -1 forces the last occurrence strictly before the anchor's month (or day),
    +1 the first strictly after, 0 the last on or before the anchor unless the next one is
    within :data:`FUTURE_WINDOW_DAYS` ahead — or, if ``symmetric`` (the context speaks of the
    future), simply the nearest (ties go to the past).
    """
    def key(y: int) -> date:
        return date(y, m, min(d or 1, calendar.monthrange(y, m)[1]))

    ref = anchor if d else date(anchor.year, anchor.month, 1)
    if direction < 0:
        y = anchor.year
        while key(y) >= ref:
            y -= 1
        return y
    if direction > 0:
        y = anchor.year
        while key(y) <= ref:
            y += 1
        return y
    if symmetric:
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        return min(years, key=lambda y: (abs((key(y) - ref).days), key(y) > ref))
    # News mostly reports the past: the last occurrence on or before the anchor, unless the
    # next one is close ahead (a scheduled event: "on 15 December" written in November).
    past = anchor.year if key(anchor.year) <= ref else anchor.year - 1
    ahead = past + 1
    return ahead if (key(ahead) - ref).days <= FUTURE_WINDOW_DAYS else past


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (Monday 0) on or before the anchor (0), strictly before (-1) or after (+1)."""
    if direction > 0:
        delta = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if direction < 0 and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def hijri_day(y: int, m: int, d: int) -> date:
    from hijridate import Hijri

    g = Hijri(y, m, d).to_gregorian()
    return date(g.year, g.month, g.day)


def hijri_month(y: int, m: int) -> When:
    from hijridate import Hijri

    first = hijri_day(y, m, 1)
    last = first + timedelta(days=Hijri(y, m, 1).month_length() - 1)
    return When(f"{first.isoformat()}/{last.isoformat()}", "range", first, last)


def hijri_year(y: int) -> When:
    first = hijri_day(y, 1, 1)
    last = hijri_month(y, 12).last
    assert last is not None
    return When(f"{first.isoformat()}/{last.isoformat()}", "range", first, last)


def hijri_of(d: date) -> tuple[int, int, int]:
    from hijridate import Gregorian

    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day
