"""Staff place a sign-up page in the tree and edit the words around the form."""

from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from outreach.models import SignUpPage
from pages.models import FamilyGuideSectionPage, HomePage, StandardPage
from tests.factories import HomePageFactory


class SignUpPageTests(WagtailPageTestCase):
    def test_sign_up_pages_go_under_home_standard_or_family_pages_and_have_no_children(self):
        self.assertAllowedParentPageTypes(
            SignUpPage, {HomePage, StandardPage, FamilyGuideSectionPage}
        )
        self.assertAllowedSubpageTypes(SignUpPage, set())

    def test_staff_can_create_a_sign_up_page_in_the_admin(self):
        self.login()
        home = HomePageFactory(parent=SignUpPage.get_first_root_node(), slug="sign-up-home")
        self.assertCanCreate(
            home,
            SignUpPage,
            nested_form_data(
                {
                    "title": "Volunteer with us",
                    "slug": "volunteer",
                    "form_kind": "advocate",
                    "intro": rich_text("<p>Join us.</p>"),
                    "privacy_line": rich_text("<p>We keep it safe.</p>"),
                    "thank_you_text": rich_text("<p>We will call you.</p>"),
                }
            ),
        )
        page = SignUpPage.objects.get(slug="volunteer")
        assert page.form_kind == "advocate"
        assert "We will call you." in page.thank_you_text


@pytest.mark.django_db
def test_home_page_links_every_public_sign_up_page_but_not_private_ones(client, sign_up_pages):
    private = sign_up_pages["training"]
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    unpublished = sign_up_pages["partner"]
    unpublished.unpublish()

    html = client.get("/").text
    links = html[html.index("Get involved") :]
    assert f'href="{sign_up_pages["advocate"].url}"' in links
    assert f'href="{private.url}"' not in links
    assert f'href="{unpublished.url}"' not in links
