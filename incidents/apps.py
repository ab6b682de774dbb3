from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "incidents"
    verbose_name = _("Incidents")

    def ready(self):
        from annotation.review_panels import review_panel_register
        from incidents import (
            stored_rows,  # noqa: F401 — connects the signals that keep the exports' stored rows current
            tallies,  # noqa: F401 — connects the signals that keep the stats tallies exact
        )
        from incidents.review_panel import incidents_panel

        review_panel_register(incidents_panel)
