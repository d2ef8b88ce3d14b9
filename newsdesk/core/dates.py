"""The dates Newsdesk accepts: years 1000 to 2999.

Python and both databases hold years 1 to 9999, but at the ends of that
range a date cannot be moved by a day or a timezone without leaving it
(9999-12-31 23:00 UTC is already the year 10000 in Tokyo), and no story,
role or agreement a newsroom records lies there: a year 0001 or 9999 is a
typing slip. The range is wide enough for any treaty or archive story.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

EARLIEST = datetime.date(1000, 1, 1)
LATEST = datetime.date(2999, 12, 31)
RANGE_MESSAGE = (
    f"Enter a date between {EARLIEST:%Y-%m-%d} and {LATEST:%Y-%m-%d}; a year "
    "outside that range is almost certainly a typing slip."
)


@deconstructible
class DateInRange:
    """A validator for a date or a datetime (compared by its date)."""

    code = "date_out_of_range"

    def __call__(self, value) -> None:
        if value is None:
            return
        day = value.date() if isinstance(value, datetime.datetime) else value
        if not EARLIEST <= day <= LATEST:
            raise ValidationError(RANGE_MESSAGE, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, DateInRange)

    def __hash__(self) -> int:
        return hash(DateInRange)


date_in_range = DateInRange()
