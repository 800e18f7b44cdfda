"""Saving a sign-up: committed to the database first, notifications queued after commit.

A sign-up costs one INSERT (the duplicate flag is worked out inside it) and, once that is
committed, one INSERT of the notification task.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists
from django.utils import timezone

from .tasks import notify_about_submission

logger = logging.getLogger("outreach")

DUPLICATE_WINDOW = timedelta(days=1)


def notification_queuer(submission):
    # A named function, not functools.partial: Django logs a robust callback's __qualname__.
    def queue_notification():
        notify_about_submission.enqueue(submission._meta.label_lower, submission.pk)

    return queue_notification


def save_submission(kind, form, form_token):
    """Save the form's submission once; return None when this form was already sent.

    `kind` (the form kind's key) only names the form in the log.
    """
    model = form._meta.model
    submission = form.save(commit=False)
    submission.form_token = form_token
    submission.consent_text = form.CONSENT_TEXT
    submission.privacy_notice_version = settings.OUTREACH_PRIVACY_NOTICE_VERSION
    # Evaluated by PostgreSQL in the INSERT itself: no separate round trip.
    # A form where email is optional (family requests) flags no duplicate without one.
    submission.possible_duplicate = bool(submission.email) and Exists(
        model.objects.filter(
            email__iexact=submission.email,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        )
    )
    try:
        _insert(submission)
    except IntegrityError:
        if model.objects.filter(form_token=form_token).exists():
            logger.info("outreach resubmission ignored form=%s", kind)
            return None
        raise
    # Read back from the row if anyone asks; the expression above is not a value.
    if not isinstance(submission.possible_duplicate, bool):
        del submission.possible_duplicate
    # Runs at once outside a transaction: the row above is already committed. robust: if
    # queueing then fails (the database went away in between), the visitor still gets their
    # thank-you and the row stays "Waiting to be sent" for staff to see.
    transaction.on_commit(notification_queuer(submission), robust=True)
    logger.info("outreach submission saved form=%s id=%s", kind, submission.pk)
    return submission


def _insert(submission):
    if connection.in_atomic_block:
        # Inside a caller's transaction, a savepoint keeps it usable if the token clashes.
        with transaction.atomic():
            submission.save()
    else:
        # A single INSERT commits on its own; BEGIN and COMMIT would be two more round trips.
        submission.save()
