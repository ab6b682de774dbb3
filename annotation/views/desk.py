"""The editors' desk home: what waits for me."""

from django.apps import apps
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from annotation import selectors


@login_required
@permission_required("annotation.view_article", raise_exception=True)
def dashboard(request):
    incident_model = apps.get_model("incidents", "Incident")
    mine = incident_model.objects.filter(created_by=request.user).order_by("-updated_at")
    drafts = list(mine.filter(status=incident_model.Status.DRAFT, review_comment="")[:20])
    sent_back = list(mine.filter(status=incident_model.Status.DRAFT).exclude(review_comment="")[:20])
    waiting = list(mine.filter(status=incident_model.Status.IN_REVIEW)[:20])
    is_reviewer = request.user.has_perm("incidents.approve_incident")
    context = {
        "articles": selectors.desk_articles(),
        "article_counts": selectors.desk_counts(),
        "drafts": drafts,
        "sent_back": sent_back,
        "waiting": waiting,
        "queue_count": incident_model.objects.awaiting_review().count() if is_reviewer else None,
    }
    return render(request, "annotation/dashboard.html", context)
