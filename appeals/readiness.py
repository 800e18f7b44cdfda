"""Why an appeal may not be published yet: each reason specific enough to act on."""

from django.utils import timezone

from .records import ConsentRecord, PoliceVerification


def reasons_not_ready(appeal):
    """What stops `appeal` (a page, e.g. a revision's) going live; empty when nothing does."""
    today = timezone.localdate()
    reasons = []
    consents = list(ConsentRecord.objects.filter(appeal_id=appeal.pk))
    verifications = list(PoliceVerification.objects.filter(appeal_id=appeal.pk))
    if not consents:
        reasons.append("There is no consent record: add the family's consent under Appeals.")
    elif not any(record.scope_web for record in consents):
        reasons.append("The consent does not cover this website (it is for print or social only).")
    if any(record.given_on > today for record in consents):
        reasons.append("A consent record is dated in the future: check its date.")
    if not verifications:
        reasons.append("There is no police verification: confirm the case with the agency first.")
    if any(record.verified_on > today for record in verifications):
        reasons.append("A police verification is dated in the future: check its date.")
    for label, value in (
        ("date last seen", appeal.last_seen_on),
        ("date of birth", appeal.date_of_birth),
    ):
        if value and value > today:
            reasons.append(f"The {label} is in the future: check it.")
    if not list(appeal.photos.all()):
        reasons.append("The appeal has no photo.")
    return reasons
