"""ACLED's event taxonomy (event types, sub-event types, disorder types) and the other vocabularies."""

from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

EVENT_TYPES = {
    "Battles": ("Political violence", ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"]),
    "Explosions/Remote violence": (
        "Political violence",
        [
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ],
    ),
    "Violence against civilians": ("Political violence", ["Sexual violence", "Attack", "Abduction/forced disappearance"]),
    "Protests": ("Demonstrations", ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]),
    "Riots": ("Demonstrations", ["Violent demonstration", "Mob violence"]),
    "Strategic developments": (
        "Strategic developments",
        [
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ],
    ),
}

EVENT_TYPE_LABELS = {
    "Battles": _("Battles"),
    "Explosions/Remote violence": _("Explosions/Remote violence"),
    "Violence against civilians": _("Violence against civilians"),
    "Protests": _("Protests"),
    "Riots": _("Riots"),
    "Strategic developments": _("Strategic developments"),
}

SUB_EVENT_LABELS = {
    "Armed clash": _("Armed clash"),
    "Government regains territory": _("Government regains territory"),
    "Non-state actor overtakes territory": _("Non-state actor overtakes territory"),
    "Chemical weapon": _("Chemical weapon"),
    "Air/drone strike": _("Air/drone strike"),
    "Suicide bomb": _("Suicide bomb"),
    "Shelling/artillery/missile attack": _("Shelling/artillery/missile attack"),
    "Remote explosive/landmine/IED": _("Remote explosive/landmine/IED"),
    "Grenade": _("Grenade"),
    "Sexual violence": _("Sexual violence"),
    "Attack": _("Attack"),
    "Abduction/forced disappearance": _("Abduction/forced disappearance"),
    "Peaceful protest": _("Peaceful protest"),
    "Protest with intervention": _("Protest with intervention"),
    "Excessive force against protesters": _("Excessive force against protesters"),
    "Violent demonstration": _("Violent demonstration"),
    "Mob violence": _("Mob violence"),
    "Agreement": _("Agreement"),
    "Arrests": _("Arrests"),
    "Change to group/activity": _("Change to group/activity"),
    "Disrupted weapons use": _("Disrupted weapons use"),
    "Headquarters or base established": _("Headquarters or base established"),
    "Looting/property destruction": _("Looting/property destruction"),
    "Non-violent transfer of territory": _("Non-violent transfer of territory"),
    "Other": _("Other"),
}

EVENT_TYPE_CHOICES = [(k, EVENT_TYPE_LABELS[k]) for k in EVENT_TYPES]
SUB_EVENT_TYPE_CHOICES = [
    (EVENT_TYPE_LABELS[event], [(sub, SUB_EVENT_LABELS[sub]) for sub in subs]) for event, (_d, subs) in EVENT_TYPES.items()
]
SUB_EVENT_TO_EVENT = {sub: event for event, (_d, subs) in EVENT_TYPES.items() for sub in subs}


def disorder_type(event_type):
    return EVENT_TYPES.get(event_type, ("", []))[0]


# ACLED interaction codes by actor type.
INTER_CODES = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}

COUNTRIES = {
    # ISO3: (English, Arabic, region as ACLED names it, numeric ISO)
    "IRQ": ("Iraq", "العراق", "Middle East", 368),
    "SYR": ("Syria", "سوريا", "Middle East", 760),
    "YEM": ("Yemen", "اليمن", "Middle East", 887),
    "LBN": ("Lebanon", "لبنان", "Middle East", 422),
    "JOR": ("Jordan", "الأردن", "Middle East", 400),
    "SAU": ("Saudi Arabia", "السعودية", "Middle East", 682),
    "PSE": ("Palestine", "فلسطين", "Middle East", 275),
    "TUR": ("Turkey", "تركيا", "Middle East", 792),
    "IRN": ("Iran", "إيران", "Middle East", 364),
    "EGY": ("Egypt", "مصر", "Northern Africa", 818),
    "LBY": ("Libya", "ليبيا", "Northern Africa", 434),
    "SDN": ("Sudan", "السودان", "Northern Africa", 729),
}


def _country_label(code):
    """The country's name in the active language (English outside a request, e.g. in migrations)."""
    english, arabic = COUNTRIES[code][:2]
    return arabic if (get_language() or "en").startswith("ar") else english


COUNTRY_CHOICES = [(code, lazy(_country_label, str)(code)) for code in COUNTRIES]
ISO3_BY_NAME = {names[0]: code for code, names in COUNTRIES.items()}
