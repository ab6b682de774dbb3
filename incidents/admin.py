from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource


class IncidentActorInline(admin.TabularInline):
    model = IncidentActor
    extra = 0
    autocomplete_fields = ["entity"]


class CasualtyFigureInline(admin.TabularInline):
    model = CasualtyFigure
    extra = 0
    raw_id_fields = ["article"]


class IncidentSourceInline(admin.TabularInline):
    model = IncidentSource
    extra = 0
    raw_id_fields = ["article"]


@admin.register(Incident)
class IncidentAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title_ar", "sub_event_type", "date_start", "country", "admin1", "fatalities", "status"]
    list_filter = ["status", "country", "event_type", "confidence"]
    search_fields = ["code", "title_ar", "title_en", "place_text"]
    date_hierarchy = "date_start"
    raw_id_fields = ["place", "merged_into"]
    readonly_fields = ["code", "created_by", "approved_by", "published_at", "version", "created_at", "updated_at"]
    inlines = [IncidentActorInline, CasualtyFigureInline, IncidentSourceInline]
    list_select_related = True


@admin.register(CasualtyFigure)
class CasualtyFigureAdmin(admin.ModelAdmin):
    list_display = ["incident", "category", "victim_class", "min_count", "max_count", "claimant"]
    list_filter = ["category", "victim_class"]
    raw_id_fields = ["incident", "article"]


@admin.register(IncidentActor)
class IncidentActorAdmin(admin.ModelAdmin):
    list_display = ["incident", "entity", "role", "certainty"]
    raw_id_fields = ["incident", "entity"]


@admin.register(IncidentSource)
class IncidentSourceAdmin(admin.ModelAdmin):
    list_display = ["incident", "article", "quote"]
    raw_id_fields = ["incident", "article"]
