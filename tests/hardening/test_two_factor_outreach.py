"""The real "Outreach reviewers" group (made by outreach's migration) must pass a second factor
before any submission is shown; a page editor without outreach permissions is not forced."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

import pytest

from outreach.kinds import REVIEWERS_GROUP
from tests.factories import AdvocateSignupFactory
from tests.hardening.test_two_factor import verified_login

ADVOCATES = "/admin/outreach/advocates/"
SETUP = "/admin/2fa/devices/new"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.WAGTAIL_2FA_REQUIRED = True


def staff_user(username, password):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=password
    )


@pytest.fixture
def reviewer(db, staff_password):
    user = staff_user("reviewer", staff_password)
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


@pytest.fixture
def page_editor(db, staff_password):
    user = staff_user("pageeditor", staff_password)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def submission(db):
    return AdvocateSignupFactory(name="Private Person", email="private@example.org")


def test_the_reviewers_group_can_see_submissions(reviewer):
    assert reviewer.has_perm("outreach.view_advocatesignup")
    assert reviewer.has_perm("wagtailadmin.access_admin")


def test_reviewer_without_a_device_is_sent_to_set_one_up_before_any_submission(
    client, reviewer, submission
):
    client.force_login(reviewer)
    for path in (
        ADVOCATES,
        f"{ADVOCATES}edit/{submission.pk}/",
        "/admin/outreach/partners/",
        "/admin/outreach/training-requests/",
    ):
        response = client.get(path)
        assert response.status_code == 302, path
        assert SETUP in response["Location"], path
        assert b"Private Person" not in response.content


def test_anyone_given_an_outreach_permission_directly_is_asked_too(client, db, staff_password):
    user = staff_user("helper", staff_password)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="outreach", codename="view_partnersignup"),
    )
    client.force_login(user)
    assert SETUP in client.get("/admin/outreach/partners/")["Location"]


def test_reviewer_with_a_verified_device_reads_the_submissions(client, reviewer, submission):
    verified_login(client, reviewer)
    response = client.get(ADVOCATES)
    assert response.status_code == 200
    assert "Private Person" in response.content.decode()


def test_page_editor_without_outreach_permissions_is_not_forced(client, page_editor, site):
    client.force_login(page_editor)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{site.root_page.pk}/").status_code == 200
    # Nor can they see the submissions: refused, not sent to set up a device.
    response = client.get(ADVOCATES)
    assert SETUP not in response.get("Location", "")
    assert b"Private Person" not in response.content
