"""Arabic-aware search for incidents: normalised text, clitic-stripped query words, a QuerySet filter.

Texts are folded once when an incident is saved (``search_document``) and queries are folded the
same way, so both sides meet in the same spelling. PostgreSQL matches with full-text search
('simple' configuration: the text is already normalised, Arabic stemming would only hurt names)
over the stored ``Incident.search_vector`` plus a trigram fallback for typos (both indexes declared
in the model's Meta); SQLite falls back to substring matching over ``search_text``.
"""

import re
from functools import cache, lru_cache

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q

from annotation.areas import english_key
from annotation.models import Entity
from annotation.nlp.gazetteer import load_places
from annotation.nlp.normalize import norm
from incidents.models import Incident
from incidents.taxonomy import COUNTRIES

_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)

# Proclitics readers glue to a word: conjunctions و ف, prepositions ب ل ك, then the article ال.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_MIN_STEM = 2
_MAX_QUERY_WORDS = 8


def normalize_arabic(text):
    """Fold the spelling variants readers mix up: alef forms, ya/alef maqsura, ta marbuta, diacritics, tatweel."""
    t = _NON_WORD.sub(" ", norm(text or ""))  # the engine's normalisation, then words only
    return " ".join(t.lower().split())


def _is_arabic(word):
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def word_variants(word):
    """The word and its forms without proclitics (وبغداد → بغداد, والانبار → انبار, للموصل → موصل).

    Longest form first; every form keeps at least two letters so that short words are not eaten.
    """
    return list(_variants(word))


@lru_cache(maxsize=65536)  # a newsroom's vocabulary: every save and every query meets the same words
def _variants(word):
    if not _is_arabic(word):
        return (word,)
    forms = [word]
    stem = word
    if stem[:1] in _CONJUNCTIONS and len(stem) - 1 >= _MIN_STEM + 1:
        stem = stem[1:]
        forms.append(stem)
    # A preposition is only stripped before the article: بالموصل → الموصل, but بغداد stays whole.
    if stem[:1] in _PREPOSITIONS and len(stem) - 3 >= _MIN_STEM:
        if stem.startswith("لل"):  # ل + the article with its alef dropped: للموصل = ل + الموصل
            forms += ["ال" + stem[2:], stem[2:]]
            return tuple(dict.fromkeys(forms))
        if stem[1:3] == "ال":
            stem = stem[1:]
            forms.append(stem)
    if stem.startswith("ال") and len(stem) - 2 >= _MIN_STEM:
        forms.append(stem[2:])
    return tuple(dict.fromkeys(forms))


def query_words(query):
    """Normalised query words, each with its clitic-stripped variants (at most eight words)."""
    return [word_variants(w) for w in normalize_arabic(query).split()[:_MAX_QUERY_WORDS]]


def _document_words(text):
    """The normalised words plus their stripped forms, so that a stored "وبغداد" is found by "بغداد"."""
    words = text.split()
    extra = []
    seen = set(words)
    for word in words:
        for form in _variants(word)[1:]:
            if form not in seen:
                seen.add(form)
                extra.append(form)
    return " ".join([*words, *extra])


@cache
def _gazetteer_area_names():
    """{(iso3, folded English governorate or "" for the country): Arabic spellings} from the engine's gazetteer."""
    names = {}
    for place in load_places():
        if place.kind == "governorate":
            key = (place.country_iso3, english_key(place.name_en))
        elif place.kind == "country":
            key = (place.country_iso3, "")
        else:
            continue
        names.setdefault(key, []).extend([place.name_ar, *place.aliases])
    return names


def area_names(country, admin1):
    """The Arabic names of an incident's governorate and country, stored in English as ACLED does
    (admin1 "Kirkuk", country "IRQ"): the gazetteer's spellings, the taxonomy's country name and the
    knowledge base's governorate entities with their aliases (one small query)."""
    gazetteer = _gazetteer_area_names()
    names = [*gazetteer.get((country, ""), ())]
    if country in COUNTRIES:
        names += COUNTRIES[country][:2]  # English and Arabic
    if admin1:
        names += gazetteer.get((country, english_key(admin1)), ())
        for name_ar, aliases in Entity.objects.filter(type="LOC", geo_kind=Entity.GeoKind.GOVERNORATE, name_en__iexact=admin1).values_list(
            "name_ar", "aliases"
        ):
            names += [name_ar, *aliases]
    return names


def merged_codes(incident):
    """The codes of the incidents merged into this one, and of those merged into them: a reader who
    kept an old code finds the incident that survived it."""
    codes, frontier = [], [incident.pk]
    while frontier:
        found = list(Incident.objects.filter(merged_into__in=frontier).values_list("pk", "code"))
        codes += [code for _pk, code in found]
        frontier = [pk for pk, _code in found]
    return codes


def search_document(incident):
    """The normalised text an incident is found by: code (and the codes merged into it), titles,
    summaries, places (with the Arabic names of its governorate and country), actors."""
    parts = [
        incident.code,
        incident.title_ar,
        incident.title_en,
        incident.summary_ar,
        incident.summary_en,
        incident.place_text,
        incident.admin1,
        incident.admin2,
        incident.date_text,
    ]
    place = incident.place if incident.place_id else None
    if place is not None:
        parts += [place.name_ar, place.name_en, *place.aliases]
    # Governorate and country in Arabic, so that «كركوك» finds what "Kirkuk" finds.
    parts += area_names(incident.country, incident.admin1)
    if incident.pk:
        parts += merged_codes(incident)
        # One small query: actor names, so that searching a group's name finds its incidents.
        for name_ar, name_en in incident.actors.values_list("entity__name_ar", "entity__name_en"):
            parts += [name_ar, name_en]
    return _document_words(normalize_arabic(" ".join(p for p in parts if p)))


def _tsquery_term(form):
    # Only word characters survive normalisation, so no tsquery operator can be smuggled in.
    return f"{form}:*"


def search_filter(queryset, query, *, fuzzy=False):
    """Filter an incident QuerySet by a reader's query; the queryset unchanged for an empty one.

    fuzzy=True matches by trigram word similarity instead (PostgreSQL): the list page retries
    that way when the words as typed found nothing (a misspelling: الموصول → الموصل).
    """
    words = query_words(query)
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        if fuzzy:
            return queryset.filter(search_text__trigram_word_similar=" ".join(forms[0] for forms in words))
        raw = " & ".join("(" + " | ".join(_tsquery_term(f) for f in forms) + ")" for forms in words)
        # Incident.search_vector: to_tsvector('simple', search_text), stored, with its GIN index.
        return queryset.filter(search_vector=SearchQuery(raw, search_type="raw", config="simple"))
    condition = Q()
    for forms in words:
        any_form = Q()
        for form in forms:
            any_form |= Q(search_text__contains=form)
        condition &= any_form
    return queryset.filter(condition)
