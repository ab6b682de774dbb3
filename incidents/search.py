"""Arabic-aware search for incidents: normalised text, clitic-stripped query words, a QuerySet filter.

Texts are folded once when an incident is saved (``search_document``) and queries are folded the
same way, so both sides meet in the same spelling. PostgreSQL matches with full-text search
('simple' configuration: the text is already normalised, Arabic stemming would only hurt names)
plus a trigram fallback for typos; SQLite falls back to substring matching over the same column.
"""

import re

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from annotation.nlp.normalize import norm

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
    if not _is_arabic(word):
        return [word]
    forms = [word]
    stem = word
    if stem[:1] in _CONJUNCTIONS and len(stem) - 1 >= _MIN_STEM + 1:
        stem = stem[1:]
        forms.append(stem)
    # A preposition is only stripped before the article: بالموصل → الموصل, but بغداد stays whole.
    if stem[:1] in _PREPOSITIONS and len(stem) - 3 >= _MIN_STEM:
        if stem.startswith("لل"):  # ل + the article with its alef dropped: للموصل = ل + الموصل
            forms += ["ال" + stem[2:], stem[2:]]
            return list(dict.fromkeys(forms))
        if stem[1:3] == "ال":
            stem = stem[1:]
            forms.append(stem)
    if stem.startswith("ال") and len(stem) - 2 >= _MIN_STEM:
        forms.append(stem[2:])
    return list(dict.fromkeys(forms))


def query_words(query):
    """Normalised query words, each with its clitic-stripped variants (at most eight words)."""
    return [word_variants(w) for w in normalize_arabic(query).split()[:_MAX_QUERY_WORDS]]


def _document_words(text):
    """The normalised words plus their stripped forms, so that a stored "وبغداد" is found by "بغداد"."""
    words = text.split()
    extra = []
    seen = set(words)
    for word in words:
        for form in word_variants(word)[1:]:
            if form not in seen:
                seen.add(form)
                extra.append(form)
    return " ".join([*words, *extra])


def search_document(incident):
    """The normalised text an incident is found by: code, titles, summaries, places, actors."""
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
        parts += [place.name_ar, place.name_en]
    if incident.pk:
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
        # search_vector is a stored generated column that only PostgreSQL has (migration 0005).
        table = queryset.model._meta.db_table
        match = RawSQL(f'"{table}"."search_vector" @@ to_tsquery(\'simple\'::regconfig, %s)', [raw], output_field=BooleanField())  # noqa: S611 — table name from the model, query bound
        return queryset.filter(match)
    condition = Q()
    for forms in words:
        any_form = Q()
        for form in forms:
            any_form |= Q(search_text__contains=form)
        condition &= any_form
    return queryset.filter(condition)
