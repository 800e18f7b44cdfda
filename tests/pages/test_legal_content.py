"""The facts the loaded guidance states, checked against the treaties and the source text."""

import re

import pytest

from tests.factories import publish_help_line
from tests.pages.test_load_site_content import published_text, visible_text


def page_text(client, url):
    return main_text(client.get(url).text)


def main_text(html):
    """The visible text of the page's main content, with a link's closing stop put back."""
    text = visible_text(html[html.index("<main") : html.index("</main>")])
    return re.sub(r" ([.,])", r"\1", text)


@pytest.mark.django_db
def test_palermo_page_says_the_general_assembly_adopted_it(client, loaded_site):
    text = page_text(client, "/legal-framework/palermo-protocol/")
    assert "General Assembly adopted the Protocol in New York on November 15, 2000" in text
    assert "resolution 55/25" in text
    assert "opened for signature" in text
    assert "conference in Palermo, Italy" in text
    assert "adopted in 2000 together with" not in text


@pytest.mark.django_db
def test_crc_page_says_best_interests_are_a_primary_consideration(client, loaded_site):
    text = page_text(client, "/legal-framework/convention-on-the-rights-of-the-child/")
    assert "a primary consideration" in text
    assert "best interests first" not in text


@pytest.mark.django_db
def test_crc_page_says_the_united_states_signed_but_has_not_ratified(client, loaded_site):
    html = client.get("/legal-framework/convention-on-the-rights-of-the-child/").text
    assert "signed the Convention on February 16, 1995, but has not ratified it" in visible_text(
        html
    )
    assert "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&amp;mtdsg_no=IV-11" in html


@pytest.mark.django_db
def test_ilo_page_says_it_binds_only_the_countries_that_ratified_it(client, loaded_site):
    html = client.get("/legal-framework/ilo-forced-labour-protocol/").text
    assert "binds only the countries that have ratified it" in visible_text(html)
    assert "P11300_INSTRUMENT_ID:3174672" in html  # the ILO's own list of ratifications


PARTNER_CALL = (
    "If you would like to partner with The National Missing Persons Advocate Association "
    "or you would like to become an advocate please contact us at"
)


@pytest.mark.django_db
def test_section_page_ends_with_the_call_to_partner_and_the_nmpaa_number(client, loaded_site):
    text = page_text(client, "/legal-framework/")
    call = text.index(PARTNER_CALL)
    assert text.index("freedom of all individuals.") < call
    assert f"{PARTNER_CALL} (877) US-NMPAA (877) 876-6722." in text
    html = client.get("/legal-framework/").text
    main = html[html.index("<main") : html.index("</main>")]
    assert 'href="tel:+18778766722"' in main


@pytest.mark.django_db
def test_section_page_takes_the_partner_number_from_site_settings(client, loaded_site):
    publish_help_line("nmpaa", shown="(202) 555-0143", dialled="+12025550143")
    html = client.get("/legal-framework/").text
    assert f"{PARTNER_CALL} (202) 555-0143." in main_text(html)
    assert 'href="tel:+12025550143"' in html[html.index("<main") :]
    assert "876-6722" not in main_text(html)


@pytest.mark.django_db
def test_site_text_uses_us_spelling(loaded_site):
    text = published_text().lower()
    for british in ("colour", "organisation", "programme", "centre", "behaviour"):
        assert british not in text, british
