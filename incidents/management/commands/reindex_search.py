"""Recompute every incident's search text (after a change to what search_document indexes).

python manage.py reindex_search
"""

from django.core.management.base import BaseCommand

from incidents.models import Incident
from incidents.services import incident_refresh_search


class Command(BaseCommand):
    help = "Recompute the normalised search text of every incident."

    def handle(self, *args, **options):
        count = 0
        for incident in Incident.objects.select_related("place").defer("search_vector").iterator(chunk_size=500):
            incident_refresh_search(incident=incident)
            count += 1
        self.stdout.write(f"reindexed {count} incidents")
