"""The exports' rows of each public incident, stored once per incident version (ExportRow).

One write path: whenever an incident is saved, its row is rebuilt once the transaction commits (a
draft, merged or deleted incident loses it). Changes that do not save the incident (its actors,
casualty figures or sources; the name of an actor, outlet or place it cites) delete the rows they
touch, so those incidents are built on the fly by the exports until their next save or
`manage.py export_rows`. A stored row is used only when its version is the incident's: a row that
missed a change is never served.
Bulk loads that bypass the ORM (the benchmark's COPY) call `export_rows_rebuild()` afterwards.
The same changes delete the incident's stored pages (incidents.stored_pages), rendered again on their
next view; a governorate's name is on every page of its incidents, so renaming one deletes them all.
"""

from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from annotation.models import Article, Entity, Source
from incidents import exports
from incidents.models import CasualtyFigure, ExportRow, Incident, IncidentActor, IncidentSource
from incidents.stored_pages import forget_all_pages, forget_pages

REBUILD_CHUNK = 2000


def export_rows_refresh(ids):
    """Build and store the rows of these incidents as they are now; non-public ones lose theirs."""
    ids = list(ids)
    public = dict(Incident.objects.public().filter(pk__in=ids).values_list("pk", "version"))
    ExportRow.objects.filter(incident_id__in=[pk for pk in ids if pk not in public]).delete()
    if not public:
        return 0
    texts = exports.stored_texts(list(public))
    rows = [(pk, public[pk], csv, record, geometry) for pk, (csv, record, geometry) in texts.items()]
    # Row by row parameters: bulk_create's arrays of long texts cost ≈ 1.5 ms a row to quote.
    with connection.cursor() as cursor:
        cursor.executemany(_UPSERT, rows)
    return len(rows)


_UPSERT = (
    f"INSERT INTO {ExportRow._meta.db_table} (incident_id, version, csv, record, geometry) VALUES (%s, %s, %s, %s, %s) "  # noqa: S608
    "ON CONFLICT (incident_id) DO UPDATE SET version = excluded.version, csv = excluded.csv, record = excluded.record, "
    "geometry = excluded.geometry"
)


def export_rows_rebuild(*, only_missing=False, progress=None):
    """(Re)build the stored rows of every public incident, chunk by chunk (after a bulk load or a restore)."""
    # In the exports' default order (newest first), so that their reads of the stored rows go
    # through the table in the order it was written.
    public = Incident.objects.public().order_by("-date_start", "-id")
    if only_missing:
        public = public.exclude(export_row__version=F("version"))
    ids = list(public.values_list("pk", flat=True))
    if not only_missing:
        ExportRow.objects.exclude(incident__in=Incident.objects.public()).delete()
    done = 0
    for start in range(0, len(ids), REBUILD_CHUNK):
        with transaction.atomic():
            done += export_rows_refresh(ids[start : start + REBUILD_CHUNK])
        if progress:
            progress(done, len(ids))
    return done


@receiver(post_save, sender=Incident)
def _incident_saved(instance, **kwargs):
    """Rebuild the row once the transaction has committed (its actors, figures and sources are then
    final). Should that fail, the row stays missing and the exports build it: robust=True logs it."""
    if kwargs.get("using", "default") != "default":  # a restore into another database: `manage.py export_rows` there
        return
    pk = instance.pk
    forget_pages([pk])
    # Once more after the commit: a reader may have stored the page from the state before it.
    transaction.on_commit(lambda: forget_pages([pk]), robust=True)
    transaction.on_commit(lambda: export_rows_refresh([pk]), robust=True)


def _forget(incident_ids):
    ExportRow.objects.filter(incident_id__in=incident_ids).delete()
    forget_pages(incident_ids)


@receiver(post_save, sender=IncidentActor)
@receiver(post_delete, sender=IncidentActor)
@receiver(post_save, sender=CasualtyFigure)
@receiver(post_delete, sender=CasualtyFigure)
@receiver(post_save, sender=IncidentSource)
@receiver(post_delete, sender=IncidentSource)
def _detail_changed(instance, **kwargs):
    _forget([instance.incident_id])


@receiver(post_save, sender=Entity)
def _entity_renamed(instance, created, **kwargs):
    """An actor or a place (both entities) changed: the rows that name it are rebuilt later."""
    if instance.geo_kind == Entity.GeoKind.GOVERNORATE:
        forget_all_pages()  # pages show governorates by their names in the gazetteer's entities
    if not created:
        _forget(IncidentActor.objects.filter(entity_id=instance.pk).values("incident_id"))
        _forget(Incident.objects.filter(place_id=instance.pk).values("pk"))


@receiver(post_save, sender=Source)
def _outlet_renamed(instance, created, **kwargs):
    if not created:
        _forget(IncidentSource.objects.filter(article__source_id=instance.pk).values("incident_id"))


@receiver(post_save, sender=Article)
def _article_changed(instance, created, **kwargs):
    if not created:
        _forget(IncidentSource.objects.filter(article_id=instance.pk).values("incident_id"))
