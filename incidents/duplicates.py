"""One incident per event across outlets: existing incidents that are likely the same event as a new one.

ACLED's rule for the same event reported by several outlets: the same day (±1), the same place or one
within 25 km, the same sub-event type, and overlapping actors. Actors count only when both sides name
known actors (an engine draft's actor is often not linked yet): then they must share one.

Bounded queries whatever the number of incidents looked at: one for the candidates (date window and
sub-event types, an index on the dates), one for their actors.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from incidents.models import Incident, IncidentActor

DAYS = 1
RADIUS_KM = 25.0
LIMIT = 5
_CLOSED = (Incident.Status.MERGED, Incident.Status.RETRACTED)


@dataclass
class Event:
    """What is compared: a new draft's fields or an existing incident's."""

    sub_event_type: str
    date_start: dt.date | None
    date_end: dt.date | None = None
    place_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    actor_ids: set[int] = field(default_factory=set)
    pk: int | None = None

    @classmethod
    def from_initial(cls, incident: dict, actors: Iterable[dict] = ()) -> Event:
        """From the incident form's initial data (incidents.drafting.DraftInitial)."""
        return cls(
            sub_event_type=incident.get("sub_event_type") or "",
            date_start=incident.get("date_start"),
            date_end=incident.get("date_end") or incident.get("date_start"),
            place_id=incident.get("place"),
            latitude=incident.get("latitude"),
            longitude=incident.get("longitude"),
            actor_ids={row["entity"] for row in actors if row.get("entity")},
        )

    @classmethod
    def from_incident(cls, incident: Incident, actor_ids: set[int]) -> Event:
        return cls(
            sub_event_type=incident.sub_event_type,
            date_start=incident.date_start,
            date_end=incident.date_end,
            place_id=incident.place_id,
            latitude=incident.latitude,
            longitude=incident.longitude,
            actor_ids=actor_ids,
            pk=incident.pk,
        )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def same_event(a: Event, b: Event) -> bool:
    """ACLED's rule (see the module's docstring)."""
    if not a.sub_event_type or a.sub_event_type != b.sub_event_type or not (a.date_start and b.date_start):
        return False
    window = dt.timedelta(days=DAYS)
    if a.date_start - window > (b.date_end or b.date_start) or b.date_start - window > (a.date_end or a.date_start):
        return False
    same_place = a.place_id is not None and a.place_id == b.place_id
    if not same_place:
        if None in (a.latitude, a.longitude, b.latitude, b.longitude):
            return False
        if distance_km(a.latitude, a.longitude, b.latitude, b.longitude) > RADIUS_KM:
            return False
    return not (a.actor_ids and b.actor_ids) or bool(a.actor_ids & b.actor_ids)


def _candidates(events: list[Event]) -> list[tuple[Incident, Event]]:
    """Open and published incidents in the events' date windows and sub-event types, with their actors (two queries)."""
    dated = [e for e in events if e.sub_event_type and e.date_start]
    if not dated:
        return []
    window = dt.timedelta(days=DAYS)
    lo = min(e.date_start for e in dated) - window
    hi = max(e.date_end or e.date_start for e in dated) + window
    incidents = list(
        Incident.objects.exclude(status__in=_CLOSED)
        .filter(sub_event_type__in={e.sub_event_type for e in dated}, date_start__lte=hi, date_end__gte=lo)
        .filter(Q(place__isnull=False) | Q(latitude__isnull=False))
        .only("pk", "code", "title_ar", "status", "sub_event_type", "date_start", "date_end", "place_id", "latitude", "longitude")
        .order_by("-date_start", "pk")[:500]
    )
    actors: dict[int, set[int]] = {}
    for incident_id, entity_id in IncidentActor.objects.filter(incident__in=[i.pk for i in incidents]).values_list(
        "incident_id", "entity_id"
    ):
        actors.setdefault(incident_id, set()).add(entity_id)
    return [(incident, Event.from_incident(incident, actors.get(incident.pk, set()))) for incident in incidents]


def likely_duplicates(event: Event, *, limit: int = LIMIT) -> list[Incident]:
    """Existing incidents that are likely the same event as a new draft."""
    return [incident for incident, other in _candidates([event]) if other.pk != event.pk and same_event(event, other)][:limit]


def duplicates_by_incident(incidents: list[Incident], *, limit: int = LIMIT) -> dict[int, list[Incident]]:
    """For a list (the review queue): each incident's likely duplicates among all others, in three queries."""
    actors: dict[int, set[int]] = {}
    for incident_id, entity_id in IncidentActor.objects.filter(incident__in=[i.pk for i in incidents]).values_list(
        "incident_id", "entity_id"
    ):
        actors.setdefault(incident_id, set()).add(entity_id)
    events = [Event.from_incident(i, actors.get(i.pk, set())) for i in incidents]
    candidates = _candidates(events)
    found: dict[int, list[Incident]] = {}
    for event in events:
        matches = [incident for incident, other in candidates if other.pk != event.pk and same_event(event, other)]
        if matches:
            found[event.pk] = matches[:limit]
    return found
