from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from incidents.models import Incident


def incident_list(request):
    incidents = Incident.objects.public().select_related("place")
    page = Paginator(incidents, 25).get_page(request.GET.get("page"))
    return render(request, "incidents/list.html", {"page": page})


def incident_detail(request, code):
    incident = get_object_or_404(Incident.objects.public(), code=code)
    return render(request, "incidents/detail.html", {"incident": incident})
