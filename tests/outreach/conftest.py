import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

import pytest

from outreach.choices import NotificationState, Status
from outreach.kinds import CASEWORKERS_GROUP, KINDS, REVIEWERS_GROUP
from outreach.models import SignUpPage
from tests.factories import AdvocateSignupFactory

group_migration = importlib.import_module("outreach.migrations.0002_outreach_reviewers_group")
caseworkers_migration = importlib.import_module("outreach.migrations.0006_family_caseworkers_group")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sign_up_pages(site):
    pages = {}
    for kind in KINDS:
        page = SignUpPage(title=kind.label, slug=kind.key, form_kind=kind.key)
        site.root_page.add_child(instance=page)
        pages[kind.key] = page
    return pages


@pytest.fixture
def reviewers_group():
    # A transactional test elsewhere may have flushed what the migration made.
    if not Group.objects.filter(name=REVIEWERS_GROUP).exists():
        group_migration.create_reviewers_group(apps, None)
    return Group.objects.get(name=REVIEWERS_GROUP)


@pytest.fixture
def reviewer(client, reviewers_group):
    user = get_user_model().objects.create_user("reviewer", "r@nmpaa.test", "x")
    user.groups.add(reviewers_group)
    client.force_login(user)
    return user


@pytest.fixture
def caseworkers_group():
    if not Group.objects.filter(name=CASEWORKERS_GROUP).exists():
        caseworkers_migration.create_caseworkers_group(apps, None)
    return Group.objects.get(name=CASEWORKERS_GROUP)


@pytest.fixture
def caseworker(client, caseworkers_group):
    user = get_user_model().objects.create_user("caseworker", "c@nmpaa.test", "x")
    user.groups.add(caseworkers_group)
    client.force_login(user)
    return user


@pytest.fixture
def staff_of(client, reviewers_group, caseworkers_group):
    """staff_of(kind): a signed-in member of the group that works that kind."""

    def sign_in(kind):
        user = get_user_model().objects.create_user(f"staff-{kind.key}", "s@nmpaa.test", "x")
        user.groups.add(Group.objects.get(name=kind.group))
        client.force_login(user)
        return user

    return sign_in


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


@pytest.fixture
def advocates():
    return [
        AdvocateSignupFactory(
            email="person1@example.org",
            name="Keisha Brown",
            state="GA",
            interests="families,events",
        ),
        AdvocateSignupFactory(
            email="person2@example.org", name="Luis Ortega", status=Status.CONTACTED
        ),
        AdvocateSignupFactory(
            email="person3@example.org",
            name="Mary Smith",
            notification_state=NotificationState.FAILED,
            notification_error="SMTPServerDisconnected: closed",
            notification_attempts=5,
        ),
    ]
