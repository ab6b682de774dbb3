"""Normalised search text for incidents (Arabic matching as readers type it)."""

import re

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = re.compile("[أإآٱ]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NON_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def normalize_arabic(text):
    """Fold the spelling variants readers mix up: alef forms, ya/alef maqsura, ta marbuta, diacritics, tatweel."""
    t = _DIACRITICS.sub("", text or "").translate(_DIGITS)
    t = _ALEF.sub("ا", t).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    t = _NON_WORD.sub(" ", t)
    return " ".join(t.lower().split())


def search_document(incident):
    parts = [
        incident.code,
        incident.title_ar,
        incident.title_en,
        incident.summary_ar,
        incident.summary_en,
        incident.place_text,
        incident.admin1,
        incident.date_text,
    ]
    return normalize_arabic(" ".join(p for p in parts if p))
