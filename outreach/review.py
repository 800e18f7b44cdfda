"""A sign-up in plain words for staff: labels instead of codes, local times, safe contact."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst

from phonenumber_field.phonenumber import PhoneNumber

from .choices import CONTACT_METHOD_VERBS, CONTACT_METHODS

# Shown for every kind after its own details: how the sign-up arrived and what happened since.
RECORD_FIELDS = [
    "created_at",
    "wants_confirmation",
    "possible_duplicate",
    "notification_state",
    "notification_attempts",
    "notification_error",
    "staff_notified_at",
    "confirmation_sent_at",
    "consent_text",
    "privacy_notice_version",
]


def local_time(value):
    """'Jan. 15, 2026, 12:30 p.m. EST': the site's time zone, named."""
    return date_format(timezone.localtime(value), "N j, Y, P T")


def plain_value(submission, name):
    field = submission._meta.get_field(name)
    value = getattr(submission, name)
    labels = getattr(submission, f"{name}_display", None)  # codes stored comma-separated
    if labels:
        return labels()
    if field.choices:
        return getattr(submission, f"get_{name}_display")()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return local_time(value)
    if isinstance(value, datetime.date):
        return date_format(value, "N j, Y")
    if isinstance(value, PhoneNumber):
        return value.as_international
    return str(value)


def details(submission, names):
    """(label, text) for each named field that holds something, in the order given."""
    return [
        (capfirst(submission._meta.get_field(name).verbose_name), plain_value(submission, name))
        for name in names
        if getattr(submission, name) not in ("", None)
    ]


def safe_contact(submission):
    """'Safe ways to contact: Phone call. Do not email or text.'"""
    chosen = submission.contact_methods.split(",")
    line = f"Safe ways to contact: {submission.contact_methods_display()}."
    avoid = [CONTACT_METHOD_VERBS[code] for code, _ in CONTACT_METHODS if code not in chosen]
    if avoid:
        line += f" Do not {' or '.join(avoid)}."
    return line
