"""The language switch as plain links: shareable, and no CSRF token on public pages (so they can be cached)."""

from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page's address in another language (/ar/… ↔ /en/…), query string kept."""
    request = context["request"]
    url = translate_url(request.path, language)
    if url == request.path:  # a path translate_url cannot map: swap the prefix by hand
        parts = request.path.split("/", 2)
        url = f"/{language}/{parts[2] if len(parts) > 2 else ''}"
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url
