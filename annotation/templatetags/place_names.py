"""Governorates and countries stored in English or as ISO3 codes, shown in the reader's language."""

from django import template

from annotation import areas

register = template.Library()


@register.filter
def country_label(code):
    return areas.country_label(code)


@register.filter
def governorate_label(name):
    return areas.governorate_label(name)
