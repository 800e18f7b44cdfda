"""Delete (or anonymise) closed sign-ups once the retention period has passed.

Only closed submissions are touched (declined and archived sign-ups, closed family
requests), counted from their last status change, after each kind's retention setting.
Run it daily from cron or the platform scheduler; --dry-run only counts. It prints counts
only, never what a row held.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from outreach.kinds import KINDS

ANONYMISED = "(removed)"
# Blanked in every kind, besides each kind's own personal_fields (kinds.py).
SHARED_PERSONAL_FIELDS = (
    "name",
    "email",
    "phone",
    "city",
    "message",
    "times_to_avoid",
    "staff_notes",
    "notification_error",
)
# Kept readable in the listings as "(removed)" rather than left empty.
SHOWN_AS_REMOVED = {"name", "organisation"}


class Command(BaseCommand):
    help = "Remove closed sign-ups kept longer than their kind's retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            help="Retention period in days for every kind (default: each kind's setting, "
            "OUTREACH_RETENTION_DAYS or FAMILY_REQUEST_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--anonymise",
            action="store_true",
            help="Blank the personal details but keep the rows for counting.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say what would go.")

    def handle(self, *args, days, anonymise, dry_run, **options):
        if days is not None and days < 1:
            raise CommandError("--days must be 1 or more.")
        outcome = ("would be " if dry_run else "") + ("anonymised" if anonymise else "deleted")
        with transaction.atomic():
            for kind in KINDS:
                kept_days = days or getattr(settings, kind.retention_setting)
                expired = kind.model.objects.filter(
                    status__in=kind.model.CLOSED_STATUSES,
                    status_changed_at__lt=timezone.now() - timedelta(days=kept_days),
                )
                if anonymise:
                    expired = expired.exclude(name=ANONYMISED)
                count = expired.count()
                if not dry_run and count:
                    if anonymise:
                        expired.update(**anonymised(kind))
                    else:
                        expired.delete()
                self.stdout.write(f"{kind.key}: {count} {outcome}")


def anonymised(kind):
    names = SHARED_PERSONAL_FIELDS + kind.personal_fields
    return {name: removed_value(kind.model._meta.get_field(name)) for name in names}


def removed_value(field):
    if field.name in SHOWN_AS_REMOVED:
        return ANONYMISED
    return None if field.null else ""
