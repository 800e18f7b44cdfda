"""The StreamField blocks editors build page bodies from."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from core import contacts

# The rich-text features short fields offer editors (intros, summaries, conclusions).
INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


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


# Which help line a HelpNumberBlock shows, by its fixed slug; its number is read from the
# approved help lines when the page renders.
HELP_NUMBER_CHOICES = [(line.slug, line.name) for line in contacts.BUILT_IN]


class HelpNumberBlock(blocks.StructBlock):
    """A help line's number, so no number is ever typed into a page."""

    number = blocks.ChoiceBlock(choices=HELP_NUMBER_CHOICES, default="emergency")

    class Meta:
        icon = "mail"
        label = "Help number"
        template = "blocks/help_number_block.html"


HTTPS_ERROR = (
    "Enter the full web address of the official page, starting with https:// "
    "(for example https://www.missingkids.org/gethelpnow/support)."
)


class SourceBlock(blocks.StructBlock):
    """An official page a guide relies on."""

    title = blocks.CharBlock(max_length=200, help_text="The page's name, as its owner gives it.")
    url = blocks.URLBlock(label="web address", help_text="Starts with https://")

    class Meta:
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url") or ""
        if not url.startswith("https://") or len(url) <= len("https://"):
            raise StructBlockValidationError(block_errors={"url": ValidationError(HTTPS_ERROR)})
        return value


class ChecklistGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    items = blocks.ListBlock(blocks.CharBlock(max_length=200, label="thing to do"))

    class Meta:
        icon = "tick"
        label = "Checklist group"


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
    help_number = HelpNumberBlock()
