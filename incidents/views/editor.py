"""The editors' incident desk: draft from an article, edit, submit; reviewers approve, send back, retract, merge.

Views stay thin: forms validate, incidents.services writes. A stale version or a refused transition
is shown as a message with the editor's input kept on the form, never as an error page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from annotation import selectors as annotation_selectors
from annotation.models import Article, Entity
from incidents import drafting, duplicates, services
from incidents.forms import (
    ActorFormSet,
    AttachForm,
    CasualtyFormSet,
    CorrectionForm,
    IncidentForm,
    MergeForm,
    RetractForm,
    SendBackForm,
    SourceFormSet,
)
from incidents.models import Incident, PendingCorrection, PendingSource

EDITABLE = (Incident.Status.DRAFT, Incident.Status.IN_REVIEW)


def _entity_options(article, incident, initial):
    """The entities worth offering in the place and actor menus: those of the article's spans and the incident's own."""
    ids = set()
    if article is not None:
        ids |= set(article.mentions.exclude(status="rejected").exclude(entity=None).values_list("entity_id", flat=True))
    if incident is not None:
        ids |= set(incident.actors.values_list("entity_id", flat=True))
        if incident.place_id:
            ids.add(incident.place_id)
    if initial is not None:
        ids.add(initial.incident.get("place"))
        ids |= {row.get("entity") for row in initial.actors}
    entities = list(Entity.objects.filter(pk__in=ids - {None}).order_by("name_ar"))
    return [e for e in entities if e.type == "LOC"], [e for e in entities if e.type in ("ORG", "NORP", "PER")]


def _forms(data=None, *, initial=None, form_class=IncidentForm, article=None, incident=None):
    places, actors = _entity_options(article, incident, initial)
    initial = initial or drafting.DraftInitial(incident={})
    return (
        form_class(data, initial=initial.incident, prefix="incident", places=places),
        ActorFormSet(data, initial=initial.actors or None, prefix="actors", form_kwargs={"entities": actors}),
        CasualtyFormSet(data, initial=initial.casualties or None, prefix="casualties"),
        SourceFormSet(data, initial=initial.sources or None, prefix="sources"),
    )


def _or_missing(version):
    """A version a form posted; "" when it lacks one, which the services refuse (None means "not checked")."""
    return "" if version is None else version


def _posted_version(request):
    return _or_missing(request.POST.get("version"))


def _valid(forms):
    return all([f.is_valid() for f in forms])  # a list, so every form shows its errors


def _article_pane(article):
    """The source article's text with the accepted spans, for click-to-fill."""
    if article is None:
        return None
    mentions = [m for m in annotation_selectors.review_mentions(article=article) if m.status != "suggested"]
    return {"article": article, "segments": annotation_selectors.article_segments(article.body, mentions)}


def _casualty_rows(formset, article):
    return [row | {"article": article} for row in formset.rows()]


def _render_form(request, *, forms, incident=None, article=None, draft=None, title, form_url, same_event=()):
    form, actors, casualties, sources = forms
    return render(
        request,
        "incidents/editor/form.html",
        {
            "form": form,
            "actor_formset": actors,
            "casualty_formset": casualties,
            "source_formset": sources,
            "incident": incident,
            "pane": _article_pane(article),
            "draft": draft,
            "same_event": same_event,
            "offer_quote": (draft.sources[0] if draft and draft.sources else {}),
            "page_title": title,
            "form_url": form_url,
        },
    )


@login_required
@permission_required("incidents.add_incident", raise_exception=True)
def create(request):
    """A new draft from an article, prefilled from the engine's draft and the accepted mentions."""
    article_pk = request.GET.get("article") or request.POST.get("article")
    article = get_object_or_404(Article.objects.select_related("source"), pk=article_pk) if article_pk else None
    try:
        index = int(request.GET.get("draft", ""))
    except ValueError:
        index = None
    if request.method == "POST":
        forms = _forms(request.POST, article=article)
        if _valid(forms):
            form, actors, casualties, sources = forms
            try:
                with transaction.atomic():
                    incident = services.incident_create_draft(
                        created_by=request.user,
                        fields=form.incident_fields(),
                        actors=actors.rows(),
                        casualties=_casualty_rows(casualties, article),
                        sources=sources.rows(),
                    )
                    if "submit" in request.POST:
                        incident = services.incident_submit(incident=incident, user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                if incident.status == Incident.Status.IN_REVIEW:
                    messages.success(request, _("Incident %(code)s submitted for review.") % {"code": incident.code})
                    return redirect("annotation:review", pk=article.pk) if article else redirect("workflow:dashboard")
                messages.success(request, _("Draft %(code)s saved.") % {"code": incident.code})
                return redirect("workflow:edit", pk=incident.pk)
        return _render_form(request, forms=forms, article=article, title=_("New incident"), form_url=request.get_full_path())
    draft = drafting.draft_initial(article=article, index=index) if article else None
    # One incident per event: offer to add the article as a source of an incident that is likely the same event.
    same_event = duplicates.likely_duplicates(duplicates.Event.from_initial(draft.incident, draft.actors)) if draft else []
    if article is not None and same_event:
        supported = set(article.incident_sources.values_list("incident_id", flat=True))
        supported |= set(article.pending_sources.filter(status=PendingSource.Status.PENDING).values_list("incident_id", flat=True))
        same_event = [i for i in same_event if i.pk not in supported]
    return _render_form(
        request,
        forms=_forms(initial=draft, article=article),
        article=article,
        draft=draft,
        title=_("New incident"),
        form_url=request.get_full_path(),
        same_event=same_event,
    )


def _incident(pk):
    return get_object_or_404(Incident.objects.select_related("place", "created_by", "approved_by"), pk=pk)


def _first_article(incident):
    source = incident.sources.select_related("article__source").first()
    return source.article if source else None


@login_required
@permission_required("incidents.change_incident", raise_exception=True)
def edit(request, pk):
    incident = _incident(pk)
    if incident.status == Incident.Status.PUBLISHED:
        return redirect("workflow:correct", pk=incident.pk)
    if incident.status not in EDITABLE:
        messages.info(request, _("This incident is “%(status)s” and can no longer be edited.") % {"status": incident.get_status_display()})
        return redirect("workflow:approve", pk=incident.pk)
    return _edit(request, incident, form_class=IncidentForm, title=_("Edit incident %(code)s") % {"code": incident.code})


@login_required
@permission_required("incidents.change_incident", raise_exception=True)
def correct(request, pk):
    """A published incident: an editor or reviewer proposes a correction with a public note; it goes public
    only when a different reviewer approves it (``decide_correction``)."""
    incident = _incident(pk)
    if incident.status != Incident.Status.PUBLISHED:
        return redirect("workflow:edit", pk=incident.pk)
    title = _("Correct published incident %(code)s") % {"code": incident.code}
    article = _first_article(incident)
    if request.method == "POST":
        forms = _forms(request.POST, form_class=CorrectionForm, article=article, incident=incident)
        if _valid(forms):
            form = forms[0]
            payload = {key: values for key, values in request.POST.lists() if key != "csrfmiddlewaretoken"}
            try:
                services.pending_correction_propose(
                    incident=incident,
                    user=request.user,
                    expected_version=_or_missing(form.cleaned_data.get("version")),
                    payload=payload,
                    note=form.cleaned_data["correction_note"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("Your correction of %(code)s waits for a second reviewer; readers see it only once it is approved.")
                    % {"code": incident.code},
                )
                return redirect("workflow:correct", pk=incident.pk)
        return _render_form(request, forms=forms, incident=incident, article=article, title=title, form_url=request.get_full_path())
    waiting = incident.pending_corrections.filter(status=PendingCorrection.Status.PENDING).select_related("proposed_by").first()
    if waiting is not None:
        messages.info(
            request,
            _("A correction by %(who)s waits for a second reviewer: “%(note)s”.") % {"who": waiting.proposed_by, "note": waiting.note},
        )
    return _edit(request, incident, form_class=CorrectionForm, title=title)


def _edit(request, incident, *, form_class, title):
    article = _first_article(incident)
    if request.method == "POST":
        forms = _forms(request.POST, form_class=form_class, article=article, incident=incident)
        if _valid(forms):
            form, actors, casualties, sources = forms
            try:
                incident = services.incident_update_draft(
                    incident=incident,
                    user=request.user,
                    expected_version=_or_missing(form.cleaned_data.get("version")),
                    fields=form.incident_fields(),
                    actors=actors.rows(),
                    casualties=_casualty_rows(casualties, article),
                    sources=sources.rows(),
                    correction_note=form.cleaned_data.get("correction_note", ""),
                )
            except ValidationError as error:
                # Stale version or a refused edit: say so, keep what the editor typed.
                messages.error(request, " ".join(error.messages))
            else:
                if "submit" in request.POST and incident.status == Incident.Status.DRAFT:
                    return _submit(request, incident, incident.version)
                messages.success(request, _("Saved %(code)s.") % {"code": incident.code})
                return redirect("workflow:edit", pk=incident.pk)
        return _render_form(request, forms=forms, incident=incident, article=article, title=title, form_url=request.get_full_path())
    initial = drafting.incident_initial(incident)
    return _render_form(
        request,
        forms=_forms(initial=initial, form_class=form_class, article=article, incident=incident),
        incident=incident,
        article=article,
        title=title,
        form_url=request.get_full_path(),
    )


def _submit(request, incident, version):
    try:
        incident = services.incident_submit(incident=incident, user=request.user, expected_version=version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workflow:edit", pk=incident.pk)
    messages.success(request, _("Incident %(code)s submitted for review.") % {"code": incident.code})
    return redirect("workflow:dashboard")


@login_required
@permission_required("incidents.change_incident", raise_exception=True)
@require_POST
def submit(request, pk):
    return _submit(request, _incident(pk), _posted_version(request))


@login_required
@permission_required("annotation.view_article", raise_exception=True)
def dashboard(request):
    """The editors' desk home: articles waiting for review, my drafts, sent back to me, the reviewer's queue."""
    mine = Incident.objects.filter(created_by=request.user).order_by("-updated_at")
    is_reviewer = request.user.has_perm("incidents.approve_incident")
    context = {
        "articles": annotation_selectors.desk_articles(),
        "article_counts": annotation_selectors.desk_counts(),
        "drafts": list(mine.filter(status=Incident.Status.DRAFT, review_comment="")[:20]),
        "sent_back": list(mine.filter(status=Incident.Status.DRAFT).exclude(review_comment="")[:20]),
        "waiting": list(mine.filter(status=Incident.Status.IN_REVIEW)[:20]),
        "queue_count": Incident.objects.awaiting_review().count() if is_reviewer else None,
        "mine_counts": _mine_counts(request.user),
    }
    return render(request, "incidents/editor/dashboard.html", context)


# "My incidents": the editor's incidents in the four states of their work, each a filter of one query.
MINE_STATES = {
    "drafts": Q(status=Incident.Status.DRAFT, review_comment=""),
    "sent_back": Q(status=Incident.Status.DRAFT) & ~Q(review_comment=""),
    "in_review": Q(status=Incident.Status.IN_REVIEW),
    "published": Q(status=Incident.Status.PUBLISHED),
}
MINE_LIMIT = 200


def _mine_counts(user):
    """How many of the user's incidents are in each state (one query)."""
    return Incident.objects.filter(created_by=user).aggregate(**{state: Count("pk", filter=q) for state, q in MINE_STATES.items()})


@login_required
@permission_required("incidents.add_incident", raise_exception=True)
def mine(request):
    """The editor's own incidents: drafts, sent back, in review, published, with their counts."""
    state = request.GET.get("state", "drafts")
    if state not in MINE_STATES:
        state = "drafts"
    incidents = list(
        Incident.objects.filter(MINE_STATES[state], created_by=request.user)
        .select_related("approved_by")
        .order_by("-updated_at", "-id")[:MINE_LIMIT]
    )
    return render(request, "incidents/editor/mine.html", {"incidents": incidents, "state": state, "counts": _mine_counts(request.user)})


@login_required
@permission_required("incidents.approve_incident", raise_exception=True)
def queue(request):
    """What waits for the reviewers: incidents submitted for review, oldest first."""
    incidents = list(Incident.objects.awaiting_review().select_related("created_by", "place").order_by("updated_at", "id"))
    pending = list(
        PendingSource.objects.filter(status=PendingSource.Status.PENDING)
        .select_related("incident", "article__source", "proposed_by")
        .order_by("proposed_at", "id")
    )
    corrections = list(
        PendingCorrection.objects.filter(status=PendingCorrection.Status.PENDING)
        .select_related("incident", "proposed_by")
        .order_by("proposed_at", "id")
    )
    possible = duplicates.duplicates_by_incident(incidents)
    for incident in incidents:
        incident.possible_duplicates = possible.get(incident.pk, [])
    return render(
        request,
        "incidents/editor/queue.html",
        {"incidents": incidents, "pending_sources": pending, "pending_corrections": corrections, "duplicate_count": len(possible)},
    )


@login_required
@permission_required("incidents.approve_incident", raise_exception=True)
def approve(request, pk):
    """The reviewer's view of one incident: approve and publish, or send back with a comment."""
    incident = _incident(pk)
    send_back_form = SendBackForm(initial={"version": incident.version})
    if request.method == "POST":
        try:
            if request.POST.get("action") == "approve":
                incident = services.incident_approve(incident=incident, user=request.user, expected_version=_posted_version(request))
                messages.success(request, _("Incident %(code)s is published.") % {"code": incident.code})
                return redirect("workflow:queue")
            if request.POST.get("action") == "send_back":
                send_back_form = SendBackForm(request.POST)
                if send_back_form.is_valid():
                    incident = services.incident_send_back(
                        incident=incident,
                        user=request.user,
                        comment=send_back_form.cleaned_data["comment"],
                        expected_version=_posted_version(request),
                    )
                    messages.success(request, _("Incident %(code)s was sent back to its author.") % {"code": incident.code})
                    return redirect("workflow:queue")
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, text)
    return render(
        request,
        "incidents/editor/approve.html",
        {
            "incident": incident,
            "actors": incident.actors.select_related("entity"),
            "casualties": incident.casualties.all(),
            "sources": incident.sources.select_related("article__source"),
            "pending_sources": incident.pending_sources.filter(status=PendingSource.Status.PENDING).select_related(
                "article__source", "proposed_by"
            ),
            "pending_correction": _correction_review(incident),
            "send_back_form": send_back_form,
            "retract_form": RetractForm(initial={"version": incident.version}),
            "merge_form": MergeForm(initial={"version": incident.version}),
            "own": incident.created_by_id == request.user.pk,
            "possible_duplicates": duplicates.duplicates_by_incident([incident]).get(incident.pk, [])
            if incident.status in (Incident.Status.DRAFT, Incident.Status.IN_REVIEW, Incident.Status.PUBLISHED)
            else [],
            "history": incident.history.select_related("history_user", "correction_approved_by").order_by("-history_date", "-history_id")[
                :30
            ],
        },
    )


@login_required
@permission_required("incidents.approve_incident", raise_exception=True)
def retract(request, pk):
    incident = _incident(pk)
    if request.method != "POST":
        form = RetractForm(initial={"version": incident.version})
        return render(request, "incidents/editor/confirm.html", {"incident": incident, "form": form, "action": "retract"})
    form = RetractForm(request.POST)
    if form.is_valid():
        try:
            incident = services.incident_retract(
                incident=incident, user=request.user, note=form.cleaned_data["note"], expected_version=_posted_version(request)
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Incident %(code)s is retracted; its page shows the notice.") % {"code": incident.code})
    else:
        messages.error(request, _("A retraction needs a public notice explaining why."))
    return redirect("workflow:approve", pk=incident.pk)


@login_required
@permission_required("incidents.approve_incident", raise_exception=True)
def merge(request, pk):
    duplicate = _incident(pk)
    if request.method != "POST":
        return render(
            request,
            "incidents/editor/confirm.html",
            {"incident": duplicate, "form": MergeForm(initial={"version": duplicate.version}), "action": "merge"},
        )
    form = MergeForm(request.POST)
    if form.is_valid():
        try:
            into = services.incident_merge(
                duplicate=duplicate, into=form.cleaned_data["into"], user=request.user, expected_version=_posted_version(request)
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            services.incident_refresh_search(incident=into)
            messages.success(request, _("%(dup)s was merged into %(into)s.") % {"dup": duplicate.code, "into": into.code})
            return redirect("workflow:approve", pk=into.pk)
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("workflow:approve", pk=duplicate.pk)


@login_required
@permission_required("incidents.add_incidentsource", raise_exception=True)
def attach(request):
    """The article supports an incident that already exists: add it as a source."""
    article = get_object_or_404(Article, pk=request.GET.get("article") or request.POST.get("article") or 0)
    form = AttachForm(request.POST or None, initial={"article": article.pk})
    if request.method == "POST" and form.is_valid():
        incident = form.cleaned_data["code"]
        try:
            attached = services.incident_attach_source(
                incident=incident,
                article=article,
                user=request.user,
                quote_start=form.cleaned_data.get("quote_start"),
                quote_end=form.cleaned_data.get("quote_end"),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if isinstance(attached, PendingSource):
                messages.success(
                    request,
                    _("%(code)s is published: the new source waits for a second editor's approval before readers see it.")
                    % {"code": incident.code},
                )
            else:
                messages.success(request, _("The article now supports %(code)s.") % {"code": incident.code})
            return redirect("annotation:review", pk=article.pk)
    recent = Incident.objects.exclude(status__in=[Incident.Status.MERGED, Incident.Status.RETRACTED]).order_by("-updated_at")[:20]
    return render(request, "incidents/editor/attach.html", {"form": form, "article": article, "recent": recent})


@login_required
@permission_required("incidents.approve_incident", raise_exception=True)
@require_POST
def decide_source(request, pk, source_pk):
    """A second editor approves (or turns down) a new source proposed for a published incident."""
    pending = get_object_or_404(PendingSource, pk=source_pk, incident_id=pk)
    decide = services.pending_source_approve if request.POST.get("action") == "approve" else services.pending_source_reject
    try:
        decide(pending=pending, user=request.user, expected_version=_posted_version(request))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        if decide is services.pending_source_approve:
            messages.success(request, _("The source is added; the public page shows it as a correction."))
        else:
            messages.success(request, _("The proposed source was turned down."))
    return redirect("workflow:approve", pk=pk)


def _correction_forms(pending, incident):
    """The proposal's form re-bound from its payload, with the incident's current values as initial (for the changes)."""
    data = QueryDict(mutable=True)
    for key, values in pending.payload.items():
        data.setlist(key, values)
    initial = drafting.incident_initial(incident)
    return _forms(data, initial=initial, form_class=CorrectionForm, article=_first_article(incident), incident=incident)


def _shown(field, value):
    if value in (None, ""):
        return "—"
    if hasattr(field, "queryset") and not hasattr(value, "pk"):
        value = field.queryset.filter(pk=value).first() or value
    elif getattr(field, "choices", None) and not hasattr(value, "pk"):
        value = dict(field.choices).get(value, value)
    return str(value)


def _correction_review(incident):
    """The open correction of a published incident with what it changes: before → after of the scalar fields,
    and whether the actors, figures or sources change."""
    pending = incident.pending_corrections.filter(status=PendingCorrection.Status.PENDING).select_related("proposed_by").first()
    if pending is None:
        return None
    form, actors, casualties, sources = forms = _correction_forms(pending, incident)
    pending.valid = _valid(forms)
    pending.stale = pending.base_version != incident.version
    pending.changes = [
        {
            "label": form.fields[name].label,
            "before": _shown(form.fields[name], form.get_initial_for_field(form.fields[name], name)),
            "after": _shown(form.fields[name], form.cleaned_data.get(name) if pending.valid else form.data.get(form.add_prefix(name))),
        }
        for name in form.changed_data
        if name not in ("version", "correction_note")
    ]
    pending.details_changed = [
        label
        for label, formset in ((_("actors"), actors), (_("casualty figures"), casualties), (_("sources"), sources))
        if formset.has_changed()
    ]
    return pending


@login_required
@permission_required("incidents.approve_incident", raise_exception=True)
@require_POST
def decide_correction(request, pk, correction_pk):
    """A different reviewer approves (or turns down) a proposed correction of a published incident."""
    pending = get_object_or_404(PendingCorrection.objects.select_related("incident"), pk=correction_pk, incident_id=pk)
    try:
        if request.POST.get("action") == "approve":
            forms = _correction_forms(pending, pending.incident)
            if not _valid(forms):
                raise ValidationError(_("This correction no longer passes the form's checks; turn it down and propose it again."))
            form, actors, casualties, sources = forms
            services.pending_correction_approve(
                pending=pending,
                user=request.user,
                expected_version=_posted_version(request),
                fields=form.incident_fields(),
                actors=actors.rows(),
                casualties=_casualty_rows(casualties, _first_article(pending.incident)),
                sources=sources.rows(),
            )
            messages.success(request, _("The correction is published; the public page shows its notice."))
        else:
            services.pending_correction_reject(pending=pending, user=request.user, expected_version=_posted_version(request))
            messages.success(request, _("The proposed correction was turned down."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect("workflow:approve", pk=pk)
