from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from annotation.models import Article


@login_required
@permission_required("annotation.view_article", raise_exception=True)
def dashboard(request):
    articles = Article.objects.for_review().select_related("source")[:50]
    return render(request, "annotation/dashboard.html", {"articles": articles})
