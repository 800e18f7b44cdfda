"""Daily: tell the help line verifiers which lines are due for checking.

The email carries only the lines' names and links to them in the admin, nothing else.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand

from pages.models.help_lines import VERIFIERS_GROUP, overdue_lines
from pages.wagtail_hooks import edit_url


class Command(BaseCommand):
    help = "Email the help line verifiers a list of the help lines due for checking."

    def handle(self, *args, **options):
        lines = list(overdue_lines())
        if not lines:
            self.stdout.write("No help line is due for checking.")
            return
        verifiers = (
            get_user_model()
            .objects.filter(groups__name=VERIFIERS_GROUP, is_active=True)
            .exclude(email="")
        )
        recipients = sorted({user.email for user in verifiers})
        if not recipients:
            self.stderr.write(f"{len(lines)} help lines are due, but no verifier has an email.")
            return
        items = "\n".join(
            f"- {line.name}: {settings.WAGTAILADMIN_BASE_URL}{edit_url(line)}" for line in lines
        )
        body = (
            "These help lines are due for checking against their official source:\n\n"
            f"{items}\n\n"
            "Open each one (you will need to log in), check it, and submit it for approval.\n"
        )
        for recipient in recipients:  # One each: verifiers do not see each other's address.
            EmailMessage(
                subject="Help lines to check",
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[recipient],
            ).send()
        self.stdout.write(f"Emailed {len(recipients)} verifiers about {len(lines)} help lines.")
