"""Error pages are friendly, show the phone number, leak nothing, and need no database."""

from django.test import Client

import pytest

pytestmark = pytest.mark.urls("tests.hardening.urls")

# The vanity number with its digits, in one tel: link.
PHONE = '(877) US-NMPAA <span class="phone-link__digits">(877) 876-6722</span>'


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_server_error_page_is_friendly_and_shows_no_detail(db, visitor, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = visitor.get("/test/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, something went wrong" in body
    assert PHONE in body and 'href="tel:+18778766722"' in body
    assert "deliberate failure" not in body
    assert "Traceback" not in body


def test_database_failure_answers_503_with_the_phone_number(db, visitor, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = visitor.get("/test/database-down/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "not working right now" in body
    assert PHONE in body
    assert "Connection refused" not in body and "127.0.0.1" not in body


def test_form_sent_while_database_is_down_is_shown_back_escaped(db, visitor):
    response = visitor.post(
        "/test/database-down-form/",
        {
            "full_name": "Ana <script>alert(1)</script>",
            "message": "Please call me after 5pm",
            "password": "hunter2hunter2",
        },
    )
    assert response.status_code == 503
    body = response.content.decode()
    assert "nothing was stored" in body
    assert "Please call me after 5pm" in body
    assert "Ana &lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)</script>" not in body
    assert "hunter2hunter2" not in body
    assert 'action="/test/database-down-form/"' in body
    assert "Try sending again" in body


def test_permission_denied_page_is_friendly(db, visitor):
    response = visitor.get("/test/forbidden/")
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()
    assert PHONE in response.content.decode()


def test_bad_request_page_is_friendly(db, visitor, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = visitor.get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    body = response.content.decode()
    assert "We could not understand that request" in body
    assert PHONE in body
    assert "attacker.example" not in body


def test_csrf_failure_page_keeps_the_way_back_to_the_form(db):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = browser.post(
        "/test/protected-form/",
        {"name": "Ana"},
        HTTP_REFERER="http://testserver/partner-with-us/",
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Please send the form again" in body
    assert 'href="http://testserver/partner-with-us/"' in body
    assert PHONE in body
    assert "CSRF" not in body


def test_csrf_failure_never_links_back_to_another_site(db):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = browser.post(
        "/test/protected-form/", {"name": "Ana"}, HTTP_REFERER="https://evil.example/phish"
    )
    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()
    assert 'href="/test/protected-form/"' in response.content.decode()
