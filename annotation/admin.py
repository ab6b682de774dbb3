from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from annotation.models import Article, Entity, ImportBatch, Mention, Source

# An address typed without a scheme is read as https (Django 6's default; 5.2 still warns and assumes http).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "domain", "country", "language"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["__str__", "source", "published_at", "status", "tagging_status", "created_at"]
    list_filter = ["status", "tagging_status", "source"]
    search_fields = ["title", "url"]
    raw_id_fields = ["imported_by", "import_batch"]
    readonly_fields = ["content_hash", "version", "created_at", "updated_at"]


@admin.register(Entity)
class EntityAdmin(SimpleHistoryAdmin):
    list_display = ["name_ar", "name_en", "type", "country", "admin1", "actor_type"]
    list_filter = ["type", "country_iso3", "actor_type"]
    search_fields = ["name_ar", "name_en"]
    raw_id_fields = ["merged_into"]


@admin.register(Mention)
class MentionAdmin(SimpleHistoryAdmin):
    list_display = ["text", "label", "status", "origin", "confidence", "article"]
    list_filter = ["label", "status", "origin"]
    search_fields = ["text"]
    raw_id_fields = ["article", "entity", "decided_by"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["created_at", "filename", "kind", "total", "tagged"]
