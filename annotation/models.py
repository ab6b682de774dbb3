"""Intake and annotation: outlets, articles, the knowledge base and the mentions found in articles."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from annotation.labels import LABEL_CHOICES


class Source(models.Model):
    """A news outlet."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    domain = models.CharField(_("domain"), max_length=200, blank=True)
    country = models.CharField(_("country (ISO3)"), max_length=3, blank=True)
    language = models.CharField(_("language"), max_length=8, default="ar")
    reliability_note = models.TextField(_("reliability note"), blank=True)
    feed_url = models.URLField(_("RSS/Atom feed"), blank=True, max_length=500)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def for_review(self):
        return self.exclude(status=Article.Status.DONE)


class Article(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("In review")
        DONE = "done", _("Done")

    class TaggingStatus(models.TextChoices):
        PENDING = "pending", _("Waiting to be tagged")
        RUNNING = "running", _("Tagging")
        DONE = "done", _("Tagged")
        FAILED = "failed", _("Tagging failed")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, related_name="articles", verbose_name=_("source"))
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    published_at = models.DateField(_("published on"), null=True, blank=True)
    body = models.TextField(_("body"), help_text=_("Normalised text; mention offsets refer to it."))
    raw_html = models.TextField(_("raw HTML (sanitised)"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="ar")
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True, editable=False)
    simhash = models.BigIntegerField(_("similarity fingerprint"), null=True, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True)
    tagging_status = models.CharField(_("tagging"), max_length=16, choices=TaggingStatus.choices, default=TaggingStatus.PENDING)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="imported_articles",
        verbose_name=_("imported by"),
    )
    import_batch = models.ForeignKey("ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="articles")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="article_url_unique_when_present"),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
        ]
        indexes = [models.Index(fields=["status", "-created_at"], name="article_status_created")]

    def __str__(self):
        return self.title or self.body[:60]

    def save(self, *args, **kwargs):
        self.content_hash = self.hash_body(self.body)
        super().save(*args, **kwargs)

    @property
    def reference_date(self):
        """The date relative expressions are read against: the publication date, else the day it was imported.

        An undated paste is assumed to be recent news, so "الجمعة 22 نوفمبر" resolves to the latest such Friday.
        """
        if self.published_at:
            return self.published_at
        return timezone.localdate(self.created_at) if self.created_at else timezone.localdate()

    @staticmethod
    def hash_body(body):
        return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


class ImportBatch(models.Model):
    """A bulk import (file or feed) whose rows are tagged in the background."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=16, default="file")
    report = models.JSONField(default=list, blank=True, help_text=_("One entry per row: imported, skipped or refused, with the reason."))
    total = models.PositiveIntegerField(default=0)
    tagged = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self):
        return f"{self.filename or self.kind} ({self.created_at:%Y-%m-%d %H:%M})"


class TrainingLock(models.Model):
    """The one row that says a training of the engine's model is queued or running, shared by every
    process (web workers and db_worker alike): taken by a single conditional UPDATE, so two requests
    can never both take it, on SQLite as on PostgreSQL."""

    held_since = models.DateTimeField(null=True, blank=True)
    held_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("training lock")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="training_lock_single_row")]

    def __str__(self):
        return f"training lock (held by {self.held_by} since {self.held_since})" if self.held_since else "training lock (free)"


class Entity(models.Model):
    """An entry of the knowledge base: a person, group, place, facility, … with its spellings."""

    class ActorType(models.TextChoices):
        STATE = "State forces", _("State forces")
        REBEL = "Rebel group", _("Rebel group")
        POLITICAL_MILITIA = "Political militia", _("Political militia")
        IDENTITY_MILITIA = "Identity militia", _("Identity militia")
        RIOTERS = "Rioters", _("Rioters")
        PROTESTERS = "Protesters", _("Protesters")
        CIVILIANS = "Civilians", _("Civilians")
        EXTERNAL = "External/Other forces", _("External/Other forces")

    class GeoKind(models.TextChoices):
        COUNTRY = "country", _("Country")
        GOVERNORATE = "governorate", _("Governorate")
        CITY = "city", _("City")
        TOWN = "town", _("Town or village")
        REGION = "region", _("Region")

    name_ar = models.CharField(_("Arabic name"), max_length=300)
    name_en = models.CharField(_("English name"), max_length=300, blank=True)
    type = models.CharField(_("type"), max_length=8, choices=LABEL_CHOICES, db_index=True)
    aliases = models.JSONField(_("aliases"), default=list, blank=True, help_text=_("Other Arabic spellings."))
    description = models.TextField(_("description"), blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    geo_kind = models.CharField(_("kind of place"), max_length=16, choices=GeoKind.choices, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    country_iso3 = models.CharField(_("ISO3"), max_length=3, blank=True)
    admin1 = models.CharField(_("governorate (admin1)"), max_length=200, blank=True)
    admin2 = models.CharField(_("district (admin2)"), max_length=200, blank=True)
    admin3 = models.CharField(_("sub-district (admin3)"), max_length=200, blank=True)
    actor_type = models.CharField(_("ACLED actor type"), max_length=32, choices=ActorType.choices, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_from", verbose_name=_("merged into")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_ar"]
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        constraints = [
            # Places share names across countries (أريحا in Idlib and in the West Bank).
            models.UniqueConstraint(fields=["type", "name_ar", "country_iso3"], name="entity_unique_name_per_type_country"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90), name="entity_latitude_range"
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180), name="entity_longitude_range"
            ),
        ]

    def __str__(self):
        return self.name_ar

    @property
    def display_name(self):
        from django.utils.translation import get_language

        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_ar

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None


class Mention(models.Model):
    """A span of an article's body tagged with a label, suggested by the engine or added by an editor."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        CORRECTED = "corrected", _("Corrected")
        ADDED = "added", _("Added by editor")

    class Origin(models.TextChoices):
        RULES = "rules", _("Rules")
        LEXICON = "lexicon", _("Knowledge base")
        MODEL = "model", _("Model")
        FARASA = "farasa", _("Farasa")
        EDITOR = "editor", _("Editor")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("article"))
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    # Copied from the article so that the database itself can refuse a span past the body's end.
    article_length = models.PositiveIntegerField(editable=False)
    text = models.CharField(_("text"), max_length=500)
    label = models.CharField(_("label"), max_length=8, choices=LABEL_CHOICES)
    entity = models.ForeignKey(Entity, on_delete=models.SET_NULL, null=True, blank=True, related_name="mentions", verbose_name=_("entity"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SUGGESTED)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.RULES)
    confidence = models.FloatField(_("confidence"), default=1.0)
    reject_reason = models.CharField(_("reason"), max_length=300, blank=True)
    original = models.JSONField(_("as suggested"), default=dict, blank=True, help_text=_("Span and label before the editor's correction."))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "start", "end"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="mention_start_before_end"),
            models.CheckConstraint(condition=Q(end__lte=F("article_length")), name="mention_inside_article"),
            models.CheckConstraint(condition=Q(confidence__gte=0) & Q(confidence__lte=1), name="mention_confidence_0_1"),
            models.UniqueConstraint(fields=["article", "start", "end", "label"], name="mention_unique_span_label"),
        ]
        indexes = [models.Index(fields=["article", "status"], name="mention_article_status")]

    def __str__(self):
        return f"{self.text} ({self.label})"

    def save(self, *args, **kwargs):
        if self.article_length is None:
            self.article_length = len(self.article.body)
        super().save(*args, **kwargs)

    def clean(self):
        validate_span(self.article.body, self.start, self.end, self.text)


def validate_span(body, start, end, text=None):
    """Refuse a span outside the body, empty, or whose text is not the body at its offsets."""
    if start is None or end is None or start < 0 or end > len(body) or start >= end:
        raise ValidationError(
            _("The span %(start)s–%(end)s lies outside the article (length %(length)s)."),
            code="span_out_of_bounds",
            params={"start": start, "end": end, "length": len(body)},
        )
    if text is not None and body[start:end] != text:
        raise ValidationError(
            _("The span text “%(text)s” does not match the article at %(start)s–%(end)s (“%(actual)s”)."),
            code="span_text_mismatch",
            params={"text": text, "start": start, "end": end, "actual": body[start:end]},
        )
