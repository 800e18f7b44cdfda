"""Staff review in the Wagtail admin: listing, filters, export, workflow, permissions."""

import csv
import importlib
import io

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.models import ModelLogEntry

import openpyxl
import pytest

from outreach.choices import NotificationState, Status
from outreach.models import AdvocateSignup, PartnerSignup, TrainingRequest

pytestmark = pytest.mark.django_db

ADVOCATES = "/admin/outreach/advocates/"
group_migration = importlib.import_module("outreach.migrations.0002_outreach_reviewers_group")


@pytest.fixture
def reviewers_group():
    # A transactional test elsewhere may have flushed what the migration made.
    if not Group.objects.filter(name="Outreach reviewers").exists():
        group_migration.create_reviewers_group(apps, None)
    return Group.objects.get(name="Outreach reviewers")


@pytest.fixture
def reviewer(client, reviewers_group):
    user = get_user_model().objects.create_user("reviewer", "r@nmpaa.test", "x")
    user.groups.add(reviewers_group)
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    """A page editor: admin access and page permissions, but not the reviewers group."""
    user = get_user_model().objects.create_user("editor", "e@nmpaa.test", "x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=["add_page", "change_page"]),
    )
    client.force_login(user)
    return user


def make_advocate(number, **fields):
    values = {
        "name": f"Advocate {number}",
        "email": f"person{number}@example.org",
        "city": "Baltimore",
        "state": "MD",
        "interests": "outreach",
        "contact_methods": "email",
        "consent_text": "I agree",
        "privacy_notice_version": "2026-11",
        "form_token": f"00000000-0000-0000-0000-{number:012d}",
    }
    values.update(fields)
    return AdvocateSignup.objects.create(**values)


@pytest.fixture
def advocates():
    return [
        make_advocate(1, name="Keisha Brown", state="GA", interests="families,events"),
        make_advocate(2, name="Luis Ortega", status=Status.CONTACTED),
        make_advocate(
            3,
            name="Mary Smith",
            notification_state=NotificationState.FAILED,
            notification_error="SMTPServerDisconnected: closed",
            notification_attempts=5,
        ),
    ]


def test_reviewers_group_has_exactly_the_permissions_it_needs(reviewers_group):
    codenames = set(reviewers_group.permissions.values_list("codename", flat=True))
    assert codenames == {
        "access_admin",
        "view_advocatesignup",
        "change_advocatesignup",
        "view_partnersignup",
        "change_partnersignup",
        "view_trainingrequest",
        "change_trainingrequest",
    }


def test_reviewer_sees_the_outreach_menu_and_listing(client, reviewer, advocates):
    dashboard = client.get("/admin/").content.decode()
    assert "Outreach" in dashboard and "Training requests" in dashboard
    response = client.get(ADVOCATES)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Keisha Brown" in html and "Luis Ortega" in html and "Mary Smith" in html
    assert "/admin/outreach/advocates/new/" not in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("status=contacted", ["Luis Ortega"], ["Keisha Brown", "Mary Smith"]),
        ("state=GA", ["Keisha Brown"], ["Luis Ortega", "Mary Smith"]),
        ("interests=families", ["Keisha Brown"], ["Luis Ortega", "Mary Smith"]),
        ("notification_state=failed", ["Mary Smith"], ["Keisha Brown", "Luis Ortega"]),
        ("q=ortega", ["Luis Ortega"], ["Keisha Brown", "Mary Smith"]),
        ("q=person3@example", ["Mary Smith"], ["Keisha Brown", "Luis Ortega"]),
    ],
)
def test_listing_filters_and_search(client, reviewer, advocates, query, shown, hidden):
    html = client.get(f"{ADVOCATES}?{query}").content.decode()
    for name in shown:
        assert name in html
    for name in hidden:
        assert name not in html


def test_date_filter(client, reviewer, advocates):
    AdvocateSignup.objects.filter(name="Mary Smith").update(
        created_at=timezone.now() - timezone.timedelta(days=40)
    )
    since = (timezone.now() - timezone.timedelta(days=7)).date().isoformat()
    html = client.get(f"{ADVOCATES}?created_at_from={since}").content.decode()
    assert "Keisha Brown" in html and "Mary Smith" not in html


def test_csv_export_holds_the_filtered_list(client, reviewer, advocates):
    response = client.get(f"{ADVOCATES}?export=csv&status=new")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert sorted(row["Name"] for row in rows) == ["Keisha Brown", "Mary Smith"]
    keisha = next(row for row in rows if row["Name"] == "Keisha Brown")
    assert keisha["Email"] == "person1@example.org"
    assert keisha["Ways to help"] == "Supporting families of the missing, Awareness events"
    assert keisha["Status"] == "New"


def test_xlsx_export_holds_the_filtered_list(client, reviewer, advocates):
    response = client.get(f"{ADVOCATES}?export=xlsx&notification_state=failed")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    header, data = rows[0], rows[1:]
    assert len(data) == 1
    record = dict(zip(header, data[0], strict=True))
    assert record["Name"] == "Mary Smith"
    assert record["Notification error"] == "SMTPServerDisconnected: closed"
    assert record["Notification"] == "Failed: person not notified"


def test_inspect_view_shows_the_whole_submission(client, reviewer, advocates):
    mary = advocates[2]
    html = client.get(f"{ADVOCATES}inspect/{mary.pk}/").content.decode()
    assert "person3@example.org" in html
    assert "SMTPServerDisconnected: closed" in html


def test_status_change_is_saved_with_notes_and_logged_with_who_and_when(
    client, reviewer, advocates
):
    keisha = advocates[0]
    response = client.post(
        f"{ADVOCATES}edit/{keisha.pk}/",
        {"status": Status.CONTACTED, "staff_notes": "Called on Monday; call back Friday."},
    )
    assert response.status_code == 302
    keisha.refresh_from_db()
    assert keisha.status == Status.CONTACTED
    assert keisha.staff_notes == "Called on Monday; call back Friday."

    entry = ModelLogEntry.objects.get(action="outreach.status_change", object_id=str(keisha.pk))
    assert entry.user == reviewer
    assert entry.timestamp is not None
    history = client.get(f"{ADVOCATES}history/{keisha.pk}/").content.decode()
    assert "Status changed from New to Contacted" in history
    assert "reviewer" in history


def test_status_cannot_skip_the_workflow(client, reviewer, advocates):
    keisha = advocates[0]
    response = client.post(f"{ADVOCATES}edit/{keisha.pk}/", {"status": Status.ACTIVE})
    assert response.status_code == 200
    keisha.refresh_from_db()
    assert keisha.status == Status.NEW
    assert not ModelLogEntry.objects.filter(action="outreach.status_change").exists()


def test_reviewer_cannot_add_or_delete_submissions(client, reviewer, advocates):
    assert client.get(f"{ADVOCATES}new/").status_code in (302, 403)
    assert client.post(f"{ADVOCATES}delete/{advocates[0].pk}/").status_code in (302, 403)
    assert AdvocateSignup.objects.count() == 3


@pytest.mark.parametrize(
    "path",
    [
        ADVOCATES,
        f"{ADVOCATES}?export=csv",
        "/admin/outreach/partners/",
        "/admin/outreach/training-requests/",
        f"{ADVOCATES}inspect/{{pk}}/",
        f"{ADVOCATES}edit/{{pk}}/",
        f"{ADVOCATES}history/{{pk}}/",
    ],
)
def test_page_editors_cannot_reach_submissions_by_url(client, editor, advocates, path):
    response = client.get(path.format(pk=advocates[0].pk))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/" in response["Location"]
    assert b"person1@example.org" not in response.content


def test_page_editors_see_no_outreach_menu(client, editor):
    html = client.get("/admin/").content.decode()
    assert client.get("/admin/").status_code == 200
    assert "Training requests" not in html
    assert "/admin/outreach/" not in html


def test_every_kind_has_a_listing(client, reviewer):
    for path, model in [
        ("/admin/outreach/partners/", PartnerSignup),
        ("/admin/outreach/training-requests/", TrainingRequest),
    ]:
        assert client.get(path).status_code == 200, model
