"""Resolving a date expression to calendar dates against the publication date (or a reference year)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotation.nlp.dates import DateExpr


@dataclass
class ResolvedDate:
    date: dt.date | None
    date_end: dt.date | None
    precision: str | None  # day | week | month | year


def _month_range(year: int, month: int, part: str | None) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(part, (1, last))
    return dt.date(year, month, lo), dt.date(year, month, hi)


def _weekday_year(day: int, month: int, weekday: int, ref: dt.date) -> int | None:
    """The year, at or before ref's (nearest first), in which day/month falls on weekday."""
    for year in range(ref.year, ref.year - 30, -1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d.weekday() == weekday and d <= ref + dt.timedelta(days=1):
            return year
    return None


def resolve(e: DateExpr, published: dt.date | None, year_reference: dt.date | None = None) -> ResolvedDate:
    """Turn a date expression into a date (or range) given the publication date.

    Without a publication date only absolute dates resolve; ``year_reference`` (e.g. the main event's date)
    then supplies the year of "22 نوفمبر" or "مطلع أكتوبر", never a day for "أمس".
    """
    none = ResolvedDate(None, None, None)
    ref = published or year_reference
    if e.hijri and e.day and e.month and e.year:
        try:
            from hijridate import Hijri

            g = Hijri(e.year, e.month, e.day).to_gregorian()
            d = dt.date(g.year, g.month, g.day)
            return ResolvedDate(d, d, "day")
        except (ValueError, OverflowError, ImportError):
            return none
    if e.hijri:
        return none
    if e.day and e.month:
        year = e.year
        if year is None and e.weekdays and ref:
            year = _weekday_year(e.day, e.month, e.weekdays[0], ref)
        if year is None and ref:
            year = ref.year if (ref.month, ref.day) >= (e.month, e.day) else ref.year - 1
        if year is None:
            return none
        try:
            d = dt.date(year, e.month, e.day)
        except ValueError:
            return none
        return ResolvedDate(d, d, "day")
    if e.month:
        year = e.year
        if year is None and ref:
            year = ref.year if e.month <= ref.month or e.anchor == 1 else ref.year - 1
            if e.anchor == -1 and e.month >= ref.month:
                year = ref.year - 1
        if year is None:
            return ResolvedDate(None, None, "month")  # a month is meant even when its year is unknown
        lo, hi = _month_range(year, e.month, e.part)
        return ResolvedDate(lo, hi, "month")
    if e.year and e.unit == "year":
        return ResolvedDate(dt.date(e.year, 1, 1), dt.date(e.year, 12, 31), "year")
    if published is None:
        return none
    if e.relative_day is not None:
        d = published + dt.timedelta(days=e.relative_day)
        if e.weekdays and d.weekday() != e.weekdays[0]:
            # "اليوم الثلاثاء" in a paper dated Wednesday: the weekday names the day
            d = published - dt.timedelta(days=(published.weekday() - e.weekdays[0]) % 7)
        return ResolvedDate(d, d, "day")
    if e.weekdays:
        wd = e.weekdays[-1] if len(e.weekdays) > 1 else e.weekdays[0]
        back = (published.weekday() - wd) % 7
        if e.anchor == -1 and back == 0:
            back = 7
        d = published - dt.timedelta(days=back)
        if len(e.weekdays) > 1:
            ds = sorted(published - dt.timedelta(days=(published.weekday() - w) % 7) for w in e.weekdays)
            return ResolvedDate(ds[0], ds[-1], "day")
        return ResolvedDate(d, d, "day")
    if e.unit and e.anchor is not None:
        if e.unit == "week":
            monday = published - dt.timedelta(days=published.weekday())
            start = monday + dt.timedelta(weeks=e.anchor)
            return ResolvedDate(start, start + dt.timedelta(days=6), "week")
        if e.unit == "month":
            y, m = published.year, published.month + e.anchor
            if m < 1:
                y, m = y - 1, 12
            elif m > 12:
                y, m = y + 1, 1
            lo, hi = _month_range(y, m, e.part)
            return ResolvedDate(lo, hi, "month")
        y = published.year + e.anchor
        return ResolvedDate(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if e.ago:
        unit, k, exact = e.ago
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * k
        d = published - dt.timedelta(days=days)
        precision = unit if exact or unit != "day" else "week"
        return ResolvedDate(d, d, precision)
    return none
