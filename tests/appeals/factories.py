"""Appeals with obviously fictional people, agencies and numbers (555-01xx is reserved for
fiction). Pass `parent=` an AppealIndexPage."""

import datetime
import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import factory
from PIL import Image as PillowImage

from appeals.models import AppealIndexPage, AppealPage, AppealPhoto
from appeals.records import ConsentRecord, PoliceVerification
from tests.factories import PageFactory

FICTIONAL_PHONE = "+12025550123"
AGENCY = "Example County Sheriff's Office"


def jpeg_bytes(size=(60, 80), colour=(120, 90, 60), exif=None):
    out = io.BytesIO()
    image = PillowImage.new("RGB", size, colour)
    image.save(out, format="JPEG", **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def make_image(title="Example photo", data=None):
    data = data or jpeg_bytes()
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(data), name="example.jpg")
    )


class AppealIndexPageFactory(PageFactory):
    title = "Missing persons"
    slug = "missing-persons"
    intro = "People whose families have asked us to help find them."
    show_in_menus = True

    class Meta:
        model = AppealIndexPage


class AppealPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Example Person {n}")
    age_then = 15
    sex = "female"
    race_ethnicity = "Example ethnicity"
    height_inches = 64
    weight_pounds = 120
    hair = "Black"
    eyes = "Brown"
    clothing = "A red example jacket"
    last_seen_on = datetime.date(2025, 6, 1)
    last_seen_city = "Exampleville"
    last_seen_state = "TX"
    circumstances = "Example Person was last seen leaving an example school. This is made up."
    agency_name = AGENCY
    agency_phone = FICTIONAL_PHONE
    agency_case_number = "EX-0000-TEST"

    class Meta:
        model = AppealPage

    @classmethod
    def _create(cls, model_class, *args, parent=None, photo=True, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        if photo:
            page.photos.add(
                AppealPhoto(
                    image=make_image(),
                    alt_text=f"{page.title} smiling",
                    taken_on=datetime.date(2025, 1, 1),
                    rights_holder="The Example family",
                )
            )
        if not publish:
            page.live = False  # a draft, as an editor leaves it before submitting
        parent.add_child(instance=page)
        revision = page.save_revision(user=kwargs.get("owner"))
        if publish:
            revision.publish()
        return page


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    given_by = "Consenting Example Parent"
    relationship = "Mother"
    given_on = datetime.date(2025, 6, 3)
    scope_web = True
    scope_print = True
    document = factory.django.FileField(filename="consent.pdf", data=b"%PDF-1.4 example")

    class Meta:
        model = ConsentRecord


class PoliceVerificationFactory(factory.django.DjangoModelFactory):
    agency = AGENCY
    contact = "Example Detective, missing persons unit"
    method = "Called the agency's public number and spoke to the case officer"
    verified_on = datetime.date(2025, 6, 4)

    class Meta:
        model = PoliceVerification
