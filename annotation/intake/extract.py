"""Boilerplate removal: main text and metadata from HTML (trafilatura), line-level rules for pasted text.

Pasted pages are plain text with the site's chrome still in them: "آخر تحديث: …" stamps, datelines,
"المصدر: …", "إقرأ أيضاً:" markers, related-article lists, share and comment buttons. Each line is
classified here; split.py decides where articles begin.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

import nh3

from annotation.nlp.date_resolution import resolve
from annotation.nlp.dates import AMBIGUOUS_MONTHS, MONTHS, TWO_WORD_MONTHS, find_dates, parse_iso_date
from annotation.nlp.normalize import is_dropped, norm
from annotation.nlp.tokenize import tokenize

log = logging.getLogger("marsad.intake")

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_HTML_TAG = re.compile(r"<\s*/?\s*(html|head|body|article|div|p|br|span|section|h[1-6]|meta|title|table|ul|li|a)\b[^>]*>", re.I)


def has_visible_text(text: str) -> bool:
    """False for text made only of spaces and invisible characters (zero-width, bidi marks, soft hyphens…)."""
    return any(not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Zs", "Zl", "Zp") for ch in text)


def key(text: str) -> str:
    """A matching key: the engine's normalisation (``nlp.normalize.norm``), single spaces."""
    return " ".join(norm(text).split())


def word_count(text: str) -> int:
    return len(text.split())


class Kind(Enum):
    TEXT = "text"
    BLANK = "blank"
    STAMP = "stamp"  # "آخر تحديث: 8 فبراير 2024 - 11:09 ص" alone on its line
    SOURCE = "source"  # "المصدر: شبكة اخبار العراق"
    READ_MORE = "read_more"  # "إقرأ أيضاً:" alone: the next headline may start another article
    RELATED = "related"  # "مقالات مشابهة": a list of other headlines follows
    BULLET = "bullet"  # "• headline" in a list of links
    CHROME = "chrome"  # share, comment, subscribe, advertisement lines


@dataclass(frozen=True)
class Line:
    kind: Kind
    text: str
    date: dt.date | None = None  # the date of a "آخر تحديث: …" stamp


# Keys are matched after key(): no hamza on alef, ya for alef maqsura, ha for ta marbuta.
_READ_MORE = re.compile(r"^(اقرا|طالع|شاهد|تابع)\s+(ايضا|كذلك|المزيد)\b\s*[:：\-–]?\s*(?P<rest>.*)$")
_RELATED = re.compile(
    r"^(مقالات|مواضيع|اخبار|موضوعات|قصص|تقارير)\s+(مشابهه|ذات صله|متعلقه|مرتبطه|اخري|قد تهمك)\s*[:：]?$"
    r"|^(الاكثر قراءه|الاكثر مشاهده|اقرا المزيد|المزيد من الاخبار|قد يهمك ايضا|قد يعجبك ايضا|ننصحك بقراءه)\s*[:：]?$"
)
_SOURCE = re.compile(r"^(المصدر|مصدر الخبر|المصادر|source)\s*[:：]\s*\S")
_CHROME = re.compile(
    r"(شارك|مشاركه|انشر|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تيليجرام|تلغرام|طباعه|ارسل لصديق|اضف تعليق|التعليقات|"
    r"تعليقات|اعلان|اعلانات|اشترك|تابعونا|تابعنا|حمل تطبيق|نسخ الرابط|facebook|twitter|whatsapp|telegram|share|print|"
    r"comments?|advertisement|subscribe)",
    re.I,
)
_TAGS = re.compile(r"^(الكلمات المفتاحيه|كلمات مفتاحيه|كلمات دلاليه|الوسوم|وسوم|تصنيفات|التصنيف|القسم|tags)\s*[:：]")
_COPYRIGHT = re.compile(r"(جميع الحقوق محفوظه|حقوق النشر|©|copyright|all rights reserved|حجم الخط)", re.I)
_CRUMB = re.compile(r"\s[»>/|›]\s")
_BULLET = re.compile(r"^\s*([•·▪●◦‣∙\-–—*►▶]|\d{1,2}[.)-])\s+")
_STAMP_WORDS = r"(اخر تحديث|تاريخ النشر|تاريخ الاضافه|نشر في|تم النشر|نشر بتاريخ|تحديث|منذ)"
# The engine's one month table (Gregorian, Levantine and Maghrebi names), longest names first for the regex.
_MONTH_NUMBER = {**MONTHS, **AMBIGUOUS_MONTHS, **{" ".join(pair): n for pair, n in TWO_WORD_MONTHS.items()}}
_MONTHS = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_STAMP_TOKEN = (
    rf"(?:\d+|{_MONTHS}|ص|م|صباحا|مساء|am|pm|gmt|ساعه|ساعات|دقيقه|دقائق|يوم|ايام|"
    r"الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)"
)
_STAMP_BODY = rf"(?:\s*(?:[/.,،:\-–]+|{_STAMP_TOKEN}(?!\w)))*"
_STAMP = re.compile(rf"^{_STAMP_WORDS}\s*[:：]?\s*{_STAMP_BODY}", re.I)
# "بغداد/ شبكة أخبار العراق-" or "بغداد - (وكالة):" at the start of an article's first paragraph.
_DATELINE = re.compile(r"^[\u0600-\u06ff]{2,15}(?:\s[\u0600-\u06ff]{2,15})?\s?/\s?[^/\n]{2,40}?\s?[-–—:]\s?")
_GLUED_SENTENCE = re.compile(r"([\u0600-\u06ff”»\")])([.!؟])(?=[\u0600-\u06ff“«])")


def _key_to_original(line: str, key_len: int) -> int:
    """The offset in ``line`` where the first ``key_len`` characters of key(line) end."""
    seen = 0
    squashed = False
    for i, ch in enumerate(line):
        if seen >= key_len:
            return i
        if is_dropped(ch):
            continue
        if ch.isspace():
            if squashed or seen == 0:
                continue
            squashed = True
            seen += 1
            continue
        squashed = False
        seen += 1
    return len(line)


_STAMP_DATE = re.compile(rf"(\d{{1,2}})\s*(?:[/.\-]\s*(\d{{1,2}})|\s({_MONTHS}))\s*[/.\-]?\s*(\d{{4}})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def stamp_date(line: str) -> dt.date | None:
    """The date in a "آخر تحديث: 8 فبراير 2024 - 11:09 ص" stamp (day first, as Arabic sites write it)."""
    k = key(line)  # digits are Western after key()
    try:
        m = _ISO_DATE.search(k)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _STAMP_DATE.search(k)
        if m:
            month = int(m.group(2)) if m.group(2) else _MONTH_NUMBER[m.group(3)]
            return dt.date(int(m.group(4)), month, int(m.group(1)))
    except (ValueError, KeyError):
        return None
    return None


def strip_stamp(line: str) -> str:
    """Remove a leading "آخر تحديث: <date> - <time>" stamp; returns the rest of the line."""
    k = key(line)
    m = _STAMP.match(k)
    if not m or not re.search(r"\d", m.group(0)):
        return line
    return line[_key_to_original(line, len(m.group(0).rstrip())) :].strip()


@dataclass(frozen=True)
class Dateline:
    """The opening "بغداد/ شبكة أخبار العراق-" or "بغداد - 22 نوفمبر (رويترز) -" of an article's first paragraph."""

    rest: str  # the paragraph without it
    outlet: str = ""
    date_text: str = ""  # "22 نوفمبر": resolved by the caller against the page's date or today


# "بغداد - 22 نوفمبر (رويترز) -", "القاهرة، 3 مارس 2025 (أ ف ب)": place, optional date, the outlet in brackets.
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[\u0600-\u06ff]{2,15}(?:\s[\u0600-\u06ff]{2,15})?)\s*"
    r"(?:[-–—،,]\s*(?P<date>[^()\n]{0,40}?))?\s*[(（](?P<outlet>[^()\n]{2,40})[)）]\s*[-–—:]\s*"
)


def parse_dateline(paragraph: str) -> Dateline:
    """The outlet (and date) named by the dateline opening a paragraph; the paragraph unchanged when it has none."""
    m = _DATELINE.match(paragraph)
    if m and word_count(paragraph) > word_count(m.group(0)) + 3:
        outlet = re.split(r"\s?/\s?", m.group(0), maxsplit=1)[1]
        return Dateline(paragraph[m.end() :].lstrip(), outlet=outlet.strip(" -–—:"))
    m = _AGENCY_DATELINE.match(paragraph)
    if m and word_count(paragraph) > word_count(m.group(0)) + 3 and word_count(m.group("outlet")) <= 5:
        date_text = (m.group("date") or "").strip(" -–—،,")
        return Dateline(paragraph[m.end() :].lstrip(), outlet=m.group("outlet").strip(), date_text=date_text)
    return Dateline(paragraph)


def text_date(text: str, reference: dt.date | None) -> dt.date | None:
    """The first day-and-month date said in a short text ("22 نوفمبر"), its year taken from ``reference``.

    Read by the engine's date grammar (one month table, Hijri dates included), not a second parser.
    """
    if not text:
        return None
    _normalized, tokens = tokenize(text)
    for expr in find_dates(tokens):
        if expr.day and expr.month:
            return resolve(expr, None, year_reference=reference).date
    return None


def is_headline(text: str) -> bool:
    """A short line that reads like a title: 2–15 words, no final sentence punctuation."""
    text = text.strip()
    if len(text) > 300:  # fifteen words are never this long; skip counting words in paragraphs
        return False
    return 2 <= word_count(text) <= 15 and not re.search(r"[.:؛;,،!؟?…]$", text)


def classify(raw: str, *, spaced: bool = False) -> Line:
    """The kind of one line of a pasted page, with page chrome removed from its text."""
    text = (raw if spaced else _ZERO_WIDTH.sub("", _SPACES.sub(" ", raw))).strip()
    if not text:
        return Line(Kind.BLANK, "")
    k = key(text[:160])  # every rule below looks at the start of the line or at short lines only
    if _RELATED.match(k):
        return Line(Kind.RELATED, text)
    m = _READ_MORE.match(k)
    if m:
        # "اقرأ أيضاً: <headline>" on one line is a link to another page, not part of this one.
        return Line(Kind.READ_MORE, "") if not m.group("rest") else Line(Kind.CHROME, text)
    if _SOURCE.match(k) and word_count(text) <= 12:
        return Line(Kind.SOURCE, text)
    stripped = strip_stamp(text)
    if stripped != text:
        stamp = text[: len(text) - len(stripped)]
        return Line(Kind.STAMP, _GLUED_SENTENCE.sub(r"\1\2 ", stripped), stamp_date(stamp))
    if _BULLET.match(text):
        rest = _BULLET.sub("", text, count=1).strip()
        return Line(Kind.BULLET, rest) if is_headline(rest) or word_count(rest) <= 25 else Line(Kind.TEXT, text)
    words = word_count(text) if len(text) < 400 else 100
    if (words <= 6 and _CHROME.search(k)) or (words <= 12 and (_COPYRIGHT.search(k) or len(_CRUMB.findall(text)) >= 2)):
        return Line(Kind.CHROME, text)
    if _TAGS.match(k) and words <= 30:
        return Line(Kind.CHROME, text)
    return Line(Kind.TEXT, _GLUED_SENTENCE.sub(r"\1\2 ", text))


def classify_lines(text: str) -> list[Line]:
    text = _ZERO_WIDTH.sub("", _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")))
    return [classify(raw, spaced=True) for raw in text.split("\n")]


def looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:20000])) >= 2


@dataclass
class Extracted:
    text: str
    title: str = ""
    published: dt.date | None = None
    url: str = ""
    outlet: str = ""  # the site's name from its metadata (og:site_name, publisher)


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text and metadata (title, date, canonical URL) of an HTML page."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    except Exception:  # trafilatura raises many kinds on odd markup; fall back to tag stripping
        log.warning("trafilatura failed on %s; falling back to tag stripping", url or "a pasted page", exc_info=True)
        doc = None
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        text = _strip_tags(html)
        title_match = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
        title = _strip_tags(title_match.group(1)) if title_match else ""
        return Extracted(text=text, title=" ".join(title.split())[:500], url=url or "")
    title = " ".join((doc.title or "").split())
    lines = doc.text.split("\n")
    if title and lines and key(lines[0]) == key(title):
        lines = lines[1:]  # trafilatura repeats the <h1> title as the first line
    return Extracted(
        text="\n".join(lines),
        title=title[:500],
        published=parse_iso_date(doc.date),
        url=doc.url or url or "",
        outlet=" ".join((getattr(doc, "sitename", None) or "").split())[:200],
    )


def _strip_tags(html: str) -> str:
    html = re.sub(r"(?is)<(script|style|noscript|nav|footer|header|aside)\b.*?</\1>", " ", html)
    html = re.sub(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|article|section)>", "\n", html)
    text = nh3.clean(html, tags=set())
    import html as html_lib

    return html_lib.unescape(text)


def sanitize_html(html: str) -> str:
    """Raw HTML kept for reference, without scripts, styles, event handlers or foreign markup."""
    from annotation.sanitize import clean_html  # the project's one allow-list (structural tags only, no images)

    return clean_html(html)
