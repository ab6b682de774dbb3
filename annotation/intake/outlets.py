"""Which outlet published a pasted page: its name as the page gives it, in the spelling the desk files it under.

The page names its outlet in several places; the first found wins, in this order: a "المصدر: …" line, the
dateline ("بغداد/ شبكة أخبار العراق-", "بغداد - 22 نوفمبر (رويترز) -"), the site's metadata (HTML), and
the page's chrome (a header line or a copyright line naming a known outlet). Known outlets are the desk's
sources and an open list of Arabic-language outlets and agencies (data/outlets.tsv) with their other
spellings ("أ ف ب" is وكالة فرانس برس).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from annotation.intake.extract import Kind, Line, key

_TABLE = Path(__file__).with_name("data") / "outlets.tsv"
_COPYRIGHT = re.compile(r"©|\(c\)|جميع الحقوق محفوظه|حقوق النشر محفوظه|حقوق النشر|copyright|all rights reserved", re.I)
_COPYRIGHT_FILLER = re.compile(
    r"©|\(c\)|جميع الحقوق محفوظه|حقوق النشر محفوظه|حقوق النشر|copyright|all rights reserved|\d{4}|[-–—:.,،|]", re.I
)
HEADER_LINES = 12  # page chrome before the article's first paragraph that is looked at


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """key(spelling) → the outlet's name, for every name and other spelling of the open list."""
    found: dict[str, str] = {}
    for raw in _TABLE.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        name, _tab, others = raw.partition("\t")
        for spelling in [name, *others.split("|")]:
            if spelling.strip():
                found.setdefault(key(spelling).lower(), name.strip())
    return found


def canonical(name: str) -> str:
    """The outlet's listed name for one of its spellings ("أ ف ب" → "وكالة فرانس برس"); else the name as given."""
    name = " ".join(name.split()).strip(" -–—:،,.")
    return _spellings().get(key(name).lower(), name)[:200]


def known(text: str, extra: Iterable[str] = ()) -> str:
    """The outlet a short line is exactly the name of, among the open list and ``extra`` names; else ""."""
    k = key(text).lower().strip(" -–—:|،,.")
    if not k or len(k) > 80:
        return ""
    if k in _spellings():
        return _spellings()[k]
    return next((name for name in extra if key(name).lower() == k), "")


def from_chrome(lines: list[Line], extra: Iterable[str] = ()) -> str:
    """The outlet named by the page's chrome: a header line before the first paragraph, or a copyright line."""
    extra = list(extra)
    header = True
    seen = 0
    for line in lines:
        if line.kind is Kind.BLANK:
            continue
        if line.kind is Kind.TEXT and len(line.text.split()) > 15:
            header = False
        if header and seen < HEADER_LINES:
            seen += 1
            name = known(line.text, extra)
            if name:
                return name
        if line.kind is Kind.CHROME and len(line.text) < 120 and _COPYRIGHT.search(key(line.text)):
            rest = " ".join(_COPYRIGHT_FILLER.sub(" ", key(line.text)).split())
            name = known(rest, extra) or (known(rest[1:], extra) if rest.startswith("ل") else "")
            if name:
                return name
    return ""
