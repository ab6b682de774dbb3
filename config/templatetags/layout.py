"""The site's header and footer, rendered once per language for anonymous readers.

Every public page carries them; through `{% include %}` their links, translations and tags cost
about a millisecond of each request's CPU. For an anonymous reader they differ only by language
(and the language switch's address, filled in per request), so each is rendered once per process
and language and reused; an editor's header (desk links, log-out form) is rendered each time.
"""

from django import template
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from config.templatetags.i18n_links import url_in_language

register = template.Library()

# Stands for the language switch's address in a stored header; escaped text never holds "<".
_SWITCH_MARK = mark_safe("<\x01language-switch>")
_rendered = {}  # (template name, language, script prefix) → HTML


@register.simple_tag(takes_context=True)
def site_header(context):
    """includes/header.html, its language switch pointing at this page in the other language."""
    switch = url_in_language(context, "en" if get_language() == "ar" else "ar")
    user = context.get("user")
    if context.get("is_editor") or (user is not None and user.is_authenticated):
        return _render(context, "includes/header.html", language_switch_url=switch)
    return mark_safe(_once(context, "includes/header.html", language_switch_url=_SWITCH_MARK).replace(_SWITCH_MARK, escape(switch)))  # noqa: S308 — escaped


@register.simple_tag(takes_context=True)
def site_footer(context):
    """includes/footer.html (the same for every reader of a language)."""
    return _once(context, "includes/footer.html")


def _once(context, name, **values):
    key = (name, get_language(), get_script_prefix())
    html = _rendered.get(key)
    if html is None:
        html = _rendered[key] = _render(context, name, **values)
    return html


def _render(context, name, **values):
    with context.push(**values):
        return context.template.engine.get_template(name).render(context)
