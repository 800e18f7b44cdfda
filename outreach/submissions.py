"""Saving a sign-up: committed to the database first, notifications queued after commit."""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .tasks import notify_about_submission

logger = logging.getLogger("outreach")

DUPLICATE_WINDOW = timedelta(days=1)


def save_submission(form, form_token):
    """Save the form's submission once; return None when this form was already sent."""
    model = form._meta.model
    submission = form.save(commit=False)
    submission.form_token = form_token
    submission.consent_text = form.CONSENT_TEXT
    submission.privacy_notice_version = settings.OUTREACH_PRIVACY_NOTICE_VERSION
    submission.possible_duplicate = model.objects.filter(
        email__iexact=submission.email,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).exists()
    try:
        with transaction.atomic():
            submission.save()
            transaction.on_commit(
                partial(notify_about_submission.enqueue, model.FORM_KIND, submission.pk)
            )
    except IntegrityError:
        if model.objects.filter(form_token=form_token).exists():
            logger.info("outreach resubmission ignored form=%s", model.FORM_KIND)
            return None
        raise
    logger.info("outreach submission saved form=%s id=%s", model.FORM_KIND, submission.pk)
    return submission
