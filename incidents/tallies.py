"""Materialised counts for the stats page: public incidents and killed per (month, country,
governorate, event type), kept exact on every save and delete of an incident.

Each change recounts the one or two keys it touched (the incident's key before and after) from the
incidents themselves, in the same transaction, so a tally never drifts from what a scan would give.
Bulk loads that bypass the ORM (the benchmark's COPY) call `tally_rebuild()` afterwards.
"""

import datetime

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from incidents.models import Incident, PublicTally

_KEY_FIELDS = ("date_start", "country", "admin1", "event_type", "status")
_PUBLIC = {Incident.Status.PUBLISHED, Incident.Status.RETRACTED}


def _key(values):
    """(month, country, admin1, event_type) of a public incident; None when it is not public."""
    date_start, country, admin1, event_type, status = values
    if status not in _PUBLIC or date_start is None or not isinstance(date_start, datetime.date):
        return None
    return (date_start.replace(day=1), country, admin1, event_type)


def _values(instance):
    return tuple(instance.__dict__.get(name) for name in _KEY_FIELDS)


def _recount(key):
    month, country, admin1, event_type = key
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    totals = (
        Incident.objects.public()
        .filter(date_start__gte=month, date_start__lt=following, country=country, admin1=admin1, event_type=event_type)
        .aggregate(incidents=Count("*"), fatalities=Coalesce(Sum("fatalities"), 0))
    )
    lookup = {"month": month, "country": country, "admin1": admin1, "event_type": event_type}
    if totals["incidents"]:
        PublicTally.objects.update_or_create(**lookup, defaults=totals)
    else:
        PublicTally.objects.filter(**lookup).delete()


def tally_rebuild():
    """Recount every tally from the incidents (after a bulk load or a restore)."""
    rows = (
        Incident.objects.public()
        .order_by()
        .annotate(month=TruncMonth("date_start"))
        .values("month", "country", "admin1", "event_type")
        .annotate(incidents=Count("*"), fatalities=Coalesce(Sum("fatalities"), 0))
    )
    with transaction.atomic():
        PublicTally.objects.all().delete()
        PublicTally.objects.bulk_create([PublicTally(**row) for row in rows.iterator(chunk_size=5000)], batch_size=5000)


@receiver(post_init, sender=Incident)
def _remember_key(instance, **kwargs):
    # What the row held when loaded: a save that moves it recounts the key it left too.
    instance._tally_key = _key(_values(instance))


@receiver(post_save, sender=Incident)
def _tally_saved(instance, **kwargs):
    keys = {instance._tally_key, _key(_values(instance))} - {None}
    for key in keys:
        _recount(key)
    instance._tally_key = _key(_values(instance))


@receiver(post_delete, sender=Incident)
def _tally_deleted(instance, **kwargs):
    if instance._tally_key is not None:
        _recount(instance._tally_key)
