"""Staff review in the Wagtail admin: listing, filters, export, workflow, permissions."""

import csv
import importlib
import io

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import openpyxl
import pytest

from outreach.choices import Status
from outreach.kinds import KINDS, REVIEWERS_GROUP
from outreach.models import AdvocateSignup
from pages.models import SiteSettings

pytestmark = pytest.mark.django_db

ADVOCATES = "/admin/outreach/advocates/"
group_migration = importlib.import_module("outreach.migrations.0002_outreach_reviewers_group")


def test_the_migration_made_the_group_the_code_looks_for():
    # The migration keeps its own copy of the name: migrations are frozen history.
    assert group_migration.GROUP_NAME == REVIEWERS_GROUP


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
    # Refused: sent to the dashboard and told why. (A delete that worked would also answer
    # 302, but to the listing, saying it was deleted.)
    for refused in [
        client.get(f"{ADVOCATES}new/", follow=True),
        client.post(f"{ADVOCATES}delete/{advocates[0].pk}/", follow=True),
    ]:
        assert refused.redirect_chain == [("/admin/", 302)]
        assert "Sorry, you do not have permission to access this area." in refused.text
    assert AdvocateSignup.objects.count() == 3


@pytest.mark.parametrize(
    "path",
    [
        ADVOCATES,
        f"{ADVOCATES}?export=csv",
        "/admin/outreach/partners/",
        "/admin/outreach/training-requests/",
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


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_every_kind_has_a_listing(client, staff_of, kind):
    staff_of(kind)
    assert client.get(reverse(f"{kind.viewset.url_namespace}:index")).status_code == 200


# --- Dashboard ---------------------------------------------------------------------------


def test_dashboard_counts_new_sign_ups_waiting(client, reviewer, advocates):
    html = client.get("/admin/").content.decode()
    assert "New sign-ups waiting" in html
    assert f'href="{ADVOCATES}?status=new"' in html
    assert "2 advocate sign-ups" in html and "0 training requests" in html


@pytest.fixture
def site_settings(site):
    return SiteSettings.for_site(site)


def test_dashboard_warns_when_no_staff_address_is_set(client, reviewer, site_settings):
    site_settings.staff_notification_email = ""
    site_settings.save()
    html = client.get("/admin/").content.decode()
    assert "Sign-up notifications are held: no staff address set in Site settings" in html


def test_superuser_is_sent_to_the_setting_from_the_warning(client, site_settings):
    site_settings.staff_notification_email = ""
    site_settings.save()
    admin = get_user_model().objects.create_superuser("admin", "a@nmpaa.test", "x")
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    assert "no staff address set in Site settings" in html
    assert "/admin/settings/pages/sitesettings/" in html


def test_dashboard_says_nothing_when_a_staff_address_is_set(client, reviewer, site_settings):
    site_settings.staff_notification_email = "team@nmpaa.test"
    site_settings.save()
    assert "notifications are held" not in client.get("/admin/").content.decode()


def test_page_editors_see_no_sign_up_panels(client, editor, advocates, site_settings):
    site_settings.staff_notification_email = ""
    site_settings.save()
    html = client.get("/admin/").content.decode()
    assert "notifications are held" not in html and "New sign-ups waiting" not in html
