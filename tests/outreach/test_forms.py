"""Good and hostile input, table-driven over the three forms."""

import re

import pytest

from outreach.choices import FormKind
from outreach.forms import SIGN_UP_FORMS
from tests.outreach.helpers import VALID_DATA

pytestmark = pytest.mark.django_db


def bound_form(kind, **changes):
    data = dict(VALID_DATA[kind])
    data.update(changes)
    return SIGN_UP_FORMS[kind](data={k: v for k, v in data.items() if v is not None})


@pytest.mark.parametrize("kind", list(FormKind))
def test_valid_data_is_accepted_for_every_form(kind):
    form = bound_form(kind)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("kind", "field", "value", "message"),
    [
        (FormKind.ADVOCATE, "email", "not-an-email", "Enter an email address like"),
        (FormKind.ADVOCATE, "email", "a@b", "Enter an email address like"),
        (FormKind.ADVOCATE, "phone", "12", "Enter a phone number like"),
        (FormKind.ADVOCATE, "phone", "555-CALL-NOW-NOW", "Enter a phone number like"),
        (FormKind.ADVOCATE, "name", "x" * 151, "at most 150 characters"),
        (FormKind.ADVOCATE, "name", "Ada\x00Lovelace", "Null characters are not allowed"),
        (FormKind.ADVOCATE, "message", "y" * 3001, "at most 3000 characters"),
        (FormKind.ADVOCATE, "city", "Balti\ufffdmore", "characters we could not read"),
        (FormKind.ADVOCATE, "interests", ["hacking"], "Select a valid choice"),
        (FormKind.ADVOCATE, "interests", None, "Choose at least one way to help."),
        (FormKind.ADVOCATE, "contact_methods", None, "Choose at least one safe way"),
        (FormKind.ADVOCATE, "consent", None, "Tick the box to agree"),
        (FormKind.ADVOCATE, "state", "ZZ", "Select a valid choice"),
        (FormKind.ADVOCATE, "name", "", "Enter your name."),
        (FormKind.PARTNER, "website", "not a url", "Enter a web address like"),
        (FormKind.PARTNER, "website", "javascript:alert(1)", "Enter a web address like"),
        (FormKind.PARTNER, "organisation_type", None, "Choose the type of organization."),
        (FormKind.PARTNER, "areas", None, "Choose at least one area."),
        (FormKind.TRAINING, "expected_attendees", "lots", "as a whole number"),
        (FormKind.TRAINING, "expected_attendees", "0", "of 1 or more"),
        (FormKind.TRAINING, "expected_attendees", "999999", "please call us"),
        (FormKind.TRAINING, "address", "", "Enter the address where the session"),
        (FormKind.TRAINING, "delivery", "by-pigeon", "Select a valid choice"),
        (FormKind.TRAINING, "audiences", None, "Choose at least one audience."),
    ],
)
def test_bad_input_gets_a_specific_error_on_its_field(kind, field, value, message):
    form = bound_form(kind, **{field: value})
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


@pytest.mark.parametrize(
    ("kind", "field", "typed", "stored"),
    [
        (FormKind.ADVOCATE, "email", "  Ada@Example.ORG ", "Ada@example.org"),
        (FormKind.ADVOCATE, "phone", "(212) 555-0100", "+12125550100"),
        (FormKind.ADVOCATE, "phone", "+44 20 7946 0958", "+442079460958"),
        (FormKind.ADVOCATE, "interests", ["outreach", "events"], "outreach,events"),
        (FormKind.PARTNER, "website", "grace.example.org", "https://grace.example.org"),
        (FormKind.ADVOCATE, "message", "<script>alert(1)</script>", "<script>alert(1)</script>"),
        (FormKind.ADVOCATE, "name", "Zoë O'Brien-Ñúñez 李", "Zoë O'Brien-Ñúñez 李"),
        (FormKind.TRAINING, "delivery", "online", "online"),
    ],
)
def test_good_input_is_normalised_or_kept_exactly(kind, field, typed, stored):
    changes = {field: typed}
    if field == "delivery":
        changes["address"] = ""
    form = bound_form(kind, **changes)
    assert form.is_valid(), form.errors
    instance = form.save(commit=False)
    assert str(getattr(instance, field)) == stored


def test_online_training_needs_no_address():
    assert bound_form(FormKind.TRAINING, delivery="online", address="").is_valid()


def test_every_optional_field_says_so_in_its_label():
    form = SIGN_UP_FORMS[FormKind.PARTNER]()
    for name in ["website", "role", "phone", "message", "times_to_avoid"]:
        assert "(optional)" in form.fields[name].label
    assert "(optional)" not in form.fields["email"].label


def test_the_phone_error_example_is_a_number_the_form_accepts():
    message = bound_form(FormKind.ADVOCATE, phone="12").errors["phone"][0]
    example = re.search(r"like (.+?), or", message).group(1)
    form = bound_form(FormKind.ADVOCATE, phone=example)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("kind", list(FormKind))
def test_a_confirmation_email_needs_email_to_be_a_safe_way(kind):
    form = bound_form(kind, contact_methods=["phone"], wants_confirmation="on")
    assert not form.is_valid()
    assert "Email is not ticked as a safe way to contact you" in " ".join(
        form.errors["wants_confirmation"]
    )
    assert bound_form(kind, contact_methods=["phone"], wants_confirmation=None).is_valid()
    assert bound_form(kind, contact_methods=["email"], wants_confirmation="on").is_valid()
