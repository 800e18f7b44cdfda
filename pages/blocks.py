"""The StreamField blocks editors build page bodies from."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use sub-headings only under a section heading.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("important", "Important"), ("help", "Help")],
        default="info",
    )
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="What the image shows, for people who cannot see it.",
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="Tick only if the image adds nothing to the text; it then needs no alt text.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError("Describe the image, or mark it as decorative.")
                }
            )
        return value


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Use either a page or a web address.")

    class Meta:
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or enter a web address.")}
            )
        return value


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock())

    class Meta:
        icon = "list-ul"
        template = "blocks/link_list_block.html"


class RelatedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Related pages", max_length=120)
    pages = blocks.ListBlock(blocks.PageChooserBlock())

    class Meta:
        icon = "doc-full"
        # Shared with articles' "related pages" field; it takes `heading` and `pages`.
        template = "includes/related_pages.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        return context | {"heading": value["heading"], "pages": value["pages"]}


class BodyBlock(blocks.StreamBlock):
    """The one body every page type shares."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph_block.html",
    )
    quote = QuoteBlock()
    callout = CalloutBlock()
    figure = FigureBlock()
    link_list = LinkListBlock()
    related_pages = RelatedPagesBlock()
