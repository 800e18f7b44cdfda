"""Family help requests: the form, who may see them, the triage workflow, urgency, retention."""

import io
import logging
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from core.page_cache import HEADER
from nmpaa_site.two_factor import requires_two_factor
from outreach.choices import FamilyStatus
from outreach.models import FamilyHelpRequest, SignUpPage
from pages.models import SiteSettings
from tests.factories import FamilyGuideSectionPageFactory, FamilyHelpRequestFactory
from tests.outreach.helpers import token_from, valid_data

pytestmark = pytest.mark.django_db

LISTING = "/admin/family-requests/"


@pytest.fixture
def request_page(site):
    section = FamilyGuideSectionPageFactory(parent=site.root_page)
    page = SignUpPage(title="Ask NMPAA for help", slug="ask-for-help", form_kind="family")
    section.add_child(instance=page)
    return page


def send(client, page, **changes):
    return client.post(page.url, valid_data("family", **changes))


# --- The form ------------------------------------------------------------------------------


def test_the_page_says_call_911_and_report_to_the_police_before_the_form(client, request_page):
    html = client.get(request_page.url).content.decode()
    notice = html.index("If someone is in danger now")
    assert 'href="tel:911"' in html[notice:]
    police = html.index("NMPAA is not law enforcement: report the person missing to the police")
    assert notice < police < html.index("<form")
    # NMPAA's number from Site settings, as a link, also before the form.
    assert html.index("You can call NMPAA instead of writing") < html.index("<form")


def test_the_form_never_asks_for_photos_surnames_addresses_or_ids(client, request_page):
    html = client.get(request_page.url).content.decode().lower()
    form = html[html.index("<form") :]
    assert 'type="file"' not in form
    labels = " ".join(re.findall(r"<label[^>]*>(.*?)</label>", form, re.S))
    for asked in ("surname", "last name", "social security", "address", "medical", "photo"):
        assert asked not in labels.replace("email address", ""), asked


def test_a_complete_request_is_saved_with_the_preferred_language(client, request_page):
    response = send(client, request_page)
    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/")
    saved = FamilyHelpRequest.objects.get()
    assert (saved.preferred_language, saved.voicemail_allowed) == ("es", False)
    assert (saved.missing_first_name, saved.missing_age) == ("Jordan", 15)
    assert saved.help_wanted == "police,appeal"
    assert saved.police_contact_allowed is True
    assert saved.status == FamilyStatus.NEW


def test_a_request_with_only_a_phone_number_is_accepted(client, request_page):
    assert send(client, request_page, email="", contact_methods=["phone"]).status_code == 302
    assert FamilyHelpRequest.objects.get().possible_duplicate is False


def test_the_police_would_not_take_a_report_replaces_the_report_number(client, request_page):
    response = send(
        client, request_page, police_agency="", police_report_number="", police_refused="on"
    )
    assert response.status_code == 302
    assert FamilyHelpRequest.objects.get().police_refused is True


TOMORROW = (timezone.localdate() + timedelta(days=1)).strftime("%m/%d/%Y")

VALIDATION_TABLE = [
    ({"last_seen_on": TOMORROW}, "The date last seen cannot be in the future."),
    ({"last_seen_on": "last week"}, "Enter the date like 03/15/2026 (month, day, year)."),
    ({"missing_age": "121"}, "Enter an age between 0 and 120."),
    ({"missing_age": "-1"}, "Enter an age between 0 and 120."),
    (
        {"police_report_number": "", "police_refused": None},
        "Enter the police report number, or tick “The police would not take a report”.",
    ),
    (
        {"police_agency": ""},
        "Enter the police agency that took the report.",
    ),
    (
        {"email": "", "phone": ""},
        "Enter an email address or a phone number, so we can reach you.",
    ),
    ({"phone": "12345"}, "Enter a phone number like (212) 555-0100, or + and the country code."),
    ({"email": "maria@"}, "Enter an email address like name@example.com."),
    ({"preferred_language": None}, "Choose English or Spanish."),
    ({"help_wanted": None}, "Choose at least one kind of help."),
]


@pytest.mark.parametrize(("changes", "message"), VALIDATION_TABLE)
def test_bad_input_gets_its_own_error_and_keeps_what_was_typed(
    client, request_page, changes, message
):
    response = send(client, request_page, **changes)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "There is a problem" in html
    assert 'value="Maria Lopez"' in html and 'value="Jordan"' in html
    for typed in changes.values():
        if typed:
            assert f'value="{typed}"' in html
    assert FamilyHelpRequest.objects.count() == 0


def test_the_thank_you_page_says_what_happens_next_and_nothing_about_the_case(client, request_page):
    request_page.thank_you_text = "<p>A caseworker will contact you within five working days.</p>"
    request_page.save_revision().publish()
    response = send(client, request_page)
    html = client.get(response["Location"]).content.decode()
    assert "A caseworker will contact you within five working days." in html
    for private in ("Jordan", "Maria", "26-001234", "Baltimore Police", "maria@example.org"):
        assert private not in html


def test_the_form_has_the_same_rate_limit_as_the_others(client, request_page, settings):
    settings.OUTREACH_RATE_LIMITS = ["2/m"]
    codes = [send(client, request_page, email=f"p{n}@example.org").status_code for n in range(3)]
    assert codes == [302, 302, 429]


def test_a_filled_honeypot_is_turned_away(client, request_page):
    assert send(client, request_page, fax_number="555").status_code == 400
    assert FamilyHelpRequest.objects.count() == 0


def test_the_form_is_never_served_from_the_page_cache(client, request_page, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.CONTENT_CACHE = True
    first, second = Client().get(request_page.url), Client().get(request_page.url)
    assert "no-store" in second["Cache-Control"] and second.get(HEADER) != "hit"
    assert token_from(first) != token_from(second)


# --- Who may see the requests --------------------------------------------------------------


@pytest.fixture
def family_request():
    return FamilyHelpRequestFactory(name="Maria Lopez", missing_first_name="Jordan")


def urls_for(request):
    return {
        "listing": LISTING,
        "detail": reverse("family_requests:edit", args=[request.pk]),
        "export": f"{LISTING}?export=csv",
    }


@pytest.mark.parametrize("page", ["listing", "detail", "export"])
def test_caseworkers_see_family_requests(client, caseworker, family_request, page):
    response = client.get(urls_for(family_request)[page])
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    assert "Jordan" in content


@pytest.mark.parametrize("who", ["reviewer", "editor"])
@pytest.mark.parametrize("page", ["listing", "detail", "export"])
def test_reviewers_and_editors_are_refused_by_url(client, request, family_request, who, page):
    request.getfixturevalue(who)
    response = client.get(urls_for(family_request)[page])
    assert response.status_code in (302, 403)
    assert response.get("Location", "/admin/") == "/admin/"
    assert b"Jordan" not in response.content and b"Maria" not in response.content


@pytest.mark.parametrize("page", ["listing", "detail", "export"])
def test_anonymous_visitors_are_sent_to_log_in(client, family_request, page):
    response = client.get(urls_for(family_request)[page])
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_only_caseworkers_have_the_family_requests_menu(client, caseworker):
    html = client.get("/admin/").content.decode()
    assert "Family requests" in html and LISTING in html


@pytest.mark.parametrize("who", ["reviewer", "editor"])
def test_reviewers_and_editors_have_no_family_requests_menu(client, request, who):
    request.getfixturevalue(who)
    html = client.get("/admin/").content.decode()
    assert "Family requests" not in html and LISTING not in html


def test_caseworkers_must_pass_a_second_factor(caseworker):
    assert requires_two_factor(caseworker)


# --- Triage: workflow, History, assignment, notes ------------------------------------------


def triage(client, request, **fields):
    data = {
        "status": request.status,
        "close_reason": "",
        "assigned_to": "",
        "next_contact_by": "",
        "staff_notes": "",
    } | fields
    return client.post(reverse("family_requests:edit", args=[request.pk]), data)


def history(request):
    return [
        (entry.action, entry.user.username, entry.data)
        for entry in ModelLogEntry.objects.filter(object_id=str(request.pk)).order_by("pk")
    ]


def test_the_workflow_moves_forward_and_history_names_who(client, caseworker, family_request):
    for status in ("triaged", "in_progress", "referred"):
        assert triage(client, family_request, status=status).status_code == 302
        family_request.refresh_from_db()
    assert family_request.status == FamilyStatus.REFERRED
    assert [data["to"] for action, user, data in history(family_request)] == [
        "Triaged",
        "In progress",
        "Referred",
    ]
    assert {user for action, user, data in history(family_request)} == {"caseworker"}
    html = client.get(reverse("family_requests:history", args=[family_request.pk])).text
    assert "Status changed from Triaged to In progress" in html
    assert "caseworker" in html


def test_a_new_request_cannot_skip_triage(client, caseworker, family_request):
    response = triage(client, family_request, status="referred")
    assert response.status_code == 200
    family_request.refresh_from_db()
    assert family_request.status == FamilyStatus.NEW


def test_closing_needs_a_reason_and_history_records_it(client, caseworker, family_request):
    response = triage(client, family_request, status="closed")
    assert "Choose why the request is closed." in response.content.decode()
    family_request.refresh_from_db()
    assert family_request.status == FamilyStatus.NEW

    triage(client, family_request, status="closed", close_reason="no_contact")
    family_request.refresh_from_db()
    assert (family_request.status, family_request.close_reason) == ("closed", "no_contact")
    html = client.get(reverse("family_requests:history", args=[family_request.pk])).text
    assert "Status changed from New to Closed (No contact)" in html


def test_assigning_a_caseworker_and_a_contact_date_is_in_history(
    client, caseworker, family_request
):
    response = triage(
        client,
        family_request,
        status="triaged",
        assigned_to=caseworker.pk,
        next_contact_by="2026-12-10",
        staff_notes="Call after 5pm in Spanish.",
    )
    assert response.status_code == 302
    family_request.refresh_from_db()
    assert family_request.assigned_to == caseworker
    assert str(family_request.next_contact_by) == "2026-12-10"
    assert family_request.staff_notes == "Call after 5pm in Spanish."
    assert [action for action, user, data in history(family_request)] == [
        "outreach.status_change",
        "outreach.triage_change",
        "wagtail.edit",
    ]
    html = client.get(reverse("family_requests:history", args=[family_request.pk])).text
    assert "Caseworker: caseworker; Next contact by: Dec. 10, 2026" in html
    assert "Call after 5pm" not in html  # the notes stay on the request, not in History


def test_only_caseworkers_can_be_assigned(client, caseworker, reviewer, family_request):
    client.force_login(caseworker)
    response = triage(client, family_request, assigned_to=reviewer.pk)
    assert response.status_code == 200
    family_request.refresh_from_db()
    assert family_request.assigned_to is None


def test_the_review_screen_puts_safe_contact_first_in_plain_words(
    client, caseworker, family_request
):
    family_request.contact_methods = "phone"
    family_request.preferred_language = "es"
    family_request.save()
    html = client.get(reverse("family_requests:edit", args=[family_request.pk])).text
    safe = html.index("Safe ways to contact: Phone call. Do not email or text.")
    assert safe < html.index("Leave no voicemail.") < html.index("The missing person")
    assert "Preferred language: Spanish." in html
    assert "Police report number" in html and "26-001234" in html
    assert "Nov. 20, 2026" in html  # the date last seen, in words


# --- Urgency -------------------------------------------------------------------------------


@pytest.fixture
def caseworkers_address(site):
    contact = SiteSettings.for_site(site)
    contact.family_caseworkers_email = "caseworkers@nmpaa.test"
    contact.staff_notification_email = "team@nmpaa.test"
    contact.save()
    return contact


def test_a_new_request_tells_the_caseworkers_at_once_with_a_link_only(
    client, request_page, caseworkers_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, request_page)
    (email,) = mail.outbox
    saved = FamilyHelpRequest.objects.get()
    assert email.to == ["caseworkers@nmpaa.test"]
    assert f"/admin/family-requests/edit/{saved.pk}/" in email.body
    for private in ("Maria", "Jordan", "Baltimore", "26-001234", "maria@example.org", "Phone"):
        assert private not in email.body and private not in email.subject


def test_with_no_caseworkers_address_the_notice_is_held_and_logged(
    client, request_page, site, django_capture_on_commit_callbacks, caplog
):
    contact = SiteSettings.for_site(site)
    contact.staff_notification_email = "team@nmpaa.test"  # not theirs: never sent there
    contact.save()
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        send(client, request_page)
    assert mail.outbox == []
    assert "staff notification held" in caplog.text and "form=family" in caplog.text
    assert "Jordan" not in caplog.text and "Maria" not in caplog.text

    with django_capture_on_commit_callbacks(execute=True):
        contact.family_caseworkers_email = "caseworkers@nmpaa.test"
        contact.save()
    assert [email.to for email in mail.outbox] == [["caseworkers@nmpaa.test"]]


def test_the_dashboard_lists_requests_waiting_over_a_day_or_past_their_contact_date(
    client, caseworker
):
    now = timezone.now()
    FamilyHelpRequestFactory(missing_first_name="Waiting", created_at=now - timedelta(hours=25))
    FamilyHelpRequestFactory(missing_first_name="Fresh", created_at=now - timedelta(hours=2))
    FamilyHelpRequestFactory(
        missing_first_name="Triaged", status="triaged", created_at=now - timedelta(days=3)
    )
    FamilyHelpRequestFactory(
        missing_first_name="Overdue",
        status="in_progress",
        next_contact_by=timezone.localdate() - timedelta(days=1),
    )
    FamilyHelpRequestFactory(
        missing_first_name="Later",
        status="in_progress",
        next_contact_by=timezone.localdate() + timedelta(days=1),
    )
    html = client.get("/admin/").content.decode()
    panel = html[html.index("Family requests needing attention") :]
    assert "Waiting" in panel and "Overdue" in panel
    for not_due in ("Fresh", "Triaged", "Later"):
        assert not_due not in panel


def test_caseworkers_are_told_when_their_address_is_not_set(client, caseworker, site):
    contact = SiteSettings.for_site(site)
    contact.staff_notification_email = "team@nmpaa.test"
    contact.save()
    html = client.get("/admin/").content.decode()
    assert "set the family caseworkers&#x27; email in Site settings" in html


@pytest.mark.parametrize("who", ["reviewer", "editor"])
def test_others_never_see_the_family_panel(client, request, who):
    FamilyHelpRequestFactory(created_at=timezone.now() - timedelta(days=2))
    request.getfixturevalue(who)
    assert "Family requests needing attention" not in client.get("/admin/").content.decode()


# --- Retention -----------------------------------------------------------------------------


def closed_request(days_ago, status="closed"):
    return FamilyHelpRequestFactory(
        status=status,
        close_reason="resolved" if status == "closed" else "",
        status_changed_at=timezone.now() - timedelta(days=days_ago),
    )


def purge(*args):
    out = io.StringIO()
    call_command("purge_outreach_submissions", *args, stdout=out)
    return out.getvalue()


def test_closed_requests_go_a_year_after_closing(caseworker):
    gone = closed_request(366)
    kept = [closed_request(300), closed_request(400, status="in_progress")]
    output = purge()
    assert "family: 1 deleted" in output
    assert list(FamilyHelpRequest.objects.order_by("pk")) == kept
    assert not FamilyHelpRequest.objects.filter(pk=gone.pk).exists()
    assert "Jordan" not in output


def test_the_family_retention_period_is_its_own_setting(settings):
    settings.FAMILY_REQUEST_RETENTION_DAYS = 30
    closed_request(31)
    assert "family: 1 deleted" in purge()


def test_anonymising_a_closed_request_removes_everything_typed():
    request = closed_request(400)
    request.staff_notes = "Spoke to the detective."
    request.save()
    purge("--anonymise")
    request.refresh_from_db()
    assert request.name == "(removed)"
    assert (request.email, request.phone, request.missing_first_name, request.city) == (
        "",
        "",
        "",
        "",
    )
    assert (request.missing_age, request.last_seen_on) == (None, None)
    assert request.police_report_number == "" and request.staff_notes == ""
    assert "family: 0 anonymised" in purge("--anonymise")


def test_every_group_the_kinds_declare_must_pass_a_second_factor(caseworkers_group):
    """Membership alone counts, as for outreach reviewers, even before permissions are given."""
    member = get_user_model().objects.create_user("new-caseworker")
    member.groups.add(caseworkers_group)
    caseworkers_group.permissions.clear()
    assert requires_two_factor(get_user_model().objects.get(pk=member.pk))
