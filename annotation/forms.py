"""The review screen's no-JavaScript fallback: one formset row per mention (status, label, start, end)."""

from crispy_forms.helper import FormHelper
from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from annotation.labels import LABEL_CHOICES
from annotation.models import Mention


class MentionRowForm(forms.ModelForm):
    status = forms.ChoiceField(label=_("status"), choices=Mention.Status.choices, initial=Mention.Status.ADDED)
    label = forms.ChoiceField(label=_("label"), choices=LABEL_CHOICES)
    start = forms.IntegerField(label=_("start"), min_value=0)
    end = forms.IntegerField(label=_("end"), min_value=1)

    class Meta:
        model = Mention
        fields = ["status", "label", "start", "end"]

    def has_changed(self):
        # The blank "add a span" row comes back with its menus' first options selected (a browser always sends
        # a select's value): it is a new span only once an offset is typed in.
        if self.is_bound and self.instance.pk is None:
            if not any((self.data.get(self.add_prefix(name)) or "").strip() for name in ("start", "end")):
                return False
        return super().has_changed()

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and start >= end:
            raise forms.ValidationError(_("The start must come before the end."), code="span_order")
        return data

    def _post_clean(self):
        # The services validate the span against the body and write the row; skip the model's own checks.
        pass


class BaseMentionFormSet(BaseModelFormSet):
    def __init__(self, *args, article, **kwargs):
        self.article = article
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.template = "bootstrap5/table_inline_formset.html"

    def rows(self):
        """What the editor changed, in the shape mentions_apply_rows expects."""
        out = []
        for form in self.forms:
            if not form.has_changed():
                continue
            data = form.cleaned_data
            mention = form.instance if form.instance.pk else None
            if mention is not None:
                mention = Mention.objects.select_related("article").get(pk=mention.pk)
            out.append({"mention": mention, "changed": set(form.changed_data), **{k: data[k] for k in ("status", "label", "start", "end")}})
        return out


MentionFormSet = modelformset_factory(Mention, form=MentionRowForm, formset=BaseMentionFormSet, extra=1, can_delete=False)
