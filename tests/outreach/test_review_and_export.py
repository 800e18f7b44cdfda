"""The review screen and the exports: plain words for staff, files safe to open."""

import csv
import datetime
import io

from django.utils import timezone

import openpyxl
import pytest

from tests.factories import AdvocateSignupFactory, PartnerSignupFactory

pytestmark = pytest.mark.django_db

ADVOCATES = "/admin/outreach/advocates/"


def make_advocate(number, **fields):
    return AdvocateSignupFactory(email=f"person{number}@example.org", **fields)


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
