"""Date expressions resolved to calendar dates, and the one reference date an article's dates are read against."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from hijridate import Hijri

# An article whose own dates (a weekday with its day and month) fall this long before the reference date it
# was given (the day it was pasted) was written then: its other dates are read against that day.
STALE_REFERENCE_DAYS = 7


@dataclass
class DateExpr:
    """A date expression found in text (token indexes, inclusive) and what it says."""

    first: int
    last: int
    weekdays: list[int] = field(default_factory=list)
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hijri: bool = False
    relative_day: int | None = None
    part: str | None = None
    unit: str | None = None
    anchor: int | None = None
    ago: tuple[str, int, bool] | None = None
    day_end: int | None = None  # "3 و5 مايو": the range's last day
    year_offset: int | None = None  # "شباط من العام الماضي": the year relative to the reference's
    recent: str | None = None  # "الساعات الماضية", "السنوات الأخيرة": the unit of a span of time up to now
    clock: bool = False  # "الساعة العاشرة صباحا": a time of day was said
    decade: bool = False  # "التسعينيات": a decade, left unresolved

    @property
    def vague(self) -> bool:
        """A span of time, not an event's day: "السنوات الأخيرة", "منتصف الشهر" (which month is not said)."""
        if self.decade or (self.clock and self.specificity == 0):
            return True  # "الساعة العاشرة صباحا" alone: the hour of a day not said
        return self.recent not in (None, "hour") or bool(self.unit and self.anchor is None and self.year is None)

    @property
    def specificity(self) -> int:
        return (
            (self.day is not None) * 4
            + (self.month is not None) * 2
            + (self.year is not None)
            + bool(self.weekdays)
            + (self.relative_day is not None) * 3
        )


@dataclass
class ResolvedDate:
    date: dt.date | None
    date_end: dt.date | None
    precision: str | None  # day | week | month | year


@dataclass(frozen=True)
class Reference:
    """What an article's dates are read against: its own day (relative dates need it) and a year reference."""

    day: dt.date | None = None  # "أمس", "الجمعة", "الشهر الماضي" resolve only against a day
    year: dt.date | None = None  # "22 نوفمبر", "مطلع أكتوبر" take their year from it


_NONE = ResolvedDate(None, None, None)


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


def _hijri(e: DateExpr) -> ResolvedDate:
    if not (e.day and e.month and e.year):
        return _NONE
    try:
        g = Hijri(e.year, e.month, e.day).to_gregorian()
    except (ValueError, OverflowError):
        return _NONE
    d = dt.date(g.year, g.month, g.day)
    return ResolvedDate(d, d, "day")


def _day_of_month(e: DateExpr, ref: dt.date | None) -> ResolvedDate:
    """ "الجمعة 22 نوفمبر", "22/11/2024": the year said, else the weekday's, else the latest not after ref."""
    year = e.year
    if year is None and e.year_offset is not None:
        if ref is None:
            return _NONE
        year = ref.year + e.year_offset
    if year is None and e.weekdays and ref:
        year = _weekday_year(e.day, e.month, e.weekdays[0], ref)
    if year is None and ref:
        year = ref.year if (ref.month, ref.day) >= (e.month, e.day) else ref.year - 1
    if year is None:
        return _NONE
    try:
        d = dt.date(year, e.month, e.day)
        end = dt.date(year, e.month, e.day_end) if e.day_end else d
    except ValueError:
        return _NONE
    return ResolvedDate(d, end, "day")


def _month(e: DateExpr, ref: dt.date | None) -> ResolvedDate:
    """ "مطلع أكتوبر", "نوفمبر الماضي": a month range in the year said or the latest one (the next with "المقبل")."""
    year = e.year
    if year is None and e.year_offset is not None:
        year = ref.year + e.year_offset if ref else None
    elif year is None and ref:
        year = ref.year if e.month <= ref.month or e.anchor == 1 else ref.year - 1
        if e.anchor == -1 and e.month >= ref.month:
            year = ref.year - 1
    if year is None:
        return ResolvedDate(None, None, "month")  # a month is meant even when its year is unknown
    lo, hi = _month_range(year, e.month, e.part)
    return ResolvedDate(lo, hi, "month")


def _relative_day(e: DateExpr, day: dt.date) -> ResolvedDate:
    d = day + dt.timedelta(days=e.relative_day)
    if e.weekdays and d.weekday() != e.weekdays[0]:
        # "اليوم الثلاثاء" in a paper dated Wednesday: the weekday names the day
        d = day - dt.timedelta(days=(day.weekday() - e.weekdays[0]) % 7)
    return ResolvedDate(d, d, "day")


def _weekday(e: DateExpr, day: dt.date) -> ResolvedDate:
    """ "يوم الجمعة" is the last Friday up to the reference day; "الجمعة الماضية" the one before it."""
    if len(e.weekdays) > 1:
        ds = sorted(day - dt.timedelta(days=(day.weekday() - w) % 7) for w in e.weekdays)
        return ResolvedDate(ds[0], ds[-1], "day")
    back = (day.weekday() - e.weekdays[0]) % 7
    if e.anchor == -1 and back == 0:
        back = 7
    d = day - dt.timedelta(days=back)
    return ResolvedDate(d, d, "day")


def _unit(e: DateExpr, day: dt.date) -> ResolvedDate:
    """ "الأسبوع الماضي", "الشهر الجاري", "العام المقبل"."""
    if e.unit == "week":
        start = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=e.anchor)
        return ResolvedDate(start, start + dt.timedelta(days=6), "week")
    if e.unit == "month":
        y, m = day.year, day.month + e.anchor
        if m < 1:
            y, m = y - 1, 12
        elif m > 12:
            y, m = y + 1, 1
        lo, hi = _month_range(y, m, e.part)
        return ResolvedDate(lo, hi, "month")
    y = day.year + e.anchor
    return ResolvedDate(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def _day_this_month(e: DateExpr, day: dt.date) -> ResolvedDate:
    """ "يوم 15 الجاري" (this month), "في 28 الماضي" (last month)."""
    y, m = day.year, day.month + e.anchor
    if m < 1:
        y, m = y - 1, 12
    try:
        d = dt.date(y, m, e.day)
    except ValueError:
        return _NONE
    return ResolvedDate(d, d, "day")


def _recent(e: DateExpr, day: dt.date) -> ResolvedDate:
    """ "الساعات الماضية" is the reference day; "الأيام الماضية" the week up to it; longer spans stay unresolved."""
    if e.recent == "hour":
        return ResolvedDate(day, day, "day")
    if e.recent == "day":
        return ResolvedDate(day - dt.timedelta(days=7), day, "week")
    return _NONE


def _ago(e: DateExpr, day: dt.date) -> ResolvedDate:
    unit, k, exact = e.ago
    d = day - dt.timedelta(days={"day": 1, "week": 7, "month": 30, "year": 365}[unit] * k)
    return ResolvedDate(d, d, unit if exact or unit != "day" else "week")


def resolve(e: DateExpr, published: dt.date | None, year_reference: dt.date | None = None) -> ResolvedDate:
    """Turn a date expression into a date (or range) given the article's day.

    Without that day only absolute dates resolve; ``year_reference`` (the article's inferred date) then
    supplies the year of "22 نوفمبر" or "مطلع أكتوبر", never a day for "أمس".
    """
    ref = published or year_reference
    if e.hijri:
        return _hijri(e)
    if e.day and e.month:
        return _day_of_month(e, ref)
    if e.month:
        return _month(e, ref)
    if e.year and e.unit == "year":
        return ResolvedDate(dt.date(e.year, 1, 1), dt.date(e.year, 12, 31), "year")
    if published is None:
        return _NONE
    if e.recent:
        return _recent(e, published)
    if e.day and e.anchor is not None and e.anchor <= 0:
        return _day_this_month(e, published)
    if e.relative_day is not None:
        return _relative_day(e, published)
    if e.weekdays:
        return _weekday(e, published)
    if e.unit and e.anchor is not None:
        return _unit(e, published)
    if e.ago:
        return _ago(e, published)
    return _NONE


def resolve_in(e: DateExpr, reference: Reference) -> ResolvedDate:
    """Resolve against an article's reference (see article_reference)."""
    return resolve(e, reference.day, year_reference=reference.year)


def article_reference(exprs: Iterable[DateExpr], published: dt.date | None) -> Reference:
    """The one reference every date of an article is read against, inferred once.

    - With a reference day (the publication date, or the day the article was pasted): that day, unless the
      article's own weekday-dated days ("الجمعة 22 نوفمبر") agree with a day well before it; then the
      article was written then, and the latest such day is the reference.
    - Without one: the latest fully written date ("22 نوفمبر 2024", "2024/11/22") gives the year of the
      others; relative dates ("أمس") stay unresolved.
    """
    exprs = list(exprs)
    if published is not None:
        agreed = _weekday_agreed(exprs, published)
        if agreed and agreed < published - dt.timedelta(days=STALE_REFERENCE_DAYS):
            return Reference(day=agreed, year=agreed)
        return Reference(day=published, year=published)
    written = [_day_of_month(e, None).date for e in exprs if e.day and e.month and e.year and not e.hijri]
    written = [d for d in written if d is not None]
    if not written:
        return Reference(day=None, year=None)
    # A page's "last updated" stamp may be years after the events: weekday-dated days ("الجمعة 22 نوفمبر") that
    # agree with an earlier year say when the article was written, and every month without a year follows them.
    agreed = _weekday_agreed(exprs, max(written))
    if agreed and agreed < max(written) - dt.timedelta(days=STALE_REFERENCE_DAYS):
        return Reference(day=None, year=agreed)
    return Reference(day=None, year=max(written))


def _weekday_agreed(exprs: list[DateExpr], ref: dt.date) -> dt.date | None:
    """The latest day-and-month with a weekday and no year, placed in the year (up to ``ref``) its weekday agrees with."""
    agreed = [_day_of_month(e, ref).date for e in exprs if e.day and e.month and e.weekdays and not e.year and not e.hijri]
    return max((d for d in agreed if d is not None), default=None)
