"""Background notifications for a saved sign-up, with bounded retries recorded on the row.

django-tasks has no retry of its own: a failure is written on the submission (attempts and
error, for staff to see), a later attempt is queued, and the exception is re-raised so the
task result is stored as failed with its traceback as well.
"""

import logging
from datetime import timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Site

from django_tasks import task

from core.contacts import NMPAA
from pages.models import SiteSettings
from pages.models.help_lines import live_lines

from . import kinds
from .choices import NotificationState

logger = logging.getLogger("outreach")


def site_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else SiteSettings()


def discreet_sender():
    """A neutral name on the From line: an inbox someone else reads should give nothing away."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return formataddr((settings.OUTREACH_EMAIL_SENDER_NAME, address))


NO_STAFF_ADDRESS = "Staff not notified yet: no staff address set in Site settings."


def staff_address(kind, contact):
    """The address told of a new row of this kind (Site settings), or ""."""
    return getattr(contact, kind.notify_field)


def safety_lines(submission):
    """How staff may make contact, in the person's own terms, before anything else."""
    lines = [
        f"Safe ways to contact this person: {submission.contact_methods_display()}. Use only these."
    ]
    if not submission.email_is_safe():
        lines.append("Do not email this person: email is not a safe way to reach them.")
    lines.append(f"Times or ways to avoid: {submission.times_to_avoid or 'none given'}")
    return "\n".join(lines)


def send_staff_email(submission, kind, address):
    path = AdminURLFinder().get_edit_url(submission)
    url = f"{settings.WAGTAILADMIN_BASE_URL}{path}"
    link = f"Read it in the admin (you will need to log in):\n{url}\n"
    if kind.notify_with_contact:
        body = (
            f"A new {submission._meta.verbose_name} has arrived on the website.\n\n"
            f"{safety_lines(submission)}\n\n{link}"
        )
        subject = "New website sign-up"
    else:
        # Nothing about the person or the case: the inbox may be read on a shared screen.
        body = f"A new request has arrived on the website.\n\n{link}"
        subject = "New website request"
    EmailMessage(subject=subject, body=body, from_email=discreet_sender(), to=[address]).send()


def send_confirmation(submission, contact):
    body = (
        "Hello,\n\n"
        "We received your request. Someone from our team will contact you in the way "
        "you asked.\n\n"
        f"If you have a question, call us on {live_lines()[NMPAA].shown_with_digits}.\n\n"
        "If you did not send a request, you can ignore this email.\n"
    )
    EmailMessage(
        subject="We received your request",
        body=body,
        from_email=discreet_sender(),
        to=[submission.email],
    ).send()


def retry_later(model_label, pk, attempts):
    backend = notify_about_submission.get_backend()
    if backend.supports_defer:
        delay = timedelta(seconds=settings.OUTREACH_NOTIFY_RETRY_SECONDS * 2 ** (attempts - 1))
        notify_about_submission.using(run_after=timezone.now() + delay).enqueue(model_label, pk)
    else:
        notify_about_submission.enqueue(model_label, pk)


@task()
def notify_about_submission(model_label, pk):
    """Notify staff (and the person, if they asked) about the row `pk` of "outreach.<model>"."""
    kind = kinds.for_model_label(model_label)
    submission = kind.model.objects.filter(pk=pk).first()
    if submission is None or submission.notification_state == NotificationState.SENT:
        return "nothing to send"

    contact = site_settings()
    try:
        address = staff_address(kind, contact)
        if submission.staff_notified_at is None and address:
            send_staff_email(submission, kind, address)
            submission.staff_notified_at = timezone.now()
            submission.save(update_fields=["staff_notified_at"])
        if submission.confirmation_allowed and submission.confirmation_sent_at is None:
            send_confirmation(submission, contact)
            submission.confirmation_sent_at = timezone.now()
            submission.save(update_fields=["confirmation_sent_at"])
    except Exception as error:
        submission.notification_attempts += 1
        submission.notification_error = f"{type(error).__name__}: {error}"[:500]
        gave_up = submission.notification_attempts >= settings.OUTREACH_NOTIFY_MAX_ATTEMPTS
        submission.notification_state = (
            NotificationState.FAILED if gave_up else NotificationState.PENDING
        )
        submission.save(
            update_fields=["notification_attempts", "notification_error", "notification_state"]
        )
        # The class name only: an SMTP error message can quote the person's address.
        logger.warning(
            "outreach notification failed form=%s id=%s attempt=%s error=%s",
            kind.key,
            pk,
            submission.notification_attempts,
            type(error).__name__,
        )
        if not gave_up:
            retry_later(model_label, pk, submission.notification_attempts)
        raise

    if submission.staff_notified_at is None:
        # Held, not lost: still "waiting to be sent", and sent once staff set an address.
        logger.warning(
            "outreach staff notification held: no staff address set form=%s id=%s", kind.key, pk
        )
        submission.notification_error = NO_STAFF_ADDRESS
        submission.save(update_fields=["notification_error"])
        return "held"
    submission.notification_state = NotificationState.SENT
    submission.notification_error = ""
    submission.save(update_fields=["notification_state", "notification_error"])
    return "sent"


def send_held_notifications(contact):
    """Queue the staff notifications held while no staff address was set."""
    for kind in kinds.KINDS:
        if not staff_address(kind, contact):
            continue
        held = kind.model.objects.filter(
            notification_state=NotificationState.PENDING, notification_error=NO_STAFF_ADDRESS
        )
        for pk in held.values_list("pk", flat=True):
            notify_about_submission.enqueue(kind.model_label, pk)


def staff_address_saved(sender, instance, **kwargs):
    if any(staff_address(kind, instance) for kind in kinds.KINDS):

        def send_held():
            send_held_notifications(instance)

        transaction.on_commit(send_held, robust=True)
