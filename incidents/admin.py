"""The admin is for looking and for fixing typos: the workflow (status, approval, codes) belongs to the desk."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource, PendingCorrection, PendingSource


class ConstraintCheckedForm(forms.ModelForm):
    """Check every database constraint, also those over read-only fields, so that a change the database
    would refuse is shown as a form error instead of failing on save."""

    def validate_constraints(self):
        try:
            self.instance.validate_constraints()
        except ValidationError as error:
            messages = error.messages if not hasattr(error, "error_dict") else [m for ms in error.message_dict.values() for m in ms]
            self.add_error(None, messages)


class IncidentActorInline(admin.TabularInline):
    model = IncidentActor
    form = ConstraintCheckedForm
    extra = 0
    autocomplete_fields = ["entity"]


class CasualtyFigureInline(admin.TabularInline):
    model = CasualtyFigure
    form = ConstraintCheckedForm
    extra = 0
    raw_id_fields = ["article"]


class IncidentSourceInline(admin.TabularInline):
    model = IncidentSource
    form = ConstraintCheckedForm
    extra = 0
    raw_id_fields = ["article"]


@admin.register(Incident)
class IncidentAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title_ar", "sub_event_type", "date_start", "country", "admin1", "fatalities", "status"]
    list_filter = ["status", "country", "event_type", "confidence"]
    search_fields = ["code", "title_ar", "title_en", "place_text"]
    date_hierarchy = "date_start"
    raw_id_fields = ["place"]
    form = ConstraintCheckedForm
    # The workflow's fields: changed only through the desk's two-person review.
    readonly_fields = [
        "code",
        "status",
        "created_by",
        "submitted_by",
        "last_changed_by",
        "approved_by",
        "correction_approved_by",
        "merged_into",
        "published_at",
        "retracted_at",
        "version",
        "created_at",
        "updated_at",
    ]
    inlines = [IncidentActorInline, CasualtyFigureInline, IncidentSourceInline]
    list_select_related = True

    def has_add_permission(self, request):
        return False  # a new incident gets its code and author on the desk (workflow:create)


@admin.register(CasualtyFigure)
class CasualtyFigureAdmin(admin.ModelAdmin):
    form = ConstraintCheckedForm
    list_display = ["incident", "category", "victim_class", "min_count", "max_count", "claimant"]
    list_filter = ["category", "victim_class"]
    raw_id_fields = ["incident", "article"]


@admin.register(IncidentActor)
class IncidentActorAdmin(admin.ModelAdmin):
    form = ConstraintCheckedForm
    list_display = ["incident", "entity", "role", "certainty"]
    raw_id_fields = ["incident", "entity"]


@admin.register(IncidentSource)
class IncidentSourceAdmin(admin.ModelAdmin):
    form = ConstraintCheckedForm
    list_display = ["incident", "article", "quote"]
    raw_id_fields = ["incident", "article"]


@admin.register(PendingSource)
class PendingSourceAdmin(admin.ModelAdmin):
    """Read-only: proposed sources are decided on the desk by a second reviewer."""

    list_display = ["incident", "article", "status", "proposed_by", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["incident", "article", "proposed_by", "decided_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PendingCorrection)
class PendingCorrectionAdmin(admin.ModelAdmin):
    """Read-only: proposed corrections are decided on the desk by a second reviewer."""

    list_display = ["incident", "base_version", "status", "proposed_by", "proposed_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["incident", "proposed_by", "decided_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
