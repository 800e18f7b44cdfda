import datetime
import io

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.test import override_settings
from django.utils.html import escape

import pytest
from PIL import Image as PillowImage

from appeals.records import PoliceVerification
from tests.appeals.factories import (
    AGENCY,
    AppealPageFactory,
    ConsentRecordFactory,
    PoliceVerificationFactory,
    jpeg_bytes,
    make_image,
)

pytestmark = pytest.mark.django_db


def test_appeal_page_shows_the_person_and_how_to_call_the_agency(client, appeal):
    html = client.get(appeal.url).content.decode()
    assert "Example Person" in html
    assert "Missing since June 1, 2025 from Exampleville, Texas" in html
    assert 'href="tel:+12025550123"' in html and "(202) 555-0123" in html
    assert 'href="tel:911"' in html
    assert f"Last confirmed with {escape(AGENCY)} on June 4, 2025" in html
    assert "Share only this page" in html
    assert "Download poster (PDF)" in html


def test_appeal_page_never_shows_the_consent_records(client, appeal):
    html = client.get(appeal.url).content.decode()
    assert "Consenting Example Parent" not in html
    assert "consent.pdf" not in html


def test_last_confirmed_is_the_verification_date_not_today(client, appeal):
    PoliceVerificationFactory(appeal=appeal, verified_on=datetime.date(2025, 7, 9))
    html = client.get(appeal.url).content.decode()
    assert "Last confirmed with Example County Sheriff&#x27;s Office on July 9, 2025" in html


def test_review_date_defaults_to_thirty_days_after_verification(appeal):
    record = PoliceVerification.objects.get(appeal=appeal)
    assert record.review_on == datetime.date(2025, 7, 4)


def test_open_graph_image_is_the_appeals_photo(client, appeal):
    html = client.get(appeal.url).content.decode()
    rendition = appeal.photo.image.get_rendition("max-800x1000")
    assert f'<meta property="og:image" content="http://testserver{rendition.url}">' in html
    assert '<meta property="og:image:alt" content="Example Person smiling">' in html


def test_index_lists_appeals_newest_first_with_photo_alt(client, appeal_index):
    AppealPageFactory(parent=appeal_index, title="Example Older")
    AppealPageFactory(parent=appeal_index, title="Example Newer")
    html = client.get(appeal_index.url).content.decode()
    assert html.index("Example Newer") < html.index("Example Older")
    assert 'alt="Photo of Example Newer"' in html


def test_index_filters_by_state_and_year(client, appeal_index):
    AppealPageFactory(parent=appeal_index, title="Example Texan", last_seen_state="TX")
    AppealPageFactory(
        parent=appeal_index,
        title="Example Ohioan",
        last_seen_state="OH",
        last_seen_on=datetime.date(2024, 3, 2),
    )
    by_state = client.get(appeal_index.url, {"state": "OH"}).content.decode()
    assert "Example Ohioan" in by_state and "Example Texan" not in by_state
    by_year = client.get(appeal_index.url, {"year": "2025"}).content.decode()
    assert "Example Texan" in by_year and "Example Ohioan" not in by_year
    # A value from no appeal is ignored, not an error.
    assert client.get(appeal_index.url, {"year": "abc", "state": "<x>"}).status_code == 200


def test_index_says_honestly_when_there_are_no_appeals(client, appeal_index):
    html = client.get(appeal_index.url).content.decode()
    assert "There are no appeals on this site at the moment" in html


def bad(appeal, **changes):
    for name, value in changes.items():
        setattr(appeal, name, value)
    with pytest.raises(ValidationError) as raised:
        appeal.full_clean()
    return raised.value.message_dict


def test_a_date_last_seen_in_the_future_is_refused(appeal):
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    errors = bad(appeal, last_seen_on=tomorrow)
    assert "is in the future" in errors["last_seen_on"][0]


def test_age_now_lower_than_age_then_is_refused(appeal):
    errors = bad(appeal, age_then=15, age_now_given=12)
    assert errors["age_now_given"] == [
        "The age now (12) is lower than the age when last seen (15)."
    ]


def test_height_and_weight_outside_human_range_are_refused(appeal):
    errors = bad(appeal, height_inches=660, weight_pounds=1)
    assert "height_inches" in errors and "weight_pounds" in errors


def test_an_agency_phone_that_does_not_parse_is_refused(appeal):
    errors = bad(appeal, agency_phone="555-CALL-NOW")
    assert "Write the number as +" in errors["agency_phone"][0]


def test_a_photo_without_alt_text_is_refused(appeal):
    photo = appeal.photo
    photo.alt_text = ""
    with pytest.raises(ValidationError) as raised:
        photo.full_clean()
    assert raised.value.message_dict["alt_text"] == [
        "Describe the photo for people who cannot see it."
    ]


def test_consent_without_any_scope_is_refused(appeal):
    record = ConsentRecordFactory.build(appeal=appeal, scope_web=False, scope_print=False)
    with pytest.raises(ValidationError, match="at least one"):
        record.full_clean()


def gps_exif():
    exif = PillowImage.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (38.0, 53.0, 23.0)
    gps[3] = "W"
    gps[4] = (77.0, 2.0, 11.0)
    exif[0x010F] = "Example camera maker"
    return exif.tobytes()


def test_uploaded_photos_and_renditions_lose_their_gps_tags():
    data = jpeg_bytes(exif=gps_exif())
    assert PillowImage.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the test's premise
    image = make_image(data=data)
    with image.open_file() as original:
        assert not PillowImage.open(original).getexif()
    rendition = image.get_rendition("width-40")
    with rendition.file.open() as small:
        assert not PillowImage.open(small).getexif()


def test_signed_consent_is_stored_where_no_url_reaches_it(client, appeal, django_user_model):
    record = appeal.consent_records.get()
    private = storages["private"]
    assert private.exists(record.document.name)
    assert not storages["default"].exists(record.document.name)
    with pytest.raises(ValueError):
        record.document.url  # noqa: B018 - the private storage has no URL at all
    download = f"/admin/appeals/consent/{record.pk}/document/"
    assert client.get(download).status_code in (302, 403)  # the public: the sign-in page
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.add(*_admin_access())
    client.force_login(editor)
    assert client.get(download).status_code == 302  # sent back to the dashboard
    approver = django_user_model.objects.create_superuser("boss", password="x")
    client.force_login(approver)
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 example"


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="access_admin")


@override_settings(DEBUG=False)
def test_content_loader_adds_no_appeals(loaded_site):
    from appeals.models import AppealPage

    assert not AppealPage.objects.exists()


def test_appeals_live_only_under_the_missing_persons_index():
    from appeals.models import AppealIndexPage, AppealPage
    from pages.models import HomePage

    assert AppealPage.allowed_parent_page_models() == [AppealIndexPage]
    assert AppealIndexPage.allowed_parent_page_models() == [HomePage]
    assert AppealPage.allowed_subpage_models() == []
