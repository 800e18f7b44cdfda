from pages.models import SiteSettings


def test_footer_shows_settings_staff_edit(client, site):
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "NMPAA Test Org"
    settings.footer_text = "Open every weekday."
    settings.email = "help@example.org"
    settings.save()

    html = client.get("/").text
    footer = html[html.index('class="site-footer"') :]
    assert "NMPAA Test Org" in footer
    assert "Open every weekday." in footer
    assert 'href="mailto:help@example.org"' in footer


def test_phone_link_shows_letters_and_dials_digits(client, site):
    html = client.get("/").text
    footer = html[html.index('class="site-footer"') :]
    assert (
        '<a class="phone-link" href="tel:+18778766722">(877) US-NMPAA '
        '<span class="phone-link__digits">(877) 876-6722</span></a>'
    ) in footer
