"""The private records behind an appeal: consent, police verification, and its closure.

Kept out of the page (and so out of its revisions, previews and search) and edited only by
the appeals approvers. The signed consent is stored in the "private" storage, which has no
URL: staff download it through a view that checks their permission (views.py).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

REVIEW_AFTER = datetime.timedelta(days=30)


def private_storage():
    return storages["private"]


def not_in_future(value):
    if value > timezone.localdate():
        raise ValidationError(
            f"{value:%B %-d, %Y} is in the future: check the date.", code="future_date"
        )


class ConsentRecord(models.Model):
    appeal = models.ForeignKey(
        "appeals.AppealPage", on_delete=models.CASCADE, related_name="consent_records"
    )
    given_by = models.CharField("consent given by", max_length=200)
    relationship = models.CharField(max_length=100, help_text="e.g. mother, the person, guardian")
    given_on = models.DateField("date given", validators=[not_in_future])
    scope_web = models.BooleanField("on this website", default=False)
    scope_print = models.BooleanField("on printed posters", default=False)
    scope_social = models.BooleanField("on social media", default=False)
    document = models.FileField(
        "signed consent",
        storage=private_storage,
        upload_to="consent/%Y/%m/",
        help_text="Kept private: only appeals approvers can open it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "consent record"

    def __str__(self):
        return f"Consent for {self.appeal.title} ({self.given_on:%Y-%m-%d})"

    def document_link(self):
        url = reverse("appeals_consent_document", args=[self.pk])
        return format_html('<a href="{}">Download signed consent</a>', url)

    document_link.short_description = "Signed consent"

    def clean(self):
        if not (self.scope_web or self.scope_print or self.scope_social):
            raise ValidationError(
                "Tick where the family agreed the appeal may appear: website, print or social "
                "media (at least one).",
                code="no_scope",
            )


class PoliceVerification(models.Model):
    appeal = models.ForeignKey(
        "appeals.AppealPage", on_delete=models.CASCADE, related_name="verifications"
    )
    agency = models.CharField(max_length=200)
    contact = models.CharField(
        "officer or unit", max_length=200, help_text="Who at the agency confirmed the case."
    )
    method = models.CharField(
        "how it was verified",
        max_length=200,
        help_text="e.g. called the agency's public number and spoke to the case officer",
    )
    verified_on = models.DateField("date verified", validators=[not_in_future])
    review_on = models.DateField(
        "review date", blank=True, help_text="Left empty: 30 days after the date verified."
    )

    class Meta:
        verbose_name = "police verification"

    def __str__(self):
        return f"{self.agency}, {self.verified_on:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.review_on is None and self.verified_on:
            self.review_on = self.verified_on + REVIEW_AFTER
        super().save(*args, **kwargs)


class ClosureReason(models.TextChoices):
    FOUND_SAFE = "found_safe", "Found safe"
    FOUND_DECEASED = "found_deceased", "Found deceased"
    WITHDRAWN_FAMILY = "withdrawn_family", "Withdrawn by the family"
    WITHDRAWN_POLICE = "withdrawn_police", "Withdrawn by the police"
    PERSON_REQUEST = "person_request", "Request by the person"


class AppealClosure(models.Model):
    appeal = models.OneToOneField(
        "appeals.AppealPage", on_delete=models.CASCADE, related_name="closure"
    )
    reason = models.CharField(max_length=20, choices=ClosureReason.choices)
    closed_at = models.DateTimeField(default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "appeal closure"

    def __str__(self):
        return f"{self.get_reason_display()}, {self.closed_at:%Y-%m-%d}"
