"""The sign-up rows (personal data): what every kind stores, and each kind's own fields."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone

from phonenumber_field.modelfields import PhoneNumberField

from .choices import (
    ADVOCATE_INTERESTS,
    AUDIENCES,
    CLOSE_REASONS,
    CLOSED_STATUSES,
    COLLABORATION_AREAS,
    CONTACT_METHODS,
    DELIVERY_MODES,
    FAMILY_HELP,
    FAMILY_NEXT_STATUSES,
    LANGUAGES,
    NEXT_STATUSES,
    ORGANISATION_TYPES,
    US_STATES,
    FamilyStatus,
    NotificationState,
    Status,
)


def labels_for(codes, choices):
    """'a,b' -> 'Label A, Label B' for listings and exports."""
    names = dict(choices)
    return ", ".join(names.get(code, code) for code in codes.split(",") if code)


class Submission(models.Model):
    """What every sign-up stores: contact details, safety wishes, consent, review state."""

    # Its review workflow; a kind with its own overrides these and `status`.
    STATUS = Status
    NEXT_STATUSES = NEXT_STATUSES
    CLOSED_STATUSES = CLOSED_STATUSES

    created_at = models.DateTimeField("received", default=timezone.now, db_index=True)
    email = models.EmailField(max_length=254)
    phone = PhoneNumberField(blank=True)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, choices=US_STATES)
    message = models.TextField(max_length=3000, blank=True)

    # Safety: a volunteer may share a phone or inbox with someone they must be careful of.
    contact_methods = models.CharField("safe ways to contact", max_length=40)
    times_to_avoid = models.CharField("times or ways to avoid", max_length=300, blank=True)
    # Asked for, and honoured only while email is one of the safe ways (confirmation_allowed).
    wants_confirmation = models.BooleanField("send a confirmation email", default=False)

    consent_text = models.TextField(editable=False)
    privacy_notice_version = models.CharField(max_length=20, editable=False)
    # One per rendered form, so a double click or a resubmit cannot make a second row.
    form_token = models.UUIDField(unique=True, editable=False)
    possible_duplicate = models.BooleanField(
        default=False,
        help_text="The same email used this form in the 24 hours before.",
    )

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    status_changed_at = models.DateTimeField(default=timezone.now)
    staff_notes = models.TextField(
        "private staff notes", max_length=5000, blank=True, help_text="Never shown to the person."
    )

    notification_state = models.CharField(
        max_length=10, choices=NotificationState.choices, default=NotificationState.PENDING
    )
    notification_attempts = models.PositiveSmallIntegerField(default=0)
    notification_error = models.CharField(max_length=500, blank=True)
    staff_notified_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]
        indexes = [
            # The possible-duplicate check: same email (any case) on this form in the last day.
            models.Index(Upper("email"), "created_at", name="%(class)s_email_recent"),
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} #{self.pk}"

    def email_is_safe(self):
        return "email" in self.contact_methods.split(",")

    @property
    def confirmation_allowed(self):
        """A confirmation email only to someone who asked for it and marked email safe."""
        return self.wants_confirmation and self.email_is_safe()

    def contact_methods_display(self):
        return labels_for(self.contact_methods, CONTACT_METHODS)

    contact_methods_display.short_description = "safe ways to contact"

    def contact_notes(self):
        """More of the person's wishes on contact, shown beside the safe ways."""
        return []


class AdvocateSignup(Submission):
    name = models.CharField(max_length=150)
    interests = models.CharField("ways to help", max_length=200)
    languages = models.CharField("languages spoken", max_length=200, blank=True)
    availability = models.CharField(max_length=300, blank=True)

    class Meta(Submission.Meta):
        verbose_name = "advocate sign-up"

    def interests_display(self):
        return labels_for(self.interests, ADVOCATE_INTERESTS)

    interests_display.short_description = "ways to help"


class PartnerSignup(Submission):
    organisation = models.CharField("organization name", max_length=200)
    organisation_type = models.CharField(
        "type of organization", max_length=20, choices=ORGANISATION_TYPES
    )
    website = models.URLField(max_length=300, blank=True)
    name = models.CharField("contact name", max_length=150)
    role = models.CharField("contact's role", max_length=150, blank=True)
    areas = models.CharField("areas of collaboration", max_length=200)

    class Meta(Submission.Meta):
        verbose_name = "partner sign-up"

    def areas_display(self):
        return labels_for(self.areas, COLLABORATION_AREAS)

    areas_display.short_description = "areas of collaboration"


class TrainingRequest(Submission):
    organisation = models.CharField("school or group", max_length=200)
    name = models.CharField("contact name", max_length=150)
    role = models.CharField("contact's role", max_length=150, blank=True)
    audiences = models.CharField("audience", max_length=100)
    expected_attendees = models.PositiveIntegerField()
    preferred_dates = models.CharField(max_length=300)
    delivery = models.CharField("in person or online", max_length=10, choices=DELIVERY_MODES)
    address = models.CharField("address for an in-person session", max_length=300, blank=True)

    class Meta(Submission.Meta):
        verbose_name = "training request"

    def audiences_display(self):
        return labels_for(self.audiences, AUDIENCES)

    audiences_display.short_description = "audience"


class FamilyHelpRequest(Submission):
    """A family asks NMPAA for help. Never asks for photos, surnames, addresses or IDs."""

    STATUS = FamilyStatus
    NEXT_STATUSES = FAMILY_NEXT_STATUSES
    CLOSED_STATUSES = [FamilyStatus.CLOSED]

    # About the person asking: email or phone, at least one (the form checks).
    name = models.CharField("name of the person asking", max_length=150)
    relationship = models.CharField("relationship to the missing person", max_length=100)
    email = models.EmailField(max_length=254, blank=True)
    voicemail_allowed = models.BooleanField("voicemail allowed", default=False)
    preferred_language = models.CharField(max_length=2, choices=LANGUAGES)
    # About the missing person; `city` and `state` are where they were last seen.
    missing_first_name = models.CharField("missing person's first name", max_length=100)
    missing_age = models.PositiveSmallIntegerField("missing person's age", null=True)
    last_seen_on = models.DateField("date last seen", null=True)
    police_agency = models.CharField("police agency", max_length=200, blank=True)
    police_report_number = models.CharField("police report number", max_length=100, blank=True)
    police_refused = models.BooleanField("the police would not take a report", default=False)
    ncic_number = models.CharField("NCIC number", max_length=50, blank=True)
    namus_number = models.CharField("NamUs case number", max_length=50, blank=True)
    ncmec_number = models.CharField("NCMEC case number", max_length=50, blank=True)
    help_wanted = models.CharField("help wanted", max_length=100)
    police_contact_allowed = models.BooleanField(
        "NMPAA may contact the police agency", default=False
    )

    # Staff triage.
    status = models.CharField(max_length=20, choices=FamilyStatus.choices, default=FamilyStatus.NEW)
    close_reason = models.CharField(max_length=20, choices=CLOSE_REASONS, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="caseworker",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_contact_by = models.DateField("next contact by", null=True, blank=True)

    class Meta(Submission.Meta):
        verbose_name = "family help request"

    def help_wanted_display(self):
        return labels_for(self.help_wanted, FAMILY_HELP)

    help_wanted_display.short_description = "help wanted"

    def contact_notes(self):
        voicemail = "Voicemail is allowed." if self.voicemail_allowed else "Leave no voicemail."
        return [voicemail, f"Preferred language: {self.get_preferred_language_display()}."]
