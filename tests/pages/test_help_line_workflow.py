"""Changing a number takes two people: its author cannot approve it, and until a second
verifier does, the public keeps the old number."""

import json

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest

from core.page_cache import GENERATION_KEY
from pages.models import HelpLine
from pages.models.help_lines import VERIFIERS_GROUP
from tests.pages.test_help_lines import edit_data

pytestmark = pytest.mark.django_db

NEW = {"shown": "(202) 555-0143", "dialled": "+12025550143"}


@pytest.fixture
def verifier(django_user_model):
    def make(username):
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "pw", first_name=username.title()
        )
        user.groups.add(Group.objects.get(name=VERIFIERS_GROUP))
        return user

    return make


def nmpaa():
    return HelpLine.objects.get(slug="nmpaa")


def submit_change(client, user):
    client.force_login(user)
    line = nmpaa()
    url = reverse("wagtailsnippets_pages_helpline:edit", args=[line.pk])
    response = client.post(url, edit_data(line, **NEW) | {"action-submit": "1"})
    assert response.status_code == 302, response.context["form"].errors
    return nmpaa().current_workflow_state.current_task_state


def approve(client, user, task_state):
    client.force_login(user)
    line = nmpaa()
    url = reverse(
        "wagtailsnippets_pages_helpline:workflow_action",
        args=[line.pk, "approve", task_state.pk],
    )
    return client.post(url, {"comment": ""})


def footer_phone(client):
    client.logout()
    html = client.get("/").text
    return html[html.index('class="site-footer"') :]


def test_the_author_cannot_approve_and_the_public_keeps_the_old_number(
    client, site, verifier, django_capture_on_commit_callbacks
):
    author = verifier("author")
    task_state = submit_change(client, author)

    assert task_state.task.specific.get_actions(nmpaa(), author) == []
    approve(client, author, task_state)  # refused: the admin sends them back with a message
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS

    footer = footer_phone(client)
    assert 'href="tel:+18778766722"' in footer
    assert "555-0143" not in footer
    assert nmpaa().dialled == "+18778766722"


def test_a_second_verifier_approves_and_the_new_number_goes_live_everywhere(
    client, site, verifier, django_capture_on_commit_callbacks, help_lines_fallback
):
    author, checker = verifier("author"), verifier("checker")
    task_state = submit_change(client, author)
    footer_phone(client)  # the old number is now in the cache
    generation = cache.get(GENERATION_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        response = approve(client, checker, task_state)
    assert response.status_code == 302

    line = nmpaa()
    assert (line.live, line.dialled) == (True, "+12025550143")
    # A change of number resets "last verified" to the approval, by the approver.
    assert (line.last_verified_on, line.verified_by) == (timezone.localdate(), "Checker")
    assert cache.get(GENERATION_KEY) != generation  # every cached page is retired
    assert '<a class="phone-link" href="tel:+12025550143">(202) 555-0143</a>' in footer_phone(
        client
    )
    written = json.loads(help_lines_fallback.read_text())
    assert {"slug": "nmpaa", "dialled": "+12025550143"}.items() <= next(
        item for item in written["lines"] if item["slug"] == "nmpaa"
    ).items()


def test_nobody_gets_a_publish_button_for_help_lines(client, site, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    html = client.get(reverse("wagtailsnippets_pages_helpline:edit", args=[nmpaa().pk])).text
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_the_verifiers_dashboard_lists_only_changes_by_others(client, site, verifier):
    author, checker = verifier("author"), verifier("checker")
    task_state = submit_change(client, author)
    task = task_state.task.specific
    assert list(task.get_task_states_user_can_moderate(author)) == []
    assert list(task.get_task_states_user_can_moderate(checker)) == [task_state]


def test_a_superuser_cannot_publish_a_help_line_by_posting_the_publish_action(
    client, site, django_user_model
):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    line = nmpaa()
    url = reverse("wagtailsnippets_pages_helpline:edit", args=[line.pk])

    client.post(url, edit_data(line, **NEW) | {"action-publish": "1"})

    assert nmpaa().dialled == "+18778766722"
    assert "+12025550143" not in footer_phone(client)
