"""Governorates and countries in the reader's language. Incidents and places store them as ACLED does —
the governorate's English name ("Nineveh"), the country's ISO3 code or English name — and show them in
Arabic from the engine's gazetteer (annotation/nlp/data: places.tsv, countries.tsv, cldr_countries.tsv)."""

import re
from functools import cache

from django.utils.translation import get_language

from annotation.nlp.gazetteer import country_names, load_places
from annotation.nlp.normalize import norm

# Other English spellings of governorates (sources and ACLED over the years), by folded key.
_ENGLISH_SPELLINGS = {
    "nineveh": "ninewa",
    "ninawa": "ninewa",
    "saladin": "salahdin",
    "salahuddin": "salahdin",
    "thiqar": "dhiqar",
    "babylon": "babil",
    "dohuk": "duhok",
    "dahuk": "duhok",
    "sulaimaniya": "sulaymaniyah",
    "qadisiyyah": "qadisiyah",
    "diwaniyah": "qadisiyah",
    "hudaydah": "hodeidah",
    "dayrazzawr": "deirezzor",
    "dara": "daraa",
    "suwaida": "suwayda",
    "sadah": "saada",
    "taizz": "taiz",
    "marib": "marib",
}
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ar|az|ash)[- ]")


def english_key(name):
    """An English place name folded for comparison: "Al Hudaydah" → "hudaydah", "Salah al-Din" → "salahdin"."""
    words = [_ARTICLE.sub("", w) for w in (name or "").casefold().split()]
    key = re.sub(r"[^a-z0-9]", "", "".join(re.sub(r"-(?:al|ad|ed|ud|el|ez|az)-", "", w) for w in words))
    key = re.sub(r"(?:al|ad|ud|ed)din$", "din", key)
    return _ENGLISH_SPELLINGS.get(key, key)


@cache
def _governorates_ar():
    names = {}
    for place in load_places():
        if place.kind == "governorate":
            names.setdefault(english_key(place.name_en), place.name_ar)
    return names


def _arabic():
    return (get_language() or "en").startswith("ar")


def governorate_label(name):
    """A governorate stored in English, in the reader's language (unknown ones as stored)."""
    if not name or not _arabic():
        return name or ""
    return _governorates_ar().get(english_key(name), name)


@cache
def _governorates_en():
    names = {}
    for place in load_places():
        if place.kind == "governorate":
            for spelling in (place.name_ar, *place.aliases):
                names.setdefault(norm(spelling), place.name_en)
    return names


def governorate_stored(name):
    """A governorate as incidents store it (ACLED's English name) from what an editor typed: «نينوى» →
    "Ninewa"; English or unknown names are kept as typed."""
    name = (name or "").strip()
    return _governorates_en().get(norm(name), name) if name else ""


def country_label(code):
    """A country by ISO3 code (or English name, as places store it), in the reader's language."""
    code = _iso3_by_english().get(code, code) or ""
    if _arabic():
        return _countries_ar().get(code, code)
    return country_names().get(code, code)


@cache
def _countries_ar():
    names = {}
    for place in load_places():  # the curated Arabic name first, then CLDR's
        if place.kind == "country":
            names.setdefault(place.country_iso3, place.name_ar)
    return names


@cache
def _iso3_by_english():
    return {name: iso3 for iso3, name in country_names().items()}
