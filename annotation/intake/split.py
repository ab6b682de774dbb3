"""Multi-article pages into separate articles.

A new article starts at a short headline-like line that follows a separator: an "إقرأ أيضاً:" marker,
a "المصدر: …" line, a repeated "آخر تحديث …" stamp or a related-articles list. Without a separator,
a short line is a subheading and stays in the article. Related-article lists and bullets of headlines
are dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from annotation.intake.extract import Kind, Line, classify_lines, is_headline, parse_dateline


@dataclass
class ArticleDraft:
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    published: dt.date | None = None  # from a "آخر تحديث" stamp heading this article
    source_name: str = ""  # from a "المصدر: …" line closing this article
    dateline_outlet: str = ""  # from the dateline opening it: "بغداد/ شبكة أخبار العراق-", "(رويترز)"
    dateline_date: str = ""  # "22 نوفمبر" in "بغداد - 22 نوفمبر (رويترز) -", read against the page's date

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


_SEPARATORS = {Kind.READ_MORE, Kind.SOURCE, Kind.STAMP, Kind.RELATED}


def split_articles(text: str, lines: list[Line] | None = None) -> list[ArticleDraft]:
    """The articles of a pasted page, without page chrome; [] when nothing readable is left."""
    lines = classify_lines(text) if lines is None else lines
    articles: list[ArticleDraft] = []
    current = ArticleDraft()
    boundary = False  # a separator was seen since the last text line
    hard_boundary = False  # ... and it was one that ends an article even without a new headline
    in_related = False  # inside a related-articles list: headlines are links, not articles
    pending_title = ""
    pending_date = None  # a stamp's date, for the article that starts after it

    def next_text(i):
        for line in lines[i + 1 :]:
            if line.kind in (Kind.TEXT, Kind.RELATED, Kind.READ_MORE, Kind.BULLET) or (line.kind is Kind.STAMP and line.text):
                return line
        return None

    for i, line in enumerate(lines):
        kind = line.kind
        if kind in (Kind.BLANK, Kind.CHROME, Kind.BULLET):
            continue
        if kind in _SEPARATORS:
            boundary = True
            if kind is Kind.STAMP and line.date:
                pending_date = line.date
            if kind is Kind.SOURCE and current.paragraphs and not current.source_name:
                current.source_name = line.text.split(":", 1)[-1].split("：", 1)[-1].strip()[:200]
            hard_boundary = hard_boundary or kind is not Kind.SOURCE
            in_related = in_related or kind is Kind.RELATED
            if kind is not Kind.STAMP or not line.text:
                continue
            # A stamp followed by text on the same line ("آخر تحديث: … بغداد/ …- أكد …"): keep the text.
        following = next_text(i)
        headline = is_headline(line.text)
        if in_related:
            if headline or following is None:
                continue  # a headline in a list of links
            in_related = False
        starts_article = (boundary or not current.paragraphs) and headline and following is not None and following.kind is Kind.TEXT
        if starts_article and not pending_title:
            if current.paragraphs:
                articles.append(current)
                current = ArticleDraft()
            pending_title = line.text
            boundary = hard_boundary = False
            continue
        if hard_boundary and current.paragraphs and not pending_title:
            articles.append(current)
            current = ArticleDraft()
        boundary = hard_boundary = False
        if pending_title:
            current.title, pending_title = pending_title, ""
        paragraph = line.text
        if not current.paragraphs:
            dateline = parse_dateline(line.text)
            paragraph, current.dateline_outlet, current.dateline_date = dateline.rest, dateline.outlet, dateline.date_text
        if paragraph:
            if not current.paragraphs:
                current.published, pending_date = pending_date, None
            current.paragraphs.append(paragraph)
    if current.paragraphs:
        articles.append(current)
    return articles
