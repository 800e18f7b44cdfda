"""Turning bots away without third-party services: a honeypot field and a rate limit.

What is logged is counted by reason and form only: never what was typed or who sent it.
The signed token that also turns forged or reused forms away is in form_tokens.py.
"""

import logging

from django.conf import settings

from django_ratelimit.core import is_ratelimited

from core.client_ip import client_ip

logger = logging.getLogger("outreach.spam")

HONEYPOT_FIELD = "fax_number"


class LooksLikeABot(Exception):
    """The request is turned away with a generic answer; the reason goes to the log only."""


def check_honeypot(data):
    if data.get(HONEYPOT_FIELD):
        raise LooksLikeABot("honeypot filled")


def log_rejection(kind, reason):
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
