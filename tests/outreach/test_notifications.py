"""Notifications run after commit, are discreet, and a failing mail server loses nothing."""

from smtplib import SMTPServerDisconnected
from unittest import mock

from django.core import mail
from django.test import override_settings

import pytest

from outreach import kinds
from outreach.choices import NotificationState
from outreach.models import AdvocateSignup, TrainingRequest
from outreach.tasks import notify_about_submission
from pages.models import SiteSettings
from tests.factories import PartnerSignupFactory
from tests.outreach.helpers import CONFIRMING_KEYS, valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_address(site):
    settings = SiteSettings.for_site(site)
    settings.staff_notification_email = "team@nmpaa.test"
    settings.save()
    return settings.staff_notification_email


def submit(client, page, kind, **changes):
    return client.post(page.url, valid_data(kind, **changes))


def saved_then_notified(client, page, kind, callbacks_fixture, **row_changes):
    """Save a sign-up, change its row (as one saved before a fix would be), then notify."""
    with callbacks_fixture(execute=False) as callbacks:
        response = submit(client, page, kind, contact_methods=["email"], wants_confirmation="on")
    assert response.status_code == 302
    model = kinds.get(kind).model
    model.objects.update(**row_changes)
    for callback in callbacks:
        callback()
    return model.objects.get()


def test_notifications_wait_for_the_commit(
    client, sign_up_pages, staff_address, django_capture_on_commit_callbacks
):
    page = sign_up_pages["advocate"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(client, page, "advocate")
    assert len(callbacks) == 1
    assert mail.outbox == []
    assert AdvocateSignup.objects.get().notification_state == NotificationState.PENDING

    callbacks[0]()
    signup = AdvocateSignup.objects.get()
    assert signup.notification_state == NotificationState.SENT
    assert signup.staff_notified_at and signup.confirmation_sent_at
    assert len(mail.outbox) == 2


def test_staff_and_person_get_discreet_emails(
    client, sign_up_pages, staff_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, sign_up_pages["advocate"], "advocate")
    staff, confirmation = mail.outbox
    signup = AdvocateSignup.objects.get()

    assert staff.to == ["team@nmpaa.test"]
    assert f"/admin/outreach/advocates/edit/{signup.pk}/" in staff.body
    assert confirmation.to == ["ada@example.org"]
    assert confirmation.subject == "We received your request"
    assert "We received your request" in confirmation.body
    assert "(877) US-NMPAA" in confirmation.body
    for message in (staff, confirmation):
        assert message.from_email.startswith("Website team <")
        for private in ("Ada", "Lovelace", "Baltimore", "advocate", "trafficking", "missing"):
            assert private not in message.subject
        for private in ("Ada", "Lovelace", "Baltimore", "help", "555", "trafficking"):
            assert private not in message.body


def test_person_can_choose_no_confirmation_email(
    client, sign_up_pages, staff_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, sign_up_pages["training"], "training")
    assert [message.to for message in mail.outbox] == [["team@nmpaa.test"]]
    assert TrainingRequest.objects.get().notification_state == NotificationState.SENT


@override_settings(OUTREACH_NOTIFY_MAX_ATTEMPTS=3)
def test_failing_mail_server_keeps_the_submission_and_records_the_error(
    client, sign_up_pages, staff_address, django_capture_on_commit_callbacks, caplog
):
    failure = SMTPServerDisconnected("Connection unexpectedly closed")
    with mock.patch("outreach.tasks.EmailMessage.send", side_effect=failure) as send:
        with django_capture_on_commit_callbacks(execute=True):
            response = submit(client, sign_up_pages["advocate"], "advocate")

    assert response.status_code == 302
    signup = AdvocateSignup.objects.get()
    assert send.call_count == 3  # bounded: tried three times, then gave up
    assert signup.notification_attempts == 3
    assert signup.notification_state == NotificationState.FAILED
    assert signup.notification_error == ("SMTPServerDisconnected: Connection unexpectedly closed")
    assert signup.staff_notified_at is None
    assert "error=SMTPServerDisconnected" in caplog.text
    assert "ada@example.org" not in caplog.text.lower()


def test_a_later_attempt_finishes_what_a_failed_one_left(
    client, sign_up_pages, staff_address, django_capture_on_commit_callbacks
):
    calls = {"count": 0}
    real_send = mail.EmailMessage.send

    def fail_once(message, *args, **kwargs):
        calls["count"] += 1
        if calls["count"] == 2:
            raise ConnectionRefusedError("mail server down")
        return real_send(message, *args, **kwargs)

    with mock.patch("outreach.tasks.EmailMessage.send", fail_once):
        with django_capture_on_commit_callbacks(execute=True):
            submit(client, sign_up_pages["advocate"], "advocate")

    signup = AdvocateSignup.objects.get()
    assert signup.notification_state == NotificationState.SENT
    assert signup.notification_attempts == 1
    # The staff email went once, the confirmation once: nobody is emailed twice.
    assert [message.to for message in mail.outbox] == [["team@nmpaa.test"], ["ada@example.org"]]


@pytest.mark.parametrize("kind", CONFIRMING_KEYS)
def test_no_confirmation_email_when_email_is_not_a_safe_way(
    client, sign_up_pages, staff_address, django_capture_on_commit_callbacks, kind
):
    """Even a row that asked for a confirmation gets none if email was not marked safe."""
    signup = saved_then_notified(
        client,
        sign_up_pages[kind],
        kind,
        django_capture_on_commit_callbacks,
        contact_methods="phone",
        wants_confirmation=True,
        times_to_avoid="never email me",
    )
    assert [message.to for message in mail.outbox] == [["team@nmpaa.test"]]
    assert signup.confirmation_sent_at is None
    assert signup.notification_state == NotificationState.SENT


def test_phone_only_sign_up_sends_no_email_to_the_person(
    client, sign_up_pages, staff_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(
            client,
            sign_up_pages["advocate"],
            "advocate",
            contact_methods=["phone"],
            times_to_avoid="never email me",
            wants_confirmation=None,
        )
    assert response.status_code == 302
    (staff,) = mail.outbox
    assert staff.to == ["team@nmpaa.test"]
    assert "Safe ways to contact this person: Phone call. Use only these." in staff.body
    assert "Do not email this person: email is not a safe way to reach them." in staff.body
    assert "Times or ways to avoid: never email me" in staff.body


def test_staff_email_puts_the_safe_ways_first_in_plain_words(
    client, sign_up_pages, staff_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, sign_up_pages["advocate"], "advocate")
    body = mail.outbox[0].body
    safe_ways = body.index("Safe ways to contact this person: Email, Text message.")
    avoid = body.index("Times or ways to avoid: No calls after 6pm")
    assert safe_ways < avoid < body.index("/admin/outreach/")
    assert "email,text" not in body
    assert "Do not email" not in body


def test_without_a_staff_address_the_staff_email_is_held_not_lost(
    client, sign_up_pages, site, django_capture_on_commit_callbacks, caplog
):
    contact = SiteSettings.for_site(site)
    contact.staff_notification_email = ""
    contact.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, sign_up_pages["advocate"], "advocate")

    assert response.status_code == 302
    # The person's own confirmation is not held back.
    assert [message.to for message in mail.outbox] == [["ada@example.org"]]
    signup = AdvocateSignup.objects.get()
    assert signup.staff_notified_at is None
    assert signup.confirmation_sent_at is not None
    assert signup.notification_state == NotificationState.PENDING
    assert "no staff address set" in signup.notification_error
    assert f"no staff address set form=advocate id={signup.pk}" in caplog.text

    # Once staff set an address, the held notification goes out, and only that one.
    with django_capture_on_commit_callbacks(execute=True):
        contact.staff_notification_email = "team@nmpaa.test"
        contact.save()
    assert [message.to for message in mail.outbox] == [["ada@example.org"], ["team@nmpaa.test"]]
    signup.refresh_from_db()
    assert signup.staff_notified_at is not None
    assert signup.notification_state == NotificationState.SENT
    assert signup.notification_error == ""


@pytest.mark.parametrize("named_by", ["outreach.partnersignup", "partner"])
def test_a_queued_notification_finds_its_row_by_model_label_or_by_the_older_kind_key(
    staff_address, named_by
):
    """Tasks queued before a deploy named the kind ("partner"); newer ones name the model."""
    partner = PartnerSignupFactory()
    assert notify_about_submission.enqueue(named_by, partner.pk).return_value == "sent"
    assert [message.to for message in mail.outbox] == [["team@nmpaa.test"]]
