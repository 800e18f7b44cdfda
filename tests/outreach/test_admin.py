"""Staff review in the Wagtail admin: listing, filters, export, workflow, permissions."""

import csv
import datetime
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
from outreach.kinds import REVIEWERS_GROUP
from outreach.models import AdvocateSignup, PartnerSignup, TrainingRequest
from tests.factories import AdvocateSignupFactory, PartnerSignupFactory

pytestmark = pytest.mark.django_db

ADVOCATES = "/admin/outreach/advocates/"
group_migration = importlib.import_module("outreach.migrations.0002_outreach_reviewers_group")


@pytest.fixture
def reviewers_group():
    # A transactional test elsewhere may have flushed what the migration made.
    if not Group.objects.filter(name=REVIEWERS_GROUP).exists():
        group_migration.create_reviewers_group(apps, None)
    return Group.objects.get(name=REVIEWERS_GROUP)


def test_the_migration_made_the_group_the_code_looks_for():
    # The migration keeps its own copy of the name: migrations are frozen history.
    assert group_migration.GROUP_NAME == REVIEWERS_GROUP


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
    return AdvocateSignupFactory(email=f"person{number}@example.org", **fields)


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


def test_every_kind_has_a_listing(client, reviewer):
    for path, model in [
        ("/admin/outreach/partners/", PartnerSignup),
        ("/admin/outreach/training-requests/", TrainingRequest),
    ]:
        assert client.get(path).status_code == 200, model


# --- Exports are safe to open and say what time zone they use ------------------------------

RECEIVED = timezone.datetime(2026, 1, 15, 17, 30, 5, 123456, tzinfo=datetime.UTC)


def csv_rows(client, query=""):
    response = client.get(f"{ADVOCATES}?export=csv{query}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_export_neutralises_cells_a_spreadsheet_would_run(client, reviewer, prefix):
    formula = f'{prefix}HYPERLINK("http://evil.example","click")'
    make_advocate(1, name=formula, message=f"{prefix}1+1", times_to_avoid="Ada - evenings")
    (row,) = csv_rows(client)
    assert row["Name"] == "'" + formula
    assert row["Message"] == f"'{prefix}1+1"
    assert row["Times or ways to avoid"] == "Ada - evenings"  # only the first character counts
    assert row["Email"] == "person1@example.org"


def xlsx_sheet(client):
    response = client.get(f"{ADVOCATES}?export=xlsx")
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_xlsx_export_stores_a_formula_as_plain_text(client, reviewer):
    formula = '=HYPERLINK("http://evil.example","click")'
    make_advocate(1, name=formula, message="+1+1")
    sheet = xlsx_sheet(client)
    header = [cell.value for cell in sheet[1]]
    name, message = (
        sheet.cell(2, header.index("Name") + 1),
        sheet.cell(2, header.index("Message") + 1),
    )
    assert (name.data_type, name.value) == ("s", formula)
    assert (message.data_type, message.value) == ("s", "+1+1")


def test_csv_export_gives_local_times_with_their_offset(client, reviewer):
    make_advocate(1, created_at=RECEIVED)
    (row,) = csv_rows(client)
    assert row["Received (America/New_York)"] == "2026-01-15T12:30:05-05:00"


def test_xlsx_export_gives_local_times(client, reviewer):
    make_advocate(1, created_at=RECEIVED)
    rows = list(xlsx_sheet(client).values)
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["Received (America/New_York)"] == datetime.datetime(2026, 1, 15, 12, 30, 5)


# --- One review screen -------------------------------------------------------------------


def test_listing_row_opens_the_review_screen(client, reviewer, advocates):
    html = client.get(ADVOCATES).content.decode()
    assert f"{ADVOCATES}edit/{advocates[0].pk}/" in html
    assert f"{ADVOCATES}inspect/" not in html


def test_review_screen_shows_the_person_in_plain_words_beside_status_and_notes(client, reviewer):
    keisha = make_advocate(
        1,
        name="Keisha Brown",
        phone="+12125550100",
        interests="families,events",
        contact_methods="phone,text",
        times_to_avoid="No calls after 6pm",
        wants_confirmation=False,
        created_at=RECEIVED,
    )
    html = client.get(f"{ADVOCATES}edit/{keisha.pk}/").content.decode()
    assert html.index("Keisha Brown") < html.index("person1@example.org")
    assert "Supporting families of the missing, Awareness events" in html
    assert "families,events" not in html
    assert "Safe ways to contact: Phone call, Text message. Do not email." in html
    assert "No calls after 6pm" in html
    assert "Maryland" in html
    assert "Send a confirmation email" in html and "True" not in html and "False" not in html
    assert "Jan. 15, 2026, 12:30 p.m. EST" in html
    assert 'name="status"' in html and 'name="staff_notes"' in html
    assert html.index("Keisha Brown") < html.index('name="status"')


def test_review_screen_shows_why_a_notification_failed(client, reviewer, advocates):
    html = client.get(f"{ADVOCATES}edit/{advocates[2].pk}/").content.decode()
    assert "Failed: person not notified" in html
    assert "SMTPServerDisconnected: closed" in html


def test_review_screen_for_a_partner_names_the_organisation(client, reviewer):
    partner = PartnerSignupFactory(areas="awareness,events")
    html = client.get(f"/admin/outreach/partners/edit/{partner.pk}/").content.decode()
    assert "Faith community" in html and "Awareness, Events" in html
    assert "Safe ways to contact: Email. Do not phone or text." in html


# --- Dashboard ---------------------------------------------------------------------------


def test_dashboard_counts_new_sign_ups_waiting(client, reviewer, advocates):
    html = client.get("/admin/").content.decode()
    assert "New sign-ups waiting" in html
    assert f'href="{ADVOCATES}?status=new"' in html
    assert "2 advocate sign-ups" in html and "0 training requests" in html


@pytest.fixture
def site_settings(site):
    from pages.models import SiteSettings

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
