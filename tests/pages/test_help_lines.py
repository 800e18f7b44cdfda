"""Help lines: bad input gets a specific error and nothing is published; good input passes."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from pages.models import HelpLine, SiteSettings

pytestmark = pytest.mark.django_db

# field: (bad value, words of its error)
BAD_INPUT = {
    "source not https": ("source_url", "http://humantraffickinghotline.org/", "https://"),
    "source not official": (
        "source_url",
        "https://humantraffickinghotline.example.com/",
        "not on the list of official sources",
    ),
    "verified in the future": ("last_verified_on", "2999-01-01", "in the future"),
    "shown digits differ": ("shown", "1-888-373-7899", "is not the number dialled"),
    "dialled does not parse": ("dialled", "+1888373788", "is not a phone number that can be"),
    "empty name": ("name", "", "the name people know it by"),
}


def hotline():
    return HelpLine.objects.get(slug="trafficking_hotline")


def errors_for(line):
    try:
        line.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_model_refuses_bad_input_with_a_specific_error(site, case):
    field, value, words = BAD_INPUT[case]
    line = hotline()
    if field == "last_verified_on":
        value = datetime.date.fromisoformat(value)
    setattr(line, field, value)
    errors = errors_for(line)
    assert list(errors) == [field]
    assert words in " ".join(errors[field])


def test_real_numbers_vanity_numbers_and_short_codes_pass(site):
    for line in HelpLine.objects.all():
        assert errors_for(line) == {}, line.slug
    line = HelpLine.objects.get(slug="missing_children")
    line.shown = "1-800-THE-LOST"  # letters alone: pages add the digits
    assert errors_for(line) == {}
    line.shown = "1-800-THE-LOSX"  # letters that spell another number
    assert "is not the number dialled" in errors_for(line)["shown"][0]


def test_staff_can_add_an_official_domain_in_site_settings(site):
    line = hotline()
    line.source_url = "https://www.polarisproject.org/"
    assert "source_url" in errors_for(line)
    site_settings = SiteSettings.for_site(site)
    site_settings.official_source_domains += "\npolarisproject.org"
    site_settings.save()
    assert errors_for(line) == {}


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    return client


def edit_data(line, **changes):
    fields = [
        "name", "slug", "purpose", "shown", "dialled", "sms_number", "sms_keyword", "hours",
        "languages", "website", "email", "source_url", "verified_by", "review_every_days",
        "sort_order",
    ]  # fmt: skip
    data = {name: getattr(line, name) for name in fields}
    data["last_verified_on"] = ""
    data["active"] = "on"
    return data | changes


@pytest.mark.parametrize("case", BAD_INPUT)
def test_admin_form_shows_the_error_keeps_the_input_and_publishes_nothing(site, staff_client, case):
    field, value, words = BAD_INPUT[case]
    line = hotline()
    url = reverse("wagtailsnippets_pages_helpline:edit", args=[line.pk])
    response = staff_client.post(url, edit_data(line, **{field: value}) | {"action-submit": "1"})
    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors[field])
    if value:
        assert value in response.text  # what was typed is still in the form
    line.refresh_from_db()
    assert (line.live, line.shown, line.has_unpublished_changes) == (True, "1-888-373-7888", False)
    assert line.revisions.count() == 0


def test_the_loader_creates_missing_lines_and_never_changes_an_existing_one(site):
    import io

    from django.core.management import call_command

    HelpLine.objects.filter(slug="hhs_oig").delete()
    line = hotline()
    line.hours = "Changed by staff"
    line.save()
    out = io.StringIO()
    call_command("load_site_content", stdout=out)
    assert "created                  help line hhs_oig" in out.getvalue()
    oig = HelpLine.objects.get(slug="hhs_oig")
    assert (oig.live, oig.dialled, oig.email, oig.last_verified_on) == (
        True,
        "+18004478477",
        "spoof@oig.hhs.gov",
        None,  # nobody has checked it yet: the loader never claims a check
    )
    assert oig.source_url == (
        "https://www.acf.hhs.gov/otip/news/spoofing-national-human-trafficking-hotline"
    )
    assert hotline().hours == "Changed by staff"
