"""Date expressions: finding them (token grammar) and resolving them against the publication date."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from itertools import compress

from annotation.nlp.date_resolution import DateExpr, ResolvedDate, resolve
from annotation.nlp.numbers import parse_number
from annotation.nlp.tokenize import NORM, Token, readings

WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
MONTHS = {
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "ايلول": 9,
    "جانفي": 1,
    "فيفري": 2,
    "افريل": 4,
    "جوان": 6,
    "جويليه": 7,
    "اوت": 8,
    "يوليوز": 7,
    "غشت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}
TWO_WORD_MONTHS = {("كانون", "الثاني"): 1, ("كانون", "الاول"): 12, ("تشرين", "الاول"): 10, ("تشرين", "الثاني"): 11}
AMBIGUOUS_MONTHS = {"اب": 8, "ماي": 5}  # also "father" / French "mai": only next to a day or year
HIJRI_MONTHS = {"محرم": 1, "صفر": 2, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10}
TWO_WORD_HIJRI = {
    ("ربيع", "الاول"): 3,
    ("ربيع", "الثاني"): 4,
    ("ربيع", "الاخر"): 4,
    ("جمادي", "الاولي"): 5,
    ("جمادي", "الاخره"): 6,
    ("جمادي", "الثانيه"): 6,
    ("ذو", "القعده"): 11,
    ("ذي", "القعده"): 11,
    ("ذو", "الحجه"): 12,
    ("ذي", "الحجه"): 12,
}
RELATIVE_DAYS = {"اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1, "غدا": 1, "الغد": 1}
# "زوال" (noon) and "عشية" (evening, eve) are the Maghreb's: "زوال اليوم", "عشية الأحد"
PARTS_OF_DAY = {"صباح", "مساء", "فجر", "ظهر", "عصر", "ليل", "ليله", "غروب", "نهار", "ظهيره", "فجريوم", "صبيحه", "منتصف", "زوال", "عشيه"}
SEASONS = frozenset({"صيف", "شتاء", "خريف", "ربيع"})  # before a year only: "ربيع الأول" is a Hijri month
MONTH_PARTS = {
    "مطلع": "early",
    "بدايه": "early",
    "اوايل": "early",
    "اول": "early",
    "منتصف": "mid",
    "اواسط": "mid",
    "اواخر": "late",
    "نهايه": "late",
    "اخر": "late",
    "خلال": None,
}
ANCHORS = {
    "الماضي": -1,
    "الماضيه": -1,
    "المنصرم": -1,
    "المنصرمه": -1,
    "الفايت": -1,
    "الفايته": -1,
    "المنقضي": -1,  # Tunisian and Algerian papers: "الأسبوع المنقضي", "الشهر الفارط"
    "المنقضيه": -1,
    "الفارط": -1,
    "الفارطه": -1,
    "السابق": -1,
    "الماضيين": -1,
    "الجاري": 0,
    "الحالي": 0,
    "الحاليه": 0,
    "الجاريه": 0,
    "القادم": 1,
    "المقبل": 1,
    "القادمه": 1,
    "المقبله": 1,
}
UNITS = {
    "الاسبوع": "week",
    "اسبوع": "week",
    "الشهر": "month",
    "شهر": "month",
    "العام": "year",
    "عام": "year",
    "السنه": "year",
    "سنه": "year",
}
# unit, count, whether the count is exact ("قبل أيام" is a few days: week precision)
AGO_UNITS = {
    "ايام": ("day", 3),
    "يومين": ("day", 2),
    "اسبوع": ("week", 1),
    "اسبوعين": ("week", 2),
    "اسابيع": ("week", 3),
    "شهر": ("month", 1),
    "شهرين": ("month", 2),
    "اشهر": ("month", 3),
    "عامين": ("year", 2),
    "سنوات": ("year", 3),
    "ساعات": ("day", 0),
    "ساعه": ("day", 0),
}
# "الساعات الماضية", "الأيام القليلة الماضية", "السنوات الأخيرة": a span of time up to now
RECENT_UNITS = {
    "الساعات": "hour",
    "الايام": "day",
    "الاسابيع": "week",
    "الاشهر": "month",
    "الشهور": "month",
    "السنوات": "year",
    "الاعوام": "year",
}
RECENT_ANCHORS = frozenset({"الماضيه", "الاخيره", "المنصرمه", "الفايته", "المنقضيه", "الفارطه", "الماضي", "الاخير"})
# "يوم 15 الجاري", "في 28 الماضي": a day of this month or the last one
DAY_ANCHORS = {"الجاري": 0, "الحالي": 0, "الماضي": -1, "المنصرم": -1, "الفايت": -1, "المنقضي": -1, "الفارط": -1}
# "اليوم التالي", "اليوم الثالث من القتال", "اليوم العالمي": "اليوم" is not today there
NOT_TODAY = frozenset({"التالي", "السابق", "نفسه", "ذاته", "الاخير", "العالمي", "الوطني", "الدولي"})
# a year alone is a date after these ("في 2019،", "منذ 2011"), when no counted noun follows it
YEAR_PREPOSITIONS = frozenset({"في", "وفي", "منذ", "ومنذ", "خلال", "وخلال", "بحلول"})
WEEK_OF_MONTH = {"الاول": "early", "الثاني": "mid", "الثالث": "mid", "الرابع": "late", "الاخير": "late"}
# "الساعة الثالثة فجرا", "الساعة 10:30 صباحا", "الساعة 11 من صباح اليوم": a clock time
CLOCK_HOURS = frozenset(
    {"الواحده", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه", "السابعه", "الثامنه", "التاسعه", "العاشره", "الحاديه"}
)
CLOCK_PARTS = frozenset({"صباحا", "مساء", "مساءا", "ليلا", "فجرا", "ظهرا", "عصرا", "صباح", "بعدالظهر"})
# "التسعينيات", "ثمانينيات القرن الماضي": a decade (kept, never resolved)
DECADES = frozenset(p + w for p in ("ال", "") for w in ("خمسينيات", "ستينيات", "سبعينيات", "ثمانينيات", "تسعينيات"))
VAGUE_AGO = {"ايام", "اسابيع", "اشهر", "سنوات", "ساعات"}
ORDINAL_DAYS = {
    "الاول": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
    "العاشر": 10,
    "الحادي": 1,
    "العشرين": 20,
    "الثلاثين": 30,
}
SEPARATORS = {"/", "(", ")", "-"}
_TRAILING = frozenset(SEPARATORS | {"من", "و", "يوم", "شهر"})  # words an expression does not end on


# Words a date expression can open with (besides digits and words _stem_of recognises through a clitic).
_STARTERS_PLAIN = frozenset(
    {"اول", "قبل", "ال", "هذا", "هذه", "الساعه", "العام", *DECADES, "عام", "الشهر", "الاسبوع", "السنه"}
    | set(ORDINAL_DAYS)
    | {w for w, _ in TWO_WORD_MONTHS}
    | {w for w, _ in TWO_WORD_HIJRI}
    | set(AMBIGUOUS_MONTHS)
    | set(HIJRI_MONTHS)
)
_STARTERS = frozenset(
    set(WEEKDAYS)
    | set(MONTHS)
    | set(RELATIVE_DAYS)
    | set(UNITS)
    | set(MONTH_PARTS)
    | SEASONS
    | PARTS_OF_DAY
    | set(RECENT_UNITS)
    | {"يوم", "يومي", "الليله"}
)


def parse_iso_date(value) -> dt.date | None:
    """The date of an ISO date or date-time ("2024-11-22", "2024-11-22T09:30:00Z"), else None."""
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _stem(tok: Token) -> tuple[int, str]:
    """The token without a و/ف/ب/ل conjunction or preposition (when what is left is a date word)."""
    return _stem_of(tok.norm)


@lru_cache(maxsize=65536)
def _stem_of(word: str) -> tuple[int, str]:
    for clitic, stem in readings(word):
        if clitic <= 2 and (
            stem in WEEKDAYS
            or stem in MONTHS
            or stem in RELATIVE_DAYS
            or stem in UNITS
            or stem in MONTH_PARTS
            or stem in SEASONS
            or stem in PARTS_OF_DAY
            or stem in ANCHORS
            or stem == "يوم"
            or stem == "يومي"
            or stem in ORDINAL_DAYS
            or stem in ("قبل", "الليله")
            or stem in RECENT_UNITS
        ):
            return clitic, stem
    return 0, word


def _month_at(tokens: list[Token], i: int) -> tuple[int, int, bool] | None:
    """(month, tokens used, hijri) for a month name at i."""
    w = _stem(tokens[i])[1]
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    for table, hijri in ((TWO_WORD_MONTHS, False), (TWO_WORD_HIJRI, True)):
        if (w, nxt) in table:
            return table[(w, nxt)], 2, hijri
    if w in MONTHS:
        return MONTHS[w], 1, False
    return None


def _year_at(tokens: list[Token], i: int) -> int | None:
    if i < len(tokens):
        w = tokens[i].norm
        if w.isdecimal() and len(w) == 4 and (1900 <= int(w) <= 2100 or 1300 <= int(w) <= 1500):
            return int(w)
    return None


def find_dates(tokens: list[Token]) -> list[DateExpr]:
    """Date expressions, left to right, non-overlapping."""
    out: list[DateExpr] = []
    opens = _MAY_OPEN
    norms = list(map(NORM, tokens))
    may = list(map(opens.get, norms))  # whether each word may open an expression, None for a new word
    if None in may:
        if len(opens) > 100_000:
            opens.clear()
        for k, w in enumerate(norms):
            if may[k] is None:
                may[k] = opens[w] = bool(w[:1].isdecimal() or w in _STARTERS or _stem_of(w)[1] != w or w in _STARTERS_PLAIN)
    after = 0  # the token after the last expression read
    for i in compress(range(len(tokens)), may):
        if i < after:
            continue
        expr = _scan(tokens, i)
        if expr:
            out.append(expr)
            after = expr.last + 1
    return out


_MAY_OPEN: dict[str, bool] = {}  # word -> whether a date expression may open with it (find_dates' quick test)


def _scan(tokens: list[Token], i: int) -> DateExpr | None:
    """The date expression starting at token i, or None."""
    return _Scanner(tokens, i).run()


class _Scanner:
    """Reads one date expression token by token: each step recognises one kind of token and says how many
    tokens it used (0: not its kind); the first step that recognises a token wins."""

    def __init__(self, tokens: list[Token], i: int):
        self.tokens, self.i, self.n = tokens, i, len(tokens)
        self.e = DateExpr(first=i, last=i)
        self.core = False  # a day, month, year, weekday or relative day was read (not only "صباح")
        self.stop = False

    def run(self) -> DateExpr | None:
        j = self.i
        tokens, known = self.tokens, _WORD_STEPS
        while j < self.n and not self.stop:
            w = tokens[j].norm
            found = known.get(w)
            if found is None:
                found = _word_steps(w)
            clitic, stem, steps = found
            if j > self.i and clitic and stem not in WEEKDAYS and stem not in RELATIVE_DAYS:
                break  # "وفي", "بعد" … : a glued conjunction starts a new clause, except "والجمعة", "وأمس"
            used = 0
            for step in steps:  # the first step that recognises the token (of those that may)
                used = step(self, j, w, stem)
                if used:
                    break
            if not used:
                break
            j += used
        return self._finish(j - 1)

    def _finish(self, last: int) -> DateExpr | None:
        tokens, i, e = self.tokens, self.i, self.e
        while last >= i and tokens[last].norm in _TRAILING and not _opened(tokens, i, last, tokens[last].norm):
            last -= 1
        if not self.core or last < i:
            return None
        if e.unit and e.anchor is None and e.year is None and not e.part:
            return None
        e.last = last
        return e

    def _next(self, j: int) -> str:
        return self.tokens[j + 1].norm if j + 1 < self.n else ""

    def _at(self, j: int) -> str:
        return self.tokens[j].norm if j < self.n else ""

    def _definite_number(self, j, w, stem) -> int:
        """ "الـ15 من نوفمبر": the article written apart before a day; "الـ24 ساعة الماضية"."""
        if w != "ال" or not self._next(j).isdecimal():
            return 0
        if self._at(j + 2) == "ساعه" and self._at(j + 3) in RECENT_ANCHORS:
            self.e.recent, self.stop = "hour", True
            return self._core(4)
        return 1 if j == self.i else 0

    def _bare_year(self, j, w, stem) -> int:
        """ "في 2019،", "منذ 2011": a year alone after a preposition, unless a counted noun follows ("في 2000 منزل")."""
        if j != self.i or self.i == 0 or self.tokens[j - 1].norm not in YEAR_PREPOSITIONS:
            return 0
        y = _year_at(self.tokens, j)
        nxt = self._next(j)
        if y is None or not 1950 <= y <= 2100 or nxt in SEPARATORS or (nxt[:1].isalpha() and not nxt.startswith(("ال", "و", "ف"))):
            return 0
        self.e.year, self.e.unit, self.stop = y, "year", True
        return self._core(1)

    def _core(self, used: int) -> int:
        self.core = True
        return used

    def _weekday(self, j, w, stem) -> int:
        if stem not in WEEKDAYS:
            return 0
        self.e.weekdays.append(WEEKDAYS[stem])
        return self._core(1)

    def _relative_day(self, j, w, stem) -> int:
        if stem not in RELATIVE_DAYS:
            return 0
        if stem in ("امس", "الامس") and self._next(j) == "الاول":  # "أمس الأول"
            self.e.relative_day = -2
            return self._core(2)
        if stem == "اليوم" and (self._next(j) in NOT_TODAY or self._next(j) in ORDINAL_DAYS):
            return 0
        self.e.relative_day = RELATIVE_DAYS[stem]
        return self._core(1)

    def _tonight(self, j, w, stem) -> int:
        """ "الليلة" is tonight, "الليلة الماضية" last night."""
        if stem != "الليله":
            return 0
        last_night = ANCHORS.get(self._next(j)) == -1
        self.e.relative_day = -1 if last_night else 0
        return self._core(2 if last_night else 1)

    def _numeric(self, j, w, stem) -> int:
        numeric = _numeric_date(self.tokens, j) if w.isdecimal() else None
        if numeric is None:
            return 0
        self.e.day, self.e.month, self.e.year = numeric
        return self._core(5)

    def _day_before_yesterday(self, j, w, stem) -> int:
        if w != "اول":
            return 0
        used = 2 if self._next(j) == "امس" else 3 if self._next(j) == "من" and self._at(j + 2) == "امس" else 0
        if not used:  # "أول أمس", "أول من أمس"
            return 0
        self.e.relative_day = -2
        return self._core(used)

    def _day_word(self, j, w, stem) -> int:
        return 1 if stem in ("يوم", "يومي") else 0

    def _part_of_day(self, j, w, stem) -> int:
        if stem not in PARTS_OF_DAY or j + 1 >= self.n:
            return 0
        if stem == "منتصف":
            self.e.part = "mid"
        return 1

    def _month_part(self, j, w, stem) -> int:
        if stem not in MONTH_PARTS or stem == "خلال" or j + 1 >= self.n:
            return 0
        if stem == "اخر" and _stem(self.tokens[j + 1])[1] in PARTS_OF_DAY:
            return 0  # "وأصيب آخر ظهر أمس": another one, at noon yesterday
        self.e.part = MONTH_PARTS[stem]
        return 1

    def _month(self, j, w, stem) -> int:
        m = _month_at(self.tokens, j)
        if m is None:
            return 0
        self.e.month, used, self.e.hijri = m
        end = j + used - 1
        # "نوفمبر / تشرين الثاني", "مايو/أيار": a second name for the same month
        if end + 2 < self.n and self.tokens[end + 1].norm == "/" and (second := _month_at(self.tokens, end + 2)):
            end += 1 + second[1]
        return self._core(end - j + 1)

    def _named_month(self, j) -> bool:
        """Whether "آب", "ماي" or "رمضان" at j is the month: after a day or "شهر", before a year or "الماضي"."""
        if self.e.day is not None or (j > self.i and self.tokens[j - 1].norm == "شهر"):
            return True
        return self._next(j) in ANCHORS or _year_at(self.tokens, j + 1) is not None

    def _ambiguous_month(self, j, w, stem) -> int:
        if w not in AMBIGUOUS_MONTHS or not self._named_month(j):
            return 0
        self.e.month = AMBIGUOUS_MONTHS[w]
        return self._core(1)

    def _hijri_month(self, j, w, stem) -> int:
        if w not in HIJRI_MONTHS or not self._named_month(j):
            return 0
        self.e.month, self.e.hijri = HIJRI_MONTHS[w], True
        return self._core(1)

    def _year(self, j, w, stem) -> int:
        e = self.e
        y = _year_at(self.tokens, j)
        before = _stem(self.tokens[j - 1])[1] if j > self.i else ""
        if y is None or not (e.month or e.unit == "year" or before == "عام" or self._year_of_part(j, before)):
            return 0  # "العام 2017", "مطلع 2024", "صيف 2022"
        e.year = y
        if y < 1600:
            e.hijri = True
        return self._core(2 if self._next(j) in ("ه", "هـ", "م") else 1)

    def _day_number(self, j, w, stem) -> int:
        if not (w.isdecimal() and 1 <= int(w) <= 31 and self.e.day is None):
            return 0
        tokens, nxt = self.tokens, self._next(j)
        if _day_then_month(tokens, j + 1):
            self.e.day = int(w)
            return 1
        if nxt in DAY_ANCHORS and not self.e.month:  # "يوم 15 الجاري"
            self.e.day, self.e.anchor = int(w), DAY_ANCHORS[nxt]
            return self._core(2)
        # "3 و5 مايو", "من 3 إلى 5 مايو": a range of days in one month
        if nxt in ("و", "الي", "-") and j + 2 < self.n:
            end = tokens[j + 2].norm
            if end.isdecimal() and int(w) < int(end) <= 31 and _day_then_month(tokens, j + 3):
                self.e.day, self.e.day_end = int(w), int(end)
                return 3
        return 0

    def _ordinal_day(self, j, w, stem) -> int:
        found = _ordinal_day(self.tokens, j) if stem in ORDINAL_DAYS and self.e.day is None else None
        if found is None:
            return 0
        self.e.day, used = found
        return used

    def _year_of_part(self, j: int, before: str) -> bool:
        """A year right after a part of the year ("مطلع 2024", "صيف 2022"; not "أول", which counts: "أول 2000
        متطوع")."""
        return (before in MONTH_PARTS and before not in ("اول", "اخر", "خلال")) or before in SEASONS

    def _season(self, j, w, stem) -> int:
        """ "صيف 2022", "شتاء العام الماضي": a season before its year (the year is read next)."""
        if stem not in SEASONS or j + 1 >= self.n:
            return 0
        nxt = self._next(j)
        return 1 if _year_at(self.tokens, j + 1) or (UNITS.get(nxt) == "year" and self._at(j + 2) in ANCHORS) else 0

    def _unit(self, j, w, stem) -> int:
        if stem not in UNITS:
            return 0
        nxt = self._next(j)
        if stem == "الاسبوع" and nxt in WEEK_OF_MONTH and self._at(j + 2) == "من" and _month_at(self.tokens, j + 3):
            self.e.part = WEEK_OF_MONTH[nxt]  # "الأسبوع الأول من مارس": the month's first third
            return 3
        if not (self._next(j) in ANCHORS or _year_at(self.tokens, j + 1)):
            if not (self.e.part and stem.startswith("ال") and j > self.i):
                return 0
            self.e.unit = UNITS[stem]  # "منتصف الشهر", "نهاية العام": which one is not said
            return self._core(1)
        self.e.unit = UNITS[stem]
        return 1

    def _clock(self, j, w, stem) -> int:
        """ "الساعة الثالثة فجرا", "الساعة 10:30 صباحا", then "من صباح اليوم" goes on to the day."""
        if w != "الساعه" or j + 1 >= self.n:
            return 0
        k, hour = j + 1, self._at(j + 1)
        if hour.isdecimal() and int(hour) <= 24:
            k += 1
            if self._at(k) == ":" and self._at(k + 1).isdecimal():
                k += 2
        elif hour in CLOCK_HOURS:
            k += 2 if self._at(k + 1) in ("عشره", "عشر") else 1
        else:
            return 0
        if self._at(k) in CLOCK_PARTS:
            k += 1
        elif self._at(k) == "من" and k + 1 < self.n and _stem(self.tokens[k + 1])[1] in PARTS_OF_DAY:
            k += 1  # "من صباح اليوم": the day is read next
        self.e.clock = True
        return self._core(k - j)

    def _decade(self, j, w, stem) -> int:
        """ "التسعينيات", "مطلع الثمانينيات", "سبعينيات القرن الماضي"."""
        if w not in DECADES:
            return 0
        used = 3 if self._next(j) == "القرن" and self._at(j + 2) in ("الماضي", "العشرين") else 1
        if used == 1 and not w.startswith("ال"):
            return 0  # "ثمانينيات" needs its century
        self.e.decade, self.stop = True, True
        return self._core(used)

    def _this(self, j, w, stem) -> int:
        """ "هذا الأسبوع", "هذا العام", "هذه السنة": the current one."""
        if j != self.i or w not in ("هذا", "هذه") or not self._next(j).startswith("ال") or self._next(j) not in UNITS:
            return 0
        self.e.unit, self.e.anchor = UNITS[self._next(j)], 0
        return self._core(2)

    def _anchor(self, j, w, stem) -> int:
        if w not in ANCHORS or not (self.e.month or self.e.unit or self.e.weekdays):
            return 0
        self.e.anchor = ANCHORS[w]
        return self._core(1)

    def _ago(self, j, w, stem) -> int:
        # "قبل أيام" is a date; "منذ أيام" a span of time, which the gold leaves untagged
        ago = _ago(self.tokens, j + 1) if stem == "قبل" and j + 1 < self.n else None
        if ago is None:
            return 0
        self.e.ago, used = ago
        return self._core(used + 1)

    def _recent(self, j, w, stem) -> int:
        """ "الساعات الماضية", "الأيام القليلة الماضية", "السنوات الأخيرة"."""
        if stem not in RECENT_UNITS or j > self.i:
            return 0
        nxt = self._next(j)
        used = 2
        if nxt == "القليله" and j + 2 < self.n:  # "الأيام القليلة الماضية"
            nxt, used = self.tokens[j + 2].norm, 3
        elif nxt == "ال" and self._at(j + 2).isdecimal():  # "الساعات الـ24 الماضية"
            nxt, used = self._at(j + 3), 4
        if nxt not in RECENT_ANCHORS:
            return 0
        self.e.recent = RECENT_UNITS[stem]
        self.stop = True
        return self._core(used)

    def _filler(self, j, w, stem) -> int:
        """ "من" and "شهر" between a day and its month ("5 من شهر آذار")."""
        if w not in ("من", "شهر") or (j <= self.i and w != "شهر") or j + 1 >= self.n:
            return 0  # "شهر" may open the expression too: "شهر ديسمبر 2023"
        if w == "من" and self.e.day is not None and _this_month(self.tokens, j + 1):
            return 1  # "التاسع من الشهر الجاري"
        if w == "من" and self.e.month and self.e.year is None and not self.e.hijri and j + 2 < self.n:
            # "شباط من العام الماضي": the year said relative to the reference's
            unit, anchor = self.tokens[j + 1].norm, self.tokens[j + 2].norm
            if UNITS.get(unit) == "year" and ANCHORS.get(anchor, 1) <= 0 and self.e.anchor is None:
                self.e.year_offset = ANCHORS[anchor]
                self.stop = True
                return 3
        if w == "شهر" and (self._next(j) in HIJRI_MONTHS or self._next(j) in AMBIGUOUS_MONTHS):
            return 1  # "شهر رمضان"
        return 1 if _month_at(self.tokens, j + 1) or self._next(j) == "شهر" else 0

    def _separator(self, j, w, stem) -> int:
        return 1 if w in SEPARATORS and j > self.i and j + 1 < self.n and _continues(self.tokens, j + 1) else 0

    def _closer(self, j, w, stem) -> int:
        """A ")" or "/" closing one opened inside the expression ends it."""
        if w not in (")", "/") or j <= self.i or not _opened(self.tokens, self.i, j, w):
            return 0
        self.stop = True
        return 1

    def _bridge(self, j, w, stem) -> int:
        """ "يوم الخميس الموافق 12 ديسمبر", "ليلة الجمعة إلى السبت": one expression across the bridge word."""
        if j <= self.i or j + 1 >= self.n or not self.e.weekdays:
            return 0
        if w == "الموافق" and _continues(self.tokens, j + 1):
            return 1
        # the night from one day to the next is the first day's: the second weekday is read, not counted
        return 2 if w == "الي" and _stem(self.tokens[j + 1])[1] in WEEKDAYS else 0

    def _and_weekday(self, j, w, stem) -> int:
        """ "السبت والأحد" written "و الأحد"."""
        return 1 if w == "و" and j > self.i and j + 1 < self.n and _stem(self.tokens[j + 1])[1] in WEEKDAYS else 0


_STEPS = (
    _Scanner._definite_number,
    _Scanner._bare_year,
    _Scanner._weekday,
    _Scanner._relative_day,
    _Scanner._tonight,
    _Scanner._numeric,
    _Scanner._day_before_yesterday,
    _Scanner._day_word,
    _Scanner._part_of_day,
    _Scanner._month_part,
    _Scanner._month,
    _Scanner._ambiguous_month,
    _Scanner._hijri_month,
    _Scanner._year,
    _Scanner._day_number,
    _Scanner._ordinal_day,
    _Scanner._season,
    _Scanner._unit,
    _Scanner._clock,
    _Scanner._decade,
    _Scanner._this,
    _Scanner._anchor,
    _Scanner._ago,
    _Scanner._recent,
    _Scanner._filler,
    _Scanner._separator,
    _Scanner._closer,
    _Scanner._and_weekday,
    _Scanner._bridge,
)


_TWO_WORD_FIRSTS = frozenset(k[0] for k in (*TWO_WORD_MONTHS, *TWO_WORD_HIJRI))
_WORD_STEPS: dict[str, tuple] = {}  # word -> (clitic, stem, the steps that may recognise it)


def _word_steps(w: str) -> tuple:
    """The steps whose test on the word and its stem can pass, in _STEPS' order (the others return 0 for it)."""
    clitic, stem = _stem_of(w)
    decimal = w.isdecimal()
    may = (
        w == "ال",  # _definite_number
        decimal,  # _bare_year
        stem in WEEKDAYS,  # _weekday
        stem in RELATIVE_DAYS,  # _relative_day
        stem == "الليله",  # _tonight
        decimal,  # _numeric
        w == "اول",  # _day_before_yesterday
        stem in ("يوم", "يومي"),  # _day_word
        stem in PARTS_OF_DAY,  # _part_of_day
        stem in MONTH_PARTS,  # _month_part
        stem in MONTHS or stem in _TWO_WORD_FIRSTS,  # _month (_month_at reads the stem)
        w in AMBIGUOUS_MONTHS,  # _ambiguous_month
        w in HIJRI_MONTHS,  # _hijri_month
        decimal,  # _year
        decimal,  # _day_number
        stem in ORDINAL_DAYS,  # _ordinal_day
        stem in SEASONS,  # _season
        stem in UNITS,  # _unit
        w == "الساعه",  # _clock
        w in DECADES,  # _decade
        w in ("هذا", "هذه"),  # _this
        w in ANCHORS,  # _anchor
        stem == "قبل",  # _ago
        stem in RECENT_UNITS,  # _recent
        w in ("من", "شهر"),  # _filler
        w in SEPARATORS,  # _separator
        w in (")", "/"),  # _closer
        w == "و",  # _and_weekday
        w in ("الموافق", "الي"),  # _bridge
    )
    found = (clitic, stem, tuple(step for step, ok in zip(_STEPS, may, strict=True) if ok))
    if len(_WORD_STEPS) > 100_000:
        _WORD_STEPS.clear()
    _WORD_STEPS[w] = found
    return found


def _numeric_date(tokens, j) -> tuple[int, int, int] | None:
    """ "5/3/2023", "12-03-2023": day, month, year (the Arab order)."""
    if j + 4 >= len(tokens):
        return None
    d, sep1, m, sep2, y = (tokens[j + k].norm for k in range(5))
    if len(d) == 4 and y.isdecimal() and len(y) <= 2:  # "2023/5/12": year first
        d, y = y, d
    if sep1 != sep2 or sep1 not in ("/", "-") or not (m.isdecimal() and y.isdecimal() and len(y) == 4):
        return None
    day, month, year = int(d), int(m), int(y)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return day, month, year


def _opened(tokens, i, j, closer) -> bool:
    """Whether the ")" or "/" at j closes one opened inside the expression (``اليوم /السبت/``)."""
    if closer == ")":
        return any(tokens[k].norm == "(" for k in range(i, j))
    if closer == "/":
        return sum(tokens[k].norm == "/" for k in range(i, j)) % 2 == 1 and tokens[j - 1].norm not in SEPARATORS
    return False


def _continues(tokens, j) -> bool:
    _, stem = _stem(tokens[j])
    return (
        stem in WEEKDAYS
        or stem in RELATIVE_DAYS
        or _month_at(tokens, j) is not None
        or _year_at(tokens, j) is not None
        or tokens[j].norm.isdecimal()
    )


def _this_month(tokens, j) -> bool:
    """ "الشهر الجاري", "الشهر الماضي" at j."""
    return j + 1 < len(tokens) and tokens[j].norm == "الشهر" and tokens[j + 1].norm in ANCHORS


def _day_then_month(tokens, j) -> bool:
    if j < len(tokens) and tokens[j].norm in ("من",):
        j += 1
        if _this_month(tokens, j):
            return True
    if j < len(tokens) and tokens[j].norm == "شهر":
        j += 1
    return j < len(tokens) and (
        _month_at(tokens, j) is not None
        or tokens[j].norm in AMBIGUOUS_MONTHS
        or tokens[j].norm in HIJRI_MONTHS
        or (tokens[j].norm, tokens[j + 1].norm if j + 1 < len(tokens) else "") in TWO_WORD_HIJRI
    )


def _ordinal_day(tokens, j) -> tuple[int, int] | None:
    """ "السابع عشر من", "الحادي والعشرين من", "الأول من" → (day, tokens used) when a month follows."""
    v = ORDINAL_DAYS[_stem(tokens[j])[1]]
    used = 1
    if j + 1 < len(tokens) and tokens[j + 1].norm == "عشر":
        v, used = v + 10, 2
    elif j + 1 < len(tokens) and tokens[j + 1].norm in ("والعشرين", "والثلاثين"):
        v, used = v + (20 if "عشرين" in tokens[j + 1].norm else 30), 2
    if v > 31 or not _day_then_month(tokens, j + used):
        return None
    return v, used


def _ago(tokens, j) -> tuple[tuple[str, int, bool], int] | None:
    """ "قبل يومين" → (("day", 2, True), 1); "قبل أيام" is inexact; "قبل 3 أيام" → (("day", 3, True), 2);
    "قبل نحو أسبوعين" is inexact too."""
    if tokens[j].norm in ("نحو", "حوالي") and j + 1 < len(tokens):
        found = _ago(tokens, j + 1)
        if found is not None:
            (unit, k, _), used = found
            return (unit, k, False), used + 1
        return None
    w = tokens[j].norm
    if w in AGO_UNITS:
        unit, k = AGO_UNITS[w]
        return (unit, k, w not in VAGUE_AGO), 1
    num = parse_number(tokens, j)
    if num and num.last + 1 < len(tokens) and tokens[num.last + 1].norm in AGO_UNITS:
        unit = AGO_UNITS[tokens[num.last + 1].norm][0]
        return (unit, num.min, not num.vague), num.last - j + 2
    return None


__all__ = ["DateExpr", "ResolvedDate", "find_dates", "resolve"]
