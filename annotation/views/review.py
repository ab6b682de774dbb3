"""The review screen: an article's text with the engine's suggestions, and the editor's decisions."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, render

from annotation.models import Article


@login_required
@permission_required("annotation.change_mention", raise_exception=True)
def review(request, pk):
    article = get_object_or_404(Article, pk=pk)
    return render(request, "annotation/review/page.html", {"article": article})
