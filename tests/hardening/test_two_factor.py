"""A second factor is demanded from superusers and from anyone who can see submissions."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from outreach.kinds import REVIEWERS_GROUP

ADMIN = "/admin/"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.WAGTAIL_2FA_REQUIRED = True


@pytest.fixture
def reviewer(editor):
    group, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    editor.groups.add(group)
    return editor


def add_authenticator(user):
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def test_superuser_without_a_device_must_set_one_up(client, superuser):
    client.force_login(superuser)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert "/admin/2fa/devices/new" in response["Location"]


def test_submission_reviewer_without_a_device_must_set_one_up(client, reviewer):
    client.force_login(reviewer)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert "/admin/2fa/devices/new" in response["Location"]


def test_editor_who_cannot_see_submissions_is_not_forced(client, editor):
    client.force_login(editor)
    assert client.get(ADMIN).status_code == 200


def test_public_pages_never_ask_for_a_second_factor(client, site, superuser):
    client.force_login(superuser)
    assert client.get("/").status_code == 200


def test_code_from_the_authenticator_app_opens_the_admin(client, superuser):
    device = add_authenticator(superuser)
    client.force_login(superuser)
    assert "/admin/2fa/auth" in client.get(ADMIN)["Location"]

    wrong = client.post("/admin/2fa/auth", {"otp_token": "000000"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert client.get(ADMIN).status_code == 302
    # django-otp makes the next try wait a second after a wrong code; skip the wait.
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)

    right = client.post("/admin/2fa/auth", {"otp_token": f"{totp(device.bin_key):06d}"})
    assert right.status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_recovery_code_works_once(client, superuser):
    add_authenticator(superuser)
    out = StringIO()
    call_command("recovery_codes", "director", stdout=out)
    codes = [line.strip() for line in out.getvalue().splitlines()[1:]]
    assert len(codes) == 10

    client.force_login(superuser)
    assert client.post("/admin/2fa/auth", {"otp_token": codes[0]}).status_code == 302
    assert client.get(ADMIN).status_code == 200

    client.logout()
    client.force_login(superuser)
    assert client.post("/admin/2fa/auth", {"otp_token": codes[0]}).status_code == 200
    assert client.get(ADMIN).status_code == 302


def test_superuser_can_reset_a_lost_device(client, reviewer):
    add_authenticator(reviewer)
    call_command("recovery_codes", "editor", stdout=StringIO())
    out = StringIO()
    call_command("reset_2fa", "editor", stdout=out)
    assert "Removed 2 2FA device(s) of editor" in out.getvalue()
    client.force_login(reviewer)
    # No device any more: they are sent to set up a new one, not to a code prompt.
    assert "/admin/2fa/devices/new" in client.get(ADMIN)["Location"]


def verified_login(client, user):
    device = add_authenticator(user)
    client.force_login(user)
    client.post("/admin/2fa/auth", {"otp_token": f"{totp(device.bin_key):06d}"})


def test_staff_make_their_own_recovery_codes_in_the_admin(client, superuser):
    verified_login(client, superuser)
    page = client.get("/admin/2fa/recovery-codes/")
    assert page.status_code == 200
    response = client.post("/admin/2fa/recovery-codes/")
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    assert codes[0] in response.content.decode()

    client.logout()
    client.force_login(superuser)
    assert client.post("/admin/2fa/auth", {"otp_token": codes[3]}).status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_recovery_codes_cannot_stand_in_for_setting_up_an_app(client, editor):
    client.force_login(editor)
    response = client.post("/admin/2fa/recovery-codes/")
    # The admin turns the refusal into "Sorry, you do not have permission" on its home page.
    assert response.status_code == 302 and response["Location"] == ADMIN
    assert not editor.staticdevice_set.exists()
