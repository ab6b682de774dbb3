"""Intake pages: paste, fetch a URL, upload a file or a bulk file, poll a feed; duplicates confirmed before saving."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from annotation.intake.fetch import FetchError, check_url
from annotation.intake.files import ACCEPT, FileRefused, check_size, read_upload
from annotation.models import Article, ImportBatch, Source
from annotation.services import intake as intake_services
from annotation.services import suggestions
from annotation.views import desk_home_url


class IntakeForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Article text or HTML"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "dir": "auto", "class": "form-control intake-text", "autofocus": True}),
        help_text=gettext_lazy("Paste the whole page: dates, “read more” blocks and lists of other articles are removed."),
    )
    url = forms.CharField(
        label=gettext_lazy("Address (URL)"),
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"dir": "ltr", "class": "form-control", "placeholder": "https://"}),
        help_text=gettext_lazy("With no text, the page is fetched from this address."),
    )
    file = forms.FileField(
        label=gettext_lazy("Or upload a file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT, "class": "form-control"}),
        help_text=gettext_lazy(".txt, .html, .docx or .pdf for one page; .csv or .jsonl for many articles (one per row)."),
    )
    title = forms.CharField(
        label=gettext_lazy("Title"), required=False, max_length=500, widget=forms.TextInput(attrs={"dir": "auto", "class": "form-control"})
    )
    source = forms.ModelChoiceField(
        label=gettext_lazy("Source"),
        queryset=Source.objects.all(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        help_text=gettext_lazy("Empty: the outlet the page names (“المصدر:”, the dateline, the site's name)."),
    )
    outlet = forms.CharField(
        label=gettext_lazy("Or a new outlet"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"dir": "auto", "class": "form-control"}),
        help_text=gettext_lazy("An outlet not in the list: it is added under this name."),
    )
    published_at = forms.DateField(
        label=gettext_lazy("Published on"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "class": "form-control"}),
        help_text=gettext_lazy("Empty: the date the page gives (its metadata, an update stamp, the dateline)."),
    )
    html = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)  # carried through the duplicate confirmation

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        if url:
            try:
                check_url(url)
            except FetchError as exc:
                raise ValidationError(str(exc), code="bad_url")
        return url


class FeedPollForm(forms.Form):
    source = forms.ModelChoiceField(queryset=Source.objects.exclude(feed_url=""))


def _review_url(article):
    try:
        return reverse("annotation:review", kwargs={"pk": article.pk})
    except NoReverseMatch:  # the review screen is not installed: the desk lists the article
        return desk_home_url()


def _page(request, form, *, status=200, restore=False):
    context = {
        "restore": restore,
        "form": form,
        "feed_sources": Source.objects.exclude(feed_url="").order_by("name"),
        "batches": ImportBatch.objects.filter(created_by=request.user).order_by("-created_at")[:10],
        "max_chars": settings.MARSAD_MAX_ARTICLE_CHARS,
        "max_upload_mb": round(settings.MARSAD_MAX_UPLOAD_BYTES / 1_048_576, 1),
    }
    return render(request, "annotation/intake/form.html", context, status=status)


def _add_errors(form, error, field=None):
    for message in error.messages:
        form.add_error(field, message)


@login_required
@permission_required("annotation.add_article", raise_exception=True)
def intake(request):
    """The intake page: one form for pasting, fetching by URL and uploading."""
    if request.method != "POST":
        return _page(request, IntakeForm())
    try:
        data, files = request.POST, request.FILES
    except RequestDataTooBig:
        return too_big(request)
    if getattr(request, "upload_refused", None):
        # Stopped while streaming (annotation.intake.uploads): say so; nothing of the file was kept.
        form = IntakeForm(data)
        form.is_valid()
        try:
            check_size(None)
        except FileRefused as exc:
            form.add_error("file", str(exc))
        return _page(request, form, status=413)
    return _handle(request, IntakeForm(data, files), force=False)


def too_big(request):
    """The intake page with its own message for a POST too large to read (also reached from the 400 handler
    when the CSRF check met the size limit first); the browser puts the pasted text back (intake.js)."""
    form = IntakeForm({})
    form.is_valid()
    form.add_error(
        None,
        _("What you sent is larger than the %(limit)s MB limit and could not be read. Upload it as a file or split it.")
        % {"limit": round(settings.MARSAD_MAX_UPLOAD_BYTES / 1_048_576, 1)},
    )
    return _page(request, form, status=413, restore=True)


@login_required
@permission_required("annotation.add_article", raise_exception=True)
@require_POST
def intake_confirm(request):
    """After the duplicate warning: save everything anyway, or only the articles that are new."""
    mode = request.POST.get("mode")
    return _handle(request, IntakeForm(request.POST), force=mode == "all", skip_duplicates=mode == "new")


def _handle(request, form, *, force, skip_duplicates=False):
    if not form.is_valid():
        return _page(request, form)
    data = form.cleaned_data
    upload = data.get("file")
    text, html = data["text"], data["html"]
    if upload is not None:
        try:
            check_size(upload.size)  # before reading it into memory
            content = read_upload(upload.name, upload.read())
        except FileRefused as exc:
            form.add_error("file", str(exc))
            return _page(request, form)
        if content.is_bulk:
            return _bulk(request, form, content, data)
        text, html = (content.content, "") if content.kind == "text" else ("", content.content)
    try:
        result = intake_services.article_ingest(
            text=text,
            html=html,
            url=data["url"],
            title=data["title"],
            source=data["source"],
            outlet=data["outlet"],
            published_at=data["published_at"],
            imported_by=request.user,
            force=force,
            skip_duplicates=skip_duplicates,
        )
    except ValidationError as exc:
        field = {"fetch_failed": "url"}.get(getattr(exc, "code", None), None)
        _add_errors(form, exc, field)
        return _page(request, form)
    if result.needs_confirmation:
        # Carry the input (an upload as its decoded text) so that "save anyway" needs nothing re-entered.
        confirm = IntakeForm(
            initial={
                "text": text,
                "html": html,
                "url": data["url"] if (text or html) else "",
                "title": data["title"],
                "source": data["source"],
                "outlet": data["outlet"],
                "published_at": data["published_at"],
            }
        )
        for dup in result.duplicates:
            dup.candidate = result.candidates[dup.index]
        if not (text or html) and result.source_url:
            confirm.initial["url"] = result.source_url
        return render(request, "annotation/intake/confirm.html", {"result": result, "form": confirm, "refetch": not (text or html)})
    articles = result.articles
    if not articles:
        messages.info(request, _("Nothing new: every article was already imported."))
        return redirect("annotation:intake")
    if len(articles) == 1:
        messages.success(request, _("The article was saved and tagged."))
        return redirect(_review_url(articles[0]))
    messages.success(
        request,
        ngettext("The page was split into %(count)s article.", "The page was split into %(count)s articles.", len(articles))
        % {"count": len(articles)},
    )
    return redirect(reverse("annotation:intake_done") + "?ids=" + ",".join(str(a.pk) for a in articles))


def _bulk(request, form, content, data):
    try:
        batch = intake_services.batch_import(upload=content, user=request.user, source=data["source"])
    except ValidationError as exc:
        _add_errors(form, exc, "file")
        return _page(request, form)
    return redirect("annotation:batch_detail", pk=batch.pk)


@login_required
@permission_required("annotation.add_article", raise_exception=True)
def intake_done(request):
    """The articles a pasted page was split into, with links to their review screens."""
    ids = [int(i) for i in request.GET.get("ids", "").split(",") if i.strip().isdigit()][:50]
    articles = list(Article.objects.filter(pk__in=ids).select_related("source").order_by("pk"))
    for article in articles:
        article.review_url = _review_url(article)
    return render(request, "annotation/intake/done.html", {"articles": articles})


@login_required
@permission_required("annotation.add_article", raise_exception=True)
def batch_detail(request, pk):
    """Progress of a bulk import's tagging and its per-row report; htmx refreshes the progress part."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    counts = {"imported": 0, "skipped": 0, "refused": 0}
    for entry in batch.report:
        counts[entry.get("status", "refused")] = counts.get(entry.get("status", "refused"), 0) + 1
    context = {
        "batch": batch,
        "counts": counts,
        "finished": batch.tagged >= batch.total,
        "percent": 100 if not batch.total else min(100, round(100 * batch.tagged / batch.total)),
        "desk_url": desk_home_url(),
    }
    if request.htmx:
        return render(request, "annotation/intake/_progress.html", context)
    return render(request, "annotation/intake/batch.html", context)


@login_required
@permission_required("annotation.add_article", raise_exception=True)
@require_POST
def feed_poll(request):
    form = FeedPollForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        batch = intake_services.feed_poll(source=form.cleaned_data["source"], user=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("annotation:intake")
    return redirect("annotation:batch_detail", pk=batch.pk)


@login_required
@permission_required("annotation.add_article", raise_exception=True)
@require_POST
def batch_tag_now(request, pk):
    """Tag a waiting batch within this request, for desks that run no background worker."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    suggestions.batch_tag(batch_id=batch.pk)
    messages.success(request, _("The articles of this import are tagged."))
    return redirect("annotation:batch_detail", pk=batch.pk)
