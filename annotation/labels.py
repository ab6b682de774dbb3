"""Entity labels shared by the models and forms (the engine defines the same set in annotation.nlp)."""

from django.utils.translation import gettext_lazy as _

LABEL_CHOICES = [
    ("PER", _("Person")),
    ("ORG", _("Organisation / armed group")),
    ("LOC", _("Place")),
    ("FAC", _("Facility")),
    ("NORP", _("Nationality / religious or ethnic group")),
    ("DATE", _("Date")),
    ("WEAPON", _("Weapon")),
]
LABELS = [code for code, _label in LABEL_CHOICES]
