"""Show one date in the calendars the reader thinks in: Gregorian and Solar Hijri.

The store keeps dates as ISO Gregorian strings, at the precision the source gave
(``2014``, ``2014-03``, ``2014-03-21`` or a full timestamp), plus the original text
and calendar. We convert for display only, and keep the precision: a year-only date
is shown as the Solar Hijri years it straddles, not as an invented day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import jdatetime

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@dataclass(frozen=True)
class ShownDate:
    """A date as the templates print it; empty strings where the input had no date."""

    iso: str
    gregorian: str
    solar_hijri: str
    solar_hijri_fa: str
    year: int | None


def show(value: str | None) -> ShownDate:
    """``"2014-03-21"`` → Gregorian ``2014-03-21`` and Solar Hijri ``1393-01-01``."""
    match = _ISO.match((value or "").strip())
    if not match:
        return ShownDate(value or "", value or "", "", "", None)
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            gregorian = dt.date(year, month, day)
            solar = jdatetime.date.fromgregorian(date=gregorian).strftime("%Y-%m-%d")
            shown_g = gregorian.isoformat()
        elif month is not None:
            first = jdatetime.date.fromgregorian(date=dt.date(year, month, 1))
            last = jdatetime.date.fromgregorian(date=_month_end(year, month))
            solar = _span(first.strftime("%Y-%m"), last.strftime("%Y-%m"))
            shown_g = f"{year:04d}-{month:02d}"
        else:
            first = jdatetime.date.fromgregorian(date=dt.date(year, 1, 1))
            last = jdatetime.date.fromgregorian(date=dt.date(year, 12, 31))
            solar = _span(str(first.year), str(last.year))
            shown_g = f"{year:04d}"
    except (ValueError, OverflowError):
        return ShownDate(value or "", value or "", "", "", year)
    return ShownDate(value or "", shown_g, solar, solar.translate(PERSIAN_DIGITS), year)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first}/{last}"
