"""An appeal's first photo as a ready rendition (url, size, alt) in the same query as what
it is shown with: a listing of 30 appeals, or a page with its verification, costs one query.

A rendition not made yet (the first view after a publish) is made through Wagtail once.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import OuterRef, Subquery

from wagtail.images import get_image_model

CARD_SPEC = "fill-400x500"
PAGE_SPEC = "max-800x1000"  # the page, its printout, the poster and shared links


@dataclass(frozen=True)
class Picture:
    url: str
    width: int
    height: int
    alt: str


def _first_photo():
    return (
        apps.get_model("appeals", "AppealPhoto")
        .objects.filter(page=OuterRef("pk"))
        .order_by("sort_order", "pk")
    )


def with_first_photo(pages, spec):
    """The pages annotated with their first photo's image id, alt text and `spec` rendition."""
    photos = _first_photo()
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(image_id=OuterRef("photo_image_id"), filter_spec=spec)
        .order_by("-pk")
    )
    return pages.annotate(
        photo_image_id=Subquery(photos.values("image_id")[:1]),
        photo_alt=Subquery(photos.values("alt_text")[:1]),
        photo_taken_on=Subquery(photos.values("taken_on")[:1]),
        photo_rights_holder=Subquery(photos.values("rights_holder")[:1]),
    ).annotate(
        rendition_file=Subquery(renditions.values("file")[:1]),
        rendition_width=Subquery(renditions.values("width")[:1]),
        rendition_height=Subquery(renditions.values("height")[:1]),
    )


def picture(row, spec, alt):
    """The Picture for an annotated page (or its values() dict); None if it has no photo."""
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name, None)
    image_id = get("photo_image_id")
    if image_id is None:
        return None
    if get("rendition_file"):
        storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
        url, width, height = (
            storage.url(get("rendition_file")),
            get("rendition_width"),
            get("rendition_height"),
        )
    else:
        rendition = get_image_model().objects.get(pk=image_id).get_rendition(spec)
        url, width, height = rendition.url, rendition.width, rendition.height
    return Picture(url=url, width=width, height=height, alt=alt)
