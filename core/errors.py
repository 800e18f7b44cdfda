"""Error pages that work with the database down: no queries, no technical detail.

The help lines shown are the last published set, kept outside the database by
core/contacts.py (cache, else the deploy's file, else built in), so a broken database cannot
take a phone number off the page.
A database failure anywhere in a request answers 503 ("try again shortly") instead of
500; if the visitor was sending a form, what they typed is shown back with a way to send it
again, and nothing was saved (the form's save runs in one transaction).
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

from . import contacts

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# Never echoed back, even to the person who sent them.
UNECHOED_FIELDS = {"csrfmiddlewaretoken", "password", "password1", "password2", "otp_token"}
MAX_ECHOED_FIELDS = 50


def render_error(template_name, status, context=None):
    shared = {"organisation_name": contacts.ORGANISATION_NAME, "help_lines": contacts.last_known()}
    body = render_to_string(template_name, shared | (context or {}))
    return HttpResponse(body, status=status)


def posted_values(request):
    """The visitor's own form values, to show back; never passwords or file contents."""
    if request.method != "POST":
        return []
    try:
        items = list(request.POST.lists())
    except Exception:  # An unreadable body: there is nothing to show back.
        return []
    values = []
    for name, field_values in items[:MAX_ECHOED_FIELDS]:
        if name in UNECHOED_FIELDS or "password" in name:
            continue
        label = name.replace("_", " ").replace("-", " ").strip().capitalize()
        values.append({"name": name, "label": label, "values": field_values})
    return values


def database_unavailable(request):
    """The 503 page; outreach views may return it themselves when a save fails."""
    values = posted_values(request)
    response = render_error(
        "503.html",
        503,
        {
            "posted_values": values,
            "retry_url": request.path,
            "csrf_token": get_token(request) if values else "",
        },
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    return render_error("400.html", 400)


def permission_denied(request, exception=None):
    return render_error("403.html", 403)


def server_error(request):
    _, error, _ = sys.exc_info()
    if isinstance(error, DATABASE_ERRORS):
        return database_unavailable(request)
    return render_error("500.html", 500)


def csrf_failure(request, reason=""):
    """The form's security check failed (usually an expired page): offer the form again."""
    referer = request.META.get("HTTP_REFERER", "")
    back = request.path
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = referer
    return render_error("403_csrf.html", 403, {"back_url": back})


def locked_out(request, original_response=None, credentials=None):
    """django-axes refused a sign-in: say so plainly, and for how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render_error("locked_out.html", 429, {"cooloff_minutes": minutes})
