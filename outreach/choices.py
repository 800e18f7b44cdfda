"""Fixed lists the sign-up forms, models and admin filters share.

Codes are stored comma-separated, so no code may be a substring of another.
"""

from django.db import models

from core.us_states import US_STATES  # noqa: F401 (declared once, in core)


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    ACTIVE = "active", "Active"
    DECLINED = "declined", "Declined"
    ARCHIVED = "archived", "Archived"


# Which status a submission may move to next; staff never skip straight past "contacted".
NEXT_STATUSES = {
    Status.NEW: [Status.CONTACTED, Status.DECLINED, Status.ARCHIVED],
    Status.CONTACTED: [Status.ACTIVE, Status.DECLINED, Status.ARCHIVED],
    Status.ACTIVE: [Status.DECLINED, Status.ARCHIVED],
    Status.DECLINED: [Status.CONTACTED, Status.ARCHIVED],
    Status.ARCHIVED: [Status.CONTACTED],
}

# Only these are ever removed by the retention command.
CLOSED_STATUSES = [Status.DECLINED, Status.ARCHIVED]


class FamilyStatus(models.TextChoices):
    """A family help request's workflow, from arrival to closing (with a reason)."""

    NEW = "new", "New"
    TRIAGED = "triaged", "Triaged"
    IN_PROGRESS = "in_progress", "In progress"
    REFERRED = "referred", "Referred"
    CLOSED = "closed", "Closed"


# Closing is allowed at any point (a family may withdraw); a closed request can be reopened.
FAMILY_NEXT_STATUSES = {
    FamilyStatus.NEW: [FamilyStatus.TRIAGED, FamilyStatus.CLOSED],
    FamilyStatus.TRIAGED: [FamilyStatus.IN_PROGRESS, FamilyStatus.REFERRED, FamilyStatus.CLOSED],
    FamilyStatus.IN_PROGRESS: [FamilyStatus.REFERRED, FamilyStatus.CLOSED],
    FamilyStatus.REFERRED: [FamilyStatus.IN_PROGRESS, FamilyStatus.CLOSED],
    FamilyStatus.CLOSED: [FamilyStatus.IN_PROGRESS],
}

CLOSE_REASONS = [
    ("resolved", "Resolved"),
    ("referred_on", "Referred on"),
    ("no_contact", "No contact"),
    ("withdrawn", "Withdrawn"),
]

FAMILY_HELP = [
    ("police", "Advocacy with the police"),
    ("appeal", "Awareness and a public appeal"),
    ("support", "A referral for support"),
    ("media", "Help with the media"),
    ("other", "Something else"),
]

LANGUAGES = [("en", "English"), ("es", "Spanish")]


class NotificationState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed: person not notified"


CONTACT_METHODS = [
    ("email", "Email"),
    ("phone", "Phone call"),
    ("text", "Text message"),
]
# How the review screen warns staff off a method the person did not mark safe: "Do not ...".
CONTACT_METHOD_VERBS = {"email": "email", "phone": "phone", "text": "text"}

ADVOCATE_INTERESTS = [
    ("outreach", "Community outreach"),
    ("education", "Education and training"),
    ("families", "Supporting families of the missing"),
    ("events", "Awareness events"),
    ("other", "Other"),
]

ORGANISATION_TYPES = [
    ("ngo", "Nonprofit or NGO"),
    ("faith", "Faith community"),
    ("school", "School or university"),
    ("law", "Law enforcement"),
    ("government", "Government agency"),
    ("business", "Business"),
    ("media", "Media"),
    ("other", "Other"),
]

COLLABORATION_AREAS = [
    ("awareness", "Awareness"),
    ("training", "Training"),
    ("referrals", "Victim support and referrals"),
    ("events", "Events"),
    ("funding", "Funding"),
    ("other", "Other"),
]

AUDIENCES = [
    ("children", "Children"),
    ("teens", "Teens"),
    ("parents", "Parents"),
    ("educators", "Educators"),
    ("adults", "Adults"),
]

DELIVERY_MODES = [
    ("in_person", "In person"),
    ("online", "Online"),
]
