"""Wagtail admin for sign-ups: read, filter, export, and move through the review statuses.

What every kind shares; each kind's own viewset (columns, filters, export) is in kinds.py.
"""

import datetime

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from .choices import US_STATES, NotificationState
from .review import RECORD_FIELDS, details, plain_value, safe_contact

STATUS_CHANGE_ACTION = "outreach.status_change"
# Who a request is assigned to and when to contact next: named in History with the new value.
TRIAGE_CHANGE_ACTION = "outreach.triage_change"
TRIAGE_FIELDS = ("assigned_to", "next_contact_by")


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Submissions only ever come from the public forms: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class ReviewForm(WagtailAdminModelForm):
    """Staff change only the status (along the workflow) and their private notes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = type(self.instance)
        current = model.STATUS(self.instance.status)
        allowed = [current, *model.NEXT_STATUSES[current]]
        self.fields["status"].choices = [(s.value, s.label) for s in allowed]
        if "assigned_to" in self.fields:
            # Only someone who can work these requests can be given one.
            self.fields["assigned_to"].queryset = SubmissionPermissionPolicy(
                model
            ).users_with_permission("change")

    def clean(self):
        cleaned = super().clean()
        if "close_reason" in self.fields:
            closing = cleaned.get("status") in type(self.instance).CLOSED_STATUSES
            if closing and not cleaned.get("close_reason"):
                self.add_error("close_reason", "Choose why the request is closed.")
            elif not closing:
                cleaned["close_reason"] = ""
        return cleaned


# OWASP "CSV Injection": a cell starting with one of these runs as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text):
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def local_datetime(value):
    return timezone.localtime(value).replace(microsecond=0)


class SubmissionIndexView(generic.IndexView):
    """Exports give times in the site's zone; the CSV's cells never run as formulas.

    The XLSX needs no neutralising: Wagtail stores a would-be formula there as text.
    """

    custom_value_preprocess = generic.IndexView.custom_value_preprocess | {
        datetime.datetime: {
            generic.IndexView.FORMAT_CSV: lambda value: local_datetime(value).isoformat(),
            generic.IndexView.FORMAT_XLSX: lambda value: local_datetime(value).replace(tzinfo=None),
        },
    }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return neutralise(value)
        return value

    def get_heading(self, queryset, field):
        heading = super().get_heading(queryset, field)
        try:
            is_time = isinstance(queryset.model._meta.get_field(field), models.DateTimeField)
        except FieldDoesNotExist:
            is_time = False
        return f"{heading} ({timezone.get_current_timezone_name()})" if is_time else heading


class ReviewEditView(generic.EditView):
    """The one review screen: who the person is and how to reach them, beside status and notes."""

    review_fields = []
    review_sections = []  # more (heading, field names) after the person, if a kind has them

    def get_page_subtitle(self):
        return self.object.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "person": details(self.object, self.review_fields),
            "safe_contact": safe_contact(self.object),
            "record": details(self.object, RECORD_FIELDS),
            "sections": [
                (heading, details(self.object, names)) for heading, names in self.review_sections
            ],
        }

    def save_instance(self):
        old_status = (
            type(self.object).objects.values_list("status", flat=True).get(pk=self.object.pk)
        )
        instance = self.form.save(commit=False)
        if instance.status != old_status:
            instance.status_changed_at = timezone.now()
        instance.save()
        self.has_content_changes = self.form.has_changed()
        if instance.status != old_status:
            log(
                instance=instance,
                action=STATUS_CHANGE_ACTION,
                data={
                    "from": instance.STATUS(old_status).label,
                    "to": instance.STATUS(instance.status).label,
                    "reason": getattr(instance, "get_close_reason_display", str)(),
                },
            )
        triage = [name for name in TRIAGE_FIELDS if name in self.form.changed_data]
        if triage:
            changes = [
                f"{capfirst(instance._meta.get_field(name).verbose_name)}: "
                f"{plain_value(instance, name) if getattr(instance, name) else 'none'}"
                for name in triage
            ]
            log(instance=instance, action=TRIAGE_CHANGE_ACTION, data={"changes": changes})
        if "staff_notes" in self.form.changed_data:
            log(instance=instance, action="wagtail.edit", content_changed=True)
        return instance


def submission_filterset(model, multi_field=None, multi_choices=(), extra=()):
    """Filters by status, notification, state, date and the form's own interest field."""

    def filter_multi(queryset, name, value):
        return queryset.filter(**{f"{multi_field}__contains": value}) if value else queryset

    attrs = {
        "status": django_filters.ChoiceFilter(choices=model.STATUS.choices),
        "notification_state": django_filters.ChoiceFilter(
            label="Notification", choices=NotificationState.choices
        ),
        "state": django_filters.ChoiceFilter(choices=US_STATES),
        "created_at": django_filters.DateFromToRangeFilter(
            label="Received", widget=DateRangePickerWidget
        ),
        "possible_duplicate": django_filters.BooleanFilter(label="Possible duplicate"),
    }
    if multi_field:
        attrs[multi_field] = django_filters.ChoiceFilter(
            label=model._meta.get_field(multi_field).verbose_name.capitalize(),
            choices=multi_choices,
            method=lambda queryset, name, value: filter_multi(queryset, name, value),
        )
    attrs.update(dict(extra))
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}FilterSet", (WagtailFilterSet,), attrs)


class SubmissionViewSet(ModelViewSet):
    icon = "user"
    add_to_admin_menu = False
    copy_view_enabled = False
    add_to_reference_index = False  # nothing links to a submission
    export_headings = {
        "get_status_display": "Status",
        "get_notification_state_display": "Notification",
        "get_organisation_type_display": "Type of organization",
        "get_delivery_display": "In person or online",
    }
    index_view_class = SubmissionIndexView
    edit_view_class = ReviewEditView
    edit_template_name = "outreach/admin/review.html"
    form_fields = ["status", "staff_notes"]
    list_per_page = 50
    review_sections = []
    common_export = [
        "email",
        "phone",
        "city",
        "state",
        "contact_methods_display",
        "times_to_avoid",
        "wants_confirmation",
        "message",
        "get_status_display",
        "possible_duplicate",
        "get_notification_state_display",
        "notification_attempts",
        "notification_error",
        "created_at",
        "privacy_notice_version",
    ]

    @property
    def permission_policy(self):
        return SubmissionPermissionPolicy(self.model)

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(self.model, form=ReviewForm, fields=self.form_fields)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            review_fields=self.review_fields, review_sections=self.review_sections, **kwargs
        )
