"""The review screen: an article's text with the engine's suggestions, and the editor's decisions.

Every action is a plain form POST that redirects back (works without JavaScript); review.js sends
the same POSTs with fetch and swaps in the re-rendered workspace fragment instead.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from annotation import selectors
from annotation.forms import MentionFormSet
from annotation.labels import LABEL_CHOICES
from annotation.models import Article, Entity, Mention
from annotation.review_panels import review_panels
from annotation.services import review as services
from annotation.views import desk_home_url


def _is_fetch(request):
    return request.headers.get("X-Requested-With") == "fetch" or getattr(request, "htmx", False)


def _workspace_context(request, article, *, current_id=None, mentions=None):
    if mentions is None:
        mentions = selectors.review_mentions(article=article)
    by_id = {m.pk: m for m in mentions}
    if current_id is None:
        try:
            current_id = int(request.GET.get("m", ""))
        except ValueError:
            current_id = None
    current = by_id.get(current_id)
    if current is None:
        current = next((m for m in mentions if m.status == Mention.Status.SUGGESTED), mentions[0] if mentions else None)
    q = request.GET.get("q", "").strip()
    action_base = reverse("annotation:mention_action", kwargs={"pk": article.pk, "mention_pk": 0, "action": "accept"})[: -len("0/accept/")]
    return {
        "action_base": action_base,
        "article": article,
        "mentions": mentions,
        "segments": selectors.article_segments(article.body, mentions),
        "counts": selectors.review_counts(mentions),
        "current": current,
        "labels": LABEL_CHOICES,
        "entity_q": q,
        "entity_results": selectors.entity_search(q=q, label=current.label if current else None) if q else [],
    }


def _next_open(mentions, after):
    """The next undecided suggestion after this mention (wrapping), so that a / r move on."""
    open_ = [m for m in mentions if m.status == Mention.Status.SUGGESTED]
    later = [m for m in open_ if (m.start, m.end, m.pk) > (after.start, after.end, after.pk)]
    nxt = (later or open_ or [after])[0]
    return nxt.pk


@login_required
@permission_required("annotation.change_mention", raise_exception=True)
def review(request, pk):
    article = get_object_or_404(Article.objects.select_related("source", "imported_by"), pk=pk)
    context = _workspace_context(request, article)
    if _is_fetch(request):
        return render(request, "annotation/review/_workspace.html", context)
    context["panels"] = review_panels(article=article)
    return render(request, "annotation/review/page.html", context)


def _respond(request, article, *, current_id=None, message=None, advance_from=None, undoable=False, next_url=None):
    """After a successful action: the fresh workspace for fetch, else a redirect to the page.

    advance_from: the decided mention; the next open suggestion after it becomes the current one.
    undoable: the message offers an Undo button (the script undoes the last action); next_url: a link after it.
    """
    mentions = None
    if advance_from is not None:
        mentions = selectors.review_mentions(article=article)
        current_id = _next_open(mentions, advance_from)
    if _is_fetch(request):
        article.refresh_from_db(fields=["version", "status", "body", "language"])
        context = _workspace_context(request, article, current_id=current_id, mentions=mentions)
        response = render(request, "annotation/review/_workspace.html", context)
        if message:
            response["X-Marsad-Message"] = message.encode("utf-8").hex()
        if undoable:
            response["X-Marsad-Undo"] = "1"
        if next_url:
            response["X-Marsad-Next"] = next_url
        return response
    if message:
        messages.success(request, message)
    url = reverse("annotation:review", kwargs={"pk": article.pk})
    if current_id:
        url += f"?m={current_id}#m{current_id}"
    return HttpResponseRedirect(url)


def _refuse(request, article, error, *, current_id=None):
    """A refused action: a clear message, nothing changed."""
    text = " ".join(error.messages)
    status = 409 if getattr(error, "code", None) == "stale_version" else 400
    if _is_fetch(request):
        return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    messages.error(request, text)
    url = reverse("annotation:review", kwargs={"pk": article.pk})
    if current_id:
        url += f"?m={current_id}"
    return HttpResponseRedirect(url)


ACTIONS = ("accept", "reject", "relabel", "adjust", "link", "create-entity", "undo")


@login_required
@permission_required("annotation.change_mention", raise_exception=True)
@require_POST
def mention_action(request, pk, mention_pk, action):
    if action not in ACTIONS:
        raise Http404
    # The mention must belong to this article; the article itself is reloaded once, after the change.
    mention = get_object_or_404(Mention.objects.only("id", "article_id", "start", "end", "text"), pk=mention_pk, article_id=pk)
    article = Article(pk=pk)
    post = request.POST
    common = {"mention": mention, "user": request.user, "expected_version": post.get("version", "")}
    current_id = mention.pk
    message = None
    advance = None
    undoable = False
    try:
        if action == "accept":
            services.mention_accept(**common)
            advance = mention
        elif action == "reject":
            services.mention_reject(**common, reason=post.get("reason", ""))
            advance = mention
        elif action == "relabel":
            label = post.get("label") or post.get(f"label_{mention.pk}", "")
            services.mention_relabel(**common, label=label)
            # Never silent: a digit key changes the label of the focused span, so say which and offer undo.
            message = _("“%(text)s” is now labelled %(label)s.") % {"text": mention.text, "label": dict(LABEL_CHOICES).get(label, label)}
            undoable = True
        elif action == "adjust":
            step = post.get("step", "")
            if step or post.get("edge"):
                edge, _sep, direction = step.partition(":") if step else (post.get("edge"), "", post.get("direction"))
                services.mention_adjust(**common, edge=edge, direction=direction)
            else:
                services.mention_adjust(**common, start=post.get("start"), end=post.get("end"))
        elif action == "link":
            entity = None
            if post.get("entity"):
                entity = Entity.objects.filter(pk=post["entity"]).first() if post["entity"].isdigit() else None
                if entity is None:
                    raise ValidationError(_("That entity no longer exists."), code="no_entity")
            services.mention_link_entity(**common, entity=entity)
        elif action == "create-entity":
            services.entity_create_from_mention(**common, name_ar=post.get("name_ar") or None, name_en=post.get("name_en", ""))
        elif action == "undo":
            if services.mention_undo(**common) is None:
                current_id = None
            message = _("Undone.")
    except ValidationError as error:
        return _refuse(request, article, error, current_id=mention.pk)
    return _respond(request, article, current_id=current_id, message=message, advance_from=advance, undoable=undoable)


@login_required
@permission_required("annotation.add_mention", raise_exception=True)
@require_POST
def mention_add(request, pk):
    article = get_object_or_404(Article.objects.only("id", "version"), pk=pk)
    post = request.POST
    try:
        mention = services.mention_add(
            article=article,
            user=request.user,
            start=post.get("start"),
            end=post.get("end"),
            label=post.get("label", ""),
            text=post.get("text") or None,
            expected_version=post.get("version", ""),
        )
    except ValidationError as error:
        return _refuse(request, article, error)
    return _respond(request, article, current_id=mention.pk)


@login_required
@permission_required("annotation.change_mention", raise_exception=True)
@require_POST
def mentions_accept_bulk(request, pk):
    article = get_object_or_404(Article.objects.only("id", "version"), pk=pk)
    try:
        minimum = float(request.POST.get("min_confidence", "0.8"))
        if not 0 <= minimum <= 1:
            raise ValueError
    except ValueError:
        return _refuse(request, article, ValidationError(_("The confidence must be a number between 0 and 1."), code="bad_confidence"))
    label = request.POST.get("label", "")
    try:
        accepted = services.mentions_accept_bulk(
            article=article, user=request.user, label=label, min_confidence=minimum, expected_version=request.POST.get("version", "")
        )
    except ValidationError as error:
        return _refuse(request, article, error)
    message = ngettext("%(count)s suggestion accepted.", "%(count)s suggestions accepted.", len(accepted)) % {"count": len(accepted)}
    response = _respond(request, article, message=message)
    response["X-Marsad-Accepted"] = ",".join(str(m.pk) for m in accepted)
    return response


@login_required
@permission_required("annotation.change_article", raise_exception=True)
@require_POST
def article_finish(request, pk):
    article = get_object_or_404(Article.objects.only("id", "version"), pk=pk)
    try:
        left = services.article_finish_review(article=article, user=request.user, expected_version=request.POST.get("version", ""))
    except ValidationError as error:
        return _refuse(request, article, error)
    if left:
        message = ngettext(
            "Review finished; %(count)s suggestion was left undecided.", "Review finished; %(count)s suggestions were left undecided.", left
        ) % {"count": left}
    else:
        message = _("Review finished.")
    if _is_fetch(request):  # the script shows the message at once, in place, with a link back to the desk
        return _respond(request, article, message=message, next_url=desk_home_url())
    (messages.warning if left else messages.success)(request, message)
    return redirect(desk_home_url())


@login_required
@permission_required("annotation.change_mention", raise_exception=True)
def review_formset(request, pk):
    """The no-JavaScript fallback: every mention as a row of status/label/start/end, plus rows to add spans."""
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    queryset = Mention.objects.filter(article=article).order_by("start", "end", "id")
    if request.method == "POST":
        formset = MentionFormSet(request.POST, queryset=queryset, article=article)
        if formset.is_valid():
            try:
                changed = services.mentions_apply_rows(
                    article=article, user=request.user, rows=formset.rows(), expected_version=request.POST.get("version", "")
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, ngettext("%(count)s change saved.", "%(count)s changes saved.", changed) % {"count": changed})
                return redirect("annotation:review_formset", pk=article.pk)
    else:
        formset = MentionFormSet(queryset=queryset, article=article)
    return render(
        request,
        "annotation/review/formset.html",
        {"article": article, "formset": formset, "version": request.POST.get("version", article.version)},
    )


@login_required
@permission_required("annotation.change_mention", raise_exception=True)
@require_POST
def model_train(request):
    try:
        services.model_train(user=request.user)
    except ValidationError as error:
        message, notify = " ".join(error.messages), messages.info  # one training at a time
    else:
        message, notify = _("Training started in the background; the next suggestions will use the new model."), messages.success
    article_pk = request.POST.get("article", "")
    if _is_fetch(request) and article_pk.isdigit():
        return _respond(request, get_object_or_404(Article.objects.only("id", "version"), pk=article_pk), message=message)
    notify(request, message)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = desk_home_url()
    return HttpResponseRedirect(target)
