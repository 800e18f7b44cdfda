import datetime
import io

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

import pytest
import time_machine

from appeals.names import APPROVERS_GROUP
from appeals.review import due_for_review

pytestmark = pytest.mark.django_db
AFTER_REVIEW = datetime.datetime(2025, 7, 10, 12, tzinfo=datetime.UTC)  # review date: July 4


def test_an_appeal_past_its_review_date_is_due(appeal):
    assert list(due_for_review(datetime.date(2025, 7, 3))) == []
    assert list(due_for_review(datetime.date(2025, 7, 4))) == [appeal]


def test_the_daily_email_lists_links_and_no_personal_details(appeal, django_user_model):
    approver = django_user_model.objects.create_user("a", email="approver@example.org")
    approver.groups.add(Group.objects.get(name=APPROVERS_GROUP))
    with time_machine.travel(AFTER_REVIEW):
        call_command("email_appeal_reviews", stdout=io.StringIO())
    (email,) = mail.outbox
    assert email.to == ["approver@example.org"]
    assert f"/admin/pages/{appeal.pk}/edit/" in email.body
    for detail in ("Example Person", "Exampleville", "Consenting Example Parent", "555"):
        assert detail not in email.body + email.subject


def test_the_review_report_and_panel_show_approvers_the_due_appeals(
    client, appeal, django_user_model
):
    boss = django_user_model.objects.create_superuser("boss", password="x")
    client.force_login(boss)
    with time_machine.travel(AFTER_REVIEW):
        report = client.get("/admin/appeals/review/").content.decode()
        dashboard = client.get("/admin/").content.decode()
    assert "Example Person" in report and "review was due July 4, 2025" in report
    assert "Appeals past their review date" in dashboard
