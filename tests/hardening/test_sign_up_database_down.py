"""A sign-up sent while the database fails: nothing half-saved, answers shown back, 503."""

from unittest import mock

from django.db import OperationalError

import pytest

from outreach import form_tokens, submissions
from outreach.models import AdvocateSignup, SignUpPage
from tests.outreach.helpers import valid_data

HOSTILE_NAME = "<script>alert('x')</script> Ada"


@pytest.fixture
def advocate_page(site):
    page = SignUpPage(title="Become an advocate", slug="advocate", form_kind="advocate")
    site.root_page.add_child(instance=page)
    return page


def post_while(client, page, failure, data):
    with mock.patch.object(AdvocateSignup, "save", autospec=True, side_effect=failure):
        return client.post(page.url, data)


def test_failed_save_shows_the_answers_back_with_a_503_and_the_phone(client, advocate_page):
    data = valid_data("advocate", name=HOSTILE_NAME)
    response = post_while(client, advocate_page, OperationalError("server closed"), data)
    html = response.content.decode()

    assert response.status_code == 503
    assert response["Retry-After"]
    assert "nothing was stored" in html
    assert "call us on (877) US-NMPAA (877) 876-6722." in html
    # The bound form, escaped: the visitor's own text is there, never as live markup.
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Ada" in html
    assert "<script>alert(" not in html
    assert 'value="Baltimore"' in html
    assert "OperationalError" not in html and "server closed" not in html
    assert AdvocateSignup.objects.count() == 0


def test_sending_again_after_the_database_returns_saves_once(client, advocate_page):
    data = valid_data("advocate")
    failed = post_while(client, advocate_page, OperationalError("gone"), data)
    # The same one-time token comes back in the form, so a retry cannot save twice.
    assert f'value="{data[form_tokens.TOKEN_FIELD]}"' in failed.content.decode()

    assert client.post(advocate_page.url, data).status_code == 302
    assert client.post(advocate_page.url, data).status_code == 302
    assert AdvocateSignup.objects.count() == 1


def test_failure_after_the_insert_leaves_no_half_saved_row(client, advocate_page):
    """The database fails inside the save's transaction: the row is rolled back with it."""
    real_save = AdvocateSignup.save

    def insert_then_fail(self, *args, **kwargs):
        real_save(self, *args, **kwargs)
        raise OperationalError("connection lost before commit")

    response = post_while(client, advocate_page, insert_then_fail, valid_data("advocate"))
    assert response.status_code == 503
    assert AdvocateSignup.objects.count() == 0


def test_when_the_page_cannot_be_drawn_the_plain_503_still_shows_the_answers(client, advocate_page):
    data = valid_data("advocate", name=HOSTILE_NAME)
    with (
        mock.patch.object(AdvocateSignup, "save", side_effect=OperationalError("gone")),
        mock.patch.object(SignUpPage, "get_context", side_effect=OperationalError("gone")),
    ):
        response = client.post(advocate_page.url, data)
    html = response.content.decode()
    assert response.status_code == 503
    assert "Try sending again" in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Ada" in html
    assert "<script>alert(" not in html
    assert AdvocateSignup.objects.count() == 0


def test_a_failed_notification_queue_does_not_undo_a_saved_sign_up(
    client, advocate_page, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(submissions, "notify_about_submission") as task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        task.enqueue.side_effect = OperationalError("gone")
        response = client.post(advocate_page.url, valid_data("advocate"))
    assert task.enqueue.called
    assert response.status_code == 302
    assert AdvocateSignup.objects.get().notification_state == "pending"


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_a_sign_up_and_its_notification_are_stored_together(
    client, settings, advocate_page
):
    """Production's queue: if the task cannot be written, the row is not kept without it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    data = valid_data("advocate", name=HOSTILE_NAME)
    with mock.patch(
        "django_tasks_db.models.DBTaskResult.objects.create", side_effect=OperationalError("gone")
    ):
        response = client.post(advocate_page.url, data)

    assert response.status_code == 503
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Ada" in response.content.decode()
    assert AdvocateSignup.objects.count() == 0
    assert client.post(advocate_page.url, data).status_code == 302
    assert AdvocateSignup.objects.count() == 1
