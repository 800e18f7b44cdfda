"""Appeals due for review: live, with no police verification whose review date is still
ahead. Staff see them in a report and a dashboard panel; approvers get a daily email."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from .models import AppealPage
from .records import PoliceVerification


def due_for_review(today=None):
    today = today or timezone.localdate()
    current = PoliceVerification.objects.filter(appeal=OuterRef("pk"), review_on__gt=today)
    return AppealPage.objects.live().exclude(Exists(current)).order_by("pk")


def edit_url(appeal):
    return reverse("wagtailadmin_pages:edit", args=[appeal.pk])


def review_rows(today=None):
    rows = []
    for appeal in due_for_review(today).prefetch_related("verifications"):
        dates = [record.review_on for record in appeal.verifications.all()]
        rows.append({"appeal": appeal, "review_on": max(dates) if dates else None})
    return rows
