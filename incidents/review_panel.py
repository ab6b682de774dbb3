"""The incidents panel on annotation's review screen: the incidents the article supports, and the buttons
that draft a new one from it or attach it to an existing one. Registered in IncidentsConfig.ready()."""

from annotation.review_panels import ReviewPanel
from incidents.models import IncidentSource


def article_incident_sources(*, article):
    """The incidents an article supports, oldest link first (one query)."""
    return list(IncidentSource.objects.filter(article=article).select_related("incident").order_by("added_at"))


def incidents_panel(*, article):
    return ReviewPanel(
        actions_template="incidents/editor/_review_actions.html",
        template="incidents/editor/_review_incidents.html",
        context={"article": article, "incident_sources": article_incident_sources(article=article)},
    )
