"""Find English words a reader sees on a rendered Arabic page: text, and the attributes that are shown
or read aloud (placeholder, title, aria-label, alt, an <input>'s value, an <option>'s text).

Codes (IRQ, ISO dates), format names (CSV, JSON) and brands (ACLED, Leaflet) are allowed by name.
"""

import re
from html.parser import HTMLParser

ALLOWED = frozenset(
    {
        # codes
        "IRQ",
        "SYR",
        "YEM",
        "LBN",
        "JOR",
        "SAU",
        "PSE",
        "TUR",
        "IRN",
        "EGY",
        "LBY",
        "SDN",
        "ISO",
        "ISO3",
        "URL",
        "ID",
        "ar",
        "en",
        "km",
        "GMT",
        "UTC",
        "PER",
        "ORG",
        "LOC",
        "FAC",
        "NORP",
        "DATE",
        "WEAPON",
        # format names
        "CSV",
        "JSON",
        "UTF",
        "BOM",
        "OpenAPI",
        "GeoJSON",
        "Atom",
        "API",
        "RSS",
        "HTML",
        "TSV",
        "CoNLL",
        "Excel",
        "PDF",
        "BIO",
        "IOB",
        # brands and proper names of sources
        "Marsad",
        "ACLED",
        "Leaflet",
        "OpenStreetMap",
        "Natural",
        "Earth",
        "CLDR",
        "Django",
        "English",
    }
)
SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
_CODE = re.compile(r"\b[A-Z]{3}-\d{4}-\d+\b")  # an incident's public code, e.g. IRQ-2026-00012
_ADDRESS = re.compile(r"\S*[/=]\S*|(?<!\w)\.[a-z]+\b")  # addresses, paths and query strings (?country=IRQ) are codes
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z]+)*")


_HIDDEN = ("script", "style", "template", "code", "kbd", "samp")
_VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr")


class _Text(HTMLParser):
    """Shown text and attributes, skipping code and what is marked English data (lang="en": the English
    title field, an entity's English name)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []
        self._open = []  # (tag, skips) of the open elements

    def _skipping(self):
        return any(skips for _tag, skips in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        english = (attrs.get("lang") or "").startswith("en")
        if tag not in _VOID:
            self._open.append((tag, tag in _HIDDEN or english))
        if self._skipping() or english:
            return
        for name in SHOWN_ATTRIBUTES:
            if attrs.get(name):
                self.chunks.append((f"<{tag} {name}>", attrs[name]))
        if tag == "input" and attrs.get("type", "text") in ("submit", "button", "text", "search") and attrs.get("value"):
            self.chunks.append((f"<{tag} value>", attrs["value"]))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.chunks.append(("text", data))


def english_words(html):
    """[(where, word, context)] for every English word shown that is not allowed."""
    parser = _Text()
    parser.feed(html)
    found = []
    for where, text in parser.chunks:
        for match in _WORD.finditer(_CODE.sub(" ", _ADDRESS.sub(" ", text))):
            word = match.group()
            if word in ALLOWED or len(word) == 1:  # a single letter is a keyboard key
                continue
            found.append((where, word, text.strip()[:80]))
    return found


def space_before_arabic_punctuation(html):
    """Shown text where a space comes before «،» «؛» «؟» (Arabic sets them right after the word)."""
    parser = _Text()
    parser.feed(html)
    text = "".join(chunk for where, chunk in parser.chunks if where == "text")
    return [text[max(0, m.start() - 30) : m.end() + 10] for m in re.finditer(r"\s+[،؛؟]", text)]
