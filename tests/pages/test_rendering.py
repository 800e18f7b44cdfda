import pytest

from tests.factories import (
    ConventionPageFactory,
    InitiativePageFactory,
    LegalFrameworkPageFactory,
    RolePageFactory,
    StandardPageFactory,
)


@pytest.fixture
def section(site, home_page):
    return LegalFrameworkPageFactory(parent=home_page, title="Legal framework")


def test_home_page_renders_intro_and_phone(client, site):
    response = client.get("/")
    assert response.status_code == 200
    assert "Welcome to the home page." in response.text
    assert 'href="tel:+18778766722"' in response.text


def test_section_lists_articles_grouped_in_tree_order(client, section):
    RolePageFactory(parent=section, title="Governments")
    ConventionPageFactory(parent=section, title="Palermo Protocol")
    InitiativePageFactory(parent=section, title="Blue Heart Campaign")
    ConventionPageFactory(parent=section, title="Rights of the Child")

    html = client.get(section.url).text

    headings = [
        section.conventions_heading,
        section.roles_heading,
        section.initiatives_heading,
    ]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)
    # Within a group, editors' tree order is kept.
    assert html.index("Palermo Protocol") < html.index("Rights of the Child")
    assert positions[0] < html.index("Palermo Protocol") < positions[1]
    assert positions[1] < html.index("Governments") < positions[2]
    assert positions[2] < html.index("Blue Heart Campaign")
    assert "How the law fights trafficking." in html
    assert "Together we can end it." in html


def test_section_leaves_out_unpublished_articles(client, section):
    draft = ConventionPageFactory(parent=section, title="Secret draft")
    draft.unpublish()
    assert "Secret draft" not in client.get(section.url).text


def test_convention_page_renders_its_facts(client, section):
    page = ConventionPageFactory(
        parent=section,
        title="Palermo Protocol",
        official_title="Protocol to Prevent, Suppress and Punish Trafficking in Persons",
        adopting_body="United Nations General Assembly",
        year_adopted=2000,
        official_text_url="https://example.org/palermo",
        summary="The key treaty.",
    )
    html = client.get(page.url).text
    for text in [
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons",
        "United Nations General Assembly",
        "2000",
        'href="https://example.org/palermo"',
        "The key treaty.",
    ]:
        assert text in html


def test_role_page_renders_responsibilities_and_collaboration(client, section):
    page = RolePageFactory(
        parent=section,
        title="NGOs",
        responsibilities="<p>Front-line support.</p>",
        collaboration="<p>Working with police.</p>",
    )
    html = client.get(page.url).text
    assert "Front-line support." in html
    assert "Working with police." in html


def test_initiative_page_renders_its_facts(client, section):
    page = InitiativePageFactory(
        parent=section,
        title="GLO.ACT",
        lead_organisations="UNODC and the European Union",
        year_launched=2015,
        what_it_does="<p>Strengthens criminal justice.</p>",
    )
    html = client.get(page.url).text
    for text in [
        "UNODC and the European Union",
        "2015",
        "Strengthens criminal justice.",
    ]:
        assert text in html


def test_article_shows_breadcrumbs_and_related_pages(client, section):
    other = RolePageFactory(parent=section, title="Law enforcement", summary="Police work.")
    page = ConventionPageFactory(parent=section, title="Palermo Protocol")
    page.related_pages = [("page", other)]
    page.save_revision().publish()

    html = client.get(page.url).text
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    assert crumbs.index("Home") < crumbs.index("Legal framework") < crumbs.index("Palermo")
    related = html[html.index("Related pages") :]
    assert "Law enforcement" in related and "Police work." in related


def test_standard_page_renders_body_blocks(client, site, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="About NMPAA",
        body=[
            ("heading", {"text": "What we do", "level": "h2"}),
            ("quote", {"quote": "Every person matters.", "attribution": "NMPAA"}),
        ],
    )
    html = client.get(page.url).text
    assert "<h2>What we do</h2>" in html
    assert "Every person matters." in html


def test_menu_shows_pages_marked_show_in_menus(client, site, home_page):
    StandardPageFactory(parent=home_page, title="In the menu", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Not in the menu", show_in_menus=False)
    html = client.get("/").text
    nav = html[html.index('aria-label="Main"') : html.index("</nav>")]
    assert "In the menu" in nav
    assert "Not in the menu" not in nav
