"""Staff set the contact details and help numbers; nothing unchecked reaches a tel: link."""

import importlib

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from pages.models import SiteSettings

BAD_VALUES = {
    "trafficking_hotline_number": ("1-888-373-7888 (24/7", "+ then the country code"),
    "emergency_number": ("9-1-1", "digits only"),
    "missing_children_number": ("1-800-THE-LOST", "+ then the country code"),
    "phone_number": ("+1877876672", "is not a phone number that can be dialled"),
    "trafficking_hotline_text": ("text 233733", "digits only"),
}
GOOD_VALUES = {
    "trafficking_hotline_number": "+18883737888",
    "emergency_number": "911",
    "trafficking_hotline_text": "233733",
    "missing_children_number": "+18008435678",
}


def clean_errors(site_settings):
    try:
        site_settings.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.mark.parametrize("field", BAD_VALUES)
def test_model_refuses_an_undiallable_number_with_a_specific_message(site, field):
    value, message = BAD_VALUES[field]
    site_settings = SiteSettings.for_site(site)
    setattr(site_settings, field, value)
    errors = clean_errors(site_settings)
    assert list(errors) == [field]
    assert message in " ".join(errors[field])


def test_model_accepts_real_numbers_and_short_codes(site):
    site_settings = SiteSettings.for_site(site)
    for field, value in GOOD_VALUES.items():
        setattr(site_settings, field, value)
    assert clean_errors(site_settings) == {}


def test_shown_vanity_number_needs_its_digits_beside_it(site):
    site_settings = SiteSettings.for_site(site)
    site_settings.missing_children_display = "1-800-THE-LOST"
    errors = clean_errors(site_settings)
    assert list(errors) == ["missing_children_display"]
    assert "(800) 843-5678" in errors["missing_children_display"][0]


def test_shown_number_must_be_the_number_dialled(site):
    site_settings = SiteSettings.for_site(site)
    site_settings.trafficking_hotline_display = "1-888-373-7899"
    errors = clean_errors(site_settings)
    assert list(errors) == ["trafficking_hotline_display"]
    assert "+18883737888" in errors["trafficking_hotline_display"][0]


def test_shown_text_may_add_words_around_the_number(site):
    site_settings = SiteSettings.for_site(site)
    site_settings.trafficking_hotline_display = "1-888-373-7888 (24/7)"
    assert clean_errors(site_settings) == {}


def test_nmpaa_vanity_number_must_spell_the_number_dialled(site):
    site_settings = SiteSettings.for_site(site)
    site_settings.phone_display = "(877) US-NMPAX"
    errors = clean_errors(site_settings)
    assert list(errors) == ["phone_display"]


def form_data(site_settings, **changes):
    fields = [
        "organisation_name", "phone_display", "phone_number", "email", "footer_text",
        "staff_notification_email", "emergency_number", "trafficking_hotline_display",
        "trafficking_hotline_number", "trafficking_hotline_text", "missing_children_display",
        "missing_children_number", "alert_banner_text", "quick_exit_url",
    ]  # fmt: skip
    data = {name: getattr(site_settings, name) for name in fields}
    data["get_help_text"] = '{"blocks": [], "entityMap": {}}'
    data["default_share_image"] = ""
    return data | changes


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return client


def edit_url(site):
    return reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk])


def test_admin_form_refuses_bad_numbers_per_field_and_keeps_what_was_typed(site, staff_client):
    site_settings = SiteSettings.for_site(site)
    bad = {field: value for field, (value, _) in BAD_VALUES.items()}
    response = staff_client.post(edit_url(site), form_data(site_settings, **bad))
    assert response.status_code == 200
    form = response.context["form"]
    for field, (value, message) in BAD_VALUES.items():
        assert message in " ".join(form.errors[field])
        assert f'value="{value}"' in response.text
    assert SiteSettings.objects.get(pk=site_settings.pk).emergency_number == "911"


def test_admin_form_saves_real_numbers(site, staff_client):
    site_settings = SiteSettings.for_site(site)
    data = form_data(site_settings, **GOOD_VALUES)
    response = staff_client.post(edit_url(site), data)
    assert response.status_code == 302, response.context["form"].errors
    saved = SiteSettings.objects.get(pk=site_settings.pk)
    assert (saved.trafficking_hotline_number, saved.trafficking_hotline_text) == (
        "+18883737888",
        "233733",
    )


def test_no_contact_email_is_invented(site):
    site_settings = SiteSettings.for_site(site)
    assert site_settings.email == ""
    assert site_settings.staff_notification_email == ""


def test_without_an_email_the_site_shows_no_email(client, site):
    html = client.get("/").text
    assert "mailto:" not in html
    assert "Email:" not in html
    assert '"email"' not in html  # nor in the organisation's structured data


def test_an_email_staff_set_is_shown(client, site):
    site_settings = SiteSettings.for_site(site)
    site_settings.email = "help@example.org"
    site_settings.save()
    html = client.get("/").text
    assert 'href="mailto:help@example.org"' in html


def test_migration_clears_the_invented_addresses_and_keeps_real_ones(site):
    from django.apps import apps

    migration = importlib.import_module(
        "pages.migrations.0004_site_settings_no_invented_emails_checked_numbers"
    )
    site_settings = SiteSettings.for_site(site)
    site_settings.email = "info@nmpaa.org"
    site_settings.staff_notification_email = "team@example.org"
    site_settings.save()
    migration.clear_invented_addresses(apps, None)
    site_settings.refresh_from_db()
    assert (site_settings.email, site_settings.staff_notification_email) == (
        "",
        "team@example.org",
    )
