"""django-axes on the Wagtail login: 5 failures per username or per address lock it."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True


def attempt(client, username, password, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def fail_five_times(client, username="director", **headers):
    for _ in range(4):
        response = attempt(client, username, "wrong password", **headers)
        assert response.status_code == 200  # the login form again, with an error
    # The fifth failure locks the username out.
    assert attempt(client, username, "wrong password", **headers).status_code == 429


def test_five_wrong_passwords_lock_the_username_even_with_the_right_one(superuser, staff_password):
    visitor = Client(REMOTE_ADDR="198.51.100.1")
    fail_five_times(visitor)
    response = attempt(visitor, "director", staff_password)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many sign-in attempts" in body
    assert "30 minutes" in body
    # Another address guessing the same username is refused too.
    elsewhere = attempt(Client(REMOTE_ADDR="203.0.113.9"), "director", staff_password)
    assert elsewhere.status_code == 429


def test_five_failures_from_one_address_lock_that_address(superuser, staff_password):
    guesser = Client(REMOTE_ADDR="198.51.100.2")
    for number in range(5):
        attempt(guesser, f"someone{number}", "guess")
    assert attempt(guesser, "director", staff_password).status_code == 429
    # The real director, from their own address, still gets in.
    director = Client(REMOTE_ADDR="192.0.2.10")
    assert attempt(director, "director", staff_password).status_code == 302


def test_lockout_ends_after_the_cool_off(superuser, staff_password):
    visitor = Client(REMOTE_ADDR="198.51.100.3")
    fail_five_times(visitor)
    assert attempt(visitor, "director", staff_password).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert attempt(visitor, "director", staff_password).status_code == 302


def test_axes_reset_command_unlocks(superuser, staff_password):
    visitor = Client(REMOTE_ADDR="198.51.100.4")
    fail_five_times(visitor)
    call_command("axes_reset", stdout=StringIO())
    assert attempt(visitor, "director", staff_password).status_code == 302


def test_address_comes_from_the_proxy_header_not_the_proxy(settings, superuser, staff_password):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    # A guesser forging its own X-Forwarded-For: the proxy appends the real address last.
    for number in range(5):
        attempt(proxy, f"someone{number}", "guess", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.66")
    assert (
        attempt(proxy, "director", staff_password, HTTP_X_FORWARDED_FOR="198.51.100.66").status_code
        == 429
    )
    # Everyone else behind the same proxy can still sign in.
    assert (
        attempt(proxy, "director", staff_password, HTTP_X_FORWARDED_FOR="192.0.2.20").status_code
        == 302
    )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.66"}
