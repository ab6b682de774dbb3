"""Keyset (seek) pagination: a page read from a position in the list's order, not from an offset.

A position is the ordering values of a row (its date and id for newest-first), written into the URL
as an opaque cursor. The rows after it are `(date_start, id) < (d, i)` in the order of the list's
index, so the database starts its index scan there: page 10,000 costs what page 1 does, and every
row stays reachable past the count the list shows. The API (`?after=`) and the list page
(`?after=`, `?before=`) read through here.
"""

import base64
import binascii
import datetime
import json

from django.db.models import Q

# How each ordering field of the public list is read back from a cursor.
_TYPES = {
    "date_start": datetime.date.fromisoformat,
    "id": int,
    "fatalities": int,
    "updated_at": datetime.datetime.fromisoformat,
}


class BadCursor(Exception):
    """A cursor this site did not write, or written for another order."""


def ordering_of(queryset):
    return list(queryset.query.order_by)


def encode(ordering, values):
    """The position of a row whose ordering values are `values`, as an opaque URL-safe text."""
    text = json.dumps([ordering, *(value if isinstance(value, int) else value.isoformat() for value in values)])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(ordering, cursor):
    """The ordering values a cursor holds (BadCursor if it was not written for this ordering)."""
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if decoded[0] != ordering or len(decoded) != len(ordering) + 1:
            raise BadCursor
        return [_TYPES[name.lstrip("-")](value) for name, value in zip(ordering, decoded[1:], strict=True)]
    except (ValueError, TypeError, KeyError, IndexError, binascii.Error, AttributeError) as error:
        raise BadCursor from error


def after(queryset, values):
    """The rows of `queryset` after the position `values`, in its order."""
    ordering = ordering_of(queryset)
    later = Q()
    for i, (name, value) in enumerate(zip(ordering, values, strict=True)):
        step = Q(**{f"{name.lstrip('-')}__{'lt' if name.startswith('-') else 'gt'}": value})
        for earlier, earlier_value in zip(ordering[:i], values[:i], strict=True):
            step &= Q(**{earlier.lstrip("-"): earlier_value})
        later |= step
    first = ordering[0]
    # The first field's bound on its own too, so that the index scan starts there.
    bound = Q(**{f"{first.lstrip('-')}__{'lte' if first.startswith('-') else 'gte'}": values[0]})
    return queryset.filter(bound & later)


def before(queryset, values):
    """The rows of `queryset` before the position `values`, nearest first (the reverse order: the
    index is walked backwards from the position; reverse the page read to show it)."""
    flipped = [name[1:] if name.startswith("-") else f"-{name}" for name in ordering_of(queryset)]
    return after(queryset.order_by(*flipped), values)
