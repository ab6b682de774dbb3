"""Names vulture cannot see being used: Django and its add-ons reach them by name, templates read them,
or migrations (not scanned) import them. `make lint` passes this file to vulture with the code; names
that Django looks up on every class (Meta, handle, list_display, …) are in pyproject.toml instead.

Each line "uses" a name. Add a line only with the reason beside it; dead code is deleted, not listed.
"""

# ruff: noqa: B018, F821

# App configs, URL handlers, logging and storage classes named in settings or urls by dotted path
AnnotationConfig
IncidentsConfig
page_not_found  # config.errors, handler404 in config/urls.py
server_error  # config.errors, handler500
handler404
handler500
JsonFormatter  # LOGGING in config/settings.py
OwnNotFoundPageMiddleware  # MIDDLEWARE in config/settings.py
StaticStorage  # STORAGES in config/settings.py
preload_app  # config/gunicorn.py: gunicorn reads its settings and hooks by name
pre_fork
ROLE_PERMISSIONS  # incidents.roles, read by the roles migration

# Model fields and choices read by templates, forms, admin, exports or the database only
INJURED  # CasualtyFigure.Category members: stored values, offered through .choices
ABDUCTED
ARRESTED
possible_duplicates  # set on the review queue's incidents, read by incidents/editor/queue.html
stale  # set on the open PendingCorrection by views.editor._correction_review, read by incidents/editor/approve.html
changes
details_changed
domain
reliability_note
import_batch
admin3
reject_reason
decided_by
decided_at
review_comment
approved_by
added_at
RUNNING
REBEL
POLITICAL_MILITIA
IDENTITY_MILITIA
RIOTERS
EXTERNAL
MODEL
FARASA
NEAR
CONTESTED
CLAIMED
SUSPECTED
SECURITY_FORCES
MILITANTS
INJURED  # CasualtyFigure.Category: chosen in forms, stored, read by exports
ABDUCTED
ARRESTED
search_vector  # Incident's generated tsvector, filtered on by incidents.search
as_sqlite  # Django compiles an expression with as_<vendor>

# Attributes set for templates (review_url, admin1_label, the review panel's actions_template) or for
# Django (the demo admin's flags, crispy-forms helper flags, a field's required flag)
_.review_url
_.admin1_label
actions_template
_.tagging_status
_.is_staff
_.is_superuser
_.form_tag
_.disable_csrf
_.required
date_hierarchy  # ModelAdmin option

# Form, FilterSet and django-ninja schema fields: declared, then read through cleaned_data / the query string
file
date_from
date_to
min_killed
published_on
incident_count
filters  # incidents.api list_incidents: declares the query parameters in the OpenAPI schema
time_precision  # model and API schema fields read as .values() strings by the exports and the API
fatalities
updated_at
Input  # incidents.api.Pages: django-ninja reads a pagination class's Input, Output, items_attribute
Output
items_attribute
paginate_queryset

# Known dead code that other work under issue 11 removes (the engine's owners: annotation/nlp; the public
# read path: incidents.selectors). Delete each line with the code; until then vulture would fail on them.
# (focus_country is the engine's new public entry point, documented in nlp/focus.py, not called yet.)
date_span
focus_country
ORIGINS

# Issue 10 (integrity). Named in settings: the streaming upload limit, the login throttling handler, the 400 page;
# hooks Django calls: upload handler and ModelAdmin permission methods; model fields written by the services and
# read by the approval checks and templates (submitted_by, last_changed_by, proposed_by, proposed_at).
UploadSizeLimit
receive_data_chunk
file_complete
AddressThrottleHandler
handler400
has_add_permission
has_change_permission
submitted_by
last_changed_by
proposed_by
proposed_at
stored_rows  # incidents/apps.py imports the module to connect its signals (the exports' stored rows)
count_exact  # a field of the API's list Output schema, serialised by django-ninja
