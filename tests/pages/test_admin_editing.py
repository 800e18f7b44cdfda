"""Staff build and edit the guidance in the Wagtail admin."""

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from pages.blocks import FigureBlock
from pages.models import ConventionPage, LegalFrameworkPage
from tests.factories import HomePageFactory, LegalFrameworkPageFactory


class EditorCreatesArticlesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        tree_root = ConventionPage.get_first_root_node()
        tree_root.get_children().delete()  # Wagtail's placeholder "Welcome" page
        home = HomePageFactory(parent=tree_root)
        cls.section = LegalFrameworkPageFactory(parent=home)

    def setUp(self):
        self.login()

    def test_editor_can_create_a_convention_page_with_a_body(self):
        self.assertCanCreate(
            self.section,
            ConventionPage,
            nested_form_data(
                {
                    "title": "Forced Labour Convention",
                    "slug": "forced-labour-convention",
                    "official_title": "Forced Labour Convention, 1930 (No. 29)",
                    "common_name": "",
                    "adopting_body": "International Labour Organization",
                    "year_adopted": 1930,
                    "official_text_url": "https://example.org/c029",
                    "summary": "An early treaty against forced labour.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Why it matters", "level": "h2"}),
                            ("paragraph", rich_text("<p>It still applies today.</p>")),
                        ]
                    ),
                    "related_pages": streamfield([]),
                }
            ),
        )
        page = ConventionPage.objects.get(slug="forced-labour-convention")
        assert [block.block_type for block in page.body] == ["heading", "paragraph"]

    def test_section_page_is_editable(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.section.pk]))
        assert response.status_code == 200
        assert isinstance(self.section, LegalFrameworkPage)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value, error_expected",
    [
        ({"alt_text": "", "decorative": False}, True),
        ({"alt_text": "   ", "decorative": False}, True),
        ({"alt_text": "A volunteer at a stall", "decorative": False}, False),
        ({"alt_text": "", "decorative": True}, False),
    ],
)
def test_figure_needs_alt_text_unless_decorative(value, error_expected):
    block = FigureBlock()
    image = Image.objects.create(title="Stall", file=get_test_image_file())
    data = {"image": image.pk, "caption": ""} | value
    if error_expected:
        with pytest.raises(ValidationError):
            block.clean(block.to_python(data))
    else:
        block.clean(block.to_python(data))
