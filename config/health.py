"""/healthz for load balancers and monitors: the database answers and its schema is up to date."""

import logging

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

log = logging.getLogger("marsad.health")
_schema_ok = False  # once the migrations are applied they stay applied for this process


def _pending_migrations(connection):
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


@never_cache
def healthz(request):
    """200 {"status": "ok", "database": "ok"}; 503 when the database is down or migrations are pending."""
    global _schema_ok
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means unhealthy
        log.error("healthz database=error error=%s", exc.__class__.__name__)
        return JsonResponse({"status": "error", "database": exc.__class__.__name__}, status=503)
    if not _schema_ok:
        try:
            pending = _pending_migrations(connection)
        except Exception as exc:
            log.error("healthz migrations=error error=%s", exc.__class__.__name__)
            return JsonResponse({"status": "error", "database": "ok", "migrations": exc.__class__.__name__}, status=503)
        if pending:
            return JsonResponse({"status": "error", "database": "ok", "migrations": f"{len(pending)} pending"}, status=503)
        _schema_ok = True
    return JsonResponse({"status": "ok", "database": "ok"})
