"""Turning bots away without third-party services: honeypot, signed timing token, rate limit.

The timing token is signed, so a bot cannot forge an old timestamp; it also carries the
one-time id that makes a double click or a resubmit save a single row.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core import signing

from django_ratelimit.core import is_ratelimited

from core.client_ip import client_ip

logger = logging.getLogger("outreach.spam")

TOKEN_FIELD = "form_token"
HONEYPOT_FIELD = "fax_number"
SALT = "outreach.sign-up-form"


class LooksLikeABot(Exception):
    """The request is turned away with a generic answer; the reason goes to the log only."""


class FormExpired(Exception):
    """A real person left the form open too long; they get a fresh token and keep their text."""


class SentTooFast(Exception):
    """Sent sooner after the form was first shown than a person types, as autofill can be.

    Not a rejection: the form comes back with everything kept and the same token, so the
    clock still runs from when the form was first shown.
    """


def issue_token(kind):
    return signing.dumps({"id": uuid.uuid4().hex, "kind": kind, "t": time.time()}, salt=SALT)


def check_submission(data, kind):
    """Return the one-time id of a human-looking submission, or raise."""
    if data.get(HONEYPOT_FIELD):
        raise LooksLikeABot("honeypot filled")
    try:
        token = signing.loads(
            data.get(TOKEN_FIELD, ""), salt=SALT, max_age=settings.OUTREACH_FORM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise FormExpired from error
    except signing.BadSignature as error:
        raise LooksLikeABot("missing or forged token") from error
    if token.get("kind") != kind:
        raise LooksLikeABot("token from another form")
    if time.time() - token["t"] < settings.OUTREACH_MIN_FILL_SECONDS:
        raise SentTooFast
    return uuid.UUID(token["id"])


def log_rejection(kind, reason):
    # Counted by reason and form only: the log never holds what was typed or who sent it.
    logger.warning("outreach bot rejected form=%s reason=%s", kind, reason)


def log_sent_too_fast(kind):
    logger.warning("outreach sent too fast, asked again form=%s", kind)


def client_address(group, request):
    """The visitor's address, found the same way as for login lockouts (CLIENT_IP_HEADER)."""
    return client_ip(request)


def is_rate_limited(request, kind):
    """Per address and per form, on the shared cache; every rate in the setting must hold."""
    limited = False
    for rate in settings.OUTREACH_RATE_LIMITS:
        limited |= is_ratelimited(
            request,
            group=f"outreach-{kind}-{rate}",
            key=client_address,
            rate=rate,
            method="POST",
            increment=True,
        )
    if limited:
        logger.warning("outreach rate limited form=%s", kind)
    return limited
