"""Staff set the contact details in Site settings (the help numbers are help lines now)."""

import importlib

from pages.models import SiteSettings


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
