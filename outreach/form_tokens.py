"""The signed one-time token each rendered sign-up form carries.

It holds a one-time id, so a double click or a resubmit saves a single row, and the time the
form was first shown, for the minimum fill time. It is signed, so a bot cannot forge an old
timestamp or reuse another form's token.
"""

import time
import uuid

from django.conf import settings
from django.core import signing

from .spam import LooksLikeABot

TOKEN_FIELD = "form_token"
SALT = "outreach.sign-up-form"


class FormExpired(Exception):
    """A real person left the form open too long; they get a fresh token and keep their text."""


class SentTooFast(Exception):
    """Sent sooner after the form was first shown than a person types, as autofill can be.

    Not a rejection: the form comes back with everything kept and the same token, so the
    clock still runs from when the form was first shown.
    """


def issue_token(kind):
    return signing.dumps({"id": uuid.uuid4().hex, "kind": kind, "t": time.time()}, salt=SALT)


def one_time_id(data, kind):
    """Return the one-time id of the token sent with this kind's form, or raise."""
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
