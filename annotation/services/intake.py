"""Articles in: paste, URL, file, bulk rows and feeds → cleaned, split, checked for duplicates, saved, tagged.

Nothing is half saved: an article is stored whole with its fingerprints or not at all, and a bulk
row is imported completely or refused with its reason. Duplicates are reported before saving
unless the editor insists (``force``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from annotation.intake import dedupe, extract, outlets
from annotation.intake.bulk import Row, parse_rows
from annotation.intake.fetch import FetchError, fetch_url
from annotation.intake.files import FileContent
from annotation.intake.split import split_articles
from annotation.models import Article, ImportBatch, Source
from annotation.services.suggestions import article_tag, batch_tag_enqueue

log = logging.getLogger("marsad.intake")


@dataclass
class Candidate:
    """An article ready to be saved: cleaned body, metadata and fingerprints."""

    body: str
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    source: Source | None = None
    source_name: str = ""
    raw_html: str = ""
    row: int | None = None
    content_hash: str = ""
    simhash: int | None = None
    grams: set[int] = field(default_factory=set, repr=False)

    def fingerprint(self) -> None:
        self.content_hash = dedupe.content_hash(self.body)
        self.grams = dedupe.shingles(self.body)
        self.simhash = dedupe.simhash(self.body, self.grams)


@dataclass
class Duplicate:
    """A candidate that repeats something already stored (or an earlier candidate of the same batch)."""

    index: int  # position of the candidate
    kind: str  # exact | near | url | batch
    article: Article | None = None
    similarity: float = 1.0
    row: int | None = None  # for "batch": the earlier row it repeats


@dataclass
class IngestResult:
    candidates: list[Candidate]
    articles: list[Article] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    source_url: str = ""

    @property
    def saved(self) -> bool:
        return bool(self.articles)

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.duplicates) and not self.articles

    @property
    def new_count(self) -> int:
        """Candidates that duplicate nothing."""
        return len(self.candidates) - len({d.index for d in self.duplicates})


def _too_long(length: int) -> ValidationError:
    return ValidationError(
        _("The text is %(length)s characters long; the limit is %(limit)s per article. Paste one article at a time."),
        code="too_long",
        params={"length": f"{length:,}", "limit": f"{settings.MARSAD_MAX_ARTICLE_CHARS:,}"},
    )


def candidates_from(*, text: str = "", html: str = "", url: str = "", title: str = "", published: dt.date | None = None) -> list[Candidate]:
    """Clean and split pasted text or HTML into candidates (not yet fingerprinted), with the outlet and date the page gives."""
    raw_html = ""
    published_given, page_published, page_outlet = published, None, ""
    if not html and text and extract.looks_like_html(text):
        html, text = text, ""
    if html:
        page = extract.extract_html(html, url=url or None)
        text = page.text
        raw_html = extract.sanitize_html(html)
        title = title or page.title
        page_published = page.published
        page_outlet = page.outlet
        url = url or page.url
    lines = extract.classify_lines(text)
    drafts = split_articles(text, lines)
    chrome_outlet = outlets.from_chrome(lines, Source.objects.values_list("name", flat=True)) if drafts else ""
    today = timezone.localdate()
    # Articles split off a page ("إقرأ أيضاً" and the like) are the same site's: without an outlet of their own
    # they take the page's (its metadata, its chrome, else the outlet its main article names).
    page_outlet = page_outlet or chrome_outlet or next((d.source_name or d.dateline_outlet for d in drafts[:1]), "")
    candidates = []
    for i, draft in enumerate(drafts):
        first = i == 0
        # The editor's date first; else the page's metadata (first article), the stamp heading the article, its dateline.
        date = published_given or (page_published if first else None) or draft.published
        date = date or extract.text_date(draft.dateline_date, today)
        outlet = draft.source_name or draft.dateline_outlet or page_outlet
        candidates.append(
            Candidate(
                body=draft.body,
                # The editor's title names the page; a split-off article keeps its own headline.
                title=((title or draft.title) if first else draft.title)[:500],
                url=url if first else "",
                published=date,
                raw_html=raw_html if first else "",
                source_name=outlets.canonical(outlet) if outlet else "",
            )
        )
    return candidates


def outlet_sources(names: set[str]) -> dict[str, Source]:
    """The desk's source for each outlet name: an existing one spelled alike (alef, ya, ta variants), else a new one."""
    wanted = {extract.key(n): n for n in names if n}
    if not wanted:
        return {}
    found = {}
    for source in Source.objects.only("pk", "name"):
        name = wanted.get(extract.key(source.name))
        if name is not None:
            found[name] = source
    missing = sorted(set(wanted.values()) - found.keys())
    if missing:
        Source.objects.bulk_create([Source(name=n) for n in missing], ignore_conflicts=True)
        found |= {s.name: s for s in Source.objects.filter(name__in=missing)}
    return found


def _check_lengths(candidates: list[Candidate]) -> None:
    for candidate in candidates:
        if len(candidate.body) > settings.MARSAD_MAX_ARTICLE_CHARS:
            raise _too_long(len(candidate.body))


def find_duplicates(candidates: list[Candidate]) -> list[Duplicate]:
    """Exact, near and URL duplicates of the candidates, against stored articles and each other.

    Two queries whatever the number of candidates: the fingerprints of stored articles and the
    stored articles with the same URLs; then one more to load the few matches for display.
    """
    index = dedupe.FingerprintIndex(Article.objects.values_list("pk", "content_hash", "simhash").iterator(chunk_size=5000))
    urls = {c.url for c in candidates if c.url}
    by_url = dict(Article.objects.filter(url__in=urls).values_list("url", "pk")) if urls else {}
    found: list[Duplicate] = []
    matches: list[tuple[int, dedupe.Match]] = []
    seen_urls: dict[str, int] = {}
    for i, candidate in enumerate(candidates):
        if candidate.url and candidate.url in by_url:
            found.append(Duplicate(i, "url", article=Article(pk=by_url[candidate.url])))
        elif candidate.url and candidate.url in seen_urls:
            found.append(Duplicate(i, "batch", row=candidates[seen_urls[candidate.url]].row))
        if candidate.url:
            seen_urls.setdefault(candidate.url, i)
        hits = index.find(candidate.content_hash, candidate.simhash) if len(candidate.grams) >= dedupe.MIN_SHINGLES else []
        if not hits:
            exact = index.by_hash.get(candidate.content_hash)
            hits = [dedupe.Match(exact, "exact", 0)] if exact is not None else []
        if hits:
            matches.append((i, hits[0]))
        index.add(("new", i), candidate.content_hash, candidate.simhash)
    stored_ids = {m.key for _i, m in matches if not isinstance(m.key, tuple)} | {d.article.pk for d in found if d.article}
    stored = Article.objects.only("pk", "title", "body", "url", "created_at").in_bulk(stored_ids) if stored_ids else {}
    for d in found:
        if d.article:
            d.article = stored.get(d.article.pk, d.article)
    for i, match in matches:
        if any(d.index == i for d in found):
            continue
        if isinstance(match.key, tuple):
            j = match.key[1]
            similarity = dedupe.jaccard(candidates[i].grams, candidates[j].grams)
            found.append(Duplicate(i, "batch", similarity=similarity, row=candidates[j].row if candidates[j].row else j + 1))
            continue
        article = stored.get(match.key)
        if article is None:
            continue
        similarity = 1.0 if match.kind == "exact" else dedupe.jaccard(candidates[i].grams, dedupe.shingles(article.body))
        found.append(Duplicate(i, match.kind, article=article, similarity=similarity))
    return sorted(found, key=lambda d: d.index)


def _article(candidate: Candidate, *, imported_by, batch: ImportBatch | None = None) -> Article:
    return Article(
        source=candidate.source,
        url=candidate.url,
        title=candidate.title,
        published_at=candidate.published,
        body=candidate.body,
        raw_html=candidate.raw_html,
        content_hash=candidate.content_hash,
        simhash=candidate.simhash,
        imported_by=imported_by,
        import_batch=batch,
    )


def article_ingest(
    *,
    text: str | None = None,
    html: str | None = None,
    url: str | None = None,
    title: str = "",
    source: Source | None = None,
    outlet: str = "",
    published_at: dt.date | None = None,
    imported_by,
    force: bool = False,
    skip_duplicates: bool = False,
    tag: bool = True,
) -> IngestResult:
    """Clean, split, check and save pasted text, HTML or a fetched URL; tag the new articles at once.

    Raises ValidationError for empty or over-long input and for a URL that cannot be fetched.
    When duplicates are found and ``force`` is false, nothing is saved and the result lists them;
    ``skip_duplicates`` saves only the candidates that duplicate nothing.
    """
    text, html, url, title = text or "", html or "", (url or "").strip(), (title or "").strip()
    if not extract.has_visible_text(text):
        text = ""
    if not extract.has_visible_text(html):
        html = ""
    if url and not text and not html:
        try:
            fetched = fetch_url(url)
            content = fetched.text()
        except FetchError as exc:
            raise ValidationError(str(exc), code="fetch_failed")
        if fetched.content_type in ("text/plain",):
            text = content
        else:
            html = content
    raw = html or text
    if not extract.has_visible_text(raw):
        raise ValidationError(_("There is no text to import: paste an article, give a URL or upload a file."), code="empty")
    limit = settings.MARSAD_MAX_ARTICLE_CHARS if not html else settings.MARSAD_MAX_UPLOAD_BYTES
    if len(raw) > limit:
        raise _too_long(len(raw))
    candidates = candidates_from(text=text, html=html, url=url, title=title, published=published_at)
    if not candidates:
        raise ValidationError(
            _("Nothing is left once the page furniture (dates, “read more” links, lists of other articles) is removed."),
            code="no_text",
        )
    _check_lengths(candidates)
    outlet = " ".join((outlet or "").split())[:200]
    for candidate in candidates:
        candidate.source_name = outlet or candidate.source_name  # the outlet the editor typed wins over the page's
    named = {} if source else outlet_sources({c.source_name for c in candidates})
    for candidate in candidates:
        candidate.source = source or named.get(candidate.source_name)
        candidate.fingerprint()
    result = IngestResult(candidates=candidates, source_url=url)
    result.duplicates = find_duplicates(candidates)
    if result.duplicates and not (force or skip_duplicates):
        return result
    skipped = {d.index for d in result.duplicates} if skip_duplicates else set()
    blocked = {d.index for d in result.duplicates if d.kind in ("url",)}
    with transaction.atomic():
        for i, candidate in enumerate(candidates):
            if i in skipped:
                continue
            if i in blocked:
                candidate.url = ""  # the address belongs to the stored article; this copy is kept without it
            article = _article(candidate, imported_by=imported_by)
            article.save()
            result.articles.append(article)
    if tag:
        for article in result.articles:
            _tag_one(article)
    return result


def _tag_one(article: Article) -> None:
    try:
        article_tag(article=article)
    except Exception:  # the article is saved; a failed tagging run is shown and can be retried
        log.exception("tagging failed for article %s", article.pk)
        Article.objects.filter(pk=article.pk).update(tagging_status=Article.TaggingStatus.FAILED)
        article.tagging_status = Article.TaggingStatus.FAILED


# Bulk imports ---------------------------------------------------------------------------------------


def _row_candidates(row: Row, source: Source | None) -> list[Candidate]:
    if len(row.text) > settings.MARSAD_MAX_ARTICLE_CHARS:
        raise _too_long(len(row.text))
    candidates = candidates_from(text=row.text, url=row.url, title=row.title, published=row.published)
    if not candidates:
        raise ValidationError(_("nothing is left once the page furniture is removed"), code="no_text")
    _check_lengths(candidates)
    for candidate in candidates:
        candidate.row = row.number
        # The row's outlet, else the import's (a feed's source), else the one the page names.
        candidate.source_name = row.source or ("" if source else candidate.source_name)
        candidate.fingerprint()
    return candidates


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


def rows_import(*, rows: list[Row], batch: ImportBatch, user, source: Source | None = None) -> ImportBatch:
    """Import validated rows into ``batch``: duplicates skipped, bad rows refused, the rest saved in bulk."""
    report: dict[int, dict] = {}
    candidates: list[Candidate] = []
    for row in rows:
        if row.error:
            report[row.number] = {"row": row.number, "status": "refused", "reason": row.error}
            continue
        try:
            row_candidates = _row_candidates(row, source)
        except ValidationError as exc:
            report[row.number] = {"row": row.number, "status": "refused", "reason": _message(exc)}
            continue
        candidates.extend(row_candidates)
    duplicates = {d.index: d for d in find_duplicates(candidates)}
    sources = outlet_sources({c.source_name for c in candidates})
    keep: list[Candidate] = []
    for i, candidate in enumerate(candidates):
        entry = report.setdefault(candidate.row, {"row": candidate.row, "status": "skipped", "articles": [], "duplicates": []})
        dup = duplicates.get(i)
        if dup is not None:
            entry["duplicates"].append(_describe(dup))
            continue
        candidate.source = sources.get(candidate.source_name) or source
        keep.append(candidate)
    created = _save_rows(keep, batch=batch, user=user, report=report)
    for entry in report.values():
        if entry["status"] == "skipped" and entry.get("articles"):
            entry["status"] = "imported"
        if entry["status"] == "skipped" and not entry.get("reason"):
            entry["reason"] = "; ".join(entry.get("duplicates") or []) or _("duplicate")
    batch.report = [report[n] for n in sorted(report)]
    batch.total = created
    batch.save(update_fields=["report", "total"])
    return batch


def _describe(dup: Duplicate) -> str:
    if dup.kind == "batch":
        return _("repeats row %(row)s of this file") % {"row": dup.row}
    if dup.kind == "url":
        return _("address already imported as article %(id)s") % {"id": dup.article.pk}
    if dup.kind == "exact":
        return _("same text as article %(id)s") % {"id": dup.article.pk}
    return _("%(percent)s%% similar to article %(id)s") % {"percent": round(dup.similarity * 100), "id": dup.article.pk}


def _save_rows(candidates: list[Candidate], *, batch, user, report) -> int:
    """Save all candidates in one bulk insert; if the database refuses, save row by row so one bad row
    cannot take the others down (and no row is half saved)."""
    by_row: dict[int, list[Candidate]] = {}
    for c in candidates:
        by_row.setdefault(c.row, []).append(c)
    try:
        with transaction.atomic():
            articles = Article.objects.bulk_create([_article(c, imported_by=user, batch=batch) for c in candidates], batch_size=500)
    except IntegrityError:
        articles = []
        for number, row_candidates in by_row.items():
            try:
                with transaction.atomic():
                    articles.extend(Article.objects.bulk_create([_article(c, imported_by=user, batch=batch) for c in row_candidates]))
            except IntegrityError as exc:
                report[number].update(status="refused", reason=_("the database refused the row (%(error)s)") % {"error": exc})
    if articles and articles[0].pk is None:  # backends without RETURNING: read the ids back
        articles = list(Article.objects.filter(import_batch=batch).order_by("pk"))
    by_hash = {}
    for article in articles:
        by_hash.setdefault((article.content_hash, article.url), article.pk)
    for c in candidates:
        pk = by_hash.get((c.content_hash, c.url))
        if pk is not None:
            report[c.row].setdefault("articles", []).append(pk)
    return len(articles)


def batch_import(*, upload: FileContent, user, source: Source | None = None, enqueue: bool = True) -> ImportBatch:
    """Import a JSONL/CSV file: one article per row, a per-row report, tagging queued in the background.

    ``enqueue=False`` leaves the tagging to the caller (the benchmark runs suggestions.batch_tag itself).
    """
    if not upload.is_bulk:
        raise ValidationError(_("Only .csv and .jsonl files can be imported in bulk."), code="not_bulk")
    rows = parse_rows(upload.content, upload.kind)
    if not rows:
        raise ValidationError(_("The file has no rows to import."), code="empty")
    with transaction.atomic():
        batch = ImportBatch.objects.create(created_by=user, filename=upload.filename[:300], kind="file")
        rows_import(rows=rows, batch=batch, user=user, source=source)
    if enqueue:
        batch_tag_enqueue(batch=batch)
    return batch


def feed_poll(*, source: Source, user) -> ImportBatch:
    """Fetch a source's RSS/Atom feed and import the entries not seen before (by URL)."""
    from annotation.intake.feeds import FeedError, parse_feed

    if not source.feed_url:
        raise ValidationError(_("This source has no feed address."), code="no_feed")
    try:
        entries = parse_feed(fetch_url(source.feed_url).content)
    except (FetchError, FeedError) as exc:
        raise ValidationError(str(exc), code="fetch_failed")
    known = set(Article.objects.filter(url__in=[e.url for e in entries]).values_list("url", flat=True))
    rows = []
    for number, entry in enumerate(entries, start=1):
        if entry.url in known:
            continue
        rows.append(
            Row(number, text=entry.html, title=entry.title, url=entry.url, published=entry.published)
            if entry.html.strip()
            else Row(number, error=_("the entry has no text"))
        )
    with transaction.atomic():
        batch = ImportBatch.objects.create(created_by=user, filename=source.feed_url[:300], kind="feed")
        rows_import(rows=rows, batch=batch, user=user, source=source)
    batch_tag_enqueue(batch=batch)
    return batch
