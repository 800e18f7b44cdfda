"""A help line past its review date shows in the admin report and dashboard, and the verifiers
get a daily email naming it (and nothing else)."""

import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

import pytest
import time_machine

from pages.models import HelpLine
from pages.models.help_lines import VERIFIERS_GROUP, overdue_lines

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2026, 6, 1, 15, 0, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def checked_lines(site, frozen):
    """All lines checked 10 days ago, except the hotline: 91 days ago, due every 90."""
    HelpLine.objects.update(last_verified_on=TODAY - datetime.timedelta(days=10))
    HelpLine.objects.filter(slug="trafficking_hotline").update(
        last_verified_on=TODAY - datetime.timedelta(days=91)
    )


@pytest.fixture
def verifier(django_user_model):
    user = django_user_model.objects.create_user("vera", "vera@example.org", "pw")
    user.groups.add(Group.objects.get(name=VERIFIERS_GROUP))
    return user


def test_a_line_past_its_review_date_is_overdue_and_the_others_are_not(checked_lines):
    assert [line.slug for line in overdue_lines()] == ["trafficking_hotline"]


def test_a_line_is_due_on_the_day_its_review_period_ends(site):
    HelpLine.objects.update(last_verified_on=datetime.date(2026, 3, 3))
    with time_machine.travel(datetime.datetime(2026, 5, 31, 12, tzinfo=datetime.UTC)):
        assert list(overdue_lines()) == []  # 89 days later
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)):
        assert len(overdue_lines()) == HelpLine.objects.count()  # 90 days later


def test_a_line_never_checked_is_overdue(site, frozen):
    assert {line.slug for line in overdue_lines()} == set(
        HelpLine.objects.values_list("slug", flat=True)
    )


def test_the_report_and_dashboard_name_the_overdue_line_for_verifiers(
    client, checked_lines, verifier
):
    client.force_login(verifier)
    report = client.get(reverse("overdue_help_lines")).text
    assert "National Human Trafficking Hotline" in report
    assert "National Center for Missing" not in report
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "Help lines to check against their source" in dashboard
    assert "National Human Trafficking Hotline" in dashboard


def test_the_report_is_only_for_verifiers(client, checked_lines, django_user_model):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("overdue_help_lines"))
    assert response.status_code in (302, 403)
    assert "National Human Trafficking Hotline" not in client.get(reverse("wagtailadmin_home")).text


def test_the_daily_command_emails_verifiers_the_names_and_links_only(checked_lines, verifier):
    call_command("email_overdue_help_lines", stdout=io.StringIO())
    (message,) = mail.outbox
    assert message.to == ["vera@example.org"]
    line = HelpLine.objects.get(slug="trafficking_hotline")
    assert "National Human Trafficking Hotline" in message.body
    assert reverse("wagtailsnippets_pages_helpline:edit", args=[line.pk]) in message.body
    assert "373" not in message.body and "233733" not in message.body  # no number, no data
    assert "National Center for Missing" not in message.body


def test_the_daily_command_sends_nothing_when_nothing_is_due(site, frozen, verifier):
    HelpLine.objects.update(last_verified_on=TODAY)
    call_command("email_overdue_help_lines", stdout=io.StringIO())
    assert mail.outbox == []
