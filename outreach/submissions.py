"""Saving a sign-up: the row and its notification task are committed together.

A sign-up costs one transaction: the row's INSERT (the duplicate flag is worked out inside
it) and the notification task's INSERT. With the database task queue (production) neither
exists without the other, and the task worker cannot see the task before the row is
committed. Any other queue (the tests' immediate one) is handed the task after commit.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists
from django.utils import timezone

from django_tasks_db import DatabaseBackend

from .tasks import notify_about_submission

logger = logging.getLogger("outreach")

DUPLICATE_WINDOW = timedelta(days=1)


def _queue_notification(submission):
    def queue_notification():
        notify_about_submission.enqueue(submission._meta.label_lower, submission.pk)

    if isinstance(notify_about_submission.get_backend(), DatabaseBackend):
        # In this transaction: if either INSERT fails, nothing is stored and the visitor is
        # told, with their answers kept.
        queue_notification()
    else:
        # robust: a queue that fails after commit leaves the row "Waiting to be sent".
        transaction.on_commit(queue_notification, robust=True)


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
    submission.possible_duplicate = Exists(
        model.objects.filter(
            email__iexact=submission.email,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        )
    )
    try:
        # Inside a caller's transaction this is a savepoint, which keeps it usable if the
        # token clashes.
        with transaction.atomic():
            submission.save()
            _queue_notification(submission)
    except IntegrityError:
        if model.objects.filter(form_token=form_token).exists():
            logger.info("outreach resubmission ignored form=%s", kind)
            return None
        raise
    # Read back from the row if anyone asks; the expression above is not a value.
    del submission.possible_duplicate
    logger.info("outreach submission saved form=%s id=%s", kind, submission.pk)
    return submission
