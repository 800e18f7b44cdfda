"""Development only: two appeals about made-up people, each marked "Example — not a real
person", to see the pages, cards and poster. Refuses to run with production settings."""

import datetime
import io

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError

from wagtail.images import get_image_model
from wagtail.models import Site

from PIL import Image, ImageDraw

from appeals.models import AppealIndexPage, AppealPage, AppealPhoto
from appeals.records import ConsentRecord, PoliceVerification

# 555-0100 to 555-0199 are reserved for fiction; the agency and town do not exist.
DEMO = [
    {"title": "Example Person One", "last_seen_state": "GA", "colour": (70, 110, 150)},
    {"title": "Example Person Two", "last_seen_state": "OH", "colour": (150, 90, 70)},
]


def placeholder_photo(title, colour):
    image = Image.new("RGB", (400, 500), colour)
    ImageDraw.Draw(image).text((20, 240), "EXAMPLE - NOT A REAL PERSON", fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return get_image_model().objects.create(
        title=f"{title} (example)", file=ImageFile(out, name="example-appeal.jpg")
    )


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        if (settings.SETTINGS_MODULE or "").endswith(".production") or not settings.DEBUG:
            raise CommandError("create_demo_appeals is for development only: it never runs here.")
        home = Site.objects.get(is_default_site=True).root_page
        index = AppealIndexPage.objects.first()
        if index is None:
            index = AppealIndexPage(title="Missing persons", slug="missing-persons")
            home.add_child(instance=index)
            index.save_revision().publish()
        for number, demo in enumerate(DEMO, start=1):
            if AppealPage.objects.filter(title=demo["title"]).exists():
                self.stdout.write(f"unchanged: {demo['title']}")
                continue
            self.create(index, number, demo)
            self.stdout.write(f"created: {demo['title']}")

    def create(self, index, number, demo):
        page = AppealPage(
            title=demo["title"],
            is_example=True,
            age_then=14 + number,
            sex="female" if number == 1 else "male",
            race_ethnicity="Example",
            height_inches=62 + number,
            weight_pounds=110 + 10 * number,
            hair="Black",
            eyes="Brown",
            clothing="An example blue hoodie",
            last_seen_on=datetime.date(2025, number, 10),
            last_seen_city="Exampleville",
            last_seen_state=demo["last_seen_state"],
            circumstances="This is an example appeal about a made-up person, to show the page.",
            agency_name="Example County Sheriff's Office",
            agency_phone=f"+120255501{number:02d}",
            agency_case_number=f"EXAMPLE-{number}",
        )
        page.photos.add(
            AppealPhoto(
                image=placeholder_photo(demo["title"], demo["colour"]),
                alt_text=f"Placeholder for {demo['title']}: a plain coloured square",
                taken_on=datetime.date(2024, 12, 1),
                rights_holder="Example family",
            )
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        ConsentRecord.objects.create(
            appeal=page,
            given_by="Example Parent",
            relationship="Parent (example)",
            given_on=datetime.date(2025, number, 12),
            scope_web=True,
            scope_print=True,
            document=ImageFile(io.BytesIO(b"Example consent: not a real document"), "example.txt"),
        )
        PoliceVerification.objects.create(
            appeal=page,
            agency="Example County Sheriff's Office",
            contact="Example Detective",
            method="Example: not a real verification",
            verified_on=datetime.date(2025, number, 13),
        )
