"""Write the live help lines where error pages find them with the database down.

Run in the release step, after `migrate`; publishing a help line refreshes the same copy.
"""

from django.core.management.base import BaseCommand, CommandError

from core.contacts import fallback_file
from pages.models.help_lines import refresh_last_known


class Command(BaseCommand):
    help = "Write the live help lines to the cache and the fallback file (release step)."

    def handle(self, *args, **options):
        lines = refresh_last_known()
        if not len(lines):
            raise CommandError("No live help lines: the fallback file was left as it was.")
        self.stdout.write(f"Wrote {len(lines)} help lines to {fallback_file()}")
