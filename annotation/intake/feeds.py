"""RSS/Atom feeds: the entries of a fetched feed as article candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

import feedparser
from django.utils.translation import gettext as _


class FeedError(ValueError):
    pass


@dataclass
class FeedEntry:
    url: str
    title: str
    published: dt.date | None
    html: str


def parse_feed(content: bytes | str) -> list[FeedEntry]:
    """Entries with an http(s) link, in feed order (javascript:, data: and other links are dropped);
    FeedError when the content is not a feed at all."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries:
        raise FeedError(_("This is not a readable RSS or Atom feed (%(error)s).") % {"error": parsed.get("bozo_exception", "?")})
    entries = []
    for entry in parsed.entries:
        url = (entry.get("link") or "").strip()
        try:
            parts = urlsplit(url)
        except ValueError:
            continue
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*when[:3]) if when else None
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        entries.append(FeedEntry(url=url, title=" ".join((entry.get("title") or "").split())[:500], published=published, html=html or ""))
    return entries
