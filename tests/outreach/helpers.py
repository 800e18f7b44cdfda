"""Valid form data per kind, and a fresh signed token for each POST."""

import re
import time
from unittest import mock

from outreach import form_tokens
from outreach.kinds import KINDS

KIND_KEYS = [kind.key for kind in KINDS]

VALID_DATA = {
    "advocate": {
        "name": "Ada Lovelace",
        "email": "ada@Example.ORG",
        "phone": "(212) 555-0100",
        "city": "Baltimore",
        "state": "MD",
        "interests": ["outreach", "families"],
        "languages": "English, Spanish",
        "availability": "Weekends",
        "contact_methods": ["email", "text"],
        "times_to_avoid": "No calls after 6pm",
        "message": "I would like to help.",
        "wants_confirmation": "on",
        "consent": "on",
    },
    "partner": {
        "organisation": "Grace Chapel",
        "organisation_type": "faith",
        "website": "grace.example.org",
        "name": "Pat Jones",
        "role": "Youth pastor",
        "email": "pat@example.org",
        "phone": "+44 20 7946 0958",
        "city": "Atlanta",
        "state": "GA",
        "areas": ["awareness", "events"],
        "contact_methods": ["phone"],
        "message": "",
        "consent": "on",
    },
    "training": {
        "organisation": "Lincoln High School",
        "name": "Sam Lee",
        "role": "Counselor",
        "email": "sam@example.org",
        "city": "Chicago",
        "state": "IL",
        "audiences": ["teens", "parents"],
        "expected_attendees": "120",
        "preferred_dates": "Any Tuesday in March",
        "delivery": "in_person",
        "address": "1 School Road, Chicago",
        "contact_methods": ["email"],
        "consent": "on",
    },
}


def token_from(response):
    return re.search(r'name="form_token" value="([^"]+)"', response.content.decode()).group(1)


def valid_data(kind, **changes):
    data = dict(VALID_DATA[kind], form_token=form_tokens.issue_token(kind))
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def token_shown_seconds_ago(kind, seconds):
    """The token of a form first shown `seconds` ago."""
    with mock.patch("outreach.form_tokens.time.time", return_value=time.time() - seconds):
        return form_tokens.issue_token(kind)


def seconds_later(seconds):
    """Pretend the clock moved on, for the minimum fill time."""
    return mock.patch("outreach.form_tokens.time.time", return_value=time.time() + seconds)
