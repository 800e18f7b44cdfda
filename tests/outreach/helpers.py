"""Valid form data per kind, and a fresh signed token for each POST."""

import re
import time
from unittest import mock

from outreach import form_tokens
from outreach.kinds import KINDS

KIND_KEYS = [kind.key for kind in KINDS]
# The kinds whose form offers a confirmation email (not the family help request).
CONFIRMING_KEYS = [kind.key for kind in KINDS if "wants_confirmation" in kind.form.base_fields]
# The kinds whose page shows the usual "not for emergencies" notice.
USUAL_NOTICE_KEYS = [kind.key for kind in KINDS if not kind.urgent_notice]

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
    "family": {
        "name": "Maria Lopez",
        "relationship": "Mother",
        "email": "maria@example.org",
        "phone": "(212) 555-0100",
        "contact_methods": ["phone", "text"],
        "times_to_avoid": "Only after 5pm",
        "voicemail_allowed": "no",
        "preferred_language": "es",
        "missing_first_name": "Jordan",
        "missing_age": "15",
        "city": "Baltimore",
        "state": "MD",
        "last_seen_on": "01/15/2026",
        "police_agency": "Baltimore Police Department",
        "police_report_number": "26-001234",
        "help_wanted": ["police", "appeal"],
        "police_contact_allowed": "on",
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
