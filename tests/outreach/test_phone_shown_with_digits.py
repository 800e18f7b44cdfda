"""Wherever NMPAA's number is shown, its letters come with its digits and one tel: link."""

import re

from django.core import mail
from django.test import override_settings

import pytest

from pages.models import SiteSettings
from tests.factories import publish_help_line
from tests.outreach.helpers import valid_data

BOTH_FORMS = (
    '<a class="phone-link" href="tel:+18778766722">(877) US-NMPAA '
    '<span class="phone-link__digits">(877) 876-6722</span></a>'
)


def phone_links(html):
    return re.findall(r'<a class="phone-link"[^>]*>.*?</a>', html)


def test_home_page_and_footer_show_both_forms(client, site):
    html = client.get("/").text
    footer = html[html.index('class="site-footer"') :]
    assert BOTH_FORMS in html[: html.index('class="site-footer"')]
    assert BOTH_FORMS in footer
    assert "US-NMPAA</a>" not in html


def test_form_notice_thank_you_rate_limit_and_rejection_show_both_forms(client, sign_up_pages):
    page = sign_up_pages["advocate"]
    form = client.get(page.url).text
    notice = form[form.index("not-for-emergencies") : form.index("</aside>")]
    assert BOTH_FORMS in notice

    thanks = client.post(page.url, valid_data("advocate"), follow=True).text
    assert "Thank you" in thanks
    main = thanks[: thanks.index('class="site-footer"')]
    assert phone_links(main) == [BOTH_FORMS, BOTH_FORMS]  # the call-us line and the notice

    rejected = client.post(page.url, valid_data("advocate") | {"fax_number": "x"})
    assert rejected.status_code == 400
    assert BOTH_FORMS in rejected.text[: rejected.text.index('class="site-footer"')]

    with override_settings(OUTREACH_RATE_LIMITS=["1/m"]):
        client.post(page.url, valid_data("advocate"))
        limited = client.post(page.url, valid_data("advocate"))
    assert limited.status_code == 429
    assert BOTH_FORMS in limited.text[: limited.text.index('class="site-footer"')]


def test_page_not_found_shows_both_forms(client, site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert BOTH_FORMS in response.text[: response.text.index('class="site-footer"')]


def test_digits_follow_the_number_staff_set(client, site):
    publish_help_line("nmpaa", shown="(800) 555-0199", dialled="+18005550199")
    html = client.get("/").text
    assert '<a class="phone-link" href="tel:+18005550199">(800) 555-0199</a>' in html


@pytest.mark.django_db
def test_confirmation_email_gives_both_forms(
    client, sign_up_pages, django_capture_on_commit_callbacks
):
    site_settings = SiteSettings.for_site(sign_up_pages["advocate"].get_site())
    site_settings.staff_notification_email = "team@nmpaa.test"
    site_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_up_pages["advocate"].url, valid_data("advocate"))
    confirmation = mail.outbox[-1]
    assert "call us on (877) US-NMPAA (877) 876-6722." in confirmation.body
