"""Each page type renders in a fixed, small number of queries, however much it lists.

Counted with the page cache off (as in the test settings): this is the cost of the first
visitor after a publish. The second of two identical requests is counted, so process-wide
caches (content types, site root paths) are warm, as on a running server.
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from outreach.models import SignUpPage
from pages.models.help_lines import live_lines
from tests.appeals.factories import AppealIndexPageFactory, AppealPageFactory
from tests.factories import (
    ConventionPageFactory,
    FamilyChecklistPageFactory,
    FamilyGuidePageFactory,
    FamilyGuideSectionPageFactory,
    InitiativePageFactory,
    LegalFrameworkPageFactory,
    RolePageFactory,
    StandardPageFactory,
)

QUERY_BUDGET = 8
ARTICLE_FACTORIES = [ConventionPageFactory, RolePageFactory, InitiativePageFactory]


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


class GrowingSite:
    """A section, an article, an about page and the home page, each listing `count` pages."""

    def __init__(self, home_page):
        self.home = home_page
        self.section = LegalFrameworkPageFactory(parent=home_page, title="Legal framework")
        self.about = StandardPageFactory(parent=home_page, title="About", show_in_menus=True)
        self.article = ConventionPageFactory(parent=self.section, title="Palermo Protocol")
        self.families = FamilyGuideSectionPageFactory(parent=home_page, show_in_menus=True)
        self.guide = FamilyGuidePageFactory(parent=self.families, title="Right now")
        self.checklist = FamilyChecklistPageFactory(parent=self.families)
        self.request_form = SignUpPage(title="Ask NMPAA for help", slug="ask", form_kind="family")
        self.families.add_child(instance=self.request_form)
        self.count = 0

    def grow_to(self, count):
        while self.count < count:
            self.count += 1
            number = self.count
            factory = ARTICLE_FACTORIES[number % len(ARTICLE_FACTORIES)]
            listed = factory(parent=self.section, title=f"Searchable article {number}")
            StandardPageFactory(parent=self.about, title=f"About part {number}")
            StandardPageFactory(parent=self.home, title=f"Menu page {number}", show_in_menus=True)
            FamilyGuidePageFactory(parent=self.families, title=f"Guide step {number}")
            self.article.related_pages.append(("page", listed))
        self.article.save_revision().publish()

    def urls(self):
        return {
            "home": "/",
            "legal framework section": self.section.url,
            "convention article": self.article.url,
            "standard page": self.about.url,
            "family guide section": self.families.url,
            "family guide page": self.guide.url,
            "family checklist page": self.checklist.url,
            "family help request form": self.request_form.url,
            "search results": "/search/?q=searchable",
        }


@pytest.fixture
def growing_site(site, home_page):
    return GrowingSite(home_page)


def test_every_page_type_stays_within_the_query_budget_as_listings_grow(client, growing_site):
    growing_site.grow_to(3)
    with_three = {name: queries_for(client, url) for name, url in growing_site.urls().items()}
    growing_site.grow_to(30)
    with_thirty = {name: queries_for(client, url) for name, url in growing_site.urls().items()}

    assert with_thirty == with_three
    over_budget = {name: count for name, count in with_three.items() if count > QUERY_BUDGET}
    assert over_budget == {}, f"budget is {QUERY_BUDGET} queries"


def test_listings_show_what_they_list_with_thirty_pages(client, growing_site):
    growing_site.grow_to(30)

    section = client.get(growing_site.section.url).text
    article = client.get(growing_site.article.url).text
    home = client.get("/").text

    assert section.count('class="card"') == 31
    assert "A short summary of the role." in section
    assert article.count('class="card"') == 30
    assert "A short summary of the initiative." in article
    assert "Menu page 30" in home
    families = client.get(growing_site.families.url).text
    # Two pages and the request form, then one added per step.
    assert families.count('class="card"') == 33
    assert "A short summary of the guide page." in families


def test_related_pages_block_in_a_body_costs_the_same_for_any_number_of_pages(
    client, site, home_page
):
    section = LegalFrameworkPageFactory(parent=home_page)
    listed = [ConventionPageFactory(parent=section, title=f"Listed {n}") for n in range(30)]
    counts = {}
    for count in (3, 30):
        page = StandardPageFactory(
            parent=home_page,
            title=f"Reading list {count}",
            body=[("related_pages", {"heading": "Read next", "pages": listed[:count]})],
        )
        html = client.get(page.url).text
        assert html.count('class="card"') == count
        assert "A short summary of the convention." in html
        counts[count] = queries_for(client, page.url)

    assert counts[3] == counts[30]
    # The stream's page choosers (1) and the cards with their summaries (1) above the budget.
    assert counts[30] <= QUERY_BUDGET + 2


def test_related_pages_leave_out_unpublished_pages(client, site, home_page):
    section = LegalFrameworkPageFactory(parent=home_page)
    draft = RolePageFactory(parent=section, title="Unfinished draft")
    draft.unpublish()
    article = ConventionPageFactory(parent=section, related_pages=[("page", draft)])

    assert "Unfinished draft" not in client.get(article.url).text


def test_the_family_help_request_form_stays_within_the_budget_with_nothing_cached(
    client, growing_site
):
    url = growing_site.request_form.url
    client.get(url)  # process-wide caches warm, as on a running server
    cache.clear()  # but no blank form or settings in the content cache: a publish just happened
    live_lines()  # a page publish leaves the help lines in the cache, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert 'name="missing_first_name"' in response.text
    assert len(queries.captured_queries) <= QUERY_BUDGET


def test_appeals_index_and_appeal_stay_within_the_budget_as_appeals_grow(client, site, home_page):
    index = AppealIndexPageFactory(parent=home_page)
    appeal = AppealPageFactory(parent=index)
    counts = {}
    for total in (3, 30):
        while index.get_children().count() < total:
            AppealPageFactory(parent=index)
        html = client.get(index.url).text
        assert html.count('class="card appeal-card"') == total
        counts[total] = {
            "index": queries_for(client, index.url),
            "filtered index": queries_for(client, index.url + "?state=TX&year=2025"),
            "appeal": queries_for(client, appeal.url),
        }
    assert counts[3] == counts[30]
    assert max(counts[30].values()) <= QUERY_BUDGET, counts
