"""Delete (or anonymise) closed sign-ups once the retention period has passed.

Only declined and archived submissions are touched, counted from their last status change.
Run it daily from cron or the platform scheduler; --dry-run only counts.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from outreach.choices import CLOSED_STATUSES
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
    help = "Remove declined/archived sign-ups older than OUTREACH_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.OUTREACH_RETENTION_DAYS,
            help="Retention period in days (default: the OUTREACH_RETENTION_DAYS setting).",
        )
        parser.add_argument(
            "--anonymise",
            action="store_true",
            help="Blank the personal details but keep the rows for counting.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only say what would go.")

    def handle(self, *args, days, anonymise, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        outcome = ("would be " if dry_run else "") + ("anonymised" if anonymise else "deleted")
        with transaction.atomic():
            for kind in KINDS:
                expired = kind.model.objects.filter(
                    status__in=CLOSED_STATUSES, status_changed_at__lt=cutoff
                )
                if anonymise:
                    expired = expired.exclude(email="")
                count = expired.count()
                if not dry_run and count:
                    if anonymise:
                        expired.update(**anonymised(kind))
                    else:
                        expired.delete()
                self.stdout.write(f"{kind.key}: {count} {outcome}")


def anonymised(kind):
    names = SHARED_PERSONAL_FIELDS + kind.personal_fields
    return {name: ANONYMISED if name in SHOWN_AS_REMOVED else "" for name in names}
