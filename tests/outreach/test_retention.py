"""The retention command removes only closed sign-ups past the retention period."""

import io
from datetime import timedelta

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest

from outreach.choices import Status
from outreach.models import AdvocateSignup, PartnerSignup
from tests.factories import AdvocateSignupFactory

pytestmark = pytest.mark.django_db

OLD = timezone.now() - timedelta(days=800)


def advocate(number, status, changed_at=OLD):
    return AdvocateSignupFactory(
        name=f"Person {number}",
        email=f"p{number}@example.org",
        phone="+12125550100",
        status=status,
        status_changed_at=changed_at,
        staff_notes="private",
    )


@pytest.fixture
def signups():
    return {
        "old_archived": advocate(1, Status.ARCHIVED),
        "old_declined": advocate(2, Status.DECLINED),
        "old_active": advocate(3, Status.ACTIVE),
        "recent_archived": advocate(4, Status.ARCHIVED, timezone.now() - timedelta(days=30)),
    }


def run(*args):
    out = io.StringIO()
    call_command("purge_outreach_submissions", *args, stdout=out)
    return out.getvalue()


def test_dry_run_counts_and_changes_nothing(signups):
    output = run("--dry-run")
    assert "advocate: 2 would be deleted" in output
    assert "partner: 0 would be deleted" in output
    assert AdvocateSignup.objects.count() == 4


def test_deletes_only_closed_submissions_past_the_retention_period(signups):
    output = run()
    assert "advocate: 2 deleted" in output
    remaining = set(AdvocateSignup.objects.values_list("name", flat=True))
    assert remaining == {"Person 3", "Person 4"}


def test_retention_period_is_configurable(signups, settings):
    settings.OUTREACH_RETENTION_DAYS = 10
    assert "advocate: 3 would be deleted" in run("--dry-run")


def test_anonymise_keeps_rows_but_no_personal_data(signups):
    output = run("--anonymise")
    assert "advocate: 2 anonymised" in output
    old = AdvocateSignup.objects.get(pk=signups["old_archived"].pk)
    assert (old.name, old.email, str(old.phone), old.city, old.staff_notes) == (
        "(removed)",
        "",
        "",
        "",
        "",
    )
    assert AdvocateSignup.objects.get(pk=signups["recent_archived"].pk).email == "p4@example.org"
    assert "advocate: 0 anonymised" in run("--anonymise")


def test_bad_period_is_refused():
    with pytest.raises(CommandError, match="--days must be 1 or more"):
        run("--days", "0")
    assert PartnerSignup.objects.count() == 0
