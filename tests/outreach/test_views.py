"""The sign-up pages as a visitor (or a bot) meets them."""

import re

from django.test import override_settings

import pytest

from outreach import kinds
from outreach.models import AdvocateSignup, PartnerSignup, TrainingRequest
from tests.outreach.helpers import (
    CONFIRMING_KEYS,
    KIND_KEYS,
    USUAL_NOTICE_KEYS,
    seconds_later,
    token_from,
    token_shown_seconds_ago,
    valid_data,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", USUAL_NOTICE_KEYS)
def test_get_shows_the_form_and_the_emergency_notice(client, sign_up_pages, kind):
    response = client.get(sign_up_pages[kind].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This form is not for emergencies" in html
    assert 'href="tel:911"' in html
    assert "NMPAA is not a law enforcement agency" in html
    assert "How is it safe to contact you?" in html
    assert 'name="form_token"' in html
    assert 'name="fax_number"' in html and "hidden" in html
    # Nothing inline for the strict Content-Security-Policy: scripts only from files.
    assert "<style" not in html and "style=" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", html) == []


@pytest.mark.parametrize("kind", CONFIRMING_KEYS)
def test_the_confirmation_email_box_starts_unticked(client, sign_up_pages, kind):
    for _ in range(2):  # the first render, then the cached blank form
        html = client.get(sign_up_pages[kind].url).content.decode()
        box = re.search(r'<input[^>]*name="wants_confirmation"[^>]*>', html).group(0)
        assert "checked" not in box


@pytest.mark.parametrize("kind", KIND_KEYS)
def test_valid_post_saves_once_and_redirects_to_thanks(client, sign_up_pages, kind):
    page = sign_up_pages[kind]
    response = client.post(page.url, valid_data(kind))
    assert response.status_code == 302
    assert response["Location"] == page.url + "thanks/"
    assert kinds.get(kind).model.objects.count() == 1

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Thank you" in thanks.content.decode()
    assert "will get in touch" in thanks.content.decode()


def test_saved_submission_keeps_consent_text_and_privacy_version(client, sign_up_pages):
    client.post(sign_up_pages["advocate"].url, valid_data("advocate"))
    signup = AdvocateSignup.objects.get()
    assert signup.consent_text.startswith("I agree that NMPAA may keep these details")
    assert signup.privacy_notice_version
    assert signup.email == "ada@example.org"
    assert str(signup.phone) == "+12125550100"
    assert signup.contact_methods == "email,text"


def test_invalid_post_shows_errors_and_keeps_what_was_typed(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    data = valid_data("advocate", email="not-an-email", consent=None)
    response = client.post(page.url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert AdvocateSignup.objects.count() == 0
    assert '<div class="error-summary" role="alert" tabindex="-1"' in html
    assert "There is a problem" in html
    assert '<a href="#id_email">Enter an email address like name@example.com.</a>' in html
    assert '<a href="#id_consent">' in html
    assert 'value="not-an-email"' in html
    assert 'value="Ada Lovelace"' in html
    assert 'aria-describedby="id_email-error"' in html
    assert 'id="id_email-error"' in html


def test_script_tags_are_stored_as_typed_and_escaped_on_output(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    attack = "<script>alert('x')</script>"
    response = client.post(page.url, valid_data("advocate", name=attack, email="bad"))
    assert attack not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()
    client.post(page.url, valid_data("advocate", name=attack))
    assert AdvocateSignup.objects.get().name == attack


def test_nul_bytes_get_a_field_error_not_a_500(client, sign_up_pages):
    page = sign_up_pages["partner"]
    response = client.post(page.url, valid_data("partner", organisation="Grace\x00"))
    assert response.status_code == 400
    assert "Null characters are not allowed" in response.content.decode()


def test_invalid_utf8_gets_a_field_error_not_a_500(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    data = valid_data("advocate")
    body = "&".join(
        f"{key}={value}" for key, value in data.items() if isinstance(value, str) and key != "city"
    )
    body = body.encode() + b"&city=Balti%FF%FEmore"
    response = client.post(page.url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "characters we could not read" in response.content.decode()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_oversize_body_is_a_400(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    response = client.post(page.url, valid_data("advocate", message="x" * 20_000))
    assert response.status_code == 400
    assert AdvocateSignup.objects.count() == 0


def test_double_click_or_resubmit_creates_one_record(client, sign_up_pages):
    page = sign_up_pages["training"]
    token = token_from(client.get(page.url))
    data = valid_data("training", form_token=token)
    first = client.post(page.url, data)
    second = client.post(page.url, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == page.url + "thanks/"
    assert TrainingRequest.objects.count() == 1


def test_same_email_twice_in_a_day_is_kept_and_flagged(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    client.post(page.url, valid_data("advocate"))
    client.post(page.url, valid_data("advocate", email="ADA@example.org"))
    first, second = AdvocateSignup.objects.order_by("pk")
    assert not first.possible_duplicate
    assert second.possible_duplicate


def test_honeypot_turns_the_bot_away_and_stores_nothing(client, sign_up_pages, caplog):
    page = sign_up_pages["partner"]
    response = client.post(page.url, valid_data("partner", fax_number="555-1234"))
    assert response.status_code == 400
    assert "We could not accept this form" in response.content.decode()
    assert PartnerSignup.objects.count() == 0
    assert "outreach bot rejected form=partner reason=honeypot filled" in caplog.text
    assert "pat@example.org" not in caplog.text


@pytest.mark.parametrize("kind", KIND_KEYS)
def test_a_form_sent_too_fast_is_shown_again_with_everything_kept(
    client, sign_up_pages, kind, settings, caplog
):
    """Autofill and a quick click: asked to check and send again, never a dead end."""
    settings.OUTREACH_MIN_FILL_SECONDS = 3
    page = sign_up_pages[kind]
    data = valid_data(kind)
    response = client.post(page.url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please check your answers, then press Send again." in html
    assert f'value="{data["name"]}"' in html
    assert f'value="{data["city"]}"' in html
    assert "We could not accept this form" not in html
    assert kinds.get(kind).model.objects.count() == 0
    assert f"outreach sent too fast, asked again form={kind}" in caplog.text

    with seconds_later(5):
        again = client.post(page.url, dict(data, form_token=token_from(response)))
    assert again.status_code == 302
    assert kinds.get(kind).model.objects.count() == 1


@pytest.mark.parametrize("kind", KIND_KEYS)
def test_a_quick_resend_after_an_error_page_is_accepted(client, sign_up_pages, kind, settings):
    """The fill time counts from when the form was first shown, not from the error page."""
    settings.OUTREACH_MIN_FILL_SECONDS = 3
    page = sign_up_pages[kind]
    first_shown = token_shown_seconds_ago(kind, 60)
    error_page = client.post(page.url, valid_data(kind, consent=None, form_token=first_shown))
    assert error_page.status_code == 400
    assert "Tick the box to agree" in error_page.content.decode()

    # Ticked and sent at once, well within the minimum fill time of the error page itself.
    response = client.post(page.url, valid_data(kind, form_token=token_from(error_page)))
    assert response.status_code == 302
    assert response["Location"] == page.url + "thanks/"
    assert kinds.get(kind).model.objects.count() == 1


def test_a_forged_or_missing_timing_token_is_rejected(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    for token in ["", '{"t": 0}', valid_data("partner")["form_token"]]:
        response = client.post(page.url, valid_data("advocate", form_token=token))
        assert response.status_code == 400
    assert AdvocateSignup.objects.count() == 0


@override_settings(OUTREACH_FORM_MAX_AGE=-1)
def test_an_expired_form_asks_again_and_keeps_the_text(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    response = client.post(page.url, valid_data("advocate"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "open for a long time" in html
    assert 'value="Ada Lovelace"' in html
    assert AdvocateSignup.objects.count() == 0


@override_settings(OUTREACH_RATE_LIMITS=["3/m"])
def test_too_many_posts_from_one_address_get_a_429_with_the_phone(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    statuses = [client.post(page.url, valid_data("advocate")).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    response = client.post(page.url, valid_data("advocate"))
    assert "Too many attempts" in response.content.decode()
    assert "tel:+18778766722" in response.content.decode()
    assert AdvocateSignup.objects.count() == 3
    # Another form has its own allowance.
    other = sign_up_pages["partner"]
    assert client.post(other.url, valid_data("partner")).status_code == 302


def test_default_rate_limit_allows_a_training_room_of_ten(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    statuses = [client.post(page.url, valid_data("advocate")).status_code for _ in range(11)]
    assert statuses == [302] * 10 + [429]


def test_other_methods_are_refused(client, sign_up_pages):
    assert client.put(sign_up_pages["advocate"].url).status_code == 405


def test_home_and_partner_pages_link_to_the_sign_up_pages(client, loaded_site):
    home = client.get("/").content.decode()
    partner = client.get("/partner-with-us/").content.decode()
    for html in (home, partner):
        assert 'href="/partner-with-us/become-an-advocate/"' in html
        assert 'href="/partner-with-us/partner-sign-up/"' in html
        assert 'href="/partner-with-us/request-a-training/"' in html
        assert "tel:+18778766722" in html


def post_forwarded_for(client, page, header_value):
    data = valid_data("advocate")
    return client.post(page.url, data, HTTP_X_FORWARDED_FOR=header_value).status_code


@override_settings(OUTREACH_RATE_LIMITS=["2/m"], CLIENT_IP_HEADER="X-Forwarded-For")
def test_behind_a_proxy_each_visitor_has_their_own_allowance(client, sign_up_pages):
    """The same setting as login lockouts: the right-most entry, the one our proxy added."""
    page = sign_up_pages["advocate"]
    statuses = [post_forwarded_for(client, page, f"6.6.6.{n}, 203.0.113.5") for n in range(3)]
    # Entries the visitor wrote themselves (on the left) do not buy a new allowance.
    assert statuses == [302, 302, 429]
    assert post_forwarded_for(client, page, "6.6.6.6, 198.51.100.7") == 302


@override_settings(OUTREACH_RATE_LIMITS=["2/m"], CLIENT_IP_HEADER="")
def test_without_a_proxy_a_forged_forwarded_header_is_ignored(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    statuses = [post_forwarded_for(client, page, f"198.51.100.{n}") for n in range(3)]
    assert statuses == [302, 302, 429]
