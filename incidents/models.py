"""Incidents: what happened, when, where, who, how many — with sources, workflow and history."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from annotation.models import Article, Entity
from incidents.taxonomy import COUNTRY_CHOICES, EVENT_TYPE_CHOICES, SUB_EVENT_TYPE_CHOICES


class HistoryAction(models.TextChoices):
    """The action code stored as a history row's change reason; shown translated."""

    CREATED = "created", pgettext_lazy("history action", "created")
    EDITED = "edited", pgettext_lazy("history action", "edited")
    CORRECTED = "corrected", pgettext_lazy("history action", "corrected")
    SUBMITTED = "submitted", pgettext_lazy("history action", "submitted for review")
    SENT_BACK = "sent_back", pgettext_lazy("history action", "sent back to the author")
    APPROVED = "approved", pgettext_lazy("history action", "approved and published")
    RETRACTED = "retracted", pgettext_lazy("history action", "retracted")
    MERGED = "merged", pgettext_lazy("history action", "merged into another incident")
    MERGED_IN = "merged_in", pgettext_lazy("history action", "another report merged into it")

    def public_note(self):
        """The public correction note of an action whose note the desk writes itself, in the reader's language."""
        if self == HistoryAction.MERGED_IN:
            return gettext("Another report of the same incident was merged into this one; its sources now support it.")
        return ""

    @classmethod
    def of(cls, reason):
        """(action code, note) of a stored change reason. Rows written before the codes hold English
        phrases ("submitted for review", "sent back: …") or, for a correction, the correction note."""
        reason = reason or ""
        if reason in cls.values:
            return cls(reason), ""
        for phrase, action in _LEGACY_REASONS:
            if reason == phrase or reason.startswith(phrase + ":") or (phrase == "merged into" and reason.startswith(phrase + " ")):
                return action, ""
        return (cls.CORRECTED, reason) if reason else (None, "")


_LEGACY_REASONS = [
    ("submitted for review", HistoryAction.SUBMITTED),
    ("approved and published", HistoryAction.APPROVED),
    ("sent back", HistoryAction.SENT_BACK),
    ("retracted", HistoryAction.RETRACTED),
    ("merged into", HistoryAction.MERGED),
]


def point_on_globe(latitude, longitude):
    """(latitude, longitude) when both are real coordinates, else (None, None): an odd stored value
    (95°, 200°, infinity, NaN) is shown as "no point", never as a broken map or invalid JSON."""
    if latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, None
    return latitude, longitude


ON_GLOBE = Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180)


class IncidentQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: published incidents and retracted ones (which show their notice)."""
        return self.filter(status__in=[Incident.Status.PUBLISHED, Incident.Status.RETRACTED])

    def published(self):
        return self.filter(status=Incident.Status.PUBLISHED)

    def awaiting_review(self):
        return self.filter(status=Incident.Status.IN_REVIEW)


class PostgresOnlyIndex:
    """An index only PostgreSQL can build (GIN over a tsvector or trigrams): SQLite, which searches
    the text by substring, gets a no-op comment instead of a CREATE INDEX it cannot parse."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return f"-- {self.name}: PostgreSQL only"
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return f"-- {self.name}: PostgreSQL only"
        return super().remove_sql(model, schema_editor, **kwargs)


class SearchGinIndex(PostgresOnlyIndex, GinIndex):
    pass


class SimpleSearchVector(SearchVector):
    """to_tsvector('simple', search_text) on PostgreSQL (the text is already folded by
    incidents.search, so no stemming); SQLite has no tsvector and stores NULL (it searches search_text)."""

    def as_sqlite(self, *_args, **_kwargs):
        return "NULL", []


class Incident(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        RETRACTED = "retracted", _("Retracted")
        MERGED = "merged", _("Merged into another")

    class TimePrecision(models.IntegerChoices):
        # ACLED's codes: 1 day, 2 week, 3 month (or longer).
        DAY = 1, _("Day")
        WEEK = 2, _("Week")
        MONTH = 3, _("Month or longer")

    class GeoPrecision(models.IntegerChoices):
        # ACLED's codes: 1 the town itself, 2 near it / part of a region, 3 province level.
        EXACT = 1, _("Town or exact place")
        NEAR = 2, _("Near a town / district")
        REGION = 3, _("Governorate or region")

    class Confidence(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        LIKELY = "likely", _("Likely")
        CONTESTED = "contested", _("Contested")

    code = models.CharField(_("public code"), max_length=24, unique=True, editable=False)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    summary_ar = models.TextField(_("summary (Arabic)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    event_type = models.CharField(_("event type"), max_length=40, choices=EVENT_TYPE_CHOICES)
    sub_event_type = models.CharField(_("sub-event type"), max_length=48, choices=SUB_EVENT_TYPE_CHOICES)
    date_start = models.DateField(_("from"))
    date_end = models.DateField(_("to"))
    time_precision = models.PositiveSmallIntegerField(_("time precision"), choices=TimePrecision.choices, default=TimePrecision.DAY)
    date_text = models.CharField(_("date as written"), max_length=200, blank=True)
    place = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents_here",
        verbose_name=_("place"),
        limit_choices_to={"type": "LOC"},
    )
    place_text = models.CharField(_("place as written"), max_length=200, blank=True)
    geo_precision = models.PositiveSmallIntegerField(_("geo precision"), choices=GeoPrecision.choices, default=GeoPrecision.EXACT)
    country = models.CharField(_("country"), max_length=3, choices=COUNTRY_CHOICES)
    admin1 = models.CharField(_("governorate"), max_length=200, blank=True, db_index=True)
    admin2 = models.CharField(_("district"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    fatalities = models.PositiveIntegerField(
        _("fatalities"), default=0, help_text=_("Best estimate of people killed (ACLED convention: the lowest credible figure).")
    )
    injured = models.PositiveIntegerField(_("injured"), default=0)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    confidence = models.CharField(_("confidence"), max_length=12, choices=Confidence.choices, default=Confidence.LIKELY)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from", verbose_name=_("merged into")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="incidents_created", verbose_name=_("created by")
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents_approved",
        verbose_name=_("approved by"),
    )
    # Two people must have seen the published version: neither of these may approve it.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    last_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    corrected_at = models.DateTimeField(_("corrected"), null=True, blank=True)
    correction_note = models.TextField(_("correction note"), blank=True)
    # The second person behind the latest correction: the reviewer who approved what another proposed
    # (last_changed_by for a correction, the source's proposer for a new source); empty when the
    # correction was one reviewer's own act (a merge). History rows keep it, so each correction names both.
    correction_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # never looked up by: no index to build on the whole table
        verbose_name=_("correction approved by"),
    )
    retracted_at = models.DateTimeField(_("retracted"), null=True, blank=True)
    retraction_note = models.TextField(_("retraction notice"), blank=True)
    search_text = models.TextField(_("normalised search text"), blank=True, editable=False)
    search_vector = models.GeneratedField(
        expression=SimpleSearchVector("search_text", config="simple"), output_field=SearchVectorField(null=True), db_persist=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(excluded_fields=["search_text", "search_vector"])

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-date_start", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        permissions = [
            ("approve_incident", _("Can approve, send back, retract and merge incidents")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(date_start__lte=F("date_end")), name="incident_dates_ordered"),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("created_by")), name="incident_approver_not_creator"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["published", "retracted"]) | Q(approved_by__isnull=False),
                name="incident_published_needs_approver",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-date_start", "-id"], name="incident_status_date"),
            models.Index(fields=["status", "country", "-date_start"], name="incident_status_country_date"),
            models.Index(fields=["status", "sub_event_type"], name="incident_status_subevent"),
            # The public list reads published+retracted rows newest first: a partial index in that
            # order serves the page and the capped count without sorting (status IN (...) cannot use
            # the (status, date) index for ordering).
            # It carries the version too, so that an export in date order pairs each incident with
            # its stored row (ExportRow) from the index alone (Index Only Scan), not the wide rows.
            models.Index(
                fields=["-date_start", "-id"],
                include=["version"],
                condition=Q(status__in=["published", "retracted"]),
                name="incident_public_date",
            ),
            models.Index(
                fields=["-fatalities", "-date_start", "-id"],
                condition=Q(status__in=["published", "retracted"]),
                name="incident_public_killed",
            ),
            # The stats page groups every public incident by type and by governorate, summing the
            # killed: these let PostgreSQL answer from the index alone instead of reading the rows.
            models.Index(
                fields=["event_type", "fatalities"], condition=Q(status__in=["published", "retracted"]), name="incident_public_type"
            ),
            models.Index(
                fields=["admin1", "fatalities"], condition=Q(status__in=["published", "retracted"]), name="incident_public_admin1"
            ),
            # Search (incidents.search): full text over the stored vector, trigrams over the folded
            # text for the misspelling fallback. PostgreSQL only; SQLite matches substrings.
            SearchGinIndex(fields=["search_vector"], name="incident_search_vector"),
            SearchGinIndex(OpClass("search_text", name="gin_trgm_ops"), name="incident_search_trgm"),
            # A place's page, and the list filtered by country and event type (the commonest facets), newest
            # first: read in order from these instead of walking every public incident by date and
            # discarding the others (EXPLAIN at a million incidents: docs/scaling.md).
            # The place's index carries the killed, so that its month chart and totals read the index only
            # (1M: 163–233 ms → 9–14 ms, docs/scaling.md).
            models.Index(
                fields=["place", "-date_start", "-id"],
                condition=Q(status__in=["published", "retracted"]),
                include=["fatalities"],
                name="incident_public_place",
            ),
            models.Index(
                fields=["country", "event_type", "-date_start", "-id"],
                condition=Q(status__in=["published", "retracted"]),
                name="incident_public_country_type",
            ),
            # The governorate filter compares case-insensitively (incidents.filters.admin1_condition).
            models.Index(
                Upper("admin1"),
                F("date_start").desc(),
                F("id").desc(),
                condition=Q(status__in=["published", "retracted"]),
                name="incident_public_admin1_upper",
            ),
            # A governorate with other facets (country, event type, killed at least): the capped count
            # and a page sorted otherwise than by date are answered from the index, not the rows.
            models.Index(
                Upper("admin1"),
                F("country"),
                F("event_type"),
                F("fatalities"),
                condition=Q(status__in=["published", "retracted"]),
                name="incident_public_admin1_facets",
            ),
            # The Atom feed: the most recently published or corrected first.
            models.Index(fields=["-updated_at", "-id"], condition=Q(status__in=["published", "retracted"]), name="incident_public_updated"),
            # What the actor page's chart, governorate bars and totals group (docs/scaling.md): an actor's
            # incidents are found through their role rows, one probe per incident; with the grouped
            # columns in the index each probe is an index-only read instead of a visit to the wide row.
            models.Index(
                fields=["id"],
                include=["date_start", "admin1", "fatalities"],
                condition=Q(status__in=["published", "retracted"]),
                name="incident_public_cover",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title_ar}"

    def get_absolute_url(self):
        return reverse("incidents:detail", kwargs={"code": self.code})

    @property
    def title(self):
        from django.utils.translation import get_language

        return self.title_en if get_language() == "en" and self.title_en else self.title_ar

    @property
    def summary(self):
        from django.utils.translation import get_language

        return self.summary_en if get_language() == "en" and self.summary_en else self.summary_ar

    @property
    def is_public(self):
        return self.status in (self.Status.PUBLISHED, self.Status.RETRACTED)


class IncidentActor(models.Model):
    class Role(models.TextChoices):
        ACTOR1 = "actor1", _("Actor 1 (initiator)")
        ACTOR2 = "actor2", _("Actor 2 (target)")
        ASSOC1 = "assoc1", _("Associated with actor 1")
        ASSOC2 = "assoc2", _("Associated with actor 2")

    class Certainty(models.TextChoices):
        CERTAIN = "certain", _("Certain")
        CLAIMED = "claimed", _("Claimed")
        SUSPECTED = "suspected", _("Suspected")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="actors")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="incident_roles", verbose_name=_("actor"))
    role = models.CharField(_("role"), max_length=8, choices=Role.choices)
    certainty = models.CharField(_("certainty"), max_length=10, choices=Certainty.choices, default=Certainty.CERTAIN)

    class Meta:
        ordering = ["incident", "role", "id"]
        verbose_name = _("incident actor")
        verbose_name_plural = _("incident actors")
        constraints = [models.UniqueConstraint(fields=["incident", "entity", "role"], name="incident_actor_unique_role")]
        indexes = [models.Index(fields=["entity", "incident"], name="incidentactor_entity")]

    def __str__(self):
        return f"{self.incident_id}: {self.entity} ({self.role})"


class CasualtyFigure(models.Model):
    class Category(models.TextChoices):
        KILLED = "killed", _("Killed")
        INJURED = "injured", _("Injured")
        ABDUCTED = "abducted", _("Abducted")
        ARRESTED = "arrested", _("Arrested")

    class VictimClass(models.TextChoices):
        CIVILIANS = "civilians", _("Civilians")
        SECURITY_FORCES = "security_forces", _("Security forces")
        MILITANTS = "militants", _("Militants")
        UNKNOWN = "unknown", _("Unknown")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="casualties")
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    victim_class = models.CharField(_("who"), max_length=16, choices=VictimClass.choices, default=VictimClass.UNKNOWN)
    min_count = models.PositiveIntegerField(_("min"))
    max_count = models.PositiveIntegerField(_("max"))
    qualifier = models.CharField(_("qualifier"), max_length=100, blank=True, help_text=_("e.g. at least, about"))
    raw_phrase = models.CharField(_("phrase as written"), max_length=500, blank=True)
    claimant = models.CharField(_("claimed by"), max_length=200, blank=True)
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, blank=True, related_name="casualty_figures", verbose_name=_("article")
    )

    class Meta:
        ordering = ["incident", "category", "victim_class"]
        verbose_name = _("casualty figure")
        verbose_name_plural = _("casualty figures")
        constraints = [models.CheckConstraint(condition=Q(min_count__lte=F("max_count")), name="casualty_min_le_max")]

    def __str__(self):
        span = self.min_count if self.min_count == self.max_count else f"{self.min_count}–{self.max_count}"
        return f"{span} {self.get_category_display()} ({self.get_victim_class_display()})"


class IncidentSource(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="incident_sources", verbose_name=_("article"))
    quote_start = models.PositiveIntegerField(_("quote start"), null=True, blank=True)
    quote_end = models.PositiveIntegerField(_("quote end"), null=True, blank=True)
    quote = models.TextField(_("supporting quote"), blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["incident", "added_at", "id"]
        verbose_name = _("incident source")
        verbose_name_plural = _("incident sources")
        constraints = [
            models.UniqueConstraint(fields=["incident", "article"], name="incident_source_unique_article"),
            models.CheckConstraint(
                condition=(Q(quote_start__isnull=True) & Q(quote_end__isnull=True)) | Q(quote_start__lt=F("quote_end")),
                name="incident_source_quote_range",
            ),
        ]

    def __str__(self):
        return f"{self.incident_id} ← {self.article_id}"


class CodeSequence(models.Model):
    """Next number for public codes per country and year (IRQ-2024-00042)."""

    country = models.CharField(max_length=3)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["country", "year"], name="code_sequence_unique")]

    def __str__(self):
        return f"{self.country}-{self.year}: {self.last}"


class PublicTally(models.Model):
    """Public incidents and their killed per month, country, governorate and event type.

    Kept exact by incidents.tallies whenever an incident is saved or deleted, so that the stats page
    sums a few thousand of these rows instead of reading every public incident.
    """

    month = models.DateField()
    country = models.CharField(max_length=3)
    admin1 = models.CharField(max_length=200, blank=True)
    event_type = models.CharField(max_length=40)
    incidents = models.PositiveIntegerField(default=0)
    fatalities = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["month", "country", "admin1", "event_type"], name="public_tally_unique_key")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.country} {self.admin1} {self.event_type}: {self.incidents}"


class ExportRow(models.Model):
    """A public incident's download rows, built once per incident version (incidents.stored_rows).

    The exports stream these texts instead of building each row in Python; a row whose version is not
    the incident's (or that is missing) is built on the fly, so a download never shows a stale row.
    """

    incident = models.OneToOneField(Incident, on_delete=models.CASCADE, primary_key=True, related_name="export_row")
    version = models.PositiveIntegerField()
    csv = models.TextField()  # one CSV line in ACLED's columns, with its line ending
    record = models.TextField()  # the JSON record, its address left as a mark (exports.URL_MARK)
    geometry = models.TextField()  # the GeoJSON geometry ("null" when the incident has no point)

    def __str__(self):
        return f"{self.incident_id} v{self.version}"


class IncidentPage(models.Model):
    """A public incident page's body in one language, rendered once per incident version (incidents.stored_pages).

    The page serves it while its version and stamp are the incident's and the templates'; any change that
    touches what the body shows deletes it, and the next reader's request renders and stores it again.
    """

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="stored_pages")
    language = models.CharField(max_length=8)
    version = models.PositiveIntegerField()
    stamp = models.CharField(max_length=16)  # the templates and translations it was rendered with
    title = models.TextField()
    has_map = models.BooleanField()
    body = models.TextField()  # the <article>, the page's address and the day left as marks

    class Meta:
        constraints = [models.UniqueConstraint(fields=["incident", "language"], name="incidentpage_one_per_language")]

    def __str__(self):
        return f"{self.incident_id} {self.language} v{self.version}"


class SecondPersonDecision(models.Model):
    """A change one person proposes and a different one decides (the database refuses a decider who proposed it)."""

    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by"))
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["proposed_at", "id"]


class PendingSource(SecondPersonDecision):
    """An article offered as a new source of a published incident: public only once a second person approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a second editor")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="pending_sources")
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="pending_sources", verbose_name=_("article"))
    quote_start = models.PositiveIntegerField(_("quote start"), null=True, blank=True)
    quote_end = models.PositiveIntegerField(_("quote end"), null=True, blank=True)
    quote = models.TextField(_("supporting quote"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)

    class Meta(SecondPersonDecision.Meta):
        verbose_name = _("pending source")
        verbose_name_plural = _("pending sources")
        constraints = [
            models.UniqueConstraint(fields=["incident", "article"], condition=Q(status="pending"), name="pending_source_unique_open"),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("proposed_by")), name="pending_source_decider_not_proposer"
            ),
        ]

    def __str__(self):
        return f"{self.incident_id} ← {self.article_id} ({self.status})"


class PendingCorrection(SecondPersonDecision):
    """A correction of a published incident: the submitted form, public only once a different reviewer approves it.

    ``payload`` is the posted form (field → list of values) so that approval re-binds and re-validates it and
    applies it through the one write path (``services.incident_update_draft``). One open correction per incident.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a second reviewer")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Turned down")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="pending_corrections")
    base_version = models.PositiveIntegerField(_("version corrected"))
    payload = models.JSONField(_("submitted form"))
    note = models.TextField(_("what was corrected"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)

    class Meta(SecondPersonDecision.Meta):
        verbose_name = _("pending correction")
        verbose_name_plural = _("pending corrections")
        constraints = [
            models.UniqueConstraint(fields=["incident"], condition=Q(status="pending"), name="pending_correction_one_open"),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("proposed_by")), name="pending_correction_decider_not_proposer"
            ),
        ]

    def __str__(self):
        return f"{self.incident_id} v{self.base_version} ({self.status})"
