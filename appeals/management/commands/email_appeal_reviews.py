"""Daily (cron): email the appeals approvers the appeals past their review date, as links
only: an email can be forwarded or read over a shoulder, so it names nobody."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from appeals.names import APPROVERS_GROUP
from appeals.review import due_for_review, edit_url


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        due = list(due_for_review())
        if not due:
            self.stdout.write("No appeals are due for review.")
            return
        recipients = list(
            get_user_model()
            .objects.filter(groups__name=APPROVERS_GROUP, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
        if not recipients:
            self.stderr.write("Appeals are due for review but no approver has an email address.")
            return
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        lines = [f"- {base}{edit_url(appeal)}" for appeal in due]
        body = (
            f"{len(due)} appeal(s) are past their review date. Confirm each with the police "
            "agency, update its verification, or close it:\n\n" + "\n".join(lines) + "\n"
        )
        send_mail(f"{len(due)} appeal(s) to review", body, settings.DEFAULT_FROM_EMAIL, recipients)
        self.stdout.write(f"Emailed {len(recipients)} approver(s) about {len(due)} appeal(s).")
