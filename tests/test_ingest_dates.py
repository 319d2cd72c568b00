"""Date values as feeds, records and pages write them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.ingest.dates import parse_date

PLUS3 = timezone(timedelta(hours=3))


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-11-14T10:30:00+03:00", datetime(2019, 11, 14, 10, 30, tzinfo=PLUS3)),
    ("2019-11-14T07:30:00Z", datetime(2019, 11, 14, 7, 30, tzinfo=timezone.utc)),
    ("2019-11-14", date(2019, 11, 14)),
    ("20191114", date(2019, 11, 14)),
    ("Thu, 14 Nov 2019 10:30:00 +0300", datetime(2019, 11, 14, 10, 30, tzinfo=PLUS3)),
    ("الخميس، 14 تشرين الثاني 2019 10:30:00 +0300", datetime(2019, 11, 14, 10, 30, tzinfo=PLUS3)),
    ("Thu, 14 نوفمبر 2019 10:30:00 GMT", datetime(2019, 11, 14, 10, 30, tzinfo=timezone.utc)),
    ("١٤ نوفمبر ٢٠١٩ ١٠:٣٠ +٠٣٠٠", datetime(2019, 11, 14, 10, 30, tzinfo=PLUS3)),
    ("الأربعاء 18 جانفي 2017", date(2017, 1, 18)),
    ("5 يناير 2023 - 03:15 م", datetime(2023, 1, 5, 15, 15)),
    ("14/11/2019", date(2019, 11, 14)),
    ("14 نوفمبر 2019 10:30 بتوقيت غرينتش", datetime(2019, 11, 14, 10, 30, tzinfo=timezone.utc)),
    (1573716600, datetime(2019, 11, 14, 7, 30, tzinfo=timezone.utc)),
    ("1573716600000", datetime(2019, 11, 14, 7, 30, tzinfo=timezone.utc)),
    ("أمس", None),
    ("نوفمبر 2019", None),
    ("hello", None),
    ("", None),
    (None, None),
    (True, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@given(st.text(max_size=80))
def test_parse_date_never_raises(text):
    found = parse_date(text)
    assert found is None or isinstance(found, date)
